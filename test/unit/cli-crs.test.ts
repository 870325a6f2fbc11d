/** Coordinate systems in the CLI: per-input flags, the file's own declaration, output in GCJ-02, CSV input. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { GCJ02, fromWgs84 } from '../../src/io/crs';
import { townCommunities, townFacilities } from '../fixtures/cli/town';

const FIX = join(__dirname, '../fixtures/cli');
const roads = join(FIX, 'town-roads.geojson');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'cli-crs-'));
const walkColumns = (features: readonly Feature[]): Record<string, number | null>[] =>
  features.map((f) => Object.fromEntries(Object.entries(f.properties!).filter(([k]) => k.startsWith('walk_m_'))) as Record<string, number | null>);

describe('analyze with coordinate systems', () => {
  it('--crs-communities/--crs-facilities gcj02 give the same walks as the WGS84 data (±1 m)', async () => {
    const dir = tmp();
    const c = join(dir, 'c-gcj.geojson');
    const f = join(dir, 'f-gcj.geojson');
    writeFileSync(c, JSON.stringify({ type: 'FeatureCollection', features: fromWgs84(townCommunities().features, GCJ02) }));
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: fromWgs84(townFacilities().features, GCJ02) }));
    const gcj = await runAnalyze({ communities: c, facilities: f, roads, crsCommunities: 'gcj02', crsFacilities: 'GCJ-02', out: join(dir, 'a') });
    const wgs = await runAnalyze({ communities: join(FIX, 'town-communities.geojson'), facilities: join(FIX, 'town-facilities.geojson'), roads, out: join(dir, 'b') });
    expect(gcj.summary.inputs.communities.crs).toEqual({ label: 'GCJ-02 (Amap/Tencent)', source: 'flag' });
    expect(gcj.summary.inputs.roads!.crs).toEqual({ label: 'WGS84 (EPSG:4326)', source: 'default' });
    const a = walkColumns(gcj.communityFeatures);
    const b = walkColumns(wgs.communityFeatures);
    let compared = 0;
    a.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) {
        if (v === null) { expect(b[i][k], k).toBeNull(); continue; }
        expect(Math.abs(v - (b[i][k] as number)), `${i} ${k}`).toBeLessThanOrEqual(1);
        compared++;
      }
    });
    expect(compared).toBe(9); // C1 and C2: kindergarten, health_station, culture; C3: market, culture, community_service
  });

  it('warns when GCJ-02 data is read as WGS84 next to WGS84 roads, suggesting the flag', async () => {
    const dir = tmp();
    const f = join(dir, 'f-gcj.geojson');
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: fromWgs84(townFacilities().features, GCJ02) }));
    const out = await runAnalyze({ communities: join(FIX, 'town-communities.geojson'), facilities: f, roads, out: dir });
    expect(out.summary.inputs.facilities.crs.source).toBe('default');
    const hint = out.issues.find((i) => i.file === f && i.message.startsWith('Coordinate system'));
    expect(hint?.message).toMatch(/try --crs-facilities gcj02\)$/);
  });

  it('--out-crs gcj02 writes GCJ-02 geometry and says so in the files', async () => {
    const dir = tmp();
    const out = await runAnalyze({ communities: join(FIX, 'town-communities.geojson'), facilities: join(FIX, 'town-facilities.geojson'), roads, outCrs: 'gcj02', out: dir, formats: ['geojson', 'fgb'] });
    const written = JSON.parse(readFileSync(join(dir, 'communities.geojson'), 'utf8'));
    expect(written.coordinate_system).toBe('GCJ-02 (Amap/Tencent)');
    expect(written.features[0].geometry).toEqual(fromWgs84([out.communityFeatures[0]], GCJ02)[0].geometry);
    expect(written.features[0].geometry).not.toEqual(out.communityFeatures[0].geometry);
    expect(out.summary.outputCrs).toBe('GCJ-02 (Amap/Tencent)');
  });

  it('rejects unknown coordinate systems as a usage error naming the option', async () => {
    const base = { communities: join(FIX, 'town-communities.geojson'), facilities: join(FIX, 'town-facilities.geojson'), out: tmp() };
    await expect(runAnalyze({ ...base, crsCommunities: 'mars' })).rejects.toMatchObject({ name: 'UsageError', message: expect.stringMatching(/^--crs-communities mars: unknown coordinate system/) });
    await expect(runAnalyze({ ...base, outCrs: 'EPSG:4549' })).rejects.toThrow('--out-crs EPSG:4549: outputs can be wgs84, gcj02 or bd09');
  });

  it('reads facilities from a CSV with 经度/纬度 columns', async () => {
    const dir = tmp();
    const csv = join(dir, 'poi.csv');
    const rows = townFacilities().features.map((f) => {
      const [lng, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      const p = f.properties!;
      return `${p.id},${p.name},${p.category ?? p['类别']},${lng},${lat}`;
    });
    writeFileSync(csv, ['编号,名称,类别,经度,纬度', ...rows].join('\n'));
    const out = await runAnalyze({ communities: join(FIX, 'town-communities.geojson'), facilities: csv, roads, out: dir });
    expect(out.summary.inputs.facilities).toMatchObject({ format: 'csv', read: 5, used: 4 });
    expect(out.facilities.map((f) => f.categories.join(';'))).toEqual(['kindergarten', 'market', 'health_station', 'culture;community_service']);
  });
});
