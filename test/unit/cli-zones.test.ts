/**
 * Zoning in `analyze` on the block fixture (test/fixtures/cli/zones.ts): E west of a primary road, A–B touching,
 * C 12 m east of B, D touching C but built in 2005. Expected partitions follow from that layout, not from the code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { area as turfArea, booleanPointInPolygon, booleanValid, centroid } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import type { AnalyzeOutputs, RunAnalyzeOptions } from '../../src/cli/analyze';
import { parseArgs } from '../../src/cli/args';
import { parseConfigDocument } from '../../src/cli/config';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { GCJ02, fromWgs84 } from '../../src/io/crs';
import { readFlatGeobuf } from '../../src/io/flatgeobufRead';
import { BLOCK_PROPS, blockCommunities, blockRoads } from '../fixtures/cli/zones';
import { toLngLat } from '../fixtures/cli/town';

const ROOT = resolve(__dirname, '../..');
const FIX = join(__dirname, '../fixtures/cli');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'cli-zones-'));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Only the kindergarten is required (200 m): A and B reach K1 within it, C (and D) do not. */
function writeConfig(dir: string, zoning?: Record<string, unknown>): string {
  const categories = Object.fromEntries(defaultAnalysisSettings().categories.map((c) => [c.id, c.id === 'kindergarten' ? { maxWalkMeters: 200, required: true } : { required: false }]));
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify(zoning ? { categories, zoning } : { categories }));
  return path;
}

function base(dir: string, over: Partial<RunAnalyzeOptions> = {}): RunAnalyzeOptions {
  return {
    communities: join(FIX, 'block-communities.geojson'), facilities: join(FIX, 'block-facilities.geojson'), roads: join(FIX, 'block-roads.geojson'),
    out: join(dir, 'out'), ...over, config: over.config ?? writeConfig(dir),
  };
}

/** Zone id → member ids, from the run's zone features. */
const members = (out: AnalyzeOutputs): Record<string, string[]> => Object.fromEntries(out.zoneFeatures.map((f) => [f.properties!.zone_id, f.properties!.community_ids]));
const analyze = (dir: string, over: Partial<RunAnalyzeOptions> = {}): Promise<AnalyzeOutputs> => runAnalyze(base(dir, over));

