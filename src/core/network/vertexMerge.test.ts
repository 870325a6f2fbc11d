import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { VertexMerger } from './vertexMerge';

/** The definition: each vertex joins the nearest earlier kept node within the tolerance (ties: lower id). */
function bruteForce(points: [number, number][], tol: number): number[] {
  const kept: number[] = [];
  return points.map((p) => {
    let best = -1, bestD2 = Infinity;
    kept.forEach((k, n) => {
      const d2 = (points[k][0] - p[0]) ** 2 + (points[k][1] - p[1]) ** 2;
      if (d2 <= tol * tol && d2 < bestD2) { bestD2 = d2; best = n; }
    });
    if (best >= 0) return best;
    kept.push(points.indexOf(p));
    return kept.length - 1;
  });
}

describe('VertexMerger (grid hash) vs brute force', () => {
  it.each([0, 0.5, 2])('gives the same node ids as comparing every pair (tolerance %s m)', (tol) => {
    const rand = mulberry32(5 + tol * 10);
    // Clustered points, many within a tolerance of each other and of cell borders; capacity grows from 4.
    const points = Array.from({ length: 2500 }, (): [number, number] =>
      [Math.floor(rand() * 40) * 0.7 + rand() * 0.6 - 14, Math.floor(rand() * 40) * 0.7 + rand() * 0.6 - 14]);
    const merger = new VertexMerger(tol, 4);
    const ids = points.map(([x, y]) => merger.add(x, y));
    const expected = bruteForce(points, tol);
    expect(ids).toEqual(expected);
    expect(merger.count).toBe(Math.max(...expected) + 1);
    if (tol > 0) expect(merger.count).toBeLessThan(points.length / 2);
  });
});
