/**
 * Zone geometry: the union of the member polygons closed across gaps up to `gapMeters`.
 *
 * A true morphological closing (buffer out by gap/2, union, buffer in) costs ~35 ms per 7-member zone with
 * Turf/JSTS here — minutes for a city. Instead each pair of members closer than the gap gets a "bridge": the
 * convex hull of the parts of both boundaries lying within the gap of the other. Facing parallel edges give the
 * full strip between them (what a closing fills), corner-to-corner contacts a small wedge. Members, bridges
 * and one union (own edge overlay, see overlay.ts; polyclip as fallback) make the zone; holes and parts under `minAreaSqm` (slivers of the
 * bridging) are dropped, and rings are rewound to RFC 7946 (outer counter-clockwise, holes clockwise).
 * Bridges ignore barriers: members of one zone are connected around them anyway, and a planner drawing
 * across a road expects the zone outline to close there too.
 */
import { featureCollection, polygon as turfPolygon, union as turfUnion } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { fromLocalX, fromLocalY } from '../geo';
import { geodesicRingArea } from './area';
import { newContact, segmentSegmentDist2, TOUCH_EPS_METERS } from './distance';
import { convexHullFlat, flatRingArea } from './hull';
import type { MetricPolygon } from './overlay';
import { unionMetric } from './overlay';
import type { MemberPack } from './members';
import { packMembers } from './members';

export const DEFAULT_MIN_SLIVER_SQM = 50;

export interface ZoneGeometryOptions {
  /** Holes and detached parts smaller than this (m²) are removed. Default 50. */
  minAreaSqm?: number;
  /**
   * 'overlay' (default): the own edge-overlay union in local metres (~10–50× faster), falling back to polyclip
   * on any inconsistency; 'polyclip': turf.union only (the reference the tests compare against).
   */
  engine?: 'overlay' | 'polyclip';
  /** Called when the overlay gave up and polyclip made the outline (for benchmarks and diagnostics). */
  onFallback?: () => void;
}

/**
 * Outline of a zone made of `members` (WGS84 polygons), closing gaps up to `gapMeters`.
 *
 * @example
 * const geometry = zoneGeometry(zone.memberIds.map((id) => byId.get(id)!.geometry), 30);
 * geometry.type; // 'Polygon' when the members are connected within 30 m, else 'MultiPolygon'
 */
export function zoneGeometry(
  members: readonly (Polygon | MultiPolygon)[], gapMeters: number, options: ZoneGeometryOptions = {},
): Polygon | MultiPolygon {
  const minArea = options.minAreaSqm ?? DEFAULT_MIN_SLIVER_SQM;
  if (members.length === 0) return { type: 'MultiPolygon', coordinates: [] };
  // A single member has no pair to bridge: its own outline, without packing (10 500 of the 14 593 zones at ×50).
  if (members.length === 1) return cleanAndRewind(members[0], minArea);
  const P = packMembers(members);
  const bridges = gapMeters > 0 ? bridgesBetween(P, gapMeters) : [];
  const engine = options.engine ?? 'overlay';
  if (engine === 'overlay') {
    try {
      // A loop, not spreads: spreading an empty `bridges.map(…)` (a zone whose members touch) met an array of
      // another shape than the optimised code expected, and sent it back to the interpreter (`--trace-deopt`).
      const polygons: MetricPolygon[] = P.rings.slice();
      for (let b = 0; b < bridges.length; b++) polygons.push([bridges[b]]);
      const merged = unionMetric(polygons);
      return cleanAndRewind(toLngLat(merged, P), minArea);
    } catch {
      options.onFallback?.();
    }
  }
  const features: Feature<Polygon | MultiPolygon>[] = members.map((g) => ({ type: 'Feature', properties: {}, geometry: g }));
  for (const b of bridges) {
    const ring: Position[] = [];
    for (let i = 0; i + 1 < b.length; i += 2) ring.push([fromLocalX(P.projection, b[i]), fromLocalY(P.projection, b[i + 1])]);
    features.push(turfPolygon([ring]));
  }
  return cleanAndRewind(robustUnion(features, members.length), minArea);
}

function toLngLat(polys: MetricPolygon[], P: MemberPack): Polygon | MultiPolygon {
  const coordinates: Position[][][] = [];
  // Indexed loops: `for … of` checked the array's shape at its start, and an empty union (`[]`, another shape)
  // deoptimised this function (`--trace-deopt`: wrong map).
  for (let p = 0; p < polys.length; p++) {
    const rings = polys[p];
    const part: Position[][] = [];
    for (let k = 0; k < rings.length; k++) {
      const r = rings[k];
      const out: Position[] = [];
      for (let i = 0; i + 1 < r.length; i += 2) out.push([fromLocalX(P.projection, r[i]), fromLocalY(P.projection, r[i + 1])]);
      part.push(out);
    }
    coordinates.push(part);
  }
  return { type: 'MultiPolygon', coordinates };
}

