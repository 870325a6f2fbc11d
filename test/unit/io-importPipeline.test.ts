import { describe, expect, it } from 'vitest';
import { ImportSession, withCanonicalFields } from '../../src/io/importPipeline';

const square = (x: number, y: number, d = 0.001) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).buffer as ArrayBuffer;

const communities = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 小区名称: '甲小区', 年份: 1985, 总数: 120, households: 999 }, geometry: square(115.9, 28.68) },
    { type: 'Feature', properties: { 小区名称: '无图形', 年份: 1990, 总数: 10 }, geometry: null },
    { type: 'Feature', properties: { 小区名称: '乙小区', 年份: 1979, 总数: 'many' }, geometry: square(115.91, 28.68) },
  ],
};

describe('import pipeline', () => {
  it('inspect counts unreadable features and guesses role and fields', async () => {
    const session = new ImportSession();
    const [layer] = await session.inspectFiles([{ name: 'c.geojson', bytes: enc(communities) }]);
    expect(layer.featureCount).toBe(3);
    expect(layer.guessedRole).toBe('communities');
    expect(layer.guessedMapping.communities.name).toBe('小区名称');
    expect(layer.samples['小区名称']).toEqual(['甲小区', '乙小区']);
  });

  it('build applies an explicit mapping, keeps original properties and names features by file position', async () => {
    const session = new ImportSession();
    const [layer] = await session.inspectFiles([{ name: 'c.geojson', bytes: enc(communities) }]);
    const built = session.build([{ key: layer.key, role: 'communities', crs: '', mapping: { name: '小区名称', buildYear: '年份', households: '总数' } }]);
    expect(built.communities.map((c) => [c.name, c.buildYear, c.households])).toEqual([['甲小区', 1985, 120], ['乙小区', 1979, null]]);
    // Original properties only: no canonical copies, no internal index.
    expect(built.communities[0].properties).toEqual(communities.features[0].properties);
    const [report] = built.reports;
    expect([report.featuresRead, report.featuresKept]).toEqual([3, 2]);
    const notNumber = report.warnings.find((w) => /not a number/.test(w.message));
    expect(notNumber?.featureIndex).toBe(2);
    expect(notNumber?.field).toBe('总数');
    expect(report.skipped.map((s) => s.featureIndex)).toEqual([1]);
  });

  it('a skipped layer is not imported; mapping an attribute to none hides alias-named fields', async () => {
    const session = new ImportSession();
    const [layer] = await session.inspectFiles([{ name: 'c.geojson', bytes: enc(communities) }]);
    expect(session.build([{ key: layer.key, role: null, crs: '', mapping: {} }]).communities).toEqual([]);
    const f = withCanonicalFields(communities.features[0] as never, 'communities', { households: null });
    expect(f.properties).not.toHaveProperty('households');
  });

  it('a user CRS converts coordinates (GCJ-02 → WGS84 moves points by hundreds of metres)', async () => {
    const session = new ImportSession();
    const [layer] = await session.inspectFiles([{ name: 'c.geojson', bytes: enc(communities) }]);
    const built = session.build([{ key: layer.key, role: 'communities', crs: 'gcj02', mapping: { name: '小区名称' } }]);
    const ring = (built.communities[0].geometry as { coordinates: number[][][] }).coordinates[0];
    const dxMeters = (115.9 - Math.min(...ring.map((p) => p[0]))) * 111_320 * Math.cos((28.68 * Math.PI) / 180);
    expect(dxMeters).toBeGreaterThan(300);
    expect(dxMeters).toBeLessThan(800);
    expect(built.reports[0].crs).toEqual({ label: 'GCJ-02 (Amap/Tencent)', source: 'user' });
  });
});
