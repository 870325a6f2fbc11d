/**
 * Convex hull of a bridge's points (see geometry.ts), as flat [x0, y0, x1, y1, …] corners. Bridges of the ×50
 * town hull 8–40 points each, ~4 000 times: `Array.prototype.sort` with a comparator and one [x, y] pair per
 * corner (then `flat()` for the overlay) were ~45 ms of a ~600 ms warm draft; an insertion sort on indices and
 * flat output give the same corners in the same order.
 */

let hullX: readonly number[] = [], hullY: readonly number[] = [];
const hullOrder: number[] = [];
const hullLower: number[] = [];
const hullUpper: number[] = [];
/** Up to this many points an insertion sort (stable, like the built-in sort) beats the built-in sort's set-up. */
const INSERTION_MAX = 64;

/**
 * Andrew's monotone chain, counter-clockwise, collinear points dropped, corners flat and not closed. Works on point
 * indices sorted by (x, y) with a stable sort, so ties keep their input order as sorting [x, y] pairs did.
 */
export function convexHullFlat(px: readonly number[], py: readonly number[]): number[] {
  hullX = px; hullY = py;
  const n = px.length;
  const p = hullOrder;
  p.length = 0;
  for (let i = 0; i < n; i++) p.push(i);
  if (n <= INSERTION_MAX) {
    for (let a = 1; a < n; a++) {
      const q = p[a];
      let b = a - 1;
      while (b >= 0 && byXY(p[b], q) > 0) { p[b + 1] = p[b]; b--; }
      p[b + 1] = q;
    }
  } else {
    p.sort(byXY);
  }
  const lower = hullLower, upper = hullUpper;
  lower.length = 0; upper.length = 0;
  for (let k = 0; k < n; k++) {
    const q = p[k];
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  for (let k = n - 1; k >= 0; k--) {
    const q = p[k];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  const out: number[] = [];
  for (let k = 0; k < lower.length - 1; k++) out.push(px[lower[k]], py[lower[k]]);
  for (let k = 0; k < upper.length - 1; k++) out.push(px[upper[k]], py[upper[k]]);
  return out;
}

function byXY(a: number, b: number): number {
  return (hullX[a] - hullX[b]) || (hullY[a] - hullY[b]);
}

function cross(o: number, a: number, b: number): number {
  const x = hullX, y = hullY;
  return (x[a] - x[o]) * (y[b] - y[o]) - (y[a] - y[o]) * (x[b] - x[o]);
}

/**
 * Signed shoelace area (positive = counter-clockwise) of flat corners (not closed): the same terms in the same
 * order as the [x, y]-pair version (each edge to the next, then the closing edge), so the same double.
 */
export function flatRingArea(r: readonly number[]): number {
  const n = r.length >> 1;
  let s = 0;
  for (let i = 0; i + 1 < n; i++) s += r[i * 2] * r[i * 2 + 3] - r[i * 2 + 2] * r[i * 2 + 1];
  if (n > 0) s += r[(n - 1) * 2] * r[1] - r[0] * r[(n - 1) * 2 + 1];
  return s / 2;
}
