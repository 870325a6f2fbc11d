/**
 * communities.geojson and communities.csv written straight from the source features and the result arrays,
 * byte for byte what `communityResultFeatures` + `writeGeoJSON` / `featureTable` + `toCsv` give, without the
 * 20 000 copied property objects and the one 30 MB string.
 */
import type { Feature, Geometry } from 'geojson';
import { CSV_EOL, csvCell, csvHeader } from '../csvWrite';
import { featureCollectionFrame } from '../geojsonWrite';
import type { ByteChunks } from './byteChunks';
import type { CommunityResultInput } from './communityResults';
import { resultGeometry, resultProperties } from './communityResults';
import type { ResultCells } from './resultCells';

export interface CommunitiesGeoJsonOptions {
  /** Members written after "type" (e.g. coordinate_system for GCJ-02 output), as writeGeoJSON's `extra`. */
  extra?: Record<string, unknown>;
  /** Geometry in the output coordinate system (default: as it is, WGS84). */
  mapGeometry?: (g: Geometry) => Geometry;
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

export function writeCommunitiesGeoJSON(input: CommunityResultInput, cells: ResultCells, out: ByteChunks, options: CommunitiesGeoJsonOptions = {}): void {
  const [head, tail] = featureCollectionFrame(options.extra);
  const resultNames = new Set(cells.columns);
  const mapGeometry = options.mapGeometry;
  out.text(head);
  const features = input.sourceFeatures;
  for (let src = 0; src < features.length; src++) {
    const f = features[src];
    out.text(src ? ',{"type":"Feature"' : '{"type":"Feature"');
    const g = resultGeometry(input, cells.rows, src);
    if (g !== undefined) {
      out.text(',"geometry":');
      out.text(g === null ? 'null' : JSON.stringify(mapGeometry ? mapGeometry(g) : g));
    }
    out.text(',"properties":');
    const props = f.properties;
    if (appendable(props, resultNames)) {
      const own = props ? JSON.stringify(props) : '{}';
      if (own === '{}') {
        out.text('{');
        out.omitNextComma();
      } else {
        out.text(own.slice(0, -1));
      }
      cells.writeJson(src, out);
      out.text('}');
    } else {
      out.text(JSON.stringify(resultProperties(input, cells.rows, src)));
    }
    if (f.id !== undefined) {
      out.text(',"id":');
      out.text(JSON.stringify(f.id));
    }
    out.text('}');
  }
  out.text(tail);
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

export function writeCommunitiesCsv(input: CommunityResultInput, cells: ResultCells, out: ByteChunks): void {
  const own = originalColumns(input.sourceFeatures, new Set(cells.columns));
  out.text(csvHeader([...own, ...cells.columns]));
  const features = input.sourceFeatures;
  for (let src = 0; src < features.length; src++) {
    const p: unknown = features[src].properties;
    // Read what the old row copy `{ ...properties }` held: a plain object, inherited members included.
    const row = (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.getPrototypeOf(p) === Object.prototype ? p : { ...(p ?? {}) }) as Record<string, unknown>;
    for (let c = 0; c < own.length; c++) {
      if (c) out.text(',');
      out.text(csvCell(row[own[c]]));
    }
    if (!own.length) out.omitNextComma();
    cells.writeCsv(src, out);
    out.text(CSV_EOL);
  }
}
