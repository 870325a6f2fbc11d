/**
 * Zipped Shapefiles (.shp + .dbf + .prj + .cpg; several layers per zip allowed). Geometry is parsed by shpjs
 * without reprojection (the .prj is returned so the user's choice can override it); attributes are read by
 * our own DBF reader for encoding control (see shapefile/dbf.ts).
 */
import type { Feature, Geometry } from 'geojson';
import { unzipSync } from 'fflate';
import { parseShp } from 'shpjs';
import type { InputIssue } from '../core/types';
import type { IssueFields } from './issue';
import { issue } from './issue';
import { readDbf } from './shapefile/dbf';
import type { ReadResult } from './types';

export interface ShapefileLayer extends ReadResult {
  /** Base name of the .shp inside the zip. */
  layerName: string;
  /** Text of the .prj, or null when the zip has none. */
  prj: string | null;
  /** Encoding used for the .dbf text, or null without a .dbf. */
  encoding: string | null;
}

const SHP_TYPES: Record<number, string> = { 0: 'Null', 1: 'Point', 3: 'PolyLine', 5: 'Polygon', 8: 'MultiPoint', 11: 'PointZ', 13: 'PolyLineZ', 15: 'PolygonZ', 18: 'MultiPointZ', 21: 'PointM', 23: 'PolyLineM', 25: 'PolygonM', 28: 'MultiPointM', 31: 'MultiPatch' };

/** "No .shp file" in the words of the container the files came in (the two known ones have a code each). */
function noShpIssue(container: string, names: readonly string[], fields: IssueFields): InputIssue {
  const found = names.join(', ');
  if (container === 'Zip contains') return names.length ? issue('shpZipNoShp', { found }, fields) : issue('shpZipEmpty', {}, fields);
  if (container === 'The dropped files contain') return names.length ? issue('shpDroppedNoShp', { found }, fields) : issue('shpDroppedEmpty', {}, fields);
  return names.length ? issue('shpNoShp', { container, found }, fields) : issue('shpNoShpEmpty', { container }, fields);
}

/** Read every layer of a zipped Shapefile. A broken zip or a zip without .shp gives one layer holding the error. */
export function readShapefileZip(bytes: Uint8Array, fileName: string): ShapefileLayer[] {
  const fail = (detail: string): ShapefileLayer[] => [{ fileName, layerName: fileName.replace(/\.zip$/i, ''), features: [], prj: null, encoding: null, issues: [issue('shpNotZip', { detail }, { severity: 'error', file: fileName, action: 'skipped' })] }];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  return readShapefileEntries(entries, fileName);
}

/**
 * Read the layers among a set of files (a zip's entries, or .shp/.dbf/.prj/.cpg dropped together without a
 * zip), matched by base name, case-insensitively.
 */
export function readShapefileEntries(entries: Record<string, Uint8Array>, fileName: string, container = 'Zip contains'): ShapefileLayer[] {
  const fail = (noShp: InputIssue): ShapefileLayer[] => [{ fileName, layerName: fileName.replace(/\.zip$/i, ''), features: [], prj: null, encoding: null, issues: [noShp] }];
  const names = Object.keys(entries).filter((n) => !n.includes('__MACOSX') && !n.endsWith('/'));
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const shps = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  if (shps.length === 0) return fail(noShpIssue(container, names, { severity: 'error', file: fileName, action: 'skipped' }));
  return shps.sort().map((shp) => {
    const base = shp.slice(0, -4);
    const part = (ext: string): Uint8Array | null => {
      const n = byLower.get(`${base}.${ext}`.toLowerCase());
      return n === undefined ? null : entries[n];
    };
    const layerName = base.split('/').pop() ?? base;
    return readShapefileParts(`${fileName}:${layerName}`, layerName, { shp: entries[shp], dbf: part('dbf'), prj: part('prj'), cpg: part('cpg') });
  });
}

export interface ShapefileParts { shp: Uint8Array; dbf: Uint8Array | null; prj: Uint8Array | null; cpg: Uint8Array | null }

/** Read one layer from its component files (also used for loose .shp/.dbf drops). */
export function readShapefileParts(file: string, layerName: string, parts: ShapefileParts): ShapefileLayer {
  const issues: InputIssue[] = [];
  const utf8 = new TextDecoder('utf-8');
  const prj = parts.prj ? utf8.decode(parts.prj).trim() : null;
  const cpg = parts.cpg ? utf8.decode(parts.cpg).trim() : null;
  const result: ShapefileLayer = { fileName: file, layerName, features: [], issues, prj, encoding: null };
  if (parts.shp.length < 100 || new DataView(parts.shp.buffer, parts.shp.byteOffset).getInt32(0) !== 9994) {
    issues.push(issue('shpBadHeader', { layer: layerName }, { severity: 'error', file, action: 'skipped' }));
    return result;
  }
  const shapeType = new DataView(parts.shp.buffer, parts.shp.byteOffset).getInt32(32, true);
  let shapes: (Geometry | null)[];
  try {
    shapes = parseShp(new DataView(parts.shp.buffer, parts.shp.byteOffset, parts.shp.byteLength), false);
  } catch (e) {
    issues.push(issue('shpUnreadable', { layer: layerName, shapeType: SHP_TYPES[shapeType] ?? `type ${shapeType}`, detail: e instanceof Error ? e.message : String(e) }, { severity: 'error', file, action: 'skipped' }));
    return result;
  }
  if (!prj) issues.push(issue('shpNoPrj', { layer: layerName }, { severity: 'warning', file, action: 'kept' }));
  let records: (Record<string, unknown> | null)[] = [];
  if (parts.dbf) {
    try {
      const table = readDbf(parts.dbf, file, cpg);
      records = table.records;
      result.encoding = table.encoding;
      issues.push(...table.issues);
    } catch (e) {
      issues.push(issue('dbfUnreadable', { layer: layerName, detail: e instanceof Error ? e.message : String(e) }, { severity: 'error', file, action: 'kept' }));
    }
  } else {
    issues.push(issue('shpNoDbf', { layer: layerName }, { severity: 'warning', file, action: 'kept' }));
  }
  if (parts.dbf && records.length > shapes.length) {
    for (let i = shapes.length; i < records.length; i++) {
      issues.push(issue('shpMissingShape', { record: i + 1, layer: layerName, shapes: shapes.length, records: records.length }, { severity: 'error', file, featureIndex: i, action: 'skipped' }));
    }
  } else if (parts.dbf && records.length < shapes.length && records.length > 0) {
    issues.push(issue('dbfFewerRecords', { layer: layerName, records: records.length, shapes: shapes.length, first: records.length + 1 }, { severity: 'warning', file, action: 'kept' }));
  }
  shapes.forEach((g, i) => {
    const rec = records[i];
    if (rec === null) {
      issues.push(issue('dbfDeleted', { record: i + 1 }, { severity: 'info', file, featureIndex: i, action: 'skipped' }));
      return;
    }
    if (!g) {
      issues.push(issue('shpNullShape', { shape: i + 1 }, { severity: 'error', file, featureIndex: i, field: 'geometry', action: 'skipped' }));
      return;
    }
    const { bbox: _bbox, ...geometry } = g as Geometry & { bbox?: unknown };
    void _bbox;
    const f: Feature = { type: 'Feature', geometry: geometry as Geometry, properties: { ...(rec ?? {}) } };
    result.features.push(f);
  });
  return result;
}
