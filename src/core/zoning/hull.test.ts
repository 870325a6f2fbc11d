import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/zoning/syntheticCity';
import { convexHullFlat, flatRingArea } from './hull';

/** The version this replaced: built-in stable sort of indices, corners as [x, y] pairs. */
function referenceHull(px: number[], py: number[]): [number, number][] {
  const p = px.map((_, i) => i).sort((a, b) => (px[a] - px[b]) || (py[a] - py[b]));
  const cross = (o: number, a: number, b: number): number => (px[a] - px[o]) * (py[b] - py[o]) - (py[a] - py[o]) * (px[b] - px[o]);
  const lower: number[] = [], upper: number[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  for (let k = p.length - 1; k >= 0; k--) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p[k]) <= 0) upper.pop();
    upper.push(p[k]);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)].map((k) => [px[k], py[k]]);
}

function referenceArea(ring: [number, number][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  if (ring.length > 0) s += ring[ring.length - 1][0] * ring[0][1] - ring[0][0] * ring[ring.length - 1][1];
  return s / 2;
}

describe('convexHullFlat', () => {
  it('gives the corners and area of the pair-and-sort version, bit for bit, on seeded point sets (3–150 points, ties)', () => {
    const rnd = mulberry32(5);
    let corners = 0;
    for (let trial = 0; trial < 300; trial++) {
      const n = 3 + Math.floor(rnd() * 148);
      // Every third set on a 1 m lattice: equal x (ties in the sort), duplicates and collinear points.
      const lattice = trial % 3 === 0;
      const px = Array.from({ length: n }, () => (lattice ? Math.floor(rnd() * 6) : rnd() * 40 - 20));
      const py = Array.from({ length: n }, () => (lattice ? Math.floor(rnd() * 6) : rnd() * 40 - 20));
      const ref = referenceHull(px, py);
      const got = convexHullFlat(px, py);
      expect(got).toEqual(ref.flat());
      expect(flatRingArea(got)).toBe(referenceArea(ref));
      corners += ref.length;
    }
    expect(corners).toBeGreaterThan(1500);
  });

  it('drops collinear points, is counter-clockwise, and has no corners for identical points', () => {
    const hull = convexHullFlat([0, 10, 5, 10, 0, 5], [0, 0, 0, 10, 10, 5]);
    expect(hull).toEqual([0, 0, 10, 0, 10, 10, 0, 10]);
    expect(flatRingArea(hull)).toBe(100);
    expect(convexHullFlat([3, 3, 3], [4, 4, 4]).length).toBeLessThan(6);
    expect(flatRingArea([])).toBe(0);
  });
});
