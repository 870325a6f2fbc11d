import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { guessFieldMapping, guessLayer, schemaFingerprint } from '../../src/io/fieldGuess';

const poly = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const pt = { type: 'Point' as const, coordinates: [0, 0] };
const line = { type: 'LineString' as const, coordinates: [[0, 0], [1, 1]] };
const feat = (geometry: Feature['geometry'], properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });

describe('guessLayer', () => {
  it('maps a Chinese survey table of communities', () => {
    const fs = [
      feat(poly, { 序号: 1, 小区名称: '青山湖小区', 建成年份: '1988年', 总户数: '320', 所属街道: '湖坊镇', 物业: '无' }),
      feat(poly, { 序号: 2, 小区名称: '洪都新村', 建成年份: '1995年', 总户数: '1,204', 所属街道: '青云谱', 物业: '专业物业' }),
    ];
    const g = guessLayer(fs);
    expect(g.role).toBe('communities');
    expect(g.mapping).toMatchObject({ name: '小区名称', buildYear: '建成年份', households: '总户数', subdistrict: '所属街道', propertyManagement: '物业' });
    expect(g.mapping.id).toBeNull();
  });

  it('prefers a year-valued field over a same-named text one, by values', () => {
    const fs = [feat(poly, { year: 'unknown', 建成年代: 1990 }), feat(poly, { year: 'n/a', 建成年代: 1979 })];
    const [buildYear] = guessFieldMapping('communities', fs).filter((d) => d.attribute === 'buildYear');
    expect(buildYear.field).toBe('建成年代');
    expect(buildYear.candidates.map((c) => c.field)).toEqual(['建成年代', 'year']);
    expect(buildYear.candidates[1].score).toBeLessThan(40);
  });

  it('recognises facilities by points + a category field, and roads by lines + highway', () => {
    const fac = guessLayer([feat(pt, { 设施名称: '社区卫生服务站', 设施类别: '卫生' }), feat(pt, { 设施名称: '幼儿园', 设施类别: '幼儿园' })]);
    expect(fac.role).toBe('facilities');
    expect(fac.mapping).toEqual({ id: null, name: '设施名称', category: '设施类别' });
    const roads = guessLayer([feat(line, { fclass: 'residential', NAME: '八一大道' })]);
    expect(roads.role).toBe('roads');
    expect(roads.mapping).toMatchObject({ highway: 'fclass', name: 'NAME' });
  });

  it('returns no role for a layer of unknown geometry and no fields', () => {
    expect(guessLayer([]).role).toBeNull();
  });
});

describe('schemaFingerprint', () => {
  it('ignores field order and changes with the set of fields', () => {
    expect(schemaFingerprint(['户数', '名称', 'id'])).toBe(schemaFingerprint(['id', '名称', '户数']));
    expect(schemaFingerprint(['户数', '名称'])).not.toBe(schemaFingerprint(['户数', '名称', 'id']));
    expect(schemaFingerprint([])).toBe('811c9dc5');
    expect(schemaFingerprint(['a'])).toMatch(/^[0-9a-f]{8}$/);
  });
});
