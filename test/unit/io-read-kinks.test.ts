import type { Position } from 'geojson';
import { kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { kinkCount } from '../../src/io/validate/kinks';

/** Deterministic pseudo-random numbers (LCG). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A closed ring of n random vertices; on a small integer grid many segments touch, overlap or cross. */
function ring(r: () => number, n: number, grid: boolean): Position[] {
  const pts: Position[] = Array.from({ length: n }, () => (grid ? [Math.floor(r() * 4), Math.floor(r() * 4)] : [116 + r() * 0.01, 28 + r() * 0.01]));
  return [...pts, pts[0]];
}

describe('kinkCount = turf kinks().features.length', () => {
  it('on 3000 random polygons (1–3 rings, float and integer-grid vertices)', () => {
    const r = rng(7);
    let withKinks = 0;
    for (let t = 0; t < 3000; t++) {
      const grid = t % 2 === 0;
      const rings = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ring(r, 3 + Math.floor(r() * 6), grid));
      const expected = kinks({ type: 'Polygon', coordinates: rings }).features.length;
      expect(kinkCount(rings)).toBe(expected);
      if (expected > 0) withKinks++;
    }
    expect(withKinks).toBeGreaterThan(500); // the sample really exercises crossings
  });

  it('a square has none, a figure-eight one crossing', () => {
    expect(kinkCount([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]])).toBe(0);
    expect(kinkCount([[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]])).toBe(kinks({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] }).features.length);
    expect(kinkCount([[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]])).toBeGreaterThan(0);
  });
});
