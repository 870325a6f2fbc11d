/**
 * The street-offset hint's fast parts: the segment grid gives the exact nearest-segment distance (checked
 * against measuring every segment), never more than the former Flatbush search (16 nearest boxes), and the
 * same hints; the GCJ-02/BD-09 arithmetic gives gcoord's numbers to the bit.
 */
import type { Feature, Position } from 'geojson';
import Flatbush from 'flatbush';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { BD09, GCJ02, fromWgs84 } from '../../src/io/crs';
import { bd09ToWgs84, gcj02ToWgs84 } from '../../src/io/crs/gcjMath';
import { detectCrsHints, medianDistanceToRoadsMeters } from '../../src/io/crs/hints';
import { buildStreetGrid as buildFromLines, nearestSegmentMeters, nearestSegmentsMeters, pointSegmentMeters } from '../../src/io/crs/streetGrid';

/** The grid of the segments [ax, ay, bx, by] of `segs`, each given as a line of its own. */
const buildStreetGrid = (segs: Float64Array): ReturnType<typeof buildFromLines> =>
  buildFromLines(Array.from({ length: segs.length / 4 }, (_, i) => [[segs[i * 4], segs[i * 4 + 1]], [segs[i * 4 + 2], segs[i * 4 + 3]]]));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The measure, segment by segment: the reference. */
function bruteMeters(segs: Float64Array, px: number, py: number): number {
  const mLon = 111_320 * Math.cos((py * Math.PI) / 180), mLat = 111_320;
  let best = Infinity;
  for (let i = 0; i < segs.length; i += 4) {
    if (![segs[i], segs[i + 1], segs[i + 2], segs[i + 3]].every(Number.isFinite)) continue;
    best = Math.min(best, pointSegmentMeters((segs[i] - px) * mLon, (segs[i + 1] - py) * mLat, (segs[i + 2] - px) * mLon, (segs[i + 3] - py) * mLat));
  }
  return best;
}

/** The search the hint used before the grid: 16 nearest segment boxes (degrees) in a Flatbush, then metres. */
function flatbushMeters(segs: Float64Array, points: readonly Position[]): number[] {
  const n = segs.length / 4;
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(Math.min(segs[i * 4], segs[i * 4 + 2]), Math.min(segs[i * 4 + 1], segs[i * 4 + 3]), Math.max(segs[i * 4], segs[i * 4 + 2]), Math.max(segs[i * 4 + 1], segs[i * 4 + 3]));
  index.finish();
  return points.map((p) => {
    const mLon = 111_320 * Math.cos((p[1] * Math.PI) / 180), mLat = 111_320;
    let best = Infinity;
    for (const i of index.neighbors(p[0], p[1], 16)) best = Math.min(best, pointSegmentMeters((segs[i * 4] - p[0]) * mLon, (segs[i * 4 + 1] - p[1]) * mLat, (segs[i * 4 + 2] - p[0]) * mLon, (segs[i * 4 + 3] - p[1]) * mLat));
    return best;
  });
}

/** Short street pieces around Nanchang, some long straights, some zero-length, and a few broken ones. */
function randomSegments(seed: number, n: number): Float64Array {
  const r = rng(seed);
  const segs = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    const x = 115.8 + r() * 0.08, y = 28.6 + r() * 0.06;
    const kind = r();
    const len = kind < 0.02 ? 0.03 : kind < 0.05 ? 0 : 0.0008 * r();
    const a = r() * Math.PI * 2;
    segs.set([x, y, x + len * Math.cos(a), y + len * Math.sin(a)], i * 4);
  }
  segs[8] = NaN; // a broken segment is left out
  segs[13] = Infinity;
  return segs;
}

function randomPoints(seed: number, n: number): Position[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => (i % 10 === 9
    ? [115.8 + (r() - 0.5) * 2, 28.6 + (r() - 0.5) * 2] // outside the streets' bbox, up to ~100 km off
    : [115.8 + r() * 0.08, 28.6 + r() * 0.06]));
}

