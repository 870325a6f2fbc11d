/**
 * FlatGeobuf feature records, encoded the way the npm package's `buildFeature` + `flatbuffers.Builder` lay them
 * out (same field order, padding, vtables), byte for byte, but into one reused buffer with vectors copied in
 * bulk: the package allocates a 1 KB builder and a 1 KB property buffer per feature and adds every coordinate
 * and property byte through a call (×50 town: communities.fgb 2.7 s CPU before, see flatgeobuf.ts).
 *
 * The FlatBuffers builder writes back to front; `off` is the number of bytes written so far, counted from the
 * end of `buf`, exactly the builder's `offset()`.
 */
import type { Geometry, Position } from 'geojson';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';

/** Geometry flattened as the package's parseGeometry does (2D only: anything else takes the package's path). */
export interface FlatGeometry {
  type: GeometryType;
  xy: number[];
  ends: number[] | null;
  parts: FlatGeometry[] | null;
}

const GEOMETRY_TYPE: Partial<Record<Geometry['type'], GeometryType>> = {
  Point: GeometryType.Point, MultiPoint: GeometryType.MultiPoint, LineString: GeometryType.LineString,
  MultiLineString: GeometryType.MultiLineString, Polygon: GeometryType.Polygon, MultiPolygon: GeometryType.MultiPolygon,
};

function pushPositions(positions: readonly Position[], xy: number[]): boolean {
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') return false;
    xy.push(p[0], p[1]);
  }
  return true;
}

function flatLines(lines: readonly (readonly Position[])[], type: GeometryType): FlatGeometry | null {
  const xy: number[] = [];
  for (const line of lines) if (!Array.isArray(line) || !pushPositions(line, xy)) return null;
  let ends: number[] | null = null;
  if (lines.length > 1) {
    ends = [];
    let end = 0;
    for (const line of lines) ends.push((end += line.length));
  }
  return { type, xy, ends, parts: null };
}

/** The geometry as flat coordinates, or null when it is not plain 2D (z, M, collections, odd positions). */
export function flattenGeometry(g: Geometry): FlatGeometry | null {
  const type = GEOMETRY_TYPE[g.type];
  if (type === undefined || !('coordinates' in g) || !Array.isArray(g.coordinates)) return null;
  switch (g.type) {
    case 'Point': {
      const xy: number[] = [];
      if (g.coordinates.length === 0) return { type, xy, ends: null, parts: null };
      return pushPositions([g.coordinates], xy) ? { type, xy, ends: null, parts: null } : null;
    }
    case 'MultiPoint':
    case 'LineString': {
      const xy: number[] = [];
      return pushPositions(g.coordinates, xy) ? { type, xy, ends: null, parts: null } : null;
    }
    case 'MultiLineString':
    case 'Polygon':
      return flatLines(g.coordinates, type);
    case 'MultiPolygon': {
      const parts: FlatGeometry[] = [];
      for (const polygon of g.coordinates) {
        const part = Array.isArray(polygon) ? flatLines(polygon, GeometryType.Polygon) : null;
        if (!part) return null;
        parts.push(part);
      }
      return { type, xy: [], ends: null, parts };
    }
    default:
      return null;
  }
}

const textEncoder = new TextEncoder();

/** A reused FlatBuffers builder for Feature tables (geometry + properties), one feature at a time. */
export class FeatureEncoder {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  private off = 0;
  private minalign = 1;
  private vtable: number[] = [];
  private vtableInUse = 0;
  private objectStart = 0;
  private vtables: number[] = [];
  /** Property bytes of the feature being built (column index, value, …). */
  private props = new Uint8Array(1 << 12);
  private propsView = new DataView(this.props.buffer);
  private propsLength = 0;

  // ---- properties (FlatGeobuf's own layout inside the `properties` ubyte vector) ----

  startProperties(): void {
    this.propsLength = 0;
  }

  private propsRoom(bytes: number): void {
    if (this.propsLength + bytes <= this.props.length) return;
    const next = new Uint8Array(Math.max(this.props.length * 2, this.propsLength + bytes));
    next.set(this.props.subarray(0, this.propsLength));
    this.props = next;
    this.propsView = new DataView(next.buffer);
  }

  /** One non-null property value of column `column` with type `type` (values as `coerce` returns them). */
  property(column: number, type: ColumnType, value: unknown): void {
    this.propsRoom(2 + 8);
    this.propsView.setUint16(this.propsLength, column, true);
    this.propsLength += 2;
    switch (type) {
      case ColumnType.Bool:
        this.propsView.setUint8(this.propsLength, value as number);
        this.propsLength += 1;
        return;
      case ColumnType.Int:
        this.propsView.setInt32(this.propsLength, value as number, true);
        this.propsLength += 4;
        return;
      case ColumnType.Long:
        this.propsView.setBigInt64(this.propsLength, BigInt(value as number), true);
        this.propsLength += 8;
        return;
      case ColumnType.Double:
        this.propsView.setFloat64(this.propsLength, value as number, true);
        this.propsLength += 8;
        return;
      case ColumnType.String:
        this.text(value as string);
        return;
      case ColumnType.Json:
        this.text(JSON.stringify(value));
        return;
      default:
        throw new Error(`FlatGeobuf: column type ${type} is not written`);
    }
  }

