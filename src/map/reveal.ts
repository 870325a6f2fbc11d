/** Geometry of "reveal the selection": pure, so it is unit-tested without a map. */

/**
 * How far to pan (px) so that [lo, hi] lies inside [min, max]; when it cannot fit, its start is aligned instead
 * (the panel shows the details; the map shows where it begins).
 */
export function shiftIntoRange(lo: number, hi: number, min: number, max: number): number {
  if (hi - lo > max - min) return lo - min;
  if (hi > max) return hi - max;
  if (lo < min) return lo - min;
  return 0;
}
