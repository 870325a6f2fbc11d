/**
 * The analyze pipeline in-process on the tiny town (test/fixtures/cli/town.ts): expected metres are summed by
 * hand from the town's layout with an independent haversine, so they hold whatever the engine does inside.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import type { AnalyzeOutputs } from '../../src/cli/analyze';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { COMMUNITY_CENTRES, FACILITY_POINTS, toLngLat, townCommunities } from '../fixtures/cli/town';

const FIX = join(__dirname, '../fixtures/cli');
const files = { communities: join(FIX, 'town-communities.geojson'), facilities: join(FIX, 'town-facilities.geojson'), roads: join(FIX, 'town-roads.geojson') };

function haversine(a: Position, b: Position): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
/** Length of a walk through local-metre waypoints. */
const walk = (...pts: (readonly [number, number])[]): number => pts.slice(1).reduce((s, p, i) => s + haversine(toLngLat(...pts[i]), toLngLat(...p)), 0);
const round1 = (m: number): number => Math.round(m * 10) / 10;

const { C1, C2, C3 } = COMMUNITY_CENTRES;
const { F1, F2, F3, F5 } = FACILITY_POINTS;
const expected = {
  C1: { kindergarten: walk(C1, [400, 300], F1), health_station: walk(C1, [400, 300], [400, 0], [160, 0], F3), culture: walk(C1, [400, 300], [400, 0], [1000, 0], [1200, 0], F5) },
  C2: { kindergarten: walk(C2, [100, 0], [400, 0], F1), health_station: walk(C2, [100, 0], [160, 0], F3), culture: walk(C2, [100, 0], [400, 0], [1000, 0], [1200, 0], F5) },
  C3: { market: walk(C3, [1000, -300], F2), culture: walk(C3, [1000, -300], [1000, 0], [1200, 0], F5) },
};

