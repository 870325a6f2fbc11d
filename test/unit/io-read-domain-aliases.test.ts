/** toCommunities picks the same alias field whichever names the other features use (aliases pre-filtered per layer). */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { toCommunities } from '../../src/io/domain';

const square: Feature['geometry'] = { type: 'Polygon', coordinates: [[[116, 28], [116.01, 28], [116.01, 28.01], [116, 28.01], [116, 28]]] };
const c = (properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: square, properties });

describe('toCommunities field aliases across a layer', () => {
  it('first present, non-empty alias per feature, names differing between features', () => {
    const r = toCommunities([
      c({ id: 'A', households: 10, 户数: 20, 建成年代: 1985 }),
      c({ 编号: 'B', 户数: 30, year: '1990年' }),
      c({ ID: 'C', hh: '', 总户数: 5, 小区名称: '幸福小区' }),
      c({ households: null, 住户数: '1,200' }),
    ], 'c.geojson');
    expect(r.items.map((x) => [x.id, x.households, x.buildYear, x.name])).toEqual([
      ['A', 10, 1985, 'A'],
      ['B', 30, 1990, 'B'],
      ['C', 5, null, '幸福小区'],
      ['c.geojson#3', 1200, null, 'c.geojson#3'],
    ]);
  });
});
