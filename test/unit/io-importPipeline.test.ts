import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
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

  it('a large FlatGeobuf is read only inside the view first; readAll reads the whole file', async () => {
    // 10 × 10 grid of points 0.01° apart: the view [115.9, 28.6, 115.935, 28.635] holds columns/rows 0..3 → 16.
    const features: Feature[] = [];
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) {
      features.push({ type: 'Feature', properties: { name: `p${i}-${j}`, category: 'kindergarten' }, geometry: { type: 'Point', coordinates: [115.9 + i * 0.01, 28.6 + j * 0.01] } });
    }
    const bytes = writeFlatGeobuf(features, { spatialIndex: true });
    const buffer = () => bytes.slice().buffer as ArrayBuffer;
    const viewBbox: [number, number, number, number] = [115.9, 28.6, 115.935, 28.635];
    const session = new ImportSession();
    const [layer] = await session.inspectFiles([{ name: 'big.fgb', bytes: buffer() }], undefined, undefined, { viewBbox, largeFileBytes: 100 });
    expect(layer.partial).toEqual({ featuresRead: 16, featuresInFile: 100 });
    expect(layer.featureCount).toBe(16);
    const built = session.build([{ key: layer.key, role: 'facilities', crs: '', mapping: { name: 'name', category: 'category' } }]);
    expect(built.facilities).toHaveLength(16);
    for (const f of built.facilities) {
      const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
      expect(x).toBeLessThanOrEqual(115.935);
      expect(y).toBeLessThanOrEqual(28.635);
    }
    expect(built.reports[0].featuresRead).toBe(16);
    expect(built.reports[0].warnings.some((w) => /only the 16 features inside the map view were read \(of 100\)/.test(w.message))).toBe(true);

    const whole = await session.readAll(layer.key);
    expect(whole?.featureCount).toBe(100);
    expect(whole?.partial).toBeUndefined();
    const all = session.build([{ key: layer.key, role: 'facilities', crs: '', mapping: { name: 'name', category: 'category' } }]);
    expect(all.facilities).toHaveLength(100);
    expect(await session.readAll(layer.key)).toBeNull();

    // Below the threshold (default 20 MB) the same file is read whole at once.
    const [small] = await new ImportSession().inspectFiles([{ name: 'big.fgb', bytes: buffer() }], undefined, undefined, { viewBbox });
    expect(small.partial).toBeUndefined();
    expect(small.featureCount).toBe(100);
  });
});
