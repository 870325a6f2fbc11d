/**
 * The street-offset hint without filing every segment: the points' grid and one walk over the streets give
 * the distances of the segment grid to the bit (near, far, odd and polar points, broken lines), the first
 * pass is exact within its radius, and the hint says what the former all-grid measure said — same
 * suggestion, same message — on WGS84, GCJ-02 and BD-09 data, far-off points, an empty layer and no roads.
 */
import type { Feature, Position } from 'geojson';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { BD09, GCJ02, fromWgs84 } from '../../src/io/crs';
import { bd09ToWgs84, gcj02ToWgs84 } from '../../src/io/crs/gcjMath';
import { detectCrsHints } from '../../src/io/crs/hints';
import { hasStreetSegment, measureWithin, nearestStreetsMeters, settleMeters } from '../../src/io/crs/nearStreets';
import { buildStreetGrid, nearestSegmentsMeters } from '../../src/io/crs/streetGrid';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Winding street lines around Nanchang (2–9 positions, pieces up to ~100 m), a few long straights and broken positions. */
function streetLines(seed: number, n: number): number[][][] {
  const r = rng(seed);
  const lines: number[][][] = [[], [[115.8, 28.6]]];
  for (let l = 0; l < n; l++) {
    const line: number[][] = [[115.8 + r() * 0.08, 28.6 + r() * 0.06]];
    const long = l % 97 === 5;
    for (let k = 0; k < 1 + Math.floor(r() * 8); k++) {
      const last = line[line.length - 1];
      const step = long ? 0.03 : 0.0012;
      line.push([last[0] + (r() - 0.5) * step, last[1] + (r() - 0.5) * step]);
    }
    if (l % 61 === 7) line[1] = [Number.NaN, 28.61];
    lines.push(line);
  }
  return lines;
}

/** Points near the streets, some far (up to ~100 km), a few odd ones (NaN, polar, text). */
function queryPoints(seed: number, n: number): number[][] {
  const r = rng(seed);
  const pts: number[][] = Array.from({ length: n }, (_, i) => (i % 10 === 9
    ? [115.8 + (r() - 0.5) * 2, 28.6 + (r() - 0.5) * 2]
    : [115.8 + r() * 0.08, 28.6 + r() * 0.06]));
  pts.push([Number.NaN, 28.6], [115.82, 85.5], ['115.83', '28.62'] as unknown as number[], [115.81, Infinity]);
  return pts;
}

const gridMeters = (lines: number[][][], pts: readonly (readonly number[])[]): number[] => nearestSegmentsMeters(buildStreetGrid(lines)!, pts);

describe('nearest streets without filing every segment', () => {
  it('gives the segment grid’s distances to the bit', () => {
    for (const seed of [1, 2, 3]) {
      const lines = streetLines(seed, 1500);
      const pts = queryPoints(seed + 10, 600);
      const got = nearestStreetsMeters(lines, pts);
      const want = gridMeters(lines, pts);
      expect(got).toEqual(want);
      expect(got.filter((d) => d > 60).length).toBeGreaterThan(20); // wider passes and the grid were needed
    }
  });

  it('is exact within the first pass’s radius and says "beyond" otherwise', () => {
    const lines = streetLines(4, 1500);
    const pts = queryPoints(14, 800);
    const want = gridMeters(lines, pts);
    for (const radius of [0, 9, 60, 250]) {
      const pass = measureWithin(lines, pts, radius);
      let within = 0;
      pts.forEach((_, q) => {
        if (pass.odd[q]) return;
        if (want[q] <= radius) { within++; expect(pass.meters[q]).toBe(want[q]); } else expect(pass.meters[q]).toBeGreaterThan(radius);
      });
      if (radius >= 60) { expect(within).toBeGreaterThan(300); expect(pts.length - 4 - within).toBeGreaterThan(50); }
      expect(Array.from(pass.odd).reduce((a, b) => a + b, 0)).toBe(4); // NaN, polar, text, Infinity
    }
  });

  it('settles any slice of the points, and all points far from the streets through the grid', () => {
    const lines = streetLines(5, 800);
    const pts = queryPoints(15, 300);
    const pass = measureWithin(lines, pts);
    expect(settleMeters(lines, pts, pass, 100, 200)).toEqual(gridMeters(lines, pts.slice(100, 200)));
    const far = Array.from({ length: 50 }, (_, i) => [117 + i * 0.01, 30]);
    const farMeters = nearestStreetsMeters(lines, far);
    expect(farMeters).toEqual(gridMeters(lines, far));
    expect(Math.min(...farMeters)).toBeGreaterThan(100_000);
    expect(nearestStreetsMeters(lines, [])).toEqual([]);
  });

  it('knows when no segment is usable', () => {
    expect(hasStreetSegment([])).toBe(false);
    expect(hasStreetSegment([[[115.8, 28.6]], [], [[115.8, 28.6], [Number.NaN, 28.7], [115.9, Infinity]]])).toBe(false);
    expect(hasStreetSegment([[[115.8, 28.6]], [[115.8, 28.6], [115.81, 28.6]]])).toBe(true);
    // One place, radius 0: the point on the street is at 0 m.
    expect(nearestStreetsMeters([[[115.8, 28.6], [115.81, 28.6]]], [[115.805, 28.6], [115.805, 28.6]])).toEqual([0, 0]);
  });
});

