/**
 * communities.geojson and communities.csv written straight from the source features and the result arrays,
 * byte for byte what `communityResultFeatures` + `writeGeoJSON` / `featureTable` + `toCsv` give, without the
 * 20 000 copied property objects and the one 30 MB string (×50 town: 2.9 s → see write.ts for the figures).
 */
import type { Feature, Geometry } from 'geojson';
import { CSV_EOL, csvCell, csvHeader } from '../csvWrite';
import type { CommunityResultInput } from './communityResults';
import { resultGeometry, resultProperties } from './communityResults';
import type { ResultCells } from './resultCells';
import type { TextChunks } from './textChunks';

export interface CommunitiesGeoJsonOptions {
  /** Members written after "type" (e.g. coordinate_system for GCJ-02 output), as writeGeoJSON's `extra`. */
  extra?: Record<string, unknown>;
  /** Geometry in the output coordinate system (default: as it is, WGS84). */
  mapGeometry?: (g: Geometry) => Geometry;
}

const FEATURES_MARK = '\u0000features\u0000';

/** Text before and after the feature list of a FeatureCollection with these extra members. */
export function featureCollectionFrame(extra: Record<string, unknown> = {}): [string, string] {
  const text = JSON.stringify({ type: 'FeatureCollection', ...extra, features: FEATURES_MARK });
  const at = text.indexOf(JSON.stringify(FEATURES_MARK));
  return [`${text.slice(0, at)}[`, `]${text.slice(at + JSON.stringify(FEATURES_MARK).length)}`];
}

/** True when the original properties can be written as their own JSON text with the result members appended. */
function appendable(props: unknown, resultNames: ReadonlySet<string>): props is Record<string, unknown> | null | undefined {
  if (props === null || props === undefined) return true;
  if (typeof props !== 'object' || Array.isArray(props)) return false;
  // A result column already in the input (e.g. an earlier output read back) keeps its place with the new value;
  // an own toJSON decides the text itself. Both go the object way.
  for (const k of Object.keys(props)) if (resultNames.has(k) || k === 'toJSON') return false;
  return true;
}

export function writeCommunitiesGeoJSON(input: CommunityResultInput, cells: ResultCells, out: TextChunks, options: CommunitiesGeoJsonOptions = {}): void {
  const [head, tail] = featureCollectionFrame(options.extra);
  const resultNames = new Set(cells.columns);
  const mapGeometry = options.mapGeometry;
  out.push(head);
  const features = input.sourceFeatures;
  for (let src = 0; src < features.length; src++) {
    const f = features[src];
    let text = src ? ',{"type":"Feature"' : '{"type":"Feature"';
    const g = resultGeometry(input, cells.rows, src);
    if (g !== undefined) text += `,"geometry":${g === null ? 'null' : JSON.stringify(mapGeometry ? mapGeometry(g) : g)}`;
    const props = f.properties;
    if (appendable(props, resultNames)) {
      const own = props ? JSON.stringify(props) : '{}';
      const members = cells.jsonMembers(src);
      text += `,"properties":${own === '{}' ? `{${members.slice(1)}}` : `${own.slice(0, -1)}${members}}`}`;
    } else {
      text += `,"properties":${JSON.stringify(resultProperties(input, cells.rows, src))}`;
    }
    if (f.id !== undefined) text += `,"id":${JSON.stringify(f.id)}`;
    out.push(`${text}}`);
  }
  out.push(tail);
}

/** Original columns of communities.csv: first-seen order over all features, result columns left out. */
export function originalColumns(features: readonly Feature[], resultNames: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const columns: string[] = [];
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k) && !resultNames.has(k)) { seen.add(k); columns.push(k); }
    }
  }
  return columns;
}

export function writeCommunitiesCsv(input: CommunityResultInput, cells: ResultCells, out: TextChunks): void {
  const own = originalColumns(input.sourceFeatures, new Set(cells.columns));
  out.push(csvHeader([...own, ...cells.columns]));
  const features = input.sourceFeatures;
  for (let src = 0; src < features.length; src++) {
    const p: unknown = features[src].properties;
    // Read what the old row copy `{ ...properties }` held: a plain object, inherited members included.
    const row = (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.getPrototypeOf(p) === Object.prototype ? p : { ...(p ?? {}) }) as Record<string, unknown>;
    let line = '';
    for (let c = 0; c < own.length; c++) line += `${csvCell(row[own[c]])},`;
    out.push(`${line}${cells.csvCells(src)}${CSV_EOL}`);
  }
}
