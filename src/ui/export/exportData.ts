/**
 * What the Export panel and the printable report write, built from the store with the CLI's row builders
 * (src/io/export/*), so a file exported in the app equals the CLI's file for the same data.
 */
import type { Feature } from 'geojson';
import type { AnalysisSettings } from '../../core/config/defaults';
import type { AccessibilityResult } from '../../core/coverage';
import { listGaps } from '../../core/coverage';
import type { Community } from '../../core/types';
import type { EligibilityRules, Zone } from '../../core/zoning';
import { evaluateEligibility, zoneStats } from '../../core/zoning';
import type { Crs } from '../../io/crs';
import { fromWgs84 } from '../../io/crs';
import { toCsv } from '../../io/csvWrite';
import { communityResultFeatures, resultColumns } from '../../io/export/communityResults';
import { GAP_COLUMNS, gapRows } from '../../io/export/gaps';
import { featureTable } from '../../io/export/table';
import { ZONE_COLUMNS, zoneFeatures } from '../../io/export/zones';
import { ZONE_DBF_NAMES, shiftedWgs84Prj, writeShapefileZip } from '../../io/export/shapefile';
import { writeFlatGeobuf } from '../../io/flatgeobuf';
import { writeGeoJSON } from '../../io/geojson';

export interface ExportInput {
  communities: readonly Community[];
  zones: readonly Zone[];
  rules: Omit<EligibilityRules, 'includeIds'>;
  analysisSettings: AnalysisSettings;
  analysisResult: AccessibilityResult | null;
}

/** Zones as WGS84 features with the CLI's columns and statistics (gaps only once an analysis result exists). */
export function buildZoneFeatures(input: ExportInput): Feature[] {
  const indexOf = new Map(input.communities.map((c, i) => [c.id, i]));
  const accessibility = resultFor(input);
  const stats = input.zones.map((z) => {
    const members = z.memberIds.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    return zoneStats(input.communities, members, { accessibility, geometry: z.geometry });
  });
  return zoneFeatures(input.zones, stats);
}

/** RFC 7946 GeoJSON of the zones; with GCJ-02/BD-09 the coordinates are shifted and the file says so. */
export function zonesGeoJSON(features: readonly Feature[], crs: Crs | null = null): string {
  if (!crs || crs.kind === 'wgs84') return writeGeoJSON([...features]);
  return writeGeoJSON(fromWgs84(features, crs), { coordinate_system: crs.label });
}

/**
 * zones.fgb as the CLI writes it: layer `zones`, typed columns, packed R-tree, EPSG:4326; with GCJ-02/BD-09 the
 * coordinates are shifted and the header's CRS names it (as the CLI's `--out-crs`).
 */
export function zonesFlatGeobuf(features: readonly Feature[], crs: Crs | null = null): Uint8Array {
  if (!crs || crs.kind === 'wgs84') return writeFlatGeobuf([...features], { layerName: 'zones', columns: [...ZONE_COLUMNS], crs: 'EPSG:4326' });
  return writeFlatGeobuf(fromWgs84(features, crs), { layerName: 'zones', columns: [...ZONE_COLUMNS], crs: { name: crs.label } });
}

/**
 * zones.zip: Shapefile (WGS84, UTF-8 .dbf), member lists `;`-joined (cut at 254 bytes: the dBASE limit); with
 * GCJ-02/BD-09 shifted coordinates and a .prj named for them.
 */
export function zonesShapefile(features: readonly Feature[], crs: Crs | null = null): Uint8Array {
  const options = { layerName: 'zones', columns: ZONE_COLUMNS, fieldNames: ZONE_DBF_NAMES };
  if (!crs || crs.kind === 'wgs84') return writeShapefileZip(features, options).zip;
  return writeShapefileZip(fromWgs84(features, crs), { ...options, prj: shiftedWgs84Prj(crs.label) }).zip;
}

/** communities.csv: every community with its original properties, analysis results and zoning columns. */
export function communitiesCsv(input: ExportInput): string | null {
  const result = resultFor(input);
  if (!result) return null;
  const { communities } = input;
  const eligibility = evaluateEligibility(communities, input.rules);
  const zoneOf = new Map<string, string>();
  for (const z of input.zones) for (const id of z.memberIds) zoneOf.set(id, z.id);
  const sourceFeatures: Feature[] = communities.map((c) => ({
    type: 'Feature', geometry: c.geometry, properties: { id: c.id, name: c.name, ...c.properties },
  }));
  const features = communityResultFeatures({
    sourceFeatures, communities, sourceIndex: communities.map((_, i) => i), result, issues: [],
    zoning: { eligible: eligibility.eligible, reasons: eligibility.reasons, zoneIdOf: communities.map((c) => zoneOf.get(c.id) ?? null) },
  });
  const table = featureTable(features, resultColumns(result.categoryIds));
  return toCsv(table.rows, table.columns);
}

/** Gap rows ranked by households (listGaps' order), or null before the analysis has run. */
export function gapTable(input: ExportInput): Record<string, unknown>[] | null {
  const result = resultFor(input);
  if (!result) return null;
  return gapRows(listGaps(result, input.communities, input.analysisSettings), input.communities, input.analysisSettings.categories);
}

export function gapsCsv(input: ExportInput): string | null {
  const rows = gapTable(input);
  return rows ? toCsv(rows, GAP_COLUMNS) : null;
}

export interface CategoryCoverage { categoryId: string; zh: string; en: string; required: boolean; share: number; householdsCovered: number; householdsTotal: number }

export interface ReportSummary {
  communities: number;
  eligibleCommunities: number;
  eligibleHouseholds: number;
  households: number;
  zones: number;
  householdsZoned: number;
  coverage: CategoryCoverage[];
}

export function reportSummary(input: ExportInput): ReportSummary {
  const eligibility = evaluateEligibility(input.communities, input.rules);
  const byId = new Map(input.communities.map((c) => [c.id, c]));
  let householdsZoned = 0;
  for (const z of input.zones) for (const id of z.memberIds) householdsZoned += byId.get(id)?.households ?? 0;
  const cats = new Map(input.analysisSettings.categories.map((c) => [c.id, c]));
  const result = resultFor(input);
  return {
    communities: input.communities.length,
    eligibleCommunities: eligibility.summary.eligible.communities,
    eligibleHouseholds: eligibility.summary.eligible.households,
    households: input.communities.reduce((s, c) => s + (c.households ?? 0), 0),
    zones: input.zones.length,
    householdsZoned,
    coverage: (result?.summary ?? []).map((s) => ({
      categoryId: s.categoryId, zh: cats.get(s.categoryId)?.zh ?? s.categoryId, en: cats.get(s.categoryId)?.en ?? s.categoryId,
      required: s.required, share: s.share, householdsCovered: s.householdsCovered, householdsTotal: s.householdsTotal,
    })),
  };
}

/** A result computed for other communities (a new dataset is being analysed) must not be written next to them. */
function resultFor(input: ExportInput): AccessibilityResult | undefined {
  const r = input.analysisResult;
  if (!r || r.communityIds.length !== input.communities.length) return undefined;
  return r.communityIds.every((id, i) => id === input.communities[i].id) ? r : undefined;
}
