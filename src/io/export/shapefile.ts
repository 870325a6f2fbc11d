/**
 * Zipped ESRI Shapefile writer (polygons): .shp/.shx (ESRI Shapefile Technical Description, 1998), a dBASE III
 * .dbf in UTF-8 with a .cpg saying so (GDAL/QGIS/ArcGIS then read Chinese correctly) and a WGS84 .prj.
 *
 * Shapefile limits the caller must know about: field names ≤ 10 bytes (long names are mapped, see `fieldNames`)
 * and text fields ≤ 254 bytes (longer values, e.g. a long member list, are cut at a character boundary and the
 * field is listed in `truncatedFields`).
 */
import { zipSync } from 'fflate';
import type { Feature, Position } from 'geojson';
import type { FgbColumn } from './flatgeobuf/columns';

/**
 * GCJ-02 and BD-09 have no EPSG code or WKT: their coordinates are WGS84 ones shifted by an obfuscation function.
 * Chinese GIS practice is a WGS84 geographic .prj; its name says which shift, so nobody mixes them with WGS84.
 */
export function shiftedWgs84Prj(label: string): string {
  const name = `${label} (WGS 84 datum, shifted coordinates)`.replace(/["\\]/g, '');
  return `GEOGCS["${name}",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
}

export const WGS84_PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** dBASE names for the zone columns longer than 10 characters (readable, unique). */
export const ZONE_DBF_NAMES: Record<string, string> = {
  community_ids: 'comm_ids', communities: 'comm_count', zone_area_sqm: 'zone_area', build_year_min: 'year_min',
  build_year_max: 'year_max', willingness_mean: 'willing', pm_professional: 'pm_prof', categories_missing: 'cat_miss',
  households_in_gaps: 'hh_in_gaps',
};

export interface ShapefileOptions {
  layerName: string;
  columns: readonly FgbColumn[];
  /** Column name → dBASE field name (≤ 10 bytes); other long names are cut and made unique. */
  fieldNames?: Record<string, string>;
  /** The .prj text (default WGS84_PRJ). */
  prj?: string;
}

export interface ShapefileZip { zip: Uint8Array; fieldNames: string[]; truncatedFields: string[] }

const MAX_TEXT_BYTES = 254;
const utf8 = new TextEncoder();

type Field = { column: string; name: string; type: 'C' | 'N' | 'L'; length: number; decimals: number };

/** Polygon/MultiPolygon features as a zipped shapefile (`<layerName>.shp` …); other geometries are written null. */
export function writeShapefileZip(features: readonly Feature[], options: ShapefileOptions): ShapefileZip {
  const values = features.map((f) => options.columns.map((c) => dbfValue((f.properties ?? {})[c.name])));
  const fields = dbfFields(options, values);
  const truncated = new Set<string>();
  const { shp, shx } = writeShpShx(features);
  const dbf = writeDbf(fields, values, truncated);
  const base = options.layerName;
  const zip = zipSync({
    [`${base}.shp`]: shp, [`${base}.shx`]: shx, [`${base}.dbf`]: dbf,
    [`${base}.prj`]: utf8.encode(options.prj ?? WGS84_PRJ), [`${base}.cpg`]: utf8.encode('UTF-8'),
  });
  return { zip, fieldNames: fields.map((f) => f.name), truncatedFields: [...truncated] };
}

/** Arrays as `a;b` (like the CSV), booleans as L, numbers as N, the rest as text; null stays null. */
function dbfValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(String).join(';');
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function dbfFields(options: ShapefileOptions, values: (string | number | boolean | null)[][]): Field[] {
  const used = new Set<string>();
  return options.columns.map((c, k) => {
    let name = options.fieldNames?.[c.name] ?? c.name;
    name = cutUtf8(name, 10);
    for (let i = 1; used.has(name.toLowerCase()); i++) name = cutUtf8(name, 10 - String(i).length) + i;
    used.add(name.toLowerCase());
    if (c.kind === 'Int' || c.kind === 'Long') return { column: c.name, name, type: 'N', length: 18, decimals: 0 };
    if (c.kind === 'Real') return { column: c.name, name, type: 'N', length: 24, decimals: 6 };
    if (c.kind === 'Boolean') return { column: c.name, name, type: 'L', length: 1, decimals: 0 };
    const longest = values.reduce((m, row) => Math.max(m, row[k] === null ? 0 : utf8.encode(String(row[k])).length), 1);
    return { column: c.name, name, type: 'C', length: Math.min(MAX_TEXT_BYTES, longest), decimals: 0 };
  });
}

/** The longest prefix of `s` within `maxBytes` UTF-8 bytes, never splitting a character. */
function cutUtf8(s: string, maxBytes: number): string {
  let out = '', bytes = 0;
  for (const ch of s) {
    const n = utf8.encode(ch).length;
    if (bytes + n > maxBytes) break;
    out += ch; bytes += n;
  }
  return out;
}

function writeDbf(fields: Field[], rows: (string | number | boolean | null)[][], truncated: Set<string>): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getFullYear() - 1900; out[2] = now.getMonth() + 1; out[3] = now.getDate();
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(utf8.encode(f.name), at);
    out[at + 11] = f.type.charCodeAt(0);
    out[at + 16] = f.length;
    out[at + 17] = f.decimals;
  });
  out[headerLength - 1] = 0x0d;
  out.fill(0x20, headerLength, out.length - 1);
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength + 1; // byte 0: ' ' = not deleted
    fields.forEach((f, k) => {
      const text = cellText(f, row[k]);
      let bytes = utf8.encode(text);
      if (bytes.length > f.length) { bytes = utf8.encode(cutUtf8(text, f.length)); truncated.add(f.column); }
      // Numbers right-aligned, text left-aligned (dBASE convention).
      out.set(bytes, f.type === 'N' ? at + f.length - bytes.length : at);
      at += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

function cellText(f: Field, v: string | number | boolean | null): string {
  if (v === null) return f.type === 'L' ? '?' : '';
  if (f.type === 'L') return v === true ? 'T' : 'F';
  if (f.type === 'N') return typeof v === 'number' ? v.toFixed(f.decimals) : '';
  return String(v);
}

/** Signed area (shoelace) of a ring: > 0 counter-clockwise. */
const signedArea = (ring: Position[]): number => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
};

/** ESRI rings: outer rings clockwise, holes counter-clockwise (the opposite of RFC 7946). */
function esriRings(f: Feature): Position[][] | null {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const rings: Position[][] = [];
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      const ccw = signedArea(ring) > 0;
      rings.push((i === 0) === ccw ? [...ring].reverse() : ring);
    });
  }
  return rings.length ? rings : null;
}

function writeShpShx(features: readonly Feature[]): { shp: Uint8Array; shx: Uint8Array } {
  const shapes = features.map(esriRings);
  const contentBytes = shapes.map((rings) => (rings ? 44 + 4 * rings.length + 16 * rings.reduce((s, r) => s + r.length, 0) : 4));
  const shpLength = 100 + contentBytes.reduce((s, n) => s + 8 + n, 0);
  const shp = new Uint8Array(shpLength), shx = new Uint8Array(100 + 8 * features.length);
  const sv = new DataView(shp.buffer), xv = new DataView(shx.buffer);
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const boxes = shapes.map((rings) => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of rings ?? []) for (const [x, y] of ring) { b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y); }
    if (rings) { box[0] = Math.min(box[0], b[0]); box[1] = Math.min(box[1], b[1]); box[2] = Math.max(box[2], b[2]); box[3] = Math.max(box[3], b[3]); }
    return b;
  });
  const header = (v: DataView, lengthBytes: number) => {
    v.setInt32(0, 9994, false);
    v.setInt32(24, lengthBytes / 2, false);
    v.setInt32(28, 1000, true);
    v.setInt32(32, 5, true); // Polygon
    (Number.isFinite(box[0]) ? box : [0, 0, 0, 0]).forEach((x, i) => v.setFloat64(36 + 8 * i, x, true));
  };
  header(sv, shp.length);
  header(xv, shx.length);
  let at = 100;
  shapes.forEach((rings, i) => {
    xv.setInt32(100 + 8 * i, at / 2, false);
    xv.setInt32(104 + 8 * i, contentBytes[i] / 2, false);
    sv.setInt32(at, i + 1, false);
    sv.setInt32(at + 4, contentBytes[i] / 2, false);
    let p = at + 8;
    if (!rings) { sv.setInt32(p, 0, true); at += 8 + contentBytes[i]; return; }
    sv.setInt32(p, 5, true);
    boxes[i].forEach((x, k) => sv.setFloat64(p + 4 + 8 * k, x, true));
    sv.setInt32(p + 36, rings.length, true);
    sv.setInt32(p + 40, rings.reduce((s, r) => s + r.length, 0), true);
    p += 44;
    let start = 0;
    for (const r of rings) { sv.setInt32(p, start, true); p += 4; start += r.length; }
    for (const r of rings) for (const [x, y] of r) { sv.setFloat64(p, x, true); sv.setFloat64(p + 8, y, true); p += 16; }
    at += 8 + contentBytes[i];
  });
  return { shp, shx };
}
