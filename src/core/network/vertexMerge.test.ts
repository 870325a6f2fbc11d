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

describe('VertexMerger (dense grid over known bounds) vs brute force', () => {
  const cluster = (seed: number): [number, number][] => {
    const rand = mulberry32(seed);
    return Array.from({ length: 2500 }, (): [number, number] =>
      [Math.floor(rand() * 40) * 0.7 + rand() * 0.6 - 14, Math.floor(rand() * 40) * 0.7 + rand() * 0.6 - 14]);
  };
  const boundsOf = (points: [number, number][]): number[] => [
    Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])),
    Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1])),
  ];

  it.each([0, 0.5, 2])('gives the same node ids as comparing every pair (tolerance %s m)', (tol) => {
    const points = cluster(17 + tol * 10);
    const merger = new VertexMerger(tol, points.length, boundsOf(points));
    expect(merger.denseGrid).toBe(tol > 0); // a zero tolerance keeps the hash table
    expect(points.map(([x, y]) => merger.add(x, y))).toEqual(bruteForce(points, tol));
  });

  it('still merges correctly with points outside the bounds (they share the border cells)', () => {
    const points = cluster(23);
    // Bounds of the middle only: a third of the points lie outside; capacity grows from 16.
    const merger = new VertexMerger(0.5, 4, [-5, -5, 5, 5]);
    expect(merger.denseGrid).toBe(true);
    const ids = points.map(([x, y]) => merger.add(x, y));
    expect(ids).toEqual(bruteForce(points, 0.5));
    expect(merger.count).toBeLessThan(points.length / 2);
  });

  it('keeps the hash table for two crowded towns far apart (grid cells would be wide), with the same ids', () => {
    const towns = [...cluster(31), ...cluster(37).map(([x, y]): [number, number] => [x + 50000, y + 50000])];
    const merger = new VertexMerger(0.5, towns.length, boundsOf(towns));
    expect(merger.denseGrid).toBe(false);
    expect(towns.map(([x, y]) => merger.add(x, y))).toEqual(bruteForce(towns, 0.5));
  });

  it('handles a thin extent (one straight road) and unusable bounds', () => {
    const rand = mulberry32(29);
    const line = Array.from({ length: 3000 }, (_, i): [number, number] => [i * 0.45 + rand() * 0.3, 0]);
    const thin = new VertexMerger(0, line.length, boundsOf(line));
    expect(line.map(([x, y]) => thin.add(x, y))).toEqual(bruteForce(line, 0));
    const tolerant = new VertexMerger(0.5, line.length, boundsOf(line));
    expect(line.map(([x, y]) => tolerant.add(x, y))).toEqual(bruteForce(line, 0.5));
    expect(tolerant.denseGrid).toBe(true);
    const nan = new VertexMerger(0.5, line.length, [NaN, NaN, NaN, NaN]); // falls back to the hash table
    expect(nan.denseGrid).toBe(false);
    expect(line.map(([x, y]) => nan.add(x, y))).toEqual(bruteForce(line, 0.5));
  });
});