const tmp = (): string => mkdtempSync(join(tmpdir(), 'cli-analyze-'));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('runAnalyze on the tiny town with roads', () => {
  let out: AnalyzeOutputs;
  let dir: string;
  let fc: FeatureCollection;
  beforeAll(async () => {
    dir = tmp();
    out = await runAnalyze({ ...files, out: dir });
    fc = readJson(join(dir, 'communities.geojson')) as FeatureCollection;
  });

  it('writes every input community in input order with all original properties', () => {
    expect(out.files.map((f) => f.slice(dir.length + 1))).toEqual(['communities.geojson', 'zones.geojson', 'gaps.csv', 'communities.csv', 'zones.csv', 'summary.json']);
    const input = townCommunities();
    expect(fc.features.map((f) => f.properties!.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    input.features.forEach((f, i) => {
      for (const [k, v] of Object.entries(f.properties!)) expect(fc.features[i].properties![k]).toEqual(v);
      expect(fc.features[i].geometry).toEqual(f.geometry);
    });
  });

  it('gives walking metres along the streets (0.1 m) and null beyond the search bound', () => {
    const p = (id: string): Record<string, unknown> => fc.features.find((f) => f.properties!.id === id)!.properties!;
    for (const [id, cats] of Object.entries(expected)) {
      for (const [cat, m] of Object.entries(cats)) expect(p(id)[`walk_m_${cat}`], `${id} ${cat}`).toBeCloseTo(round1(m), 0);
    }
    // Sanity of the hand sums: C1's kindergarten is ~230 m away, C2's ~450 m.
    expect(expected.C1.kindergarten).toBeGreaterThan(220);
    expect(expected.C2.kindergarten).toBeGreaterThan(440);
    expect(p('C3').walk_m_kindergarten).toBeNull(); // > 2 × 300 m
    expect(p('C1').walk_m_market).toBeNull(); // > 2 × 500 m
    expect(p('C1').walk_m_sports).toBeNull(); // no facility of the category at all
    expect(p('C1').covered_kindergarten).toBe(true);
    expect(p('C2').covered_kindergarten).toBe(false);
    expect(p('C3').covered_culture).toBe(true);
    expect(p('C3').covered_community_service).toBe(false);
    // 18 required categories: C1 covers 1, C3 covers 2.
    expect(p('C1').coverage_score).toBe(Math.round((1 / 18) * 10000) / 10000);
    expect(p('C3').coverage_score).toBe(Math.round((2 / 18) * 10000) / 10000);
    expect(p('C1').analysis_mode).toBe('network');
  });

  it('keeps skipped and off-network communities as rows with null results and a note', () => {
    const c4 = fc.features[3].properties!;
    expect(c4.walk_m_kindergarten).toBeNull();
    expect(c4.coverage_score).toBeNull();
    expect(c4.analysis_note).toBe('not analysed: community geometry is Point, expected Polygon or MultiPolygon');
    const c5 = fc.features[4].properties!;
    expect(c5.off_network).toBe(true);
    expect(c5.walk_m_kindergarten).toBeNull();
    expect(c5.coverage_score).toBeNull();
    // Zoning columns: C4 was never a community, C5 has no build year; C1/C2/C3 (1988–1999) are 200+ m apart.
    expect(fc.features.map((f) => [f.properties!.id, f.properties!.eligible, f.properties!.excluded_reason, f.properties!.zone_id])).toEqual([
      ['C1', true, null, 'Z001'], ['C2', true, null, 'Z002'], ['C3', true, null, 'Z003'], ['C4', false, 'not_analysed', null], ['C5', false, 'unknown_year', null],
    ]);
    expect(out.summary.zoning!.excluded.byReason.unknown_year).toEqual({ communities: 1, households: 90 });
  });

  it('writes gaps.csv with a BOM, the header, and rows ranked by households', () => {
    const csv = readFileSync(join(dir, 'gaps.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('community_id,community,category,category_zh,walk_m,households');
    // 3 on-network communities × 18 required categories − 4 covered pairs; off-network C5 is not a gap.
    expect(lines).toHaveLength(1 + 3 * 18 - 4);
    expect(lines[1]).toBe('C1,幸福里小区,health_center,社区卫生服务中心,,1200');
    expect(lines).toContain(`C1,幸福里小区,culture,文化活动中心,${round1(expected.C1.culture)},1200`);
    expect(lines).toContain(`C2,和平新村,kindergarten,幼儿园,${round1(expected.C2.kindergarten)},800`);
    const households = lines.slice(1).map((l) => Number(l.split(',').at(-1)));
    expect(households.slice(0, 17).every((h) => h === 1200)).toBe(true);
    expect(households.at(-1)).toBe(350);
    expect(lines.some((l) => l.startsWith('C5,'))).toBe(false);
  });

  it('writes communities.csv with original and result columns, quoting where needed', () => {
    const lines = readFileSync(join(dir, 'communities.csv'), 'utf8').slice(1).split('\r\n');
    expect(lines[0].startsWith('id,名称,户数,建成年代,物业,备注,extra_nested,name,households,build_year,owner,walk_m_health_center,')).toBe(true);
    expect(lines[1].startsWith('C1,幸福里小区,1200,1988,无,"含""引号"", 逗号",,,,,,')).toBe(true);
    expect(lines[2]).toContain('"{""楼栋"":12}"');
  });

  it('writes summary.json with households covered per category, network stats, off-network ids and issues', () => {
    const s = readJson(join(dir, 'summary.json')) as typeof out.summary;
    expect(s).toEqual(out.summary);
    expect(s.mode).toBe('network');
    const wgs = { label: 'WGS84 (EPSG:4326)', source: 'default' };
    expect(s.inputs).toEqual({
      communities: { file: files.communities, format: 'geojson', crs: wgs, read: 5, used: 4 },
      facilities: { file: files.facilities, format: 'geojson', crs: wgs, read: 5, used: 4 },
      roads: { file: files.roads, format: 'geojson', crs: wgs, read: 3, used: 3 },
    });
    expect(s.outputCrs).toBe('WGS84 (EPSG:4326)');
    const cat = (id: string): (typeof s.categories)[number] => s.categories.find((c) => c.id === id)!;
    const total = 1200 + 800 + 350 + 90;
    expect(cat('kindergarten')).toMatchObject({ householdsCovered: 1200, householdsTotal: total, share: Math.round((1200 / total) * 1e4) / 1e4, facilities: 1, communitiesCovered: 1, gaps: 2, offNetwork: 1 });
    expect(cat('health_station')).toMatchObject({ householdsCovered: 800, share: Math.round((800 / total) * 1e4) / 1e4 });
    expect(cat('culture')).toMatchObject({ householdsCovered: 350, facilities: 1 });
    expect(cat('community_service')).toMatchObject({ householdsCovered: 0, share: 0, facilities: 1 });
    expect(cat('kindergarten').maxWalkMinutes).toBe(Math.round((300 / 67) * 10) / 10);
    expect(s.communities).toEqual({ total: 5, analysed: 4, offNetwork: 1, households: total, meanCoverageScore: Math.round(((1 + 1 + 2) / 18 / 3) * 1e4) / 1e4 });
    expect(s.offNetwork).toEqual({ communities: ['C5'], facilities: [] });
    // Three roads: nodes at x = 0, 400, 1000, 1200 on the main street plus the two far ends.
    expect(s.network).toMatchObject({ nodes: 6, edges: 5, components: 1, droppedWays: 0 });
    expect(s.network!.walkableKm).toBeCloseTo((walk([0, 0], [1200, 0]) + walk([400, 0], [400, 600]) + walk([1000, 0], [1000, -400])) / 1000, 3);
    expect(s.issueCounts).toEqual({ error: 2, warning: 1, info: 0 });
    expect(s.issues.map((i) => [i.file, i.featureId, i.message])).toEqual([
      [files.communities, undefined, 'Mixed geometry types: Point 1, Polygon 4; assign each part to a layer role (communities need polygons, facilities points, roads lines)'],
      [files.communities, 'C4', 'community geometry is Point, expected Polygon or MultiPolygon'],
      [files.facilities, 'F4', 'unknown category "咖啡馆"'],
    ]);
  });
});

describe('runAnalyze options and inputs', () => {
  it('without roads labels every output as straight-line (euclidean)', async () => {
    const dir = tmp();
    const out = await runAnalyze({ communities: files.communities, facilities: files.facilities, out: dir });
    const fc = readJson(join(dir, 'communities.geojson')) as FeatureCollection;
    expect(fc.features.every((f) => f.properties!.analysis_mode === 'euclidean')).toBe(true);
    expect(fc.features[0].properties!.walk_m_kindergarten).toBeCloseTo(round1(walk(C1, F1)), 0);
    expect(out.summary.mode).toBe('euclidean');
    expect(out.summary.distance).toContain('straight-line');
    expect(out.summary.network).toBeNull();
    expect(out.summary.inputs.roads).toBeNull();
  });

  it('applies --config overrides (max walk and walking speed)', async () => {
    const dir = tmp();
    const out = await runAnalyze({ ...files, config: join(FIX, 'config-kindergarten-500.json'), out: dir });
    const k = out.summary.categories.find((c) => c.id === 'kindergarten')!;
    expect(k).toMatchObject({ maxWalkMeters: 500, maxWalkMinutes: 6.3, householdsCovered: 2000 });
    expect(out.summary.settings.walkSpeedMetersPerMinute).toBe(80);
  });

  it('reads FlatGeobuf communities like GeoJSON', async () => {
    const dir = tmp();
    const polys = townCommunities().features.filter((f) => f.geometry.type === 'Polygon');
    const fgbFile = join(dir, 'communities.fgb');
    writeFileSync(fgbFile, writeFlatGeobuf(polys.map((f) => ({ ...f, properties: { ...f.properties, extra_nested: null } }))));
    const out = await runAnalyze({ ...files, communities: fgbFile, out: join(dir, 'out') });
    expect(out.communities.map((c) => c.id).sort()).toEqual(['C1', 'C2', 'C3', 'C5']);
    const c1 = out.communityFeatures.find((f) => f.properties!.id === 'C1')!;
    expect(c1.properties!.walk_m_kindergarten).toBeCloseTo(round1(expected.C1.kindergarten), 0);
    expect(c1.properties!['名称']).toBe('幸福里小区');
  });

  it('writes communities.fgb when asked (--formats fgb) and always summary.json', async () => {
    const dir = tmp();
    const out = await runAnalyze({ ...files, out: dir, formats: ['fgb'] });
    expect(out.files.map((f) => f.slice(dir.length + 1))).toEqual(['communities.fgb', 'zones.fgb', 'summary.json']);
  });

  it('rejects unreadable input naming the option and the file', async () => {
    const dir = tmp();
    await expect(runAnalyze({ ...files, communities: join(FIX, 'broken.geojson'), out: dir })).rejects.toThrow(/^--communities .*broken\.geojson: Not valid JSON/);
    await expect(runAnalyze({ ...files, facilities: join(FIX, 'nope.geojson'), out: dir })).rejects.toThrow(/^--facilities .*nope\.geojson: file not found$/);
  });

  it('fails when no community is usable, listing why', async () => {
    const dir = tmp();
    const pts = join(dir, 'points.geojson');
    writeFileSync(pts, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'p1', geometry: { type: 'Point', coordinates: [116.3, 39.9] }, properties: {} }] }));
    await expect(runAnalyze({ ...files, communities: pts, out: dir })).rejects.toThrow(
      `--communities ${pts}: no usable communities (1 features read):\n  - ${pts} feature p1 (field geometry): community geometry is Point, expected Polygon or MultiPolygon`,
    );
  });

  it('--strict turns skipped features into a failure', async () => {
    await expect(runAnalyze({ ...files, out: tmp(), strict: true })).rejects.toThrow(/^--strict: 2 input feature\(s\) could not be used; first: .*town-communities\.geojson feature C4/);
  });
});
