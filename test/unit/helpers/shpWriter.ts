/**
 * Minimal ESRI Shapefile writer for tests: Point and Polygon layers, a dBASE III table with C/N fields in a
 * chosen encoding, optional .prj and .cpg, zipped with fflate. Follows the ESRI Shapefile Technical
 * Description (1998): big-endian file code/length, little-endian content.
 */
import { zipSync } from 'fflate';
import { encodeGbk } from './gbk';

export type ShpPoint = { type: 'Point'; coordinates: [number, number] };
export type ShpPolygon = { type: 'Polygon'; coordinates: [number, number][][] };
export type ShpGeometry = ShpPoint | ShpPolygon | null;

export interface DbfFieldSpec { name: string; type: 'C' | 'N'; length: number; decimals?: number }

export interface ShapefileSpec {
  name: string;
  geometries: ShpGeometry[];
  fields: DbfFieldSpec[];
  records: Record<string, string | number | null>[];
  encoding: 'utf-8' | 'gbk';
  prj?: string;
  cpg?: string;
  /** Mark these 0-based records deleted in the .dbf. */
  deleted?: number[];
}

function bbox(points: [number, number][]): [number, number, number, number] {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function content(g: ShpGeometry, shapeType: number): Uint8Array {
  if (!g) { const b = new Uint8Array(4); new DataView(b.buffer).setInt32(0, 0, true); return b; }
  if (g.type === 'Point') {
    const b = new Uint8Array(20); const v = new DataView(b.buffer);
    v.setInt32(0, shapeType, true); v.setFloat64(4, g.coordinates[0], true); v.setFloat64(12, g.coordinates[1], true);
    return b;
  }
  const rings = g.coordinates;
  const pts = rings.flat();
  const b = new Uint8Array(44 + 4 * rings.length + 16 * pts.length); const v = new DataView(b.buffer);
  v.setInt32(0, shapeType, true);
  bbox(pts).forEach((n, i) => v.setFloat64(4 + 8 * i, n, true));
  v.setInt32(36, rings.length, true); v.setInt32(40, pts.length, true);
  let start = 0;
  rings.forEach((r, i) => { v.setInt32(44 + 4 * i, start, true); start += r.length; });
  const off = 44 + 4 * rings.length;
  pts.forEach((p, i) => { v.setFloat64(off + 16 * i, p[0], true); v.setFloat64(off + 16 * i + 8, p[1], true); });
  return b;
}

function header(fileLengthBytes: number, shapeType: number, box: number[]): Uint8Array {
  const b = new Uint8Array(100); const v = new DataView(b.buffer);
  v.setInt32(0, 9994); v.setInt32(24, fileLengthBytes / 2); v.setInt32(28, 1000, true); v.setInt32(32, shapeType, true);
  box.forEach((n, i) => v.setFloat64(36 + 8 * i, n, true));
  return b;
}

export function writeShp(geometries: ShpGeometry[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapeType = geometries.some((g) => g?.type === 'Polygon') ? 5 : 1;
  const contents = geometries.map((g) => content(g, shapeType));
  const all = geometries.flatMap((g) => (g ? (g.type === 'Point' ? [g.coordinates] : g.coordinates.flat()) : []));
  const box = all.length ? [...bbox(all), 0, 0, 0, 0] : [0, 0, 0, 0, 0, 0, 0, 0];
  const shpLen = 100 + contents.reduce((s, c) => s + 8 + c.length, 0);
  const shp = new Uint8Array(shpLen); const sv = new DataView(shp.buffer);
  const shx = new Uint8Array(100 + 8 * contents.length); const xv = new DataView(shx.buffer);
  shp.set(header(shpLen, shapeType, box)); shx.set(header(shx.length, shapeType, box));
  let off = 100;
  contents.forEach((c, i) => {
    xv.setInt32(100 + 8 * i, off / 2); xv.setInt32(104 + 8 * i, c.length / 2);
    sv.setInt32(off, i + 1); sv.setInt32(off + 4, c.length / 2); shp.set(c, off + 8);
    off += 8 + c.length;
  });
  return { shp, shx };
}

export function writeDbf(fields: DbfFieldSpec[], records: Record<string, string | number | null>[], encoding: 'utf-8' | 'gbk', deleted: number[] = []): Uint8Array {
  const enc = (s: string): Uint8Array => (encoding === 'gbk' ? encodeGbk(s) : new TextEncoder().encode(s));
  const recLen = 1 + fields.reduce((s, f) => s + f.length, 0);
  const headerLen = 32 + 32 * fields.length + 1;
  const b = new Uint8Array(headerLen + recLen * records.length + 1); const v = new DataView(b.buffer);
  b[0] = 0x03; b[1] = 126; b[2] = 11; b[3] = 26;
  v.setUint32(4, records.length, true); v.setUint16(8, headerLen, true); v.setUint16(10, recLen, true);
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    b.set(enc(f.name).subarray(0, 10), o);
    b[o + 11] = f.type.charCodeAt(0); b[o + 16] = f.length; b[o + 17] = f.decimals ?? 0;
  });
  b[headerLen - 1] = 0x0d;
  records.forEach((r, i) => {
    let o = headerLen + recLen * i;
    b[o] = deleted.includes(i) ? 0x2a : 0x20; o += 1;
    for (const f of fields) {
      const raw = r[f.name];
      const text = raw === null || raw === undefined ? '' : f.type === 'N' ? (typeof raw === 'number' ? raw.toFixed(f.decimals ?? 0) : raw) : String(raw);
      const bytes = enc(text);
      if (bytes.length > f.length) throw new Error(`value "${text}" longer than field ${f.name}`);
      const cell = new Uint8Array(f.length).fill(0x20);
      if (f.type === 'N') cell.set(bytes, f.length - bytes.length); else cell.set(bytes, 0);
      b.set(cell, o); o += f.length;
    }
  });
  b[b.length - 1] = 0x1a;
  return b;
}

/** The files of one layer, keyed by file name (`name.shp` …). */
export function shapefileFiles(spec: ShapefileSpec): Record<string, Uint8Array> {
  const { shp, shx } = writeShp(spec.geometries);
  const files: Record<string, Uint8Array> = {
    [`${spec.name}.shp`]: shp,
    [`${spec.name}.shx`]: shx,
    [`${spec.name}.dbf`]: writeDbf(spec.fields, spec.records, spec.encoding, spec.deleted),
  };
  if (spec.prj) files[`${spec.name}.prj`] = new TextEncoder().encode(spec.prj);
  if (spec.cpg) files[`${spec.name}.cpg`] = new TextEncoder().encode(spec.cpg);
  return files;
}

export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files);
}