describe('analyze zones on the block (defaults: gap 30 m, barriers motorway/trunk/primary, eligible ≤ 2000)', () => {
  let dir: string;
  let out: AnalyzeOutputs;
  let zones: FeatureCollection<Polygon | MultiPolygon>;
  let communities: FeatureCollection;
  beforeAll(async () => {
    dir = tmp();
    out = await analyze(dir, { formats: ['geojson', 'csv', 'fgb'] });
    zones = readJson(join(dir, 'out/zones.geojson'));
    communities = readJson(join(dir, 'out/communities.geojson'));
  });

  it('writes E alone (the primary road separates it from A) and A, B, C together; D is too new', () => {
    expect(out.files.map((f) => f.slice(join(dir, 'out').length + 1))).toEqual([
      'communities.geojson', 'zones.geojson', 'gaps.csv', 'communities.csv', 'zones.csv', 'communities.fgb', 'zones.fgb', 'summary.json',
    ]);
    expect(zones.features.map((f) => [f.properties!.zone_id, f.properties!.zone_name, f.properties!.community_ids])).toEqual([
      ['Z001', '西湖街道区块1', ['E']], // E's centroid is 10 m north of the others': numbered first
      ['Z002', '东湖街道区块2', ['A', 'B', 'C']],
    ]);
  });

  it('gives each zone the statistics of its members', () => {
    const z2 = zones.features[1].properties!;
    const { A, B, C } = BLOCK_PROPS;
    expect(z2).toMatchObject({
      source: 'auto', communities: 3,
      households: (A.户数 as number) + (B.户数 as number) + (C.户数 as number), // 900
      residents: 800 + 500 + 1100, build_year_min: 1980, build_year_max: 1995,
      willingness_mean: 0.7, // (0.8 + 0.6) / 2: C has no value
      pm_professional: 1, pm_self: 1, pm_none: 1, pm_unknown: 0,
    });
    // Three 80 × 80 m squares; the fixture's degree scale is 0.45 % short of the true one at 39.9°N.
    expect(Math.abs(z2.area_sqm / (3 * 6400 * 1.0045) - 1)).toBeLessThan(0.003);
    // The zone closes the 12 m × 80 m gap between B and C.
    expect(z2.zone_area_sqm).toBeGreaterThan(z2.area_sqm + 0.9 * 12 * 80);
    // Only the kindergarten is required: C (≈ 260 m) misses it, A and B (≈ 170 m) do not.
    const row = (id: string): Record<string, unknown> => communities.features.find((f) => f.properties!.id === id)!.properties!;
    expect([row('A').covered_kindergarten, row('B').covered_kindergarten, row('C').covered_kindergarten, row('E').covered_kindergarten]).toEqual([true, true, false, true]);
    expect(z2.categories_missing).toEqual(['kindergarten']);
    expect(z2.households_in_gaps).toBe(C.户数);
    const z1 = zones.features[0].properties!;
    expect(z1).toMatchObject({ communities: 1, households: 150, residents: 420, build_year_min: 1985, build_year_max: 1985, willingness_mean: 0.9, pm_none: 1, categories_missing: [], households_in_gaps: 0 });
  });

  it('writes valid zone outlines (RFC 7946 winding) holding every member', () => {
    const input = blockCommunities().features;
    for (const z of zones.features) {
      expect(booleanValid(z), z.properties!.zone_id).toBe(true);
      const outer = z.geometry.type === 'Polygon' ? z.geometry.coordinates[0] : z.geometry.coordinates[0][0];
      let twice = 0; // shoelace: > 0 = counter-clockwise
      for (let i = 0; i + 1 < outer.length; i++) twice += outer[i][0] * outer[i + 1][1] - outer[i + 1][0] * outer[i][1];
      expect(twice).toBeGreaterThan(0);
      for (const id of z.properties!.community_ids as string[]) {
        const m = input.find((f) => f.properties!.id === id)!;
        expect(booleanPointInPolygon(centroid(m), z), `${id} in ${z.properties!.zone_id}`).toBe(true);
        expect(turfArea(z)).toBeGreaterThanOrEqual(turfArea(m));
      }
    }
  });

  it('adds eligible, excluded_reason and zone_id to communities.geojson and communities.csv', () => {
    const cols = communities.features.map((f) => [f.properties!.id, f.properties!.eligible, f.properties!.excluded_reason, f.properties!.zone_id]);
    expect(cols).toEqual([['E', true, null, 'Z001'], ['A', true, null, 'Z002'], ['B', true, null, 'Z002'], ['C', true, null, 'Z002'], ['D', false, 'too_new', null]]);
    const lines = readFileSync(join(dir, 'out/communities.csv'), 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0].endsWith(',coverage_score,off_network,analysis_mode,analysis_note,eligible,excluded_reason,zone_id')).toBe(true);
    expect(lines[1].endsWith(',true,,Z001')).toBe(true);
    expect(lines[5].endsWith(',false,too_new,')).toBe(true);
  });

  it('writes zones.csv with ids joined by ";" and zones.fgb that reads back with arrays', async () => {
    const lines = readFileSync(join(dir, 'out/zones.csv'), 'utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('zone_id,zone_name,source,community_ids,communities,households,residents,area_sqm,zone_area_sqm,build_year_min,build_year_max,willingness_mean,pm_professional,pm_self,pm_none,pm_unknown,categories_missing,households_in_gaps');
    expect(lines[2].startsWith('Z002,东湖街道区块2,auto,A;B;C,3,900,2400,')).toBe(true);
    expect(lines[2].endsWith(',1995,0.7,1,1,1,0,kindergarten,400')).toBe(true);
    const back = await readFlatGeobuf(new Uint8Array(readFileSync(join(dir, 'out/zones.fgb'))), 'zones.fgb');
    const byId = Object.fromEntries(back.features.map((f) => [f.properties!.zone_id, f.properties!]));
    expect(byId.Z002).toEqual(zones.features[1].properties);
    expect(byId.Z001.community_ids).toEqual(['E']);
  });

  it('puts a zoning section in summary.json', () => {
    const s = readJson<typeof out.summary>(join(dir, 'out/summary.json'));
    expect(s.zoning).toEqual({
      settings: { eligibleBefore: 2000, gapMeters: 30, barrierHighways: ['motorway', 'trunk', 'primary'], maxHouseholds: 3000, maxAreaSqm: 300000, barriers: { road: 1, railway: 0, water: 0 } },
      eligible: { communities: 4, households: 150 + 300 + 200 + 400 },
      excluded: {
        communities: 1, households: 500,
        byReason: { too_new: { communities: 1, households: 500 }, unknown_year: { communities: 0, households: 0 }, demolition: { communities: 0, households: 0 }, shanty_town: { communities: 0, households: 0 }, renovated: { communities: 0, households: 0 } },
      },
      zones: 2, communitiesZoned: 4, householdsZoned: 1050, unzoned: [],
    });
  });

  it('zones.fgb opens in GDAL as layer "zones" with typed columns (ogrinfo)', (ctx) => {
    const probe = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      console.warn('ogrinfo not found: skipping the GDAL check of zones.fgb (CI installs gdal-bin)');
      ctx.skip();
      return;
    }
    const info = spawnSync('ogrinfo', ['-al', join(dir, 'out/zones.fgb')], { encoding: 'utf8' }).stdout;
    expect(info).toContain('Layer name: zones');
    expect(info).toContain('Feature Count: 2');
    expect(info).toContain('ID["EPSG",4326]');
    for (const field of ['zone_id: String', 'community_ids: String', 'households: Integer', 'area_sqm: Real', 'build_year_min: Integer', 'willingness_mean: Real', 'categories_missing: String', 'households_in_gaps: Integer']) {
      expect(info).toContain(field);
    }
    expect(info).toContain('community_ids (String) = ["A","B","C"]');
    expect(info).toContain('categories_missing (String) = ["kindergarten"]');
    expect(info).toContain('households (Integer) = 900');
  });
});

