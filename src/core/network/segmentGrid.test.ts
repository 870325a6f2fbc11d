import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { projectToSegment } from '../geo/segment';
import { buildSegmentGrid, FIRST_CANDIDATES, SegmentQuery } from './segmentGrid';

/** Segments as one-segment edges: edge k runs over geometry vertices 2k, 2k + 1, so segmentEdge[k] = k. */
function segments(coords: number[][]): { geomXY: Float64Array; segmentEdge: Int32Array } {
  return { geomXY: Float64Array.from(coords.flat()), segmentEdge: Int32Array.from(coords, (_, k) => k) };
}

function flatbushIndex(geomXY: Float64Array, n: number): Flatbush {
  const index = new Flatbush(n);
  for (let k = 0; k < n; k++) {
    const [ax, ay, bx, by] = geomXY.subarray(4 * k, 4 * k + 4);
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();
  return index;
}

/** The former snapping search (flatbush `neighbors`), as the reference: [segment, t, dist2]. */
function flatbushNearest(index: Flatbush, geomXY: Float64Array, px: number, py: number, searchMeters: number): [number, number, number] {
  const proj = { t: 0, dist2: 0 };
  let best = -1, bestD2 = Infinity, bestT = 0;
  const consider = (k: number): void => {
    projectToSegment(px, py, geomXY[4 * k], geomXY[4 * k + 1], geomXY[4 * k + 2], geomXY[4 * k + 3], proj);
    if (proj.dist2 < bestD2 || (proj.dist2 === bestD2 && k < best)) [best, bestD2, bestT] = [k, proj.dist2, proj.t];
  };
  const first = index.neighbors(px, py, FIRST_CANDIDATES, searchMeters);
  first.forEach(consider);
  if (first.length === FIRST_CANDIDATES && best >= 0) index.neighbors(px, py, Infinity, Math.sqrt(bestD2)).forEach(consider);
  return [best, best >= 0 ? bestT : 0, bestD2];
}

function expectSameAsFlatbush(coords: number[][], points: number[][], searchMeters: number): number {
  const { geomXY, segmentEdge } = segments(coords);
  const grid = buildSegmentGrid(geomXY, segmentEdge);
  if (!grid) throw new Error('expected a grid');
  const query = new SegmentQuery(grid, geomXY, segmentEdge);
  const index = flatbushIndex(geomXY, coords.length);
  let found = 0;
  for (const [px, py] of points) {
    const want = flatbushNearest(index, geomXY, px, py, searchMeters);
    const got = query.nearest(px, py, searchMeters);
    expect([got, query.t, query.dist2]).toEqual(want);
    if (got >= 0) found++;
  }
  return found;
}

describe('SegmentQuery', () => {
  const rand = mulberry32(42);
  const randomSegments = (count: number, spanMeters: number, maxLen: number): number[][] =>
    Array.from({ length: count }, () => {
      const x = rand() * spanMeters, y = rand() * spanMeters;
      return [x, y, x + (rand() - 0.5) * maxLen, y + (rand() - 0.5) * maxLen];
    });

  it('finds the same segment as the flatbush search on seeded random segments (near, far, off-grid points)', () => {
    const coords = randomSegments(3000, 5000, 120);
    const points = Array.from({ length: 2000 }, () => [rand() * 6000 - 500, rand() * 6000 - 500]);
    expect(expectSameAsFlatbush(coords, points, 304)).toBeGreaterThan(1500);
    // A small radius: mostly fewer than FIRST_CANDIDATES bboxes within it (the "nearest within the radius" branch).
    const few = expectSameAsFlatbush(coords, points, 25);
    expect(few).toBeGreaterThan(100);
    expect(few).toBeLessThan(1900);
  });

  it('breaks ties by the lower segment id: points on shared vertices and on duplicated segments', () => {
    // A star of segments meeting at (500, 500), every one also duplicated, plus a random background.
    const coords = randomSegments(400, 1000, 80);
    for (let i = 0; i < 12; i++) {
      const a = (i / 12) * 2 * Math.PI;
      coords.push([500, 500, 500 + 60 * Math.cos(a), 500 + 60 * Math.sin(a)]);
      coords.push([500 + 60 * Math.cos(a), 500 + 60 * Math.sin(a), 500, 500]);
    }
    const points = [[500, 500], [510, 500], [500, 490], [440, 500]];
    for (const c of coords.slice(0, 200)) points.push([c[0], c[1]], [c[2], c[3]], [(c[0] + c[2]) / 2, (c[1] + c[3]) / 2]);
    expectSameAsFlatbush(coords, points, 304);
    const { geomXY, segmentEdge } = segments(coords);
    const query = new SegmentQuery(buildSegmentGrid(geomXY, segmentEdge)!, geomXY, segmentEdge);
    expect(query.nearest(500, 500, 304)).toBe(400); // the first star segment, not its later twins
    expect(query.dist2).toBe(0);
  });

  it('handles long segments spanning many cells, a single segment and a degenerate (zero-length) one', () => {
    const coords = randomSegments(500, 2000, 40);
    coords.push([-3000, -3000, 5000, 5000], [0, 1000, 2000, 1000], [700, 700, 700, 700]);
    const { geomXY, segmentEdge } = segments(coords);
    expect(buildSegmentGrid(geomXY, segmentEdge)!.bigItems.length).toBeGreaterThan(0);
    const points = Array.from({ length: 500 }, () => [rand() * 4000 - 1000, rand() * 4000 - 1000]);
    points.push([700, 700], [-2990, -2990], [1e7, 1e7]);
    expectSameAsFlatbush(coords, points, 304);
    expectSameAsFlatbush([[0, 0, 100, 0]], [[50, 10], [50, 400], [-5, 0], [100, 0]], 304);
    expectSameAsFlatbush([[0, 0, 0, 0], [0, 0, 0, 0]], [[0, 0], [3, 4]], 304);
  });

  it('raises the "big" bar by doublings to the first with at most 64 big segments, and lists those ascending', () => {
    // 300 short segments and 600 long ones of many lengths: the bar has to go up several doublings.
    const coords = randomSegments(300, 3000, 30);
    for (let i = 0; i < 600; i++) {
      const x = rand() * 3000, y = rand() * 3000, len = 40 * 1.7 ** (i % 12);
      coords.push(i % 2 ? [x, y, x + len, y] : [x, y, x, y - len]);
    }
    const { geomXY, segmentEdge } = segments(coords);
    const grid = buildSegmentGrid(geomXY, segmentEdge)!;
    const half = coords.map(([ax, ay, bx, by]) => Math.max(Math.abs(bx - ax), Math.abs(by - ay)) / 2);
    // The definition, one threshold at a time.
    let bar = grid.cellMeters / 2;
    while (half.filter((h) => h > bar).length > 64) bar *= 2;
    expect(bar).toBeGreaterThan(grid.cellMeters); // more than one doubling happened
    const expected = half.flatMap((h, k) => (h > bar ? [k] : []));
    expect(Array.from(grid.bigItems)).toEqual(expected);
    expect(grid.maxHalfExtent).toBe(Math.max(...half.filter((h) => h <= bar)));
  });

  it('searches everything with an infinite radius', () => {
    const coords = randomSegments(50, 1000, 50);
    expectSameAsFlatbush(coords, [[-1e5, 3e4], [500, 500], [2e6, -1]], Infinity);
  });

  it('has no grid for an empty network', () => {
    expect(buildSegmentGrid(new Float64Array(0), new Int32Array(0))).toBeNull();
  });
});
