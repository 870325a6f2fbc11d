import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { groupByKey } from './distanceJob';

describe('groupByKey', () => {
  it('lists the items of each key in ascending order and leaves out negative keys', () => {
    const g = groupByKey(Int32Array.of(2, -1, 0, 2, 1, 0, -5, 2), 4);
    expect(Array.from(g.offsets)).toEqual([0, 2, 3, 6, 6]);
    expect(Array.from(g.items)).toEqual([2, 5, 4, 0, 3, 7]);
  });

  it('equals a sort by (key, index) on seeded keys, with empty groups', () => {
    const rand = mulberry32(3);
    const keys = Int32Array.from({ length: 5000 }, () => Math.floor(rand() * 300) - 20);
    const g = groupByKey(keys, 300);
    const expected = Array.from(keys.keys()).filter((i) => keys[i] >= 0).sort((a, b) => keys[a] - keys[b] || a - b);
    expect(Array.from(g.items)).toEqual(expected);
    for (let k = 0; k < 300; k++) {
      for (let p = g.offsets[k]; p < g.offsets[k + 1]; p++) expect(keys[g.items[p]]).toBe(k);
    }
    expect(g.offsets[300]).toBe(expected.length);
    expect(groupByKey(new Int32Array(0), 3).offsets).toEqual(new Int32Array(4));
  });
});