describe('street segment grid', () => {
  it('gives the distance to the nearest segment, to the bit, as measuring every segment does', () => {
    for (const seed of [1, 2, 3]) {
      const segs = randomSegments(seed, 3000);
      const grid = buildStreetGrid(segs)!;
      expect(grid.longSegs.length).toBeGreaterThan(0); // the long straights are measured for every point
      const points = randomPoints(seed + 10, 400);
      const got = nearestSegmentsMeters(grid, points);
      points.forEach((p, i) => expect(got[i]).toBe(bruteMeters(segs, p[0], p[1])));
      expect(nearestSegmentMeters(grid, points[5][0], points[5][1])).toBe(got[5]);
    }
  });

  it('is never farther than the former 16-box Flatbush search, and equal on most points', () => {
    const segs = randomSegments(7, 5000).map((v) => (Number.isFinite(v) ? v : 115.81));
    const points = randomPoints(8, 500);
    const before = flatbushMeters(segs, points);
    const now = nearestSegmentsMeters(buildStreetGrid(segs)!, points);
    let same = 0;
    points.forEach((_, i) => {
      expect(now[i]).toBeLessThanOrEqual(before[i]);
      if (now[i] === before[i]) same++;
    });
    expect(same).toBeGreaterThan(points.length * 0.95);
  });

  it('reads segments within multi-position lines, skipping empty and one-point lines and broken positions', () => {
    const r = rng(21);
    const lines: number[][][] = [[], [[115.8, 28.6]]];
    for (let l = 0; l < 300; l++) {
      const line: number[][] = [[115.8 + r() * 0.05, 28.6 + r() * 0.05]];
      for (let k = 0; k < 1 + Math.floor(r() * 8); k++) { const last = line[line.length - 1]; line.push([last[0] + (r() - 0.5) * 0.002, last[1] + (r() - 0.5) * 0.002]); }
      if (l % 50 === 7) line[1] = [Number.NaN, 28.61]; // both segments next to it are left out
      lines.push(line, []);
    }
    const segs: number[] = [];
    for (const line of lines) for (let i = 1; i < line.length; i++) segs.push(line[i - 1][0], line[i - 1][1], line[i][0], line[i][1]);
    const grid = buildFromLines(lines)!;
    const points = randomPoints(22, 300).map((p) => [115.8 + (p[0] - 115.8) * 0.6, 28.6 + (p[1] - 28.6) * 0.8]);
    const got = nearestSegmentsMeters(grid, points);
    points.forEach((p, i) => expect(got[i]).toBe(bruteMeters(Float64Array.from(segs), p[0], p[1])));
  });

  it('handles a single segment, streets on one meridian, and no usable segment', () => {
    const one = new Float64Array([115.85, 28.64, 115.86, 28.64]);
    const g1 = buildStreetGrid(one)!;
    expect(nearestSegmentMeters(g1, 115.855, 28.65)).toBe(bruteMeters(one, 115.855, 28.65));
    expect(nearestSegmentMeters(g1, 115.855, 28.65)).toBeCloseTo(0.01 * 111_320, 6);
    const meridian = new Float64Array([115.85, 28.6, 115.85, 28.61, 115.85, 28.61, 115.85, 28.62, 115.85, 28.62, 115.85, 28.62]);
    const g2 = buildStreetGrid(meridian)!;
    for (const p of [[115.86, 28.615], [115.84, 28.5], [115.85, 28.63]]) expect(nearestSegmentMeters(g2, p[0], p[1])).toBe(bruteMeters(meridian, p[0], p[1]));
    expect(buildStreetGrid(new Float64Array(0))).toBeNull();
    expect(buildStreetGrid(new Float64Array([NaN, 1, 2, 3]))).toBeNull();
  });
});

describe('GCJ-02 / BD-09 arithmetic', () => {
  it('gives gcoord.transform’s numbers to the bit, inside and outside China', () => {
    const r = rng(99);
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = i % 5 === 0 ? [-180 + r() * 360, -90 + r() * 180] : [73 + r() * 62, 18 + r() * 35];
      expect(gcj02ToWgs84(p[0], p[1])).toEqual(gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84));
      expect(bd09ToWgs84(p[0], p[1])).toEqual(gcoord.transform([p[0], p[1]], gcoord.BD09, gcoord.WGS84));
    }
  });
});

describe('street-offset hint on the grid', () => {
  // Facilities 5–15 m off a seeded street network of short pieces (as OSM streets are drawn).
  const r = rng(5);
  const roads: Feature[] = [];
  const facilities: Feature[] = [];
  for (let i = 0; i < 400; i++) {
    const x = 115.8 + r() * 0.05, y = 28.6 + r() * 0.05;
    const coords: Position[] = [[x, y]];
    for (let k = 0; k < 6; k++) { const last = coords[coords.length - 1]; coords.push([last[0] + (r() - 0.5) * 0.001, last[1] + (r() - 0.5) * 0.001]); }
    roads.push({ type: 'Feature', properties: { highway: 'residential' }, geometry: { type: 'LineString', coordinates: coords } });
    const on = coords[3];
    facilities.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [on[0] + 0.0001 * (r() - 0.5), on[1] + 0.0001 * (r() - 0.5)] } });
  }

  it('measures WGS84 points a few metres off, and suggests GCJ-02 / BD-09 for shifted ones', () => {
    const pts = facilities.map((f) => (f.geometry as { coordinates: Position }).coordinates);
    const median = medianDistanceToRoadsMeters(pts, roads)!;
    expect(median).toBeGreaterThan(0.5);
    expect(median).toBeLessThan(8);
    expect(detectCrsHints(facilities, roads)).toEqual([]);
    expect(detectCrsHints(fromWgs84(facilities, GCJ02), roads).map((h) => h.suggested)).toEqual(['gcj02']);
    expect(detectCrsHints(fromWgs84(facilities, BD09), roads).map((h) => h.suggested)).toEqual(['bd09']);
  });

  it('skips features without geometry or with other geometry, and roads without lines', () => {
    const mixed: Feature[] = [...fromWgs84(facilities, GCJ02), { type: 'Feature', properties: {}, geometry: null as never }, { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[115.8, 28.6], [115.81, 28.6], [115.81, 28.61], [115.8, 28.6]]] } }];
    expect(detectCrsHints(mixed, [...roads, { type: 'Feature', properties: {}, geometry: null as never }]).map((h) => h.suggested)).toEqual(['gcj02']);
    expect(detectCrsHints(fromWgs84(facilities, GCJ02), [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [115.8, 28.6] } }])).toEqual([]);
  });
});