/**
 * Union with coordinates snapped to 1e-7° (~1 cm). polyclip-ts occasionally fails on near-coincident edges
 * ("Unable to complete output ring"): then retry unsnapped, then without the bridges, then give the members as
 * they are — a zone outline that is a little less closed beats no zone.
 */
function robustUnion(features: Feature<Polygon | MultiPolygon>[], memberCount: number): Polygon | MultiPolygon {
  // Snapped first: besides being sturdier, polyclip-ts (BigNumber arithmetic) runs ~1.5× faster on short decimals.
  const attempts = [
    () => features.map(snapFeature),
    () => features,
    () => features.slice(0, memberCount).map(snapFeature),
  ];
  for (const attempt of attempts) {
    try {
      const u = turfUnion(featureCollection(attempt()));
      if (u) return u.geometry;
    } catch {
      // next attempt
    }
  }
  return { type: 'MultiPolygon', coordinates: features.slice(0, memberCount).flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)) };
}

function snapFeature(f: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  const snapRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = [Math.round(p[0] * 1e7) / 1e7, Math.round(p[1] * 1e7) / 1e7];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  const g = f.geometry;
  const geometry: Polygon | MultiPolygon = g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(snapRing).filter((r) => r.length >= 4) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(snapRing).filter((r) => r.length >= 4)).filter((p) => p.length > 0) };
  return { type: 'Feature', properties: {}, geometry };
}

/**
 * One bridge per pair of members closer than `gapMeters`: the convex hull of every piece of either boundary that
 * lies within the gap of the other (closed ring, local metres). One convex shape per pair keeps the union small and free
 * of the near-degenerate slivers that per-edge quads produce along collinear edges.
 */
function bridgesBetween(P: MemberPack, gap: number): number[][] {
  const out: number[][] = [];
  const n = P.count;
  if (n < 2) return out;
  const { xy, bbox, ringStart, itemRingStart } = P;
  const index = n > FLATBUSH_NODE_SIZE ? indexOf(P) : null;
  const pts = nearPoints;
  for (let i = 0; i < n; i++) {
    const hits = nearbyMembers(P, index, i, gap);
    for (const j of hits) {
      if (j <= i) continue;
      pts.x.length = 0; pts.y.length = 0;
      const jMinX = bbox[j * 4] - gap, jMinY = bbox[j * 4 + 1] - gap, jMaxX = bbox[j * 4 + 2] + gap, jMaxY = bbox[j * 4 + 3] + gap;
      for (let ra = itemRingStart[i]; ra < itemRingStart[i + 1]; ra++) {
        for (let a = ringStart[ra]; a < ringStart[ra + 1] - 1; a++) {
          const ax = xy[a * 2], ay = xy[a * 2 + 1], bx = xy[a * 2 + 2], by = xy[a * 2 + 3];
          if (Math.min(ax, bx) > jMaxX || Math.max(ax, bx) < jMinX) continue;
          if (Math.min(ay, by) > jMaxY || Math.max(ay, by) < jMinY) continue;
          for (let rc = itemRingStart[j]; rc < itemRingStart[j + 1]; rc++) {
            for (let c = ringStart[rc]; c < ringStart[rc + 1] - 1; c++) {
              nearParts(ax, ay, bx, by, xy[c * 2], xy[c * 2 + 1], xy[c * 2 + 2], xy[c * 2 + 3], gap, pts);
            }
          }
        }
      }
      if (pts.x.length < 3) continue;
      const hull = convexHullFlat(pts.x, pts.y);
      if (hull.length < 6 || Math.abs(flatRingArea(hull)) < 0.01) continue;
      hull.push(hull[0], hull[1]);
      out.push(hull);
    }
  }
  return out;
}

/** flatbush's default node size: up to this many items it keeps one node and returns hits in insertion order. */
const FLATBUSH_NODE_SIZE = 16;

function indexOf(P: MemberPack): Flatbush {
  const n = P.count, b = P.bbox;
  const index = new Flatbush(n);
  for (let k = 0; k < n; k++) index.add(b[k * 4], b[k * 4 + 1], b[k * 4 + 2], b[k * 4 + 3]);
  index.finish();
  return index;
}

