import type { Feature, Geometry } from 'geojson';
import type { InputIssue } from '../core/types';
import { issue } from './issue';
import type { ReadResult } from './types';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Parse GeoJSON text (FeatureCollection, Feature, bare geometry, or newline-delimited features). */
export function readGeoJSON(text: string, fileName: string): ReadResult {
  const issues: InputIssue[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let root: unknown;
  try {
    root = JSON.parse(src);
  } catch (e) {
    // Newline-delimited GeoJSON: one feature per line.
    const lines = src.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length > 1) return readGeoJSONSeq(lines, fileName);
    const msg = e instanceof Error ? e.message : String(e);
    return { fileName, features: [], issues: [issue('geojsonNotJson', { detail: msg }, { severity: 'error', file: fileName, action: 'skipped' })] };
  }
  const raw = toFeatureList(root);
  if (!raw) {
    return { fileName, features: [], issues: [issue('geojsonNotGeojson', {}, { severity: 'error', file: fileName, action: 'skipped' })] };
  }
  const features: Feature[] = [];
  raw.forEach((f, i) => {
    const checked = checkFeature(f, i, fileName, issues);
    if (checked) features.push(checked);
  });
  return { fileName, features, issues };
}

function readGeoJSONSeq(lines: string[], fileName: string): ReadResult {
  const issues: InputIssue[] = [];
  const features: Feature[] = [];
  lines.forEach((line, i) => {
    let obj: unknown;
    try {
      obj = JSON.parse(line.charCodeAt(0) === 0x1e ? line.slice(1) : line); // RFC 8142 record separator
    } catch {
      issues.push(issue('geojsonLineNotJson', { line: i + 1 }, { severity: 'error', file: fileName, featureIndex: i, action: 'skipped' }));
      return;
    }
    const f = checkFeature(obj, i, fileName, issues);
    if (f) features.push(f);
  });
  return { fileName, features, issues };
}

function toFeatureList(root: unknown): unknown[] | null {
  if (!root || typeof root !== 'object') return null;
  const o = root as { type?: unknown; features?: unknown };
  if (o.type === 'FeatureCollection' && Array.isArray(o.features)) return o.features;
  if (o.type === 'Feature') return [o];
  if (typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type)) return [{ type: 'Feature', properties: {}, geometry: o }];
  return null;
}

function checkFeature(f: unknown, i: number, file: string, issues: InputIssue[]): Feature | null {
  if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
    issues.push(issue('geojsonNotFeature', { index: i }, { severity: 'error', file, featureIndex: i, action: 'skipped' }));
    return null;
  }
  const feat = f as { geometry?: unknown; properties?: unknown; id?: unknown };
  const g = feat.geometry as Geometry | null | undefined;
  if (!g || typeof g !== 'object' || !GEOMETRY_TYPES.has(g.type)) {
    issues.push(issue('geojsonNoGeometry', { index: i }, { severity: 'error', file, featureIndex: i, field: 'geometry', action: 'skipped' }));
    return null;
  }
  const properties = feat.properties && typeof feat.properties === 'object' ? (feat.properties as Record<string, unknown>) : {};
  const out: Feature = { type: 'Feature', geometry: g, properties };
  if (typeof feat.id === 'string' || typeof feat.id === 'number') out.id = feat.id;
  return out;
}

export { writeGeoJSON } from './geojsonWrite';