/** The hint as it was decided from the full segment grid (the reference). */
function gridHint(features: readonly Feature[], roads: readonly Feature[]): string | null {
  const pts: Position[] = [];
  for (const f of features) if (f.geometry?.type === 'Point') pts.push(f.geometry.coordinates);
  if (pts.length < 5) return null;
  const sample = pts.length <= 2000 ? pts : Array.from({ length: 2000 }, (_, i) => pts[Math.floor((i * pts.length) / 2000)]);
  const lines: Position[][] = [];
  for (const r of roads) if (r.geometry?.type === 'LineString') lines.push(r.geometry.coordinates);
  const grid = buildStreetGrid(lines);
  if (!grid) return null;
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const asRead = nearestSegmentsMeters(grid, sample);
  const tries = [{ code: 'gcj02', name: 'GCJ-02', f: gcj02ToWgs84 }, { code: 'bd09', name: 'BD-09', f: bd09ToWgs84 }].map((t) => {
    const d = nearestSegmentsMeters(grid, sample.map((p) => t.f(p[0], p[1])));
    return { ...t, meters: median(d), closer: d.filter((m, i) => m < asRead[i] - 2).length / d.length };
  }).sort((a, b) => a.meters - b.meters);
  const best = tries[0];
  if (best.meters > median(asRead) * 0.7 || best.closer < 0.6) return null;
  return `Points sit a median ${Math.round(median(asRead))} m from the streets; read as ${best.name} they sit ${Math.round(best.meters)} m away (${Math.round(best.closer * 100)}% of points closer): convert from ${best.name}?`;
}

describe('street-offset hint from one walk over the streets', () => {
  // A dense seeded street network (short pieces, as OSM streets are drawn) and 2500 facilities 2–30 m off it.
  const r = rng(77);
  const roads: Feature[] = [];
  const facilities: Feature[] = [];
  for (let i = 0; i < 1200; i++) {
    const x = 115.8 + r() * 0.06, y = 28.6 + r() * 0.05;
    const coords: Position[] = [[x, y]];
    for (let k = 0; k < 6; k++) { const last = coords[coords.length - 1]; coords.push([last[0] + (r() - 0.5) * 0.0012, last[1] + (r() - 0.5) * 0.0012]); }
    roads.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
    for (let f = 0; f < 2; f++) {
      const on = coords[1 + Math.floor(r() * 5)];
      facilities.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [on[0] + 0.0003 * (r() - 0.5), on[1] + 0.0003 * (r() - 0.5)] } });
    }
  }
  const point = (p: Position): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } });

  it('says what the full grid said on WGS84, GCJ-02 and BD-09 data (more than 2000 points: sampled)', () => {
    expect(facilities.length).toBe(2400);
    const cases = [facilities, fromWgs84(facilities, GCJ02), fromWgs84(facilities, BD09)];
    const got = cases.map((fs) => detectCrsHints(fs, roads).map((h) => h.message));
    expect(got).toEqual(cases.map((fs) => [gridHint(fs, roads)].filter((m) => m !== null)));
    expect(got[0]).toEqual([]);
    expect(got[1][0]).toMatch(/convert from GCJ-02\?$/);
    expect(got[2][0]).toMatch(/convert from BD-09\?$/);
    expect(gcoord.transform([115.8, 28.6], gcoord.GCJ02, gcoord.WGS84)).toEqual(gcj02ToWgs84(115.8, 28.6));
  });

  it('says the same for points all far from the streets, an empty layer and no roads', () => {
    const far = Array.from({ length: 40 }, (_, i) => point([116.5 + i * 0.003, 29.2]));
    expect(detectCrsHints(far, roads)).toEqual([]);
    expect(gridHint(far, roads)).toBeNull();
    const farShifted = fromWgs84(far, GCJ02);
    expect(detectCrsHints(farShifted, roads).map((h) => h.message)).toEqual([gridHint(farShifted, roads)].filter((m) => m !== null));
    expect(detectCrsHints([], roads)).toEqual([]);
    expect(detectCrsHints(fromWgs84(facilities, GCJ02), [])).toEqual([]);
    expect(detectCrsHints(fromWgs84(facilities, GCJ02), [point([115.8, 28.6])])).toEqual([]);
  });
});
