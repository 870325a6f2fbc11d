/** Barrier lines (arterial roads, railways, waterways) as indexed segments in local metres. */
import { BoxGrid } from './boxGrid';
import type { Position } from 'geojson';
import { flatLineOf } from '../geo/flatLine';
import type { LocalProjection } from '../geo';
import { DEFAULT_BARRIER_HIGHWAY } from '../config/roads';
import type { Road } from '../types';
import type { BarrierLine } from './types';

export interface BarrierIndex {
  /** Per segment: x0, y0, x1, y1 (metres). */
  seg: Float64Array;
  /** The segments' bboxes in a grid (was a flatbush: its Hilbert sort was ~50 ms cold at ×50, 58 000 segments). */
  grid: BoxGrid | null;
}

/** The polylines of a barrier (polygon rings count as lines: only their segments matter). */
export function barrierLines(g: BarrierLine['geometry']): Position[][] {
  switch (g.type) {
    case 'LineString': return [g.coordinates];
    case 'MultiLineString': return g.coordinates;
    case 'Polygon': return g.coordinates;
    case 'MultiPolygon': return g.coordinates.flat();
  }
}

/** Barriers from road lines whose OSM `highway` class is in `highwayClasses` (default motorway, trunk, primary). */
export function barriersFromRoads(
  roads: readonly Pick<Road, 'highway' | 'geometry'>[], highwayClasses: readonly string[] = DEFAULT_BARRIER_HIGHWAY,
): BarrierLine[] {
  const wanted = new Set(highwayClasses);
  return roads.filter((r) => wanted.has(r.highway)).map((r) => ({ kind: 'road' as const, geometry: r.geometry }));
}

export function packBarriers(barriers: readonly BarrierLine[], projection: LocalProjection): BarrierIndex {
  const { originLng, originLat, metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projection;
  let n = 0;
  for (const b of barriers) {
    // Lines over shared numbers (`flatLineString`, as the CLI's zoning thread gets them): counted and read there.
    const flat = flatLineOf(b.geometry);
    if (flat) n += Math.max(0, flat.lines.lineStart[flat.index + 1] - flat.lines.lineStart[flat.index] - 1);
    else for (const line of barrierLines(b.geometry)) n += Math.max(0, line.length - 1);
  }
  const seg = new Float64Array(n * 4);
  let k = 0;
  for (const b of barriers) {
    const flat = flatLineOf(b.geometry);
    if (flat) {
      k = packFlatLine(flat.lines.xy, 2 * flat.lines.lineStart[flat.index], 2 * flat.lines.lineStart[flat.index + 1], projection, seg, k);
      continue;
    }
    for (const line of barrierLines(b.geometry)) {
      for (let i = 0; i + 1 < line.length; i++) {
        seg[k++] = (line[i][0] - originLng) * kx;
        seg[k++] = (line[i][1] - originLat) * ky;
        seg[k++] = (line[i + 1][0] - originLng) * kx;
        seg[k++] = (line[i + 1][1] - originLat) * ky;
      }
    }
  }
  if (n === 0) return { seg, grid: null };
  const boxes = new Float64Array(n * 4);
  for (let s = 0; s < n; s++) {
    const x0 = seg[s * 4], y0 = seg[s * 4 + 1], x1 = seg[s * 4 + 2], y1 = seg[s * 4 + 3];
    boxes[s * 4] = Math.min(x0, x1); boxes[s * 4 + 1] = Math.min(y0, y1); boxes[s * 4 + 2] = Math.max(x0, x1); boxes[s * 4 + 3] = Math.max(y0, y1);
  }
  return { seg, grid: new BoxGrid(boxes, n) };
}

/** The segments of the line at xy[from … to) into `seg` at k, as the loop over positions does; returns the new k. */
function packFlatLine(xy: Float64Array, from: number, to: number, projection: LocalProjection, seg: Float64Array, k: number): number {
  const { originLng, originLat, metersPerDegreeLng: kx, metersPerDegreeLat: ky } = projection;
  let q = k;
  for (let i = from; i + 3 < to; i += 2) {
    seg[q++] = (xy[i] - originLng) * kx;
    seg[q++] = (xy[i + 1] - originLat) * ky;
    seg[q++] = (xy[i + 2] - originLng) * kx;
    seg[q++] = (xy[i + 3] - originLat) * ky;
  }
  return q;
}

function orient(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/** Segments meet (crossing or touching, collinear overlap included). Inputs are already bbox-overlapping. */
function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) || ((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0))) return false;
  if (d1 === 0 && d2 === 0) {
    // Collinear: overlap of the projections on the longer axis.
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [a0, a1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [c0, c1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    return a0 <= c1 && c0 <= a1;
  }
  return true;
}

/** Does the straight link a→b cross (or touch) any barrier segment? */
export function linkCrossesBarrier(B: BarrierIndex, ax: number, ay: number, bx: number, by: number): boolean {
  if (!B.grid) return false;
  const seg = B.seg;
  const hits = B.grid.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), scratchHits);
  for (const s of hits) {
    if (segmentsMeet(ax, ay, bx, by, seg[s * 4], seg[s * 4 + 1], seg[s * 4 + 2], seg[s * 4 + 3])) return true;
  }
  return false;
}

