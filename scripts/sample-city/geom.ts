/**
 * Planar geometry in a local metric frame (x east, y north, metres) around the town centre. The town is designed
 * in metres and only converted to WGS84 at the end (equirectangular: exact enough over 4 km).
 */

export type Vec = readonly [number, number];

/** Town centre (Nanchang old town, near 抚河). */
export const CENTER_LNG = 115.89;
export const CENTER_LAT = 28.68;
const EARTH_RADIUS_METERS = 6371008.8;
const METERS_PER_DEG_LAT = (Math.PI / 180) * EARTH_RADIUS_METERS;
const METERS_PER_DEG_LNG = METERS_PER_DEG_LAT * Math.cos((CENTER_LAT * Math.PI) / 180);

/** 7 decimals ≈ 1 cm: enough precision, and a stable text form for deterministic output. */
const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

export function toLngLat(p: Vec): [number, number] {
  return [round7(CENTER_LNG + p[0] / METERS_PER_DEG_LNG), round7(CENTER_LAT + p[1] / METERS_PER_DEG_LAT)];
}

export function toMeters(lngLat: readonly number[]): Vec {
  return [(lngLat[0] - CENTER_LNG) * METERS_PER_DEG_LNG, (lngLat[1] - CENTER_LAT) * METERS_PER_DEG_LAT];
}

export const lerp = (a: Vec, b: Vec, t: number): Vec => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
export const dist = (a: Vec, b: Vec): number => Math.hypot(b[0] - a[0], b[1] - a[1]);
const cross = (o: Vec, a: Vec, b: Vec): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Shoelace area of an open ring; positive when counter-clockwise. */
export function signedArea(ring: readonly Vec[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

export function isConvexCcw(ring: readonly Vec[]): boolean {
  for (let i = 0; i < ring.length; i++) {
    if (cross(ring[i], ring[(i + 1) % ring.length], ring[(i + 2) % ring.length]) <= 1e-9) return false;
  }
  return true;
}

/** Closed segments ab and cd share at least one point. */
export function segmentsIntersect(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const onSeg = (p: Vec, q: Vec, r: Vec): boolean =>
    Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  return (d1 === 0 && onSeg(c, d, a)) || (d2 === 0 && onSeg(c, d, b)) || (d3 === 0 && onSeg(a, b, c)) || (d4 === 0 && onSeg(a, b, d));
}

/** A ring is simple when no two non-adjacent edges meet. */
export function isSimpleRing(ring: readonly Vec[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsIntersect(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return false;
    }
  }
  return true;
}

export function pointSegmentDistance(p: Vec, a: Vec, b: Vec): { distance: number; t: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return { distance: Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)), t };
}

/** Parameter s on segment ab where the infinite line through c,d crosses it; null when parallel. */
export function lineCrossParam(a: Vec, b: Vec, c: Vec, d: Vec): number | null {
  const rx = b[0] - a[0], ry = b[1] - a[1];
  const sx = d[0] - c[0], sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) return null;
  return ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
}

/**
 * Shift every edge of a convex CCW ring inwards by its own distance and intersect neighbouring edges.
 * Returns null when the result collapses (too small for the insets).
 */
export function insetConvex(ring: readonly Vec[], insetMeters: readonly number[]): Vec[] | null {
  const n = ring.length;
  const lines = ring.map((a, i) => {
    const b = ring[(i + 1) % n];
    const len = dist(a, b);
    const nx = -(b[1] - a[1]) / len;
    const ny = (b[0] - a[0]) / len;
    const o = insetMeters[i];
    return [[a[0] + nx * o, a[1] + ny * o], [b[0] + nx * o, b[1] + ny * o]] as [Vec, Vec];
  });
  const out: Vec[] = [];
  for (let i = 0; i < n; i++) {
    const prev = lines[(i + n - 1) % n];
    const cur = lines[i];
    const s = lineCrossParam(cur[0], cur[1], prev[0], prev[1]);
    if (s === null) return null;
    out.push(lerp(cur[0], cur[1], s));
  }
  if (!isConvexCcw(out)) return null;
  // An edge that flipped direction means the inset swallowed it.
  for (let i = 0; i < n; i++) {
    const a = out[i], b = out[(i + 1) % n];
    const [p, q] = lines[i];
    if ((b[0] - a[0]) * (q[0] - p[0]) + (b[1] - a[1]) * (q[1] - p[1]) <= 0) return null;
  }
  return out;
}

/** Bilinear map of the unit square onto quad [p0,p1,p2,p3] (u along p0→p1, v along p0→p3). */
export function bilinear(q: readonly Vec[], u: number, v: number): Vec {
  const a = lerp(q[0], q[1], u);
  const b = lerp(q[3], q[2], u);
  return lerp(a, b, v);
}

export function centroid(ring: readonly Vec[]): Vec {
  let x = 0, y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}

/** Mean lengths of the two pairs of opposite edges of a quad: [extent along u, extent along v]. */
export function quadExtents(q: readonly Vec[]): [number, number] {
  return [(dist(q[0], q[1]) + dist(q[3], q[2])) / 2, (dist(q[0], q[3]) + dist(q[1], q[2])) / 2];
}