const hitScratch: number[] = [];

/**
 * Members whose bbox meets member i's bbox grown by the gap, in the order flatbush would give them: for up to
 * 16 members (one node, no Hilbert sort) that is insertion order, so a plain scan gives the same bridges in the
 * same order without building an index per zone; larger zones use the index.
 */
function nearbyMembers(P: MemberPack, index: Flatbush | null, i: number, gap: number): readonly number[] {
  const b = P.bbox;
  const minX = b[i * 4] - gap, minY = b[i * 4 + 1] - gap, maxX = b[i * 4 + 2] + gap, maxY = b[i * 4 + 3] + gap;
  if (index) return index.search(minX, minY, maxX, maxY);
  hitScratch.length = 0;
  for (let k = 0; k < P.count; k++) {
    if (maxX < b[k * 4] || maxY < b[k * 4 + 1] || minX > b[k * 4 + 2] || minY > b[k * 4 + 3]) continue;
    hitScratch.push(k);
  }
  return hitScratch;
}

/**
 * The interval [t0, t1] of segment a→b within `gap` of segment c→d into `out` (false when empty): the line a + t·(b − a) clipped by
 * the capsule around c→d (a slab plus two end disks; the capsule is convex, so the pieces form one interval).
 */
function nearInterval(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, gap: number,
  out: Interval,
): boolean {
  const ux = bx - ax, uy = by - ay;
  out.lo = Infinity; out.hi = -Infinity;
  diskInterval(ax, ay, ux, uy, cx, cy, gap, out);
  diskInterval(ax, ay, ux, uy, dx, dy, gap, out);
  const vx = dx - cx, vy = dy - cy, L = Math.hypot(vx, vy);
  if (L > 0) {
    const ex = vx / L, ey = vy / L;
    // Along-coordinate s(t) = s0 + t·s1 in [0, L]; perpendicular p(t) = p0 + t·p1 in [−gap, gap].
    const s0 = (ax - cx) * ex + (ay - cy) * ey, s1 = ux * ex + uy * ey;
    const p0 = (ax - cx) * ey - (ay - cy) * ex, p1 = ux * ey - uy * ex;
    slab.t0 = -Infinity; slab.t1 = Infinity;
    clipSlab(s0, s1, 0, L, slab);
    clipSlab(p0, p1, -gap, gap, slab);
    if (slab.t0 <= slab.t1) { out.lo = Math.min(out.lo, slab.t0); out.hi = Math.max(out.hi, slab.t1); }
  }
  out.lo = Math.max(out.lo, 0);
  out.hi = Math.min(out.hi, 1);
  return out.lo <= out.hi;
}

interface Interval { lo: number; hi: number }
/** Module-level scratch (plain functions instead of per-call closures: ~3 per segment pair before). */
const slab = { t0: 0, t1: 0 };
const sA: Interval = { lo: 0, hi: 0 };
const sB: Interval = { lo: 0, hi: 0 };

/** Grow `out` by the t where |a + t·u − p|² ≤ gap². */
function diskInterval(ax: number, ay: number, ux: number, uy: number, px: number, py: number, gap: number, out: Interval): void {
  const wx = ax - px, wy = ay - py;
  const A = ux * ux + uy * uy, B = 2 * (ux * wx + uy * wy), C = wx * wx + wy * wy - gap * gap;
  if (A === 0) { if (C <= 0) { out.lo = Math.min(out.lo, 0); out.hi = Math.max(out.hi, 1); } return; }
  const disc = B * B - 4 * A * C;
  if (disc < 0) return;
  const sq = Math.sqrt(disc);
  out.lo = Math.min(out.lo, (-B - sq) / (2 * A));
  out.hi = Math.max(out.hi, (-B + sq) / (2 * A));
}

function clipSlab(v0: number, v1: number, min: number, max: number, t: { t0: number; t1: number }): void {
  if (v1 === 0) { if (v0 < min || v0 > max) { t.t0 = Infinity; t.t1 = -Infinity; } return; }
  const ta = (min - v0) / v1, tb = (max - v0) / v1;
  t.t0 = Math.max(t.t0, Math.min(ta, tb));
  t.t1 = Math.min(t.t1, Math.max(ta, tb));
}

const scratch = newContact();
/** |sin| of the angle between two edges below which they count as facing each other (≈ 20°). */
const FACING_SIN = 0.35;

