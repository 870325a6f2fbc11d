/**
 * The street-offset hint's distances from flat street lines against measuring every segment: for seeded
 * lines (broken ones with NaN / Infinity vertices, empty and one-point lines, long straights) and points near,
 * a little off, far off (the wider passes and the full grid) and odd, `nearestStreetsMeters` and the segment
 * grid give the minimum over every segment with four finite numbers of the same formula — equal to the bit.
 */
import { describe, expect, it } from 'vitest';
import { hasStreetSegment, measureWithin, nearestStreetsMeters } from '../../src/io/crs/nearStreets';
import { buildStreetGrid, nearestSegmentsMeters } from '../../src/io/crs/streetGrid';
import type { StreetLines } from '../../src/io/crs/streetLines';
import { bruteMeters, rng } from '../fixtures/crs/streetsBrute';

/** Seeded street lines around Nanchang, written straight into the flat arrays. */
function randomLines(seed: number, n: number): StreetLines {
  const r = rng(seed);
  const xy: number[] = [];
  const lineStart = [0];
  const end = (): void => { lineStart.push(xy.length / 2); };
  end(); // an empty line
  xy.push(115.8, 28.6); end(); // a one-point line
  for (let l = 0; l < n; l++) {
    let x = 115.8 + r() * 0.08, y = 28.6 + r() * 0.06;
    const step = l % 89 === 4 ? 0.03 : 0.0012; // a few long straights
    const count = 2 + Math.floor(r() * 8);
    for (let k = 0; k < count; k++) {
      const broken = l % 53 === 9 && k === 1;
      xy.push(broken ? Number.NaN : x, l % 71 === 2 && k === 2 ? Infinity : y);
      x += (r() - 0.5) * step;
      y += (r() - 0.5) * step;
    }
    end();
  }
  return { xy: Float64Array.from(xy), lineStart: Int32Array.from(lineStart) };
}

/** Points on the streets' area, a share off it by up to `offDegrees`, and odd ones. */
function randomPoints(seed: number, n: number, farShare: number, offDegrees: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => (r() < farShare
    ? [115.84 + (r() - 0.5) * 2 * offDegrees, 28.63 + (r() - 0.5) * 2 * offDegrees]
    : [115.8 + r() * 0.08, 28.6 + r() * 0.06]));
}

function expectBrute(lines: StreetLines, points: readonly (readonly number[])[], got: readonly number[]): void {
  expect(got).toHaveLength(points.length);
  for (let q = 0; q < points.length; q++) expect(got[q], `point ${q}`).toBe(bruteMeters(lines, points[q]));
}

describe('nearest streets from flat lines, against every segment', () => {
  it('is exact for mostly near points, a few far off (wider passes) and odd ones', () => {
    for (const seed of [1, 2]) {
      const lines = randomLines(seed, 600);
      const pts = randomPoints(seed + 20, 400, 0.1, 0.2);
      pts.push([115.82, 85.5], ['115.83', '28.62'] as unknown as number[], [Number.NaN, 28.6]);
      const got = nearestStreetsMeters(lines, pts);
      expectBrute(lines, pts, got);
      // The 60 m pass left some: 1.5 km and 15 km passes (and the grid for the odd ones) were needed.
      expect(got.filter((d) => d > 60 && d <= 1500).length).toBeGreaterThan(3);
      expect(got.filter((d) => d > 1500 && d < 1e6).length).toBeGreaterThan(3);
      expect(got[got.length - 1]).toBe(Infinity);
      expect(got[got.length - 3]).toBeGreaterThan(5_000_000); // the polar point, measured by the grid
    }
  });

  it('is exact when most points are far off (the full grid answers them)', () => {
    const lines = randomLines(3, 500);
    const pts = randomPoints(23, 200, 0.6, 1.5);
    const got = nearestStreetsMeters(lines, pts);
    expectBrute(lines, pts, got);
    expect(got.filter((d) => d > 15_000).length).toBeGreaterThan(40);
  });

  it('gives the first pass exactly within its radius', () => {
    const lines = randomLines(4, 600);
    const pts = randomPoints(24, 300, 0.2, 0.05);
    const pass = measureWithin(lines, pts, 60);
    let within = 0;
    pts.forEach((p, q) => {
      const want = bruteMeters(lines, p);
      if (want <= 60) { within++; expect(pass.meters[q]).toBe(want); } else expect(pass.meters[q]).toBeGreaterThan(60);
    });
    expect(within).toBeGreaterThan(50);
    expect(within).toBeLessThan(pts.length);
  });

  it('files the flat lines in the grid as they are (no copy) and measures as every segment', () => {
    const lines = randomLines(5, 400);
    const grid = buildStreetGrid(lines)!;
    expect(grid.xy).toBe(lines.xy);
    const pts = randomPoints(25, 150, 0.3, 0.5);
    expectBrute(lines, pts, nearestSegmentsMeters(grid, pts));
  });

  it('knows flat lines without a usable segment', () => {
    const flat = (xy: number[], lineStart: number[]): StreetLines => ({ xy: Float64Array.from(xy), lineStart: Int32Array.from(lineStart) });
    const broken = flat([115.8, 28.6, 115.8, 28.6, Number.NaN, 28.7, 115.9, Infinity], [0, 1, 1, 4]);
    expect(hasStreetSegment(broken)).toBe(false);
    expect(buildStreetGrid(broken)).toBeNull();
    expect(hasStreetSegment(flat([], [0]))).toBe(false);
    // Two lines that meet are not one segment: the first vertex of a line joins no earlier one.
    const apart = flat([115.8, 28.6, 115.81, 28.6], [0, 1, 2]);
    expect(hasStreetSegment(apart)).toBe(false);
    expect(buildStreetGrid(apart)).toBeNull();
    const one = flat([115.8, 28.6, 115.81, 28.6], [0, 2]);
    expect(hasStreetSegment(one)).toBe(true);
    expect(nearestStreetsMeters(one, [[115.805, 28.6], [115.805, 28.61]])).toEqual([0, bruteMeters(one, [115.805, 28.61])]);
  });
});