describe('zoning options', () => {
  it('--no-zones: the same walks and gaps, no zone files, null zoning columns and summary section', async () => {
    const dir = tmp();
    const formats = ['geojson', 'csv', 'fgb'] as const;
    const zoned = await analyze(dir, { formats: [...formats], out: join(dir, 'zoned') });
    const none = await analyze(dir, { formats: [...formats], out: join(dir, 'none'), noZones: true });
    expect(none.files.map((f) => f.slice(join(dir, 'none').length + 1))).toEqual(['communities.geojson', 'gaps.csv', 'communities.csv', 'communities.fgb', 'summary.json']);
    expect(zoned.zoning!.zones).toHaveLength(2);
    expect(none.zoning).toBeNull();
    expect(none.zoneFeatures).toEqual([]);
    expect(none.summary.zoning).toBeNull();
    expect(readJson<{ zoning: unknown }>(join(dir, 'none/summary.json')).zoning).toBeNull();
    expect(readFileSync(join(dir, 'none/gaps.csv'), 'utf8')).toBe(readFileSync(join(dir, 'zoned/gaps.csv'), 'utf8'));
    const byId = (out: string): Map<unknown, Record<string, unknown>> =>
      new Map(readJson<FeatureCollection>(join(dir, out, 'communities.geojson')).features.map((f) => [f.properties!.id, f.properties!]));
    const withZones = byId('zoned');
    for (const [id, p] of byId('none')) {
      expect([p.eligible, p.excluded_reason, p.zone_id], String(id)).toEqual([null, null, null]);
      const { eligible: _e, excluded_reason: _r, zone_id: _z, ...rest } = withZones.get(id)!;
      expect({ ...p, eligible: undefined, excluded_reason: undefined, zone_id: undefined }).toEqual({ ...rest, eligible: undefined, excluded_reason: undefined, zone_id: undefined });
    }
    expect(withZones.get('A')!.walk_m_kindergarten).toBeGreaterThan(100);
  });

  it('--zone-gap 5 splits C (12 m from B) off', async () => {
    expect(members(await analyze(tmp(), { zoneGapMeters: 5 }))).toEqual({ Z001: ['E'], Z002: ['A', 'B'], Z003: ['C'] });
  });

  it('--eligible-before 1990 excludes C (1995)', async () => {
    const out = await analyze(tmp(), { eligibleBefore: 1990 });
    expect(members(out)).toEqual({ Z001: ['E'], Z002: ['A', 'B'] });
    const c = out.communityFeatures.find((f) => f.properties!.id === 'C')!.properties!;
    expect([c.eligible, c.excluded_reason, c.zone_id]).toEqual([false, 'too_new', null]);
    expect(out.summary.zoning!.excluded.byReason.too_new).toEqual({ communities: 2, households: 900 });
  });

  it('--barriers without primary joins E across the road; "none" too', async () => {
    const out = await analyze(tmp(), { barriers: ['trunk', 'motorway'] });
    expect(members(out)).toEqual({ Z001: ['A', 'B', 'C', 'E'] });
    expect(out.zoneFeatures[0].properties!.zone_name).toBe('东湖街道区块1');
    expect(out.summary.zoning!.settings.barriers.road).toBe(0);
    expect(members(await analyze(tmp(), { barriers: [] }))).toEqual({ Z001: ['A', 'B', 'C', 'E'] });
  });

  it('--zone-max-households 500 splits A, B, C (900 households)', async () => {
    expect(members(await analyze(tmp(), { zoneMaxHouseholds: 500 }))).toEqual({ Z001: ['E'], Z002: ['A', 'B'], Z003: ['C'] });
  });

  it('reads the config "zoning" object; flags win over it', async () => {
    const dir = tmp();
    const config = writeConfig(dir, { gapMeters: 25, eligibleBefore: 1990, barriers: ['trunk'] }); // E–A 20 m: joined
    const fromConfig = await analyze(dir, { config });
    expect(members(fromConfig)).toEqual({ Z001: ['A', 'B', 'E'] });
    expect(fromConfig.summary.zoning!.settings).toMatchObject({ gapMeters: 25, eligibleBefore: 1990, barrierHighways: ['trunk'] });
    const flagged = await analyze(dir, { config, eligibleBefore: 2000, zoneGapMeters: 10, out: join(dir, 'out2') });
    expect(members(flagged)).toEqual({ Z001: ['E'], Z002: ['A', 'B'], Z003: ['C'] }); // gap 10 m: E (20 m) and C (12 m) apart
  });

  it('takes railways and rivers in the roads file as barriers, not as streets', async () => {
    const dir = tmp();
    const roads = blockRoads();
    const ns = (x: number): [number, number][] => [toLngLat(x, -20), toLngLat(x, 120)].map((p) => p as [number, number]);
    roads.features.push(
      { type: 'Feature', geometry: { type: 'LineString', coordinates: ns(176) }, properties: { id: 'rail', railway: 'rail' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: ns(90) }, properties: { id: 'river', waterway: 'river' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: ns(130) }, properties: { id: 'tram', railway: 'tram', highway: 'residential' } },
    );
    const file = join(dir, 'roads.geojson');
    writeFileSync(file, JSON.stringify(roads));
    const out = await analyze(dir, { roads: file });
    // The river runs along the A|B contact, the railway through the B–C gap: all three apart.
    expect(members(out)).toEqual({ Z001: ['E'], Z002: ['A'], Z003: ['B'], Z004: ['C'] });
    expect(out.summary.zoning!.settings.barriers).toEqual({ road: 1, railway: 1, water: 1 });
    expect(out.roads.map((r) => r.id)).toEqual(['P', 'S', 'tram']);
    expect(out.summary.inputs.roads).toMatchObject({ read: 5, used: 3 });
    expect(out.issues.filter((i) => i.file === file)).toEqual([]);
  });

  it('--out-crs gcj02 writes zones in GCJ-02 too', async () => {
    const dir = tmp();
    const out = await analyze(dir, { outCrs: 'gcj02', formats: ['geojson', 'fgb'] });
    const written = readJson<FeatureCollection & { coordinate_system: string }>(join(dir, 'out/zones.geojson'));
    expect(written.coordinate_system).toBe('GCJ-02 (Amap/Tencent)');
    expect(written.features[1].geometry).toEqual(fromWgs84([out.zoneFeatures[1]], GCJ02)[0].geometry);
    expect(written.features[1].geometry).not.toEqual(out.zoneFeatures[1].geometry);
    const back = await readFlatGeobuf(new Uint8Array(readFileSync(join(dir, 'out/zones.fgb'))), 'zones.fgb');
    expect(back.features).toHaveLength(2);
  });
});

