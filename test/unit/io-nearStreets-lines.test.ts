/**
 * The first pass of the street-offset hint (measureWithin → lineIndex's walk over line boxes) against measuring
 * every segment: within the pass's radius each distance is the minimum over all segments with four finite
 * numbers, equal to the bit (Object.is); beyond it the pass says "beyond" (more than the radius, or Infinity).
 * Seeded lines: long ones spanning many cells, NaN and Infinity vertices, duplicate vertices (zero-length
 * segments), empty and one-point lines; points near, far, beside the lines' area, spread over the globe, odd.
 */
import { describe, expect, it } from 'vitest';
import { measureWithin, nearestStreetsMeters } from '../../src/io/crs/nearStreets';
import type { StreetLines } from '../../src/io/crs/streetLines';
import { bruteMeters, rng } from '../fixtures/crs/streetsBrute';

/** Seeded lines around Nanchang with every kind of odd vertex, straight into the flat arrays. */
function oddLines(seed: number, n: number): StreetLines {
  const r = rng(seed);
  const xy: number[] = [];
  const lineStart = [0];
  const end = (): void => { lineStart.push(xy.length / 2); };
  end(); // an empty line
  xy.push(115.8, 28.6); end(); // a one-point line
  xy.push(Number.NaN, Number.NaN, Number.NaN, 28.61); end(); // no usable vertex
  xy.push(115.81, 28.61, 115.81, 28.61); end(); // one zero-length segment
  for (let l = 0; l < n; l++) {
    let x = 115.8 + r() * 0.08, y = 28.6 + r() * 0.06;
    // A few long lines (kilometres, diagonal: many cells under their box), most a street's length.
    const step = l % 37 === 5 ? 0.02 : 0.0012;
    const count = 2 + Math.floor(r() * 12);
    for (let k = 0; k < count; k++) {
      let vx = x, vy = y;
      if (l % 23 === 3 && k === 1) vx = Number.NaN;
      if (l % 29 === 4 && k === count - 1) vy = Infinity;
      if (l % 31 === 6 && k === 0) vx = -Infinity;
      xy.push(vx, vy);
      if (l % 7 === 2 && k === 1) xy.push(vx, vy); // a duplicate vertex: a zero-length segment
      x += (r() - 0.5) * step;
      y += (r() - 0.5) * step;
    }
    end();
  }
  // A line far beside the points' area (left of, and below, every cell) and one crossing the whole area.
  xy.push(115.5, 28.3, 115.51, 28.31); end();
  xy.push(115.7, 28.5, 116.0, 28.75); end();
  return { xy: Float64Array.from(xy), lineStart: Int32Array.from(lineStart) };
}

function nearPoints(seed: number, n: number, offDegrees: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => [115.79 + r() * (0.1 + offDegrees), 28.59 + r() * (0.08 + offDegrees)]);
}

/** The pass's promise, point by point; returns how many were within the radius. */
function expectPass(lines: StreetLines, points: readonly (readonly number[])[], radius: number, oddAt: readonly number[] = []): number {
  const pass = measureWithin(lines, points, radius);
  expect(pass.radiusMeters).toBe(radius);
  let within = 0;
  for (let q = 0; q < points.length; q++) {
    if (oddAt.includes(q)) { expect(pass.odd[q], `odd ${q}`).toBe(1); continue; }
    expect(pass.odd[q], `odd ${q}`).toBe(0);
    const want = bruteMeters(lines, points[q]);
    if (want <= radius) {
      within++;
      expect(Object.is(pass.meters[q], want), `point ${q}: ${pass.meters[q]} vs ${want}`).toBe(true);
    } else expect(pass.meters[q], `point ${q} beyond`).toBeGreaterThan(radius);
  }
  return within;
}

describe('the first pass over line boxes, against every segment', () => {
  it('is exact within 60 m and says beyond otherwise (odd vertices, long lines, near and far points)', () => {
    for (const seed of [1, 2, 3]) {
      const lines = oddLines(seed, 700);
      const pts = nearPoints(seed + 40, 500, 0.05);
      const within = expectPass(lines, pts, 60);
      expect(within).toBeGreaterThan(40);
      expect(within).toBeLessThan(pts.length);
    }
  });

  it('is exact for radii from 0 m (points on vertices and segments) to 2 km', () => {
    const lines = oddLines(4, 500);
    const pts = nearPoints(44, 300, 0.2);
    // Points on vertices (0 m) and halfway along the zero-length and crossing segments.
    pts.push([115.81, 28.61], [115.85, 28.625], [lines.xy[2 * 10], lines.xy[2 * 10 + 1]]);
    for (const radius of [0, 5, 60, 400, 2000]) expectPass(lines, pts, radius);
    const exact = measureWithin(lines, pts, 0);
    expect(exact.meters[pts.length - 3]).toBe(0);
    expect(exact.meters[pts.length - 1]).toBe(0);
  });

  it('leaves odd points out (polar, NaN, text) and measures the rest', () => {
    const lines = oddLines(5, 300);
    const pts: number[][] = nearPoints(45, 100, 0.02);
    pts.push([115.82, 85.5], [Number.NaN, 28.6], ['115.83', '28.62'] as unknown as number[], [115.82, -81]);
    const n = pts.length;
    expectPass(lines, pts, 60, [n - 4, n - 3, n - 2, n - 1]);
    expect(Array.from(measureWithin(lines, pts).meters.slice(n - 4))).toEqual([Infinity, Infinity, Infinity, Infinity]);
  });

  it('is exact when a few points lie far away and the cells grow many kilometres wide', () => {
    const lines = oddLines(6, 400);
    const pts = nearPoints(46, 200, 0.01);
    pts.push([0, 0], [170, -60], [-120, 45]);
    expect(expectPass(lines, pts, 60)).toBeGreaterThan(20);
    expect(expectPass(lines, pts, 1500)).toBeGreaterThan(150);
  });

  it('answers a second layer on the same lines as the first, and again the same', () => {
    const lines = oddLines(7, 500);
    const first = nearPoints(47, 200, 0.03);
    const second = nearPoints(48, 150, 0.3);
    expectPass(lines, first, 60);
    expectPass(lines, second, 60);
    const again = measureWithin(lines, first);
    expect(again.meters).toEqual(measureWithin(lines, first).meters);
  });

  it('keeps the settled distances exact after the first pass (wider passes, full grid)', () => {
    const lines = oddLines(8, 500);
    const pts = nearPoints(49, 300, 0.4);
    const got = nearestStreetsMeters(lines, pts);
    for (let q = 0; q < pts.length; q++) expect(Object.is(got[q], bruteMeters(lines, pts[q])), `point ${q}`).toBe(true);
    expect(got.filter((d) => d > 60).length).toBeGreaterThan(20);
  });

  it('finds nothing beside lines that are all beyond the radius', () => {
    const lines: StreetLines = { xy: Float64Array.from([115.5, 28.3, 115.51, 28.31, 116.5, 29.5, 116.6, 29.6]), lineStart: Int32Array.from([0, 2, 4]) };
    const pts = nearPoints(50, 50, 0);
    const pass = measureWithin(lines, pts, 60);
    expect(Array.from(pass.meters).every((m) => m === Infinity)).toBe(true);
    expect(expectPass(lines, pts, 50_000)).toBe(pts.filter((p) => bruteMeters(lines, p) <= 50_000).length);
  });
});
