/**
 * The lines of a FlatGeobuf file as flat arrays: every feature's properties (as `decodeFlatGeobuf` gives them),
 * its geometry type, and the vertices of its LineString / MultiLineString parts in one Float64Array; no
 * `[lng, lat]` array per vertex (650k at ×50) and no GeoJSON geometry objects.
 *
 * Why: the CLI's distance thread reads the roads file with this while the main thread reads it the usual way,
 * and builds the walk network from it straight away (src/cli/speculativeRoads.ts). Null for anything that is not
 * a clean, simple file (the caller then waits for the main thread's reading, which reports what is wrong).
 */
import { ByteBuffer } from 'flatbuffers';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { fromByteBuffer } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { F_GEOMETRY, G_ENDS, G_TYPE, G_XY, Reader, bail, checkedHeader, properties } from './decode';

export interface FlatGeobufLines {
  /** CRS the header declares, as `decodeFlatGeobuf` spells it. */
  crs: string | null;
  /** Per feature, in file order; with `columns`, text/JSON/binary columns not named there are left out. */
  properties: Record<string, unknown>[];
  /** Per feature: its GeoJSON geometry type. */
  types: string[];
  /** Parts of feature f: `featureParts[f] .. featureParts[f + 1]` (none for anything but lines). */
  featureParts: Int32Array;
  /** Vertices of part p: `partStart[p] .. partStart[p + 1]` (vertex numbers). */
  partStart: Int32Array;
  /** Interleaved [lng, lat] of every line vertex, part after part. */
  lngLat: Float64Array;
}

const TYPE_NAMES: Partial<Record<number, string>> = {
  [GeometryType.Point]: 'Point',
  [GeometryType.LineString]: 'LineString',
  [GeometryType.Polygon]: 'Polygon',
  [GeometryType.MultiPoint]: 'MultiPoint',
  [GeometryType.MultiLineString]: 'MultiLineString',
  [GeometryType.MultiPolygon]: 'MultiPolygon',
};

/** Growable typed arrays (the vertex count is known only at the end). */
class Grow {
  xy = new Float64Array(1 << 16);
  xyLength = 0;
  parts = new Int32Array(1 << 12);
  partCount = 0;

  vertices(f64: Float64Array | null, r: Reader, xy: number, from: number, to: number): void {
    const need = this.xyLength + 2 * (to - from);
    if (need > this.xy.length) {
      const bigger = new Float64Array(Math.max(need, 2 * this.xy.length));
      bigger.set(this.xy.subarray(0, this.xyLength));
      this.xy = bigger;
    }
    const out = this.xy;
    let o = this.xyLength;
    if (f64) {
      for (let i = (xy >> 3) + 2 * from, e = (xy >> 3) + 2 * to; i < e; i++) out[o++] = f64[i];
    } else {
      for (let i = from; i < to; i++) {
        out[o++] = r.dv.getFloat64(xy + 16 * i, true);
        out[o++] = r.dv.getFloat64(xy + 16 * i + 8, true);
      }
    }
    this.xyLength = o;
    if (this.partCount + 2 > this.parts.length) {
      const bigger = new Int32Array(2 * this.parts.length);
      bigger.set(this.parts);
      this.parts = bigger;
    }
    this.parts[++this.partCount] = o >> 1;
  }
}

/** The parts of one LineString / MultiLineString geometry table, as `decodeFlatGeobuf` splits them. */
function lineParts(r: Reader, g: number, multi: boolean, out: Grow): void {
  const xyField = r.field(g, G_XY);
  if (xyField === 0) bail();
  const xyVec = r.typedVector(xyField, 8);
  if (xyVec.length % 2 !== 0) bail();
  const n = xyVec.length / 2;
  const endsField = multi ? r.field(g, G_ENDS) : 0;
  const ends = endsField === 0 ? null : r.typedVector(endsField, 4);
  if (!ends || ends.length === 0) {
    out.vertices(r.f64, r, xyVec.start, 0, n);
    return;
  }
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = r.dv.getUint32(ends.start + 4 * i, true);
    if (end < from || end > n) bail();
    out.vertices(r.f64, r, xyVec.start, from, end);
    from = end;
  }
  if (from !== n) bail();
}

/**
 * @example
 * ```ts
 * const lines = decodeFlatGeobufLines(bytes);
 * if (lines) console.log(lines.types.length, 'features,', lines.partStart.length - 1, 'line parts');
 * ```
 */
export function decodeFlatGeobufLines(bytes: Uint8Array, options: { columns?: ReadonlySet<string> } = {}): FlatGeobufLines | null {
  try {
    const checked = checkedHeader(bytes);
    if (!checked) return null;
    const bb = new ByteBuffer(bytes);
    const headerLength = bb.readUint32(8);
    bb.setPosition(8);
    const header = fromByteBuffer(bb);
    if ((header.columns ?? []).some((c) => c.name === '__proto__')) return null;
    if (header.featuresCount !== checked.featuresCount || header.indexNodeSize !== checked.indexNodeSize) return null;
    const r = new Reader(bytes);
    const names = (header.columns ?? []).map((c) => c.name);
    const columnTypes = (header.columns ?? []).map((c) => c.type);
    // Text columns nobody reads are stepped over; numbers are cheap to decode either way.
    const keep = options.columns ? names.map((name) => options.columns?.has(name) ?? true) : undefined;
    let offset = 12 + headerLength;
    if (header.indexNodeSize > 0) offset += calcTreeSize(header.featuresCount, header.indexNodeSize);
    const props: Record<string, unknown>[] = [];
    const types: string[] = [];
    const featureParts: number[] = [];
    const grow = new Grow();
    while (offset < bytes.length) {
      const featureLength = r.dv.getUint32(offset, true);
      const feature = offset + 4 + r.i32(offset + 4);
      const gf = r.field(feature, F_GEOMETRY);
      if (gf === 0) bail();
      const g = gf + r.i32(gf);
      let type = header.geometryType;
      if (type === GeometryType.Unknown) {
        const tf = r.field(g, G_TYPE);
        type = tf === 0 ? GeometryType.Unknown : r.bytes[tf];
      }
      const name = TYPE_NAMES[type];
      if (name === undefined) bail(); // curves, collections, unknown: the library reader's business
      featureParts.push(grow.partCount);
      if (type === GeometryType.LineString || type === GeometryType.MultiLineString) lineParts(r, g, type === GeometryType.MultiLineString, grow);
      types.push(name as string);
      props.push(properties(r, feature, names, columnTypes, keep));
      offset += 4 + featureLength;
    }
    featureParts.push(grow.partCount);
    return {
      crs: checked.crs,
      properties: props,
      types,
      featureParts: Int32Array.from(featureParts),
      partStart: grow.parts.slice(0, grow.partCount + 1),
      lngLat: grow.xy.slice(0, grow.xyLength),
    };
  } catch {
    return null;
  }
}