describe('zoning flags and config validation', () => {
  const argv = ['analyze', '--communities', 'c.geojson', '--facilities', 'f.geojson', '--out', 'o'];
  it('parses the zoning flags', () => {
    const p = parseArgs([...argv, '--zone-gap', '12.5', '--barriers', 'primary, secondary,primary', '--zone-max-households=800', '--eligible-before', '1995']);
    expect(p.command === 'analyze' && [p.options.zoneGapMeters, p.options.barriers, p.options.zoneMaxHouseholds, p.options.eligibleBefore]).toEqual([12.5, ['primary', 'secondary'], 800, 1995]);
    const none = parseArgs([...argv, '--barriers', 'none']);
    expect(none.command === 'analyze' && none.options.barriers).toEqual([]);
  });

  it('rejects bad zoning flags with messages naming the option', () => {
    expect(() => parseArgs([...argv, '--zone-gap', 'abc'])).toThrow('--zone-gap must be a number, got "abc"');
    expect(() => parseArgs([...argv, '--zone-gap', '-1'])).toThrow('--zone-gap must be between 0 and 500, got -1');
    expect(() => parseArgs([...argv, '--barriers', 'primry'])).toThrow('--barriers: unknown road class "primry"; use OSM highway values such as motorway, trunk, primary, secondary, tertiary (or "none")');
    expect(() => parseArgs([...argv, '--barriers', ','])).toThrow('--barriers: needs road classes such as motorway,trunk,primary (or "none")');
    expect(() => parseArgs([...argv, '--zone-max-households', '2.5'])).toThrow('--zone-max-households must be a whole number, got "2.5"');
    expect(() => parseArgs([...argv, '--zone-max-households', '0'])).toThrow('--zone-max-households must be between 1 and 1000000, got 0');
    expect(() => parseArgs([...argv, '--eligible-before', '20'])).toThrow('--eligible-before must be between 1800 and 2100, got 20');
  });

  it('lists every bad zoning value of the config with its path', () => {
    let message = '';
    try {
      parseConfigDocument(JSON.stringify({ zoning: { gapMeters: '30', barriers: ['primary', 'highway'], maxHouseholds: 10.5, eligibleBefore: 1700, zoneGap: 5 } }), 'cfg.json');
    } catch (e) { message = (e as Error).message; }
    expect(message.split('\n')).toEqual([
      'cfg.json: invalid config:',
      '  - zoning.zoneGap is not a setting (expected one of: eligibleBefore, gapMeters, barriers, maxHouseholds, maxAreaSqm)',
      '  - zoning.eligibleBefore must be between 1800 and 2100, got 1700',
      '  - zoning.gapMeters must be a number, got "30"',
      '  - zoning.maxHouseholds must be a whole number, got 10.5',
      '  - zoning.barriers: unknown road class "highway"; use OSM highway values such as motorway, trunk, primary, secondary, tertiary (or "none")',
    ]);
    expect(parseConfigDocument(JSON.stringify({ zoning: { barriers: [], maxAreaSqm: 50000 } }), 'c.json').zoning).toEqual({ barrierHighways: [], maxAreaSqm: 50000 });
  });

  it('exits 2 for a bad zoning flag when run as a process', () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...argv, '--zone-gap', 'wide'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: --zone-gap must be a number, got "wide"\nrun with --help for usage\n');
  });
});
