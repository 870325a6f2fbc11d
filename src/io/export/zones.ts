/**
 * Zones (区块) as export rows: one feature per zone with its members and statistics, a fixed typed column list
 * (so zones.fgb has the same schema even with no zone) and a CSV table.
 *
 * Arrays (`community_ids`, `categories_missing`): real JSON arrays in GeoJSON; in FlatGeobuf a Json column,
 * which GDAL/QGIS read as a String (subtype JSON) holding `["C1","C2"]` and our reader turns back into an array;
 * in CSV the ids joined by `;` (readable in Excel, ids never hold `;` in our inputs).
 */
import type { Feature } from 'geojson';
import type { Zone, ZoneStats } from '../../core/zoning';
import { CSV_EOL, csvCell, csvHeader } from '../csvWrite';
import type { ByteChunks } from './byteChunks';
import type { FgbColumn } from './flatgeobuf/columns';

export const ZONE_COLUMNS: readonly FgbColumn[] = [
  { name: 'zone_id', kind: 'String' },
  { name: 'zone_name', kind: 'String' },
  { name: 'source', kind: 'String' },
  { name: 'community_ids', kind: 'Json' },
  { name: 'communities', kind: 'Int' },
  { name: 'households', kind: 'Int' },
  { name: 'residents', kind: 'Int' },
  { name: 'area_sqm', kind: 'Real' },
  { name: 'zone_area_sqm', kind: 'Real' },
  { name: 'build_year_min', kind: 'Int' },
  { name: 'build_year_max', kind: 'Int' },
  { name: 'willingness_mean', kind: 'Real' },
  { name: 'pm_professional', kind: 'Int' },
  { name: 'pm_self', kind: 'Int' },
  { name: 'pm_none', kind: 'Int' },
  { name: 'pm_unknown', kind: 'Int' },
  { name: 'categories_missing', kind: 'Json' },
  { name: 'households_in_gaps', kind: 'Int' },
];

const ARRAY_COLUMNS = new Set(ZONE_COLUMNS.filter((c) => c.kind === 'Json').map((c) => c.name));

/** m² to 0.1: survey polygons are not more accurate, and it keeps files diffable. */
const round1 = (x: number): number => Math.round(x * 10) / 10;
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** One WGS84 feature per zone, properties in ZONE_COLUMNS order. */
export function zoneFeatures(zones: readonly Zone[], stats: readonly ZoneStats[]): Feature[] {
  return zones.map((z, i) => {
    const s = stats[i];
    return {
      type: 'Feature',
      geometry: z.geometry,
      properties: {
        zone_id: z.id,
        zone_name: z.name,
        source: z.source,
        community_ids: [...z.memberIds],
        communities: s.communities,
        households: s.households,
        residents: s.residents,
        area_sqm: round1(s.memberAreaSqm),
        zone_area_sqm: s.zoneAreaSqm === null ? null : round1(s.zoneAreaSqm),
        build_year_min: s.buildYearMin,
        build_year_max: s.buildYearMax,
        willingness_mean: s.meanWillingness === null ? null : round4(s.meanWillingness),
        pm_professional: s.propertyManagement.professional,
        pm_self: s.propertyManagement.self,
        pm_none: s.propertyManagement.none,
        pm_unknown: s.propertyManagement.unknown,
        categories_missing: [...s.missingCategoryIds],
        households_in_gaps: s.householdsInGaps,
      },
    };
  });
}

/** zones.csv rows: the same columns without geometry, arrays joined by `;`. */
export function zoneRows(features: readonly Feature[]): { rows: Record<string, unknown>[]; columns: string[] } {
  const rows = features.map((f) => {
    const row: Record<string, unknown> = { ...(f.properties ?? {}) };
    for (const k of ARRAY_COLUMNS) if (Array.isArray(row[k])) row[k] = (row[k] as unknown[]).join(';');
    return row;
  });
  return { rows, columns: ZONE_COLUMNS.map((c) => c.name) };
}

/** zones.csv as `toCsv(zoneRows(features))` writes it, without the row copies (15 000 zones at ×50). */
export function writeZonesCsv(features: readonly Feature[], out: ByteChunks): void {
  const columns = ZONE_COLUMNS.map((c) => c.name);
  const joined = columns.map((name) => ARRAY_COLUMNS.has(name));
  out.text(csvHeader(columns));
  for (const f of features) {
    const p: unknown = f.properties;
    // What the row copy `{ ...properties }` read: a plain object, inherited members included.
    const row = (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.getPrototypeOf(p) === Object.prototype ? p : { ...(p ?? {}) }) as Record<string, unknown>;
    for (let c = 0; c < columns.length; c++) {
      const v = row[columns[c]];
      if (c) out.text(',');
      out.text(csvCell(joined[c] && Array.isArray(v) ? v.join(';') : v));
    }
    out.text(CSV_EOL);
  }
}