  /** uint32 byte length + UTF-8 bytes; ASCII (ids, modes, numbers) copied in a loop, the rest encoded natively. */
  private text(s: string | undefined): void {
    const str = s ?? '';
    this.propsRoom(4 + str.length);
    const start = this.propsLength + 4;
    let at = start;
    const props = this.props;
    let ascii = true;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0x80) { ascii = false; break; }
      props[at++] = c;
    }
    if (!ascii) {
      this.propsRoom(4 + str.length * 3);
      at = start + textEncoder.encodeInto(str, this.props.subarray(start)).written;
    }
    this.propsView.setUint32(this.propsLength, at - start, true);
    this.propsLength = at;
  }

  // ---- the FlatBuffers builder, as flatbuffers' Builder does it ----

  private room(bytes: number): void {
    if (this.off + bytes <= this.buf.length) return;
    let size = this.buf.length;
    while (this.off + bytes > size) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(this.buf.length - this.off), size - this.off);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  private prep(size: number, additional: number): void {
    if (size > this.minalign) this.minalign = size;
    const align = (~(this.off + additional) + 1) & (size - 1);
    this.room(align + size + additional);
    for (let i = 0; i < align; i++) this.buf[this.buf.length - ++this.off] = 0;
  }

  private writeInt32(v: number): void {
    this.off += 4;
    this.view.setInt32(this.buf.length - this.off, v, true);
  }

  private addInt32(v: number): void {
    this.prep(4, 0);
    this.writeInt32(v);
  }

  private addInt16(v: number): void {
    this.prep(2, 0);
    this.off += 2;
    this.view.setInt16(this.buf.length - this.off, v, true);
  }

  private addOffset(offset: number): void {
    this.prep(4, 0);
    this.writeInt32(this.off - offset + 4);
  }

  private startVector(elemSize: number, count: number, alignment: number): void {
    this.prep(4, elemSize * count);
    this.prep(alignment, elemSize * count);
  }

  private endVector(count: number): number {
    this.writeInt32(count);
    return this.off;
  }

  private bytesVector(bytes: Uint8Array, length: number): number {
    this.startVector(1, length, 1);
    this.off += length;
    this.buf.set(bytes.subarray(0, length), this.buf.length - this.off);
    return this.endVector(length);
  }

  private float64Vector(values: readonly number[]): number {
    const n = values.length;
    this.startVector(8, n, 8);
    this.off += 8 * n;
    const at = this.buf.length - this.off;
    for (let i = 0; i < n; i++) this.view.setFloat64(at + 8 * i, values[i], true);
    return this.endVector(n);
  }

  private int32Vector(values: readonly number[]): number {
    const n = values.length;
    this.startVector(4, n, 4);
    this.off += 4 * n;
    const at = this.buf.length - this.off;
    for (let i = 0; i < n; i++) this.view.setInt32(at + 4 * i, values[i], true);
    return this.endVector(n);
  }

  private offsetVector(offsets: readonly number[]): number {
    this.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) this.addOffset(offsets[i]);
    return this.endVector(offsets.length);
  }

  private startObject(fields: number): void {
    this.vtableInUse = fields;
    for (let i = 0; i < fields; i++) this.vtable[i] = 0;
    this.objectStart = this.off;
  }

  private fieldOffset(slot: number, offset: number): void {
    if (offset === 0) return;
    this.addOffset(offset);
    this.vtable[slot] = this.off;
  }

  private fieldUint8(slot: number, value: number): void {
    if (value === 0) return;
    this.prep(1, 0);
    this.buf[this.buf.length - ++this.off] = value;
    this.vtable[slot] = this.off;
  }

  private endObject(): number {
    this.addInt32(0);
    const tableAt = this.off;
    let i = this.vtableInUse - 1;
    while (i >= 0 && this.vtable[i] === 0) i--;
    const trimmed = i + 1;
    for (; i >= 0; i--) this.addInt16(this.vtable[i] !== 0 ? tableAt - this.vtable[i] : 0);
    this.addInt16(tableAt - this.objectStart);
    const len = (trimmed + 2) * 2;
    this.addInt16(len);
    const end = this.buf.length;
    const vt1 = end - this.off;
    let existing = 0;
    outer: for (const vt of this.vtables) {
      const vt2 = end - vt;
      if (this.view.getInt16(vt2, true) !== len) continue;
      for (let j = 2; j < len; j += 2) if (this.view.getInt16(vt1 + j, true) !== this.view.getInt16(vt2 + j, true)) continue outer;
      existing = vt;
      break;
    }
    if (existing) {
      this.off = tableAt;
      this.view.setInt32(end - tableAt, existing - tableAt, true);
    } else {
      this.vtables.push(this.off);
      this.view.setInt32(end - tableAt, this.off - tableAt, true);
    }
    return tableAt;
  }

  private geometry(g: FlatGeometry): number {
    if (g.parts) {
      const partOffsets = g.parts.map((p) => this.geometry(p));
      const parts = this.offsetVector(partOffsets);
      this.startObject(8);
      this.fieldOffset(7, parts);
      this.fieldUint8(6, g.type);
      return this.endObject();
    }
    const xy = this.float64Vector(g.xy);
    const ends = g.ends ? this.int32Vector(g.ends) : 0;
    this.startObject(8);
    this.fieldOffset(0, ends);
    this.fieldOffset(1, xy);
    this.fieldUint8(6, g.type);
    return this.endObject();
  }

  /** The size-prefixed Feature record of `geometry` and the properties given since `startProperties`. */
  finishFeature(geometry: FlatGeometry): Uint8Array {
    this.off = 0;
    this.minalign = 1;
    this.vtables = [];
    const properties = this.propsLength > 0 ? this.bytesVector(this.props, this.propsLength) : 0;
    const geometryAt = this.geometry(geometry);
    this.startObject(3);
    this.fieldOffset(0, geometryAt);
    this.fieldOffset(1, properties);
    const root = this.endObject();
    // finishSizePrefixed: align for the root offset and the size prefix, then write both.
    this.prep(this.minalign, 8);
    this.addOffset(root);
    this.addInt32(this.off);
    return this.buf.subarray(this.buf.length - this.off);
  }
}