const scratchHits: number[] = [];

/** Is any barrier segment within `toleranceMeters` of (x, y)? */
export function barrierNear(B: BarrierIndex, x: number, y: number, toleranceMeters: number): boolean {
  if (!B.grid) return false;
  const seg = B.seg, t2 = toleranceMeters * toleranceMeters;
  const hits = B.grid.search(x - toleranceMeters, y - toleranceMeters, x + toleranceMeters, y + toleranceMeters, scratchHits);
  for (const s of hits) if (segmentWithin(seg, s, x, y, t2)) return true;
  return false;
}

/** Is barrier segment s within √t2 of (x, y)? */
function segmentWithin(seg: Float64Array, s: number, x: number, y: number, t2: number): boolean {
  const x0 = seg[s * 4], y0 = seg[s * 4 + 1], vx = seg[s * 4 + 2] - x0, vy = seg[s * 4 + 3] - y0;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((x - x0) * vx + (y - y0) * vy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const qx = x0 + t * vx - x, qy = y0 + t * vy - y;
  return qx * qx + qy * qy <= t2;
}

/**
 * Barrier segments whose bbox meets [minX, minY, maxX, maxY], into `out` (cleared). Adjacency fetches these once
 * per community (its bbox grown by the gap) and tests every link of that community against the short list
 * (`linkCrossesAny`, `nearAny`): one index search per community instead of one per candidate pair.
 */
export function barriersIn(B: BarrierIndex, minX: number, minY: number, maxX: number, maxY: number, out: number[]): number[] {
  out.length = 0;
  if (!B.grid) return out;
  return B.grid.search(minX, minY, maxX, maxY, out);
}

/**
 * `linkCrossesBarrier` over a candidate list that holds every segment near the link: the same segments pass the
 * same bbox test (the one flatbush applies) and the same crossing test, so the answer is the same.
 */
export function linkCrossesAny(B: BarrierIndex, candidates: readonly number[], ax: number, ay: number, bx: number, by: number): boolean {
  const seg = B.seg;
  const minX = Math.min(ax, bx), minY = Math.min(ay, by), maxX = Math.max(ax, bx), maxY = Math.max(ay, by);
  for (let h = 0; h < candidates.length; h++) {
    const s = candidates[h];
    const x0 = seg[s * 4], y0 = seg[s * 4 + 1], x1 = seg[s * 4 + 2], y1 = seg[s * 4 + 3];
    if (maxX < Math.min(x0, x1) || maxY < Math.min(y0, y1) || minX > Math.max(x0, x1) || minY > Math.max(y0, y1)) continue;
    if (segmentsMeet(ax, ay, bx, by, x0, y0, x1, y1)) return true;
  }
  return false;
}

/** `barrierNear` over a candidate list that holds every segment near (x, y). */
export function nearAny(B: BarrierIndex, candidates: readonly number[], x: number, y: number, toleranceMeters: number): boolean {
  const seg = B.seg, t2 = toleranceMeters * toleranceMeters;
  const minX = x - toleranceMeters, minY = y - toleranceMeters, maxX = x + toleranceMeters, maxY = y + toleranceMeters;
  for (let h = 0; h < candidates.length; h++) {
    const s = candidates[h];
    const x0 = seg[s * 4], y0 = seg[s * 4 + 1], x1 = seg[s * 4 + 2], y1 = seg[s * 4 + 3];
    if (maxX < Math.min(x0, x1) || maxY < Math.min(y0, y1) || minX > Math.max(x0, x1) || minY > Math.max(y0, y1)) continue;
    if (segmentWithin(seg, s, x, y, t2)) return true;
  }
  return false;
}
