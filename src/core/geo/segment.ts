/** Planar point–segment geometry (local metres). */

/** Result slots of `projectToSegment`, reused to avoid an allocation per call on hot paths. */
export interface SegmentProjection {
  /** Fraction along a→b of the nearest point, clamped to [0, 1]. */
  t: number;
  /** Squared distance from the point to the nearest point on the segment. */
  dist2: number;
}

/** Nearest point on segment a→b to p; writes into `out` and returns it. */
export function projectToSegment(
  px: number, py: number, ax: number, ay: number, bx: number, by: number, out: SegmentProjection,
): SegmentProjection {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px, qy = ay + t * dy - py;
  out.t = t;
  out.dist2 = qx * qx + qy * qy;
  return out;
}

/**
 * Intersection of segments p1→p2 and p3→p4, as fractions [s along the first, u along the second], or null when
 * they are parallel (collinear overlaps included: those are not noded) or do not meet.
 */
export function segmentIntersection(
  x1: number, y1: number, x2: number, y2: number, x3: number, y3: number, x4: number, y4: number,
): [number, number] | null {
  const d = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
  if (d === 0) return null;
  const s = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / d;
  const u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / d;
  const eps = 1e-9;
  if (s < -eps || s > 1 + eps || u < -eps || u > 1 + eps) return null;
  return [Math.min(1, Math.max(0, s)), Math.min(1, Math.max(0, u))];
}
