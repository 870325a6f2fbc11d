import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/zoning/syntheticCity';
import { BoxGrid } from './boxGrid';

const ascending = (a: number, b: number): number => a - b;

function indexOf(boxes: Float64Array, n: number): Flatbush {
  const index = new Flatbush(n);
  for (let k = 0; k < n; k++) index.add(boxes[k * 4], boxes[k * 4 + 1], boxes[k * 4 + 2], boxes[k * 4 + 3]);
  index.finish();
  return index;
}

describe('BoxGrid', () => {
  it('finds the same items as a flatbush search, each once, on seeded boxes of mixed sizes', () => {
    const rnd = mulberry32(21);
    const out: number[] = [];
    let hits = 0;
    for (const n of [1, 2, 17, 300, 5000]) {
      const boxes = new Float64Array(n * 4);
      for (let k = 0; k < n; k++) {
        // Mostly small boxes on a 1 m lattice (shared edges: the inclusive test matters), some long thin ones.
        const x = Math.floor(rnd() * 2000), y = Math.floor(rnd() * 1500);
        const long = rnd() < 0.05;
        boxes.set([x, y, x + (long ? 800 : Math.floor(rnd() * 40)), y + Math.floor(rnd() * 40)], k * 4);
      }
      const grid = new BoxGrid(boxes, n), index = indexOf(boxes, n);
      for (let q = 0; q < 300; q++) {
        const x = rnd() * 2600 - 300, y = rnd() * 2000 - 300, w = rnd() < 0.1 ? 0 : rnd() * 200;
        const want = index.search(x, y, x + w, y + w).sort(ascending);
        const got = [...grid.search(x, y, x + w, y + w, out)].sort(ascending);
        expect(got).toEqual(want);
        hits += got.length;
      }
      // A query on an item's own box edges finds it (inclusive), and one beyond the extent finds nothing.
      expect(grid.search(boxes[2], boxes[3], boxes[2] + 1, boxes[3] + 1, out)).toContain(0);
      expect(grid.search(1e6, 1e6, 1e6 + 5, 1e6 + 5, out)).toEqual([]);
    }
    expect(hits).toBeGreaterThan(2000);
  });

  it('handles degenerate extents (one point, one line), no items, and non-finite boxes', () => {
    const out: number[] = [];
    const point = new Float64Array([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(new BoxGrid(point, 2).search(4, 4, 6, 6, out)).toEqual([0, 1]);
    const line = new Float64Array([0, 3, 10, 3, 20, 3, 30, 3, 40, 3, 50, 3]);
    const g = new BoxGrid(line, 3);
    expect([...g.search(9, 0, 21, 9, out)].sort(ascending)).toEqual([0, 1]);
    expect(g.search(0, 4, 50, 9, out)).toEqual([]);
    expect(new BoxGrid(new Float64Array(0), 0).search(0, 0, 1, 1, out)).toEqual([]);
    const withNaN = new Float64Array([0, 0, 1, 1, NaN, NaN, NaN, NaN]);
    // flatbush's inclusive test lets a NaN box through; so does the grid (such boxes never come from valid rings).
    expect([...new BoxGrid(withNaN, 2).search(0, 0, 2, 2, out)].sort(ascending)).toEqual([0, 1]);
  });
});
