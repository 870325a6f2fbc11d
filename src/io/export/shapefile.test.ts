import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readShapefileZip } from '../shapefile';
import { ZONE_DBF_NAMES, writeShapefileZip } from './shapefile';
import type { FgbColumn } from './flatgeobuf/columns';

const columns: FgbColumn[] = [
  { name: 'zone_id', kind: 'String' }, { name: 'zone_name', kind: 'String' }, { name: 'community_ids', kind: 'Json' },
  { name: 'households', kind: 'Int' }, { name: 'area_sqm', kind: 'Real' }, { name: 'build_year_min', kind: 'Int' },
];
const square = (x: number, y: number, d: number): number[][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const features: Feature[] = [
  { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(115.89, 28.68, 0.01), square(115.893, 28.683, 0.002).reverse()] },
    properties: { zone_id: 'Z001', zone_name: '八一<b>区块</b>', community_ids: ['C1', 'C2'], households: 1234, area_sqm: 9876.5, build_year_min: 1985 } },
  { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[square(115.9, 28.7, 0.001)], [square(115.91, 28.7, 0.001)]] },
    properties: { zone_id: 'Z002', zone_name: 'x'.repeat(300), community_ids: ['C3'], households: 7, area_sqm: 0.5, build_year_min: null } },
];

describe('writeShapefileZip', () => {
  const out = writeShapefileZip(features, { layerName: 'zones', columns, fieldNames: ZONE_DBF_NAMES });

  it('reads back with the project reader: UTF-8 names, numbers, rings, null', () => {
    const [layer] = readShapefileZip(out.zip, 'zones.zip');
    expect(layer.features).toHaveLength(2);
    expect(out.fieldNames).toEqual(['zone_id', 'zone_name', 'comm_ids', 'households', 'area_sqm', 'year_min']);
    expect(layer.features[0].properties).toMatchObject({ zone_id: 'Z001', zone_name: '八一<b>区块</b>', comm_ids: 'C1;C2', households: 1234, area_sqm: 9876.5, year_min: 1985 });
    expect(layer.features[1].properties?.year_min ?? null).toBeNull();
    expect(layer.features[0].geometry.type).toBe('Polygon');
    expect((layer.features[0].geometry as { coordinates: number[][][] }).coordinates).toHaveLength(2);
    expect(layer.features[1].geometry.type).toBe('MultiPolygon');
    expect(out.truncatedFields).toEqual(['zone_name']);
    expect(String(layer.features[1].properties?.zone_name)).toHaveLength(254);
  });

  it('ogrinfo sees the layer, count, types, WGS84 and UTF-8', (ctx) => {
    try { execFileSync('ogrinfo', ['--version']); } catch { ctx.skip(); return; }
    const dir = mkdtempSync(join(tmpdir(), 'shp-'));
    const path = join(dir, 'zones.zip');
    writeFileSync(path, out.zip);
    const info = execFileSync('ogrinfo', ['-al', `/vsizip/${path}`], { encoding: 'utf8' });
    expect(info).toContain('Layer name: zones');
    expect(info).toContain('Feature Count: 2');
    expect(info).toMatch(/households: Integer.*\(18\.0\)|households: Integer64/);
    expect(info).toMatch(/area_sqm: Real/);
    expect(info).toContain('zone_name (String) = 八一<b>区块</b>');
    expect(info).toMatch(/"WGS 84"|WGS_1984/);
    expect(info).toMatch(/ID\["EPSG",4326\]/);
    // ESRI ring order and winding: the outer square first (GDAL reads the first clockwise ring as the shell), then the hole.
    expect(info).toContain('POLYGON ((115.89 28.68,115.89 28.69,115.9 28.69,115.9 28.68,115.89 28.68),(115.893 28.683,');
  });
});
