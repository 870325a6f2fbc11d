import { describe, expect, it } from 'vitest';
import { defaultAnalysisSettings } from '../../core/config/defaults';
import { computeAccessibility } from '../../core/coverage';
import type { Community, Facility } from '../../core/types';
import { DEFAULT_ELIGIBILITY_RULES } from '../../core/zoning';
import type { Zone } from '../../core/zoning';
import { GCJ02 } from '../../io/crs';
import { readFlatGeobuf } from '../../io/flatgeobufRead';
import { readGeoJSON } from '../../io/geojson';
import type { ExportInput } from './exportData';
import { ByteBuffer } from 'flatbuffers';
import { unzipSync } from 'fflate';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { Polygon } from 'geojson';
import { fromWgs84 } from '../../io/crs';
import { readFlatGeobufInBbox } from '../../io/flatgeobufBbox';
import { buildZoneFeatures, communitiesCsv, gapTable, gapsCsv, reportSummary, zonesFlatGeobuf, zonesGeoJSON, zonesShapefile } from './exportData';

/** A square community of ~100 m side at (lng, lat). */
function community(id: string, lng: number, lat: number, buildYear: number | null, households: number | null): Community {
  const d = 0.0005;
  return {
    id, name: `<b>${id}</b>小区`, buildYear, households, residents: null, buildings: null, district: null, subdistrict: null,
    propertyManagement: null, willingness: null, renovation: 'none', renovatedYear: null, demolitionPlanned: false,
    shantyTown: false, historic: false, properties: { 备注: `note ${id}` },
    geometry: { type: 'Polygon', coordinates: [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]] },
  } as Community;
}

const communities = [
  community('A', 115.89, 28.68, 1990, 300),
  community('B', 115.891, 28.68, 1995, 200),
  community('C', 115.95, 28.70, 2015, 500),
];
const facilities: Facility[] = [{ id: 'F1', name: '幼儿园', categories: ['kindergarten'], geometry: { type: 'Point', coordinates: [115.8905, 28.6805] }, planned: false, properties: {} }];
const settings = defaultAnalysisSettings();
const result = computeAccessibility({ communities, facilities, settings });
const zone: Zone = {
  id: 'Z001', name: '一号区块', memberIds: ['A', 'B'], source: 'manual',
  geometry: { type: 'Polygon', coordinates: [[[115.889, 28.679], [115.892, 28.679], [115.892, 28.681], [115.889, 28.681], [115.889, 28.679]]] },
};
const input: ExportInput = { communities, zones: [zone], rules: { ...DEFAULT_ELIGIBILITY_RULES }, analysisSettings: settings, analysisResult: result };