/**
 * Append the end points of the parts of edges a→b and c→d near the other edge. Facing (near-parallel) edges take
 * everything within the gap: the strip a closing fills. Edges at an angle take only what lies within d + gap/4
 * (d = their distance): a closing fills just the tip of such a wedge, and the full-gap hull would fill a 30 × 30 m
 * triangle into an inner corner. Touching edges add nothing: the polygons already connect there.
 */
function nearParts(
  ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, gap: number,
  out: PointList,
): void {
  if (Math.max(Math.min(cx, dx) - Math.max(ax, bx), Math.min(ax, bx) - Math.max(cx, dx)) > gap) return;
  if (Math.max(Math.min(cy, dy) - Math.max(ay, by), Math.min(ay, by) - Math.max(cy, dy)) > gap) return;
  const d = Math.sqrt(segmentSegmentDist2(ax, ay, bx, by, cx, cy, dx, dy, scratch));
  if (d <= TOUCH_EPS_METERS || d > gap) return;
  const ux = bx - ax, uy = by - ay, vx = dx - cx, vy = dy - cy;
  const sin = Math.abs(ux * vy - uy * vx) / (Math.hypot(ux, uy) * Math.hypot(vx, vy) || 1);
  const reach = sin < FACING_SIN ? gap : Math.min(gap, d + gap / 4);
  if (!nearInterval(ax, ay, bx, by, cx, cy, dx, dy, reach, sA)) return;
  if (!nearInterval(cx, cy, dx, dy, ax, ay, bx, by, reach, sB)) return;
  out.x.push(ax + sA.lo * (bx - ax), ax + sA.hi * (bx - ax), cx + sB.lo * (dx - cx), cx + sB.hi * (dx - cx));
  out.y.push(ay + sA.lo * (by - ay), ay + sA.hi * (by - ay), cy + sB.lo * (dy - cy), cy + sB.hi * (dy - cy));
}

/** Points as two plain double arrays (no [x, y] pair per point: ~30 MB of garbage at ×50 before). */
interface PointList { x: number[]; y: number[] }
const nearPoints: PointList = { x: [], y: [] };

/** Signed shoelace area (positive = counter-clockwise) of a ring; closing vertex optional. */
function ringArea(ring: readonly Position[]): number {
  // Same terms in the same order as summing over i with b = ring[(i + 1) % n], without the modulo.
  const n = ring.length;
  let s = 0;
  for (let i = 0; i + 1 < n; i++) {
    const a = ring[i], b = ring[i + 1];
    s += a[0] * b[1] - b[0] * a[1];
  }
  if (n > 0) {
    const a = ring[n - 1], b = ring[0];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

/**
 * Drop small holes and parts, then rewind to RFC 7946. A lone part stays whatever its area (it is the largest, kept
 * when nothing else is), so its outer ring is not measured: the 10 500 single-member zones at ×50 and most others
 * (~15 ms of geodesic areas and the slice/filter/map of holes that are not there).
 */
function cleanAndRewind(g: Polygon | MultiPolygon, minAreaSqm: number): Polygon | MultiPolygon {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (parts.length === 1) {
    const rings = parts[0];
    if (rings.length === 0 || rings[0].length < 4) return { type: 'MultiPolygon', coordinates: [] };
    return { type: 'Polygon', coordinates: [orient(rings[0], true), ...keptHoles(rings, minAreaSqm)] };
  }
  const kept: Position[][][] = [];
  let largest: Position[][] | null = null, largestArea = -1;
  for (const rings of parts) {
    if (rings.length === 0 || rings[0].length < 4) continue;
    const outer = orient(rings[0], true);
    const partRings = [outer, ...keptHoles(rings, minAreaSqm)];
    const a = Math.abs(geodesicRingArea(outer));
    if (a > largestArea) { largestArea = a; largest = partRings; }
    if (a >= minAreaSqm) kept.push(partRings);
  }
  if (kept.length === 0 && largest) kept.push(largest);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

const NO_HOLES: Position[][] = [];

/** Holes (rings after the first) of at least `minAreaSqm`, clockwise. */
function keptHoles(rings: Position[][], minAreaSqm: number): Position[][] {
  if (rings.length < 2) return NO_HOLES;
  const holes: Position[][] = [];
  for (let i = 1; i < rings.length; i++) {
    const h = rings[i];
    if (h.length >= 4 && Math.abs(geodesicRingArea(h)) >= minAreaSqm) holes.push(orient(h, false));
  }
  return holes;
}

function orient(ring: Position[], counterClockwise: boolean): Position[] {
  const ccw = ringArea(ring) > 0;
  return ccw === counterClockwise ? ring : [...ring].reverse();
}
