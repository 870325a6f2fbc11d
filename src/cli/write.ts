/** Writing the analysis outputs into the output folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import type { AnalysisSettings } from '../core/config/defaults';
import type { Gap } from '../core/coverage';
import type { Community } from '../core/types';
import type { Crs } from '../io/crs';
import { fromWgs84 } from '../io/crs';
import { toCsv } from '../io/csvWrite';
import { writeFlatGeobuf } from '../io/flatgeobuf';
import { writeGeoJSON } from '../io/geojson';
import { resultColumnKinds, resultColumns } from '../io/export/communityResults';
import { GAP_COLUMNS, gapRows } from '../io/export/gaps';
import type { AnalysisSummaryJson } from '../io/export/summary';
import { featureTable } from '../io/export/table';
import { ZONE_COLUMNS, zoneRows } from '../io/export/zones';
import type { OutputFormat } from './args';
import { InputError } from './errors';

export interface OutputData {
  communityFeatures: Feature[];
  /** One feature per zone (WGS84). */
  zoneFeatures: Feature[];
  gaps: Gap[];
  communities: Community[];
  settings: AnalysisSettings;
  summary: AnalysisSummaryJson;
  categoryIds: string[];
  /** Coordinate system of written geometry (features arrive in WGS84). */
  outCrs: Crs;
}

export async function writeOutputs(outDir: string, formats: readonly OutputFormat[], data: OutputData): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new InputError(`--out ${outDir}: cannot create the folder (${e instanceof Error ? e.message : String(e)})`);
  }
  const written: string[] = [];
  const put = async (name: string, content: string | Uint8Array): Promise<void> => {
    const path = join(outDir, name);
    await writeFile(path, content);
    written.push(path);
  };
  const wgs84 = data.outCrs.kind === 'wgs84';
  const features = wgs84 ? data.communityFeatures : fromWgs84(data.communityFeatures, data.outCrs);
  const zones = wgs84 ? data.zoneFeatures : fromWgs84(data.zoneFeatures, data.outCrs);
  // RFC 7946 GeoJSON is WGS84; when the user asks for GCJ-02/BD-09, say so inside the file.
  const geojsonMembers = wgs84 ? {} : { coordinate_system: data.outCrs.label };
  const fgbCrs = wgs84 ? 'EPSG:4326' as const : { name: data.outCrs.label };
  if (formats.includes('geojson')) {
    await put('communities.geojson', writeGeoJSON(features, geojsonMembers));
    await put('zones.geojson', writeGeoJSON(zones, geojsonMembers));
  }
  if (formats.includes('csv')) {
    await put('gaps.csv', toCsv(gapRows(data.gaps, data.communities, data.settings.categories), GAP_COLUMNS));
    const table = featureTable(data.communityFeatures, resultColumns(data.categoryIds));
    await put('communities.csv', toCsv(table.rows, table.columns));
    const zoneTable = zoneRows(data.zoneFeatures);
    await put('zones.csv', toCsv(zoneTable.rows, zoneTable.columns));
  }
  if (formats.includes('fgb')) {
    // FlatGeobuf needs one geometry type family: skipped (non-polygon) features are left out of it.
    const polygons = features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
    await put('communities.fgb', writeFlatGeobuf(polygons, { layerName: 'communities', columnKinds: resultColumnKinds(data.categoryIds), crs: fgbCrs }));
    await put('zones.fgb', writeFlatGeobuf(zones, { layerName: 'zones', columns: [...ZONE_COLUMNS], crs: fgbCrs }));
  }
  await put('summary.json', JSON.stringify(data.summary, null, 2) + '\n');
  return written;
}