describe('export builders', () => {
  it('zone features carry the CLI columns and member sums', () => {
    const [f] = buildZoneFeatures(input);
    expect(f.properties).toMatchObject({ zone_id: 'Z001', zone_name: '一号区块', community_ids: ['A', 'B'], communities: 2, households: 500, build_year_min: 1990, build_year_max: 1995 });
    // The kindergarten is within 300 m of both members: not missing; a middle school is missing for both.
    expect(f.properties?.categories_missing).not.toContain('kindergarten');
    expect(f.properties?.categories_missing).toContain('middle_school');
    expect(f.properties?.households_in_gaps).toBe(500);
  });

  it('GeoJSON round-trips; GCJ-02 shifts the coordinates by a few hundred metres and says so', () => {
    const features = buildZoneFeatures(input);
    const back = readGeoJSON(zonesGeoJSON(features), 'zones.geojson');
    expect(back.features[0].geometry).toEqual(zone.geometry);
    const gcjText = zonesGeoJSON(features, GCJ02);
    expect(JSON.parse(gcjText).coordinate_system).toBe(GCJ02.label);
    const p0 = (readGeoJSON(gcjText, 'z.geojson').features[0].geometry as { coordinates: number[][][] }).coordinates[0][0];
    const dxM = (p0[0] - 115.889) * 111_320 * Math.cos((28.679 * Math.PI) / 180), dyM = (p0[1] - 28.679) * 110_574;
    expect(Math.hypot(dxM, dyM)).toBeGreaterThan(300);
    expect(Math.hypot(dxM, dyM)).toBeLessThan(700);
  });

  it('FlatGeobuf reads back with the same properties', async () => {
    const back = await readFlatGeobuf(zonesFlatGeobuf(buildZoneFeatures(input)), 'zones.fgb');
    expect(back.features).toHaveLength(1);
    expect(back.features[0].properties).toMatchObject({ zone_id: 'Z001', households: 500, communities: 2 });
  });

  it('GCJ-02 FlatGeobuf and Shapefile: the same shifted coordinates as the GeoJSON, the CRS named in the file', async () => {
    const features = buildZoneFeatures(input);
    const shifted = fromWgs84(features, GCJ02)[0].geometry as Polygon;
    expect(shifted.coordinates[0][0]).not.toEqual(zone.geometry.coordinates[0][0]);
    const fgb = await readFlatGeobufInBbox(zonesFlatGeobuf(features, GCJ02), 'zones_gcj02.fgb');
    expect(fgb.features[0].geometry).toEqual(shifted);
    const fgbCrs = Header.getSizePrefixedRootAsHeader(new ByteBuffer(zonesFlatGeobuf(features, GCJ02).subarray(8))).crs()!;
    expect([fgbCrs.name(), fgbCrs.code()]).toEqual([GCJ02.label, 0]);
    const files = unzipSync(zonesShapefile(features, GCJ02));
    expect(new TextDecoder().decode(files['zones.prj'])).toMatch(/^GEOGCS\["GCJ-02 .*shifted coordinates\)",DATUM\["D_WGS_1984"/);
    // The .shp header's bounding box (bytes 36–67, little-endian doubles) is the shifted zone's.
    const shp = new DataView(files['zones.shp'].buffer, files['zones.shp'].byteOffset);
    const xs = shifted.coordinates[0].map((p) => p[0]), ys = shifted.coordinates[0].map((p) => p[1]);
    expect([shp.getFloat64(36, true), shp.getFloat64(44, true), shp.getFloat64(52, true), shp.getFloat64(60, true)])
      .toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    // WGS84 stays the default.
    expect(new TextDecoder().decode(unzipSync(zonesShapefile(features))['zones.prj'])).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
  });

  it('communities CSV has a BOM, original and result columns, the zone of each member', () => {
    const csv = communitiesCsv(input)!;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['id', 'name', '备注']);
    expect(header).toContain('walk_m_kindergarten');
    expect(header.at(-1)).toBe('zone_id');
    expect(lines[1].endsWith(',true,,Z001')).toBe(true);
    expect(lines[3]).toContain('too_new');
  });

  it('gaps ranked by households; summary figures from the store parts', () => {
    const rows = gapTable(input)!;
    expect(rows.length).toBe(result.summary.reduce((s, c) => s + (c.required ? c.gaps : 0), 0));
    expect(rows[0].households).toBe(500);
    expect(gapsCsv(input)!.startsWith('\uFEFFcommunity_id,community,category,category_zh,walk_m,households\r\n')).toBe(true);
    const s = reportSummary(input);
    expect(s).toMatchObject({ communities: 3, eligibleCommunities: 2, eligibleHouseholds: 500, households: 1000, zones: 1, householdsZoned: 500 });
    expect(s.coverage.find((c) => c.categoryId === 'kindergarten')?.householdsCovered).toBe(500);
  });

  it('a result for other communities is not used (tables unavailable, no gaps in zones)', () => {
    const stale = { ...input, communities: communities.slice(0, 2) };
    expect(communitiesCsv(stale)).toBeNull();
    expect(gapTable(stale)).toBeNull();
    expect(buildZoneFeatures(stale)[0].properties?.categories_missing).toEqual([]);
  });
});
