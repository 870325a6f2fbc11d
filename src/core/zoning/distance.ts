/**
 * Exact minimum distance between two packed polygons (local metres) with the closest point pair, cut off at a
 * maximum: segments outside the other polygon's bbox grown by the cutoff are never paired, and segment pairs whose
 * bboxes are already farther apart than the best distance so far are skipped.
 */
import type { PackedPolygons } from './polygons';
import { pointInItem } from './polygons';

/** Closer than this (metres) counts as touching: a shared edge digitised twice rarely matches to the bit. */
export const TOUCH_EPS_METERS = 1e-3;

/** Closest point pair of two polygons: (ax, ay) on the first, (bx, by) on the second. */
export interface Contact {
  distanceMeters: number;
  ax: number; ay: number; bx: number; by: number;
}

export function newContact(): Contact {
  return { distanceMeters: Infinity, ax: 0, ay: 0, bx: 0, by: 0 };
}

let segA: Int32Array = new Int32Array(256);
let segB: Int32Array = new Int32Array(256);
const scratch = newContact();

/** Vertex indices j (segment j → j+1) of item k whose segment bbox meets [minX, minY, maxX, maxY]. */
function segmentsNear(P: PackedPolygons, k: number, minX: number, minY: number, maxX: number, maxY: number, out: Int32Array): Int32Array {
  const xy = P.xy;
  let n = 0;
  for (let r = P.itemRingStart[k]; r < P.itemRingStart[k + 1]; r++) {
    const end = P.ringStart[r + 1] - 1;
    for (let j = P.ringStart[r]; j < end; j++) {
      const x0 = xy[j * 2], y0 = xy[j * 2 + 1], x1 = xy[j * 2 + 2], y1 = xy[j * 2 + 3];
      if ((x0 < minX && x1 < minX) || (x0 > maxX && x1 > maxX) || (y0 < minY && y1 < minY) || (y0 > maxY && y1 > maxY)) continue;
      if (n + 1 >= out.length) { const g = new Int32Array(out.length * 2); g.set(out); out = g; }
      out[++n] = j;
    }
  }
  out[0] = n;
  return out;
}

/**
 * Distance between items i and j of `P` when it is ≤ `cutoffMeters`, writing the closest points into `out`;
 * Infinity otherwise. Overlap or containment gives 0 (contact at a shared point).
 */
export function itemDistance(P: PackedPolygons, i: number, j: number, cutoffMeters: number, out: Contact): number {
  const b = P.bbox, xy = P.xy;
  const gx = Math.max(0, b[j * 4] - b[i * 4 + 2], b[i * 4] - b[j * 4 + 2]);
  const gy = Math.max(0, b[j * 4 + 1] - b[i * 4 + 3], b[i * 4 + 1] - b[j * 4 + 3]);
  if (gx * gx + gy * gy > cutoffMeters * cutoffMeters) return Infinity;
  const c = cutoffMeters;
  segA = segmentsNear(P, i, b[j * 4] - c, b[j * 4 + 1] - c, b[j * 4 + 2] + c, b[j * 4 + 3] + c, segA);
  segB = segmentsNear(P, j, b[i * 4] - c, b[i * 4 + 1] - c, b[i * 4 + 2] + c, b[i * 4 + 3] + c, segB);
  const nA = segA[0], nB = segB[0];
  // A zero gap still accepts touching polygons (within TOUCH_EPS_METERS).
  let best2 = Math.max(c, TOUCH_EPS_METERS) ** 2 * (1 + 1e-12);
  let found = false;
  const eps2 = TOUCH_EPS_METERS * TOUCH_EPS_METERS;
  for (let p = 1; p <= nA && best2 > eps2; p++) {
    const s = segA[p];
    const ax = xy[s * 2], ay = xy[s * 2 + 1], bx = xy[s * 2 + 2], by = xy[s * 2 + 3];
    const sMinX = Math.min(ax, bx), sMaxX = Math.max(ax, bx), sMinY = Math.min(ay, by), sMaxY = Math.max(ay, by);
    for (let q = 1; q <= nB; q++) {
      const t = segB[q];
      const cx = xy[t * 2], cy = xy[t * 2 + 1], dx = xy[t * 2 + 2], dy = xy[t * 2 + 3];
      const ox = Math.max(0, Math.min(cx, dx) - sMaxX, sMinX - Math.max(cx, dx));
      const oy = Math.max(0, Math.min(cy, dy) - sMaxY, sMinY - Math.max(cy, dy));
      if (ox * ox + oy * oy >= best2) continue;
      const d2 = segmentSegmentDist2(ax, ay, bx, by, cx, cy, dx, dy, scratch);
      if (d2 < best2) {
        best2 = d2;
        found = true;
        out.ax = scratch.ax; out.ay = scratch.ay; out.bx = scratch.bx; out.by = scratch.by;
        if (d2 <= eps2) break;
      }
    }
  }
  if (found && best2 <= eps2) { out.distanceMeters = 0; return 0; }
  // No boundary contact: one polygon may still lie inside the other.
  if (gx === 0 && gy === 0) {
    const vi = P.ringStart[P.itemRingStart[i]], vj = P.ringStart[P.itemRingStart[j]];
    if (pointInItem(P, j, xy[vi * 2], xy[vi * 2 + 1]) || pointInItem(P, i, xy[vj * 2], xy[vj * 2 + 1])) {
      const v = pointInItem(P, j, xy[vi * 2], xy[vi * 2 + 1]) ? vi : vj;
      out.ax = out.bx = xy[v * 2]; out.ay = out.by = xy[v * 2 + 1];
      out.distanceMeters = 0;
      return 0;
    }
  }
  if (!found) return Infinity;
  out.distanceMeters = Math.sqrt(best2);
  return out.distanceMeters;
}

function orient(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/**
 * Squared distance between segments a→b and c→d; the closest points go to `out` (a-side in ax/ay, c-side in bx/by).
 * A proper crossing gives 0 at the crossing; touching and collinear overlaps give 0 through the endpoint tests.
 */
export function segmentSegmentDist2(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, out: Contact,
): number {
  const d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    out.ax = out.bx = ax + t * (bx - ax);
    out.ay = out.by = ay + t * (by - ay);
    return 0;
  }
  let best = Infinity;
  // Each endpoint against the other segment; keep the nearest pair.
  best = pointSeg(ax, ay, cx, cy, dx, dy, best, out, false);
  best = pointSeg(bx, by, cx, cy, dx, dy, best, out, false);
  best = pointSeg(cx, cy, ax, ay, bx, by, best, out, true);
  best = pointSeg(dx, dy, ax, ay, bx, by, best, out, true);
  return best;
}

function pointSeg(
  px: number, py: number, sx: number, sy: number, ex: number, ey: number, best: number, out: Contact, pointOnB: boolean,
): number {
  const vx = ex - sx, vy = ey - sy;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - sx) * vx + (py - sy) * vy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = sx + t * vx, qy = sy + t * vy;
  const d2 = (px - qx) * (px - qx) + (py - qy) * (py - qy);
  if (d2 >= best) return best;
  if (pointOnB) { out.bx = px; out.by = py; out.ax = qx; out.ay = qy; }
  else { out.ax = px; out.ay = py; out.bx = qx; out.by = qy; }
  return d2;
}
