import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateFeatures } from '../../src/io/validate';
import { WktError, parseWkt } from '../../src/io/wkt';

const feat = (geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({ type: 'Feature', geometry, properties });
const run = (fs: Feature[], rules = {}) => validateFeatures(fs, { fileName: 't', ...rules });
const messages = (r: ReturnType<typeof run>) => r.issues.map((i) => `${i.action}: ${i.message}`);

describe('validateFeatures: polygons', () => {
  const outerCw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
  const holeCcw = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]];

  it('rewinds outer rings to counter-clockwise and holes to clockwise, without touching the input', () => {
    const input = feat({ type: 'Polygon', coordinates: [outerCw, holeCcw] });
    const r = run([input]);
    const g = r.features[0].geometry;
    if (g.type !== 'Polygon') throw new Error(g.type);
    expect(g.coordinates[0]).toEqual([...outerCw].reverse());
    expect(g.coordinates[1]).toEqual([...holeCcw].reverse());
    expect((input.geometry as { coordinates: unknown }).coordinates).toEqual([outerCw, holeCcw]);
    expect(messages(r)).toEqual(['repaired: Feature 0: rewound rings to RFC 7946 winding (2)']);
  });

  it('drops a degenerate hole but keeps the polygon', () => {
    const r = run([feat({ type: 'Polygon', coordinates: [[...outerCw].reverse(), [[0.2, 0.2], [0.3, 0.3], [0.2, 0.2]]] })]);
    expect(r.features).toHaveLength(1);
    expect((r.features[0].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(1);
    expect(messages(r)).toEqual(['repaired: Feature 0: dropped holes with fewer than 4 positions']);
  });

  it('drops a broken part of a MultiPolygon and keeps the good one', () => {
    const good = [[...outerCw].reverse()];
    const r = run([feat({ type: 'MultiPolygon', coordinates: [good, [[[5, 5], [6, 6], [5, 5]]]] })]);
    expect(r.features[0].geometry).toEqual({ type: 'MultiPolygon', coordinates: [good] });
    expect(messages(r)).toEqual(['repaired: Feature 0: dropped invalid polygon parts (polygon ring has 3 positions, at least 4 needed)']);
  });

  it('skips a polygon whose points are all on one line', () => {
    const r = run([feat({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })]);
    expect(r.features).toHaveLength(0);
    expect(messages(r)).toEqual(['skipped: Feature 0: polygon has zero area']);
  });

  it('keeps the whole area of a figure-eight (both lobes), not just the larger one', () => {
    const r = run([feat({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] })]);
    expect(r.features[0].geometry.type).toBe('MultiPolygon');
    expect(r.issues[0].message).toMatch(/^Feature 0: split a self-intersecting polygon at 1 crossing\(s\) into 2 parts and merged them \((\d+) m²\)$/);
    const m2 = Number(/\((\d+) m²\)/.exec(r.issues[0].message)?.[1]);
    // Two triangles of a quarter of a 1° × 1° cell each, near the equator: about 6.2e9 m².
    expect(m2 / 6.18e9).toBeGreaterThan(0.98);
    expect(m2 / 6.18e9).toBeLessThan(1.02);
  });
});

describe('validateFeatures: lines, points, properties', () => {
  it('drops repeated points of a line, skips a line of one distinct point', () => {
    const r = run([feat({ type: 'LineString', coordinates: [[0, 0], [0, 0], [1, 1]] }), feat({ type: 'LineString', coordinates: [[2, 2], [2, 2]] })]);
    expect(r.features.map((f) => f.geometry)).toEqual([{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }]);
    expect(messages(r)).toEqual(['repaired: Feature 0: removed duplicate consecutive points', 'skipped: Feature 1: line has fewer than 2 distinct points']);
    expect(r.keptIndex).toEqual([0]);
  });

  it('labels features by their source index or line', () => {
    const r = validateFeatures([feat({ type: 'Point', coordinates: [0, 100] })], { fileName: 't', sourceIndex: [7] });
    expect(r.issues[0]).toMatchObject({ featureIndex: 7, message: 'Feature 7: coordinate out of range [0, 100] (longitude ±180, latitude ±90): wrong coordinate system?' });
  });

  it('warns about missing and non-numeric mapped fields and U+FFFD, keeping every value as it was', () => {
    const props = { 名称: '\ufffd\ufffd小区', 户数: '约300', 年代: '1990' };
    const r = run([feat({ type: 'Point', coordinates: [115, 28] }, props)], { numericFields: ['户数', '年代'], requiredFields: ['名称', '地址'] });
    expect(r.features[0].properties).toEqual(props);
    expect(messages(r)).toEqual([
      'kept: Feature 0: field 名称 contains undecodable characters (U+FFFD): wrong encoding?',
      'kept: Feature 0: field 地址 is missing',
      'kept: Feature 0: field 户数 is not a number',
    ]);
  });

  it('keeps ids and does not warn about a same-family mix (Polygon + MultiPolygon)', () => {
    const sq = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const r = run([{ ...feat({ type: 'Polygon', coordinates: [sq] }), id: 'a' }, feat({ type: 'MultiPolygon', coordinates: [[sq]] })]);
    expect(r.features[0].id).toBe('a');
    expect(r.issues).toEqual([]);
  });
});

describe('parseWkt', () => {
  it.each([
    ['POINT (115.89 28.67)', { type: 'Point', coordinates: [115.89, 28.67] }],
    ['SRID=4326;POINT Z (1 2 3)', { type: 'Point', coordinates: [1, 2, 3] }],
    ['POINT M (1 2 9)', { type: 'Point', coordinates: [1, 2] }],
    ['point(1 2 3)', { type: 'Point', coordinates: [1, 2, 3] }],
    ['LINESTRING(0 0,1 1, 2 2)', { type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 2]] }],
    ['POLYGON ((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.3 0.2, 0.3 0.3, 0.2 0.2))', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]] }],
    ['MULTIPOINT ((1 2), (3 4))', { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }],
    ['MULTIPOINT (1 2, 3 4)', { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }],
    ['MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))', { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] }],
    ['MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))', { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] }],
    ['GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))', { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] }],
    ['POLYGON EMPTY', { type: 'Polygon', coordinates: [] }],
    ['POINT (-1.5e2 .5)', { type: 'Point', coordinates: [-150, 0.5] }],
  ])('%s', (text, geometry) => {
    expect(parseWkt(text)).toEqual(geometry);
  });

  it.each([
    ['POINT (1)', 'expected a number at character 9'],
    ['POLYGON ((0 0, 1 1)', 'expected ")" at character 20'],
    ['CIRCLE (1 2 3)', 'unknown geometry type "CIRCLE"'],
    ['POINT (1 2) trailing', 'unexpected text after geometry at character 13'],
  ])('rejects %s: %s', (text, message) => {
    expect(() => parseWkt(text)).toThrow(WktError);
    expect(() => parseWkt(text)).toThrow(message);
  });
});
