/**
 * Guesses about the coordinate system of a layer, for the import dialog to propose (never applied silently).
 * - projected-looking numbers → a Gauss-Krüger zone from the easting's zone prefix, or a question;
 * - points that sit consistently hundreds of metres off WGS84 streets → GCJ-02 (or BD-09) data.
 */
import type { Feature, Geometry, Position } from 'geojson';
import gcoord from 'gcoord';
import { knownCounts } from '../fgb/known';
import { epsgForZonePrefix } from './epsg';
import { bd09ToWgs84, gcj02ToWgs84 } from './gcjMath';
import type { NearPass } from './nearStreets';
import { hasStreetSegment, measureWithin, nearestStreetsMeters, settleMeters } from './nearStreets';
import type { StreetLines } from './streetLines';
import { isStreetLines, streetLinesOf } from './streetLines';
import { positionsOf } from './transform';
import { issueText } from '../issue';

export interface CrsHint {
  kind: 'projected' | 'out-of-range' | 'offset';
  /** CRS code to propose (`EPSG:4527`, `gcj02`, `bd09`), or null when the user must choose. */
  suggested: string | null;
  /** Other plausible codes, most likely first. */
  candidates: string[];
  message: string;
}

const isGeographic = (p: Position): boolean => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/**
 * Look at the numbers (and, with WGS84 roads, at the distance to the streets) and say what the CRS may be.
 * Roads as features, or as flat street lines (`streetLinesOf`, or a reader that has the numbers already).
 */
export function detectCrsHints(features: readonly Feature[], roads?: readonly Feature[] | StreetLines): CrsHint[] {
  // Counting in plain loops (no position list, no generator) took the ×50 roads layer (93k lines) from ~150 ms
  // to ~10 ms; the positions themselves are only gathered when the projected hint needs them.
  const counts = countPositions(features);
  const total = counts ? counts.total : collectPositions(features).length;
  if (total === 0) return [];
  const outsideCount = counts ? counts.outside : collectPositions(features).filter((p) => !isGeographic(p)).length;
  const hints: CrsHint[] = [];
  if (outsideCount >= total * 0.9) {
    hints.push(projectedHint(collectPositions(features).filter((p) => !isGeographic(p))));
    return hints;
  }
  if (outsideCount > 0) {
    hints.push({ kind: 'out-of-range', suggested: null, candidates: [], message: issueText('crsHintOutOfRange', { outside: outsideCount, total }) });
  }
  if (roads && (isStreetLines(roads) || roads.length)) {
    const offset = detectStreetOffset(features, roads);
    if (offset) hints.push(offset);
  }
  return hints;
}

/** Every finite position, the straightforward way (also the reference for odd, non-array coordinates). */
function collectPositions(features: readonly Feature[]): Position[] {
  const all: Position[] = [];
  for (const f of features) if (f.geometry) for (const p of positionsOf(f.geometry)) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) all.push(p);
  return all;
}

interface PositionCounts { total: number; outside: number }

/**
 * How many finite positions there are and how many lie outside ±180/±90, as `collectPositions` would count
 * them; null when some coordinates are not nested arrays as expected (the caller then takes the slow path, so
 * odd input behaves, and fails, exactly as before).
 */
function countPositions(features: readonly Feature[]): PositionCounts | null {
  // A FlatGeobuf layer as decoded: counted on the way (×50 roads: no second walk over 656k positions).
  const known = knownCounts(features);
  if (known) return { total: known.total, outside: known.outside };
  const c: PositionCounts = { total: 0, outside: 0 };
  for (const f of features) if (f.geometry && !countGeometry(f.geometry, c)) return null;
  return c;
}

function countGeometry(g: Geometry, c: PositionCounts): boolean {
  const coords: unknown = (g as { coordinates?: unknown }).coordinates;
  switch (g.type) {
    case 'Point': return countPosition(coords, c);
    case 'MultiPoint': case 'LineString': return countList(coords, 1, c);
    case 'MultiLineString': case 'Polygon': return countList(coords, 2, c);
    case 'MultiPolygon': return countList(coords, 3, c);
    case 'GeometryCollection':
      if (!Array.isArray(g.geometries)) return false;
      for (const child of g.geometries) if (!child || typeof child !== 'object' || !countGeometry(child, c)) return false;
      return true;
    default: return true; // positionsOf yields nothing for unknown types
  }
}

function countList(list: unknown, depth: number, c: PositionCounts): boolean {
  if (!Array.isArray(list)) return false;
  for (let i = 0; i < list.length; i++) {
    if (depth === 1 ? !countPosition(list[i], c) : !countList(list[i], depth - 1, c)) return false;
  }
  return true;
}

function countPosition(p: unknown, c: PositionCounts): boolean {
  if (!Array.isArray(p)) return false;
  const x: unknown = p[0], y: unknown = p[1];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return true;
  c.total++;
  if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) c.outside++;
  return true;
}

function projectedHint(points: Position[]): CrsHint {
  const zones = new Map<number, number>();
  for (const p of points) {
    const zone = Math.floor(p[0] / 1e6);
    zones.set(zone, (zones.get(zone) ?? 0) + 1);
  }
  const [zone, count] = [...zones.entries()].sort((a, b) => b[1] - a[1])[0];
  const epsg = epsgForZonePrefix(zone);
  const web = points.every((p) => p[0] > 8e6 && p[0] < 1.6e7 && p[1] > 1.5e6 && p[1] < 7.2e6);
  if (epsg !== null && count === points.length) {
    const code = `EPSG:${epsg}`;
    // 6° zones 13–15 share their number range with Web Mercator eastings in eastern China.
    const candidates = web && zone < 16 ? [code, 'EPSG:3857'] : [code];
    return { kind: 'projected', suggested: code, candidates, message: issueText('crsHintZone', { zone, crs: code }) };
  }
  if (points.every((p) => p[0] > 0 && p[0] < 1e6 && p[1] > 1e6 && p[1] < 6.5e6)) {
    return { kind: 'projected', suggested: null, candidates: ['EPSG:4534…4554'], message: issueText('crsHintNoZone') };
  }
  if (web) return { kind: 'projected', suggested: 'EPSG:3857', candidates: ['EPSG:3857'], message: issueText('crsHintWebMercator') };
  return { kind: 'projected', suggested: null, candidates: [], message: issueText('crsHintUnknownProjection') };
}

/** Every road line (LineString, and each part of a MultiLineString), in input order, flat. */
const roadLines = (roads: readonly Feature[] | StreetLines): StreetLines => (isStreetLines(roads) ? roads : streetLinesOf(roads));

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A shift's median distance must be at most this share of the as-read one for a hint. */
const NEAR_FACTOR = 0.7;

/**
 * Whether `median` of the exact distances of points from … from + n − 1 is surely above `meters`, from the
 * first pass alone: the median is element ⌊n/2⌋ of the sorted list, so it is above exactly when at least
 * n − ⌊n/2⌋ distances are. The pass is exact up to its radius, so only `meters` within it can be answered,
 * and a point it left out (odd) counts as not known to be beyond.
 */
function medianBeyond(first: NearPass, from: number, n: number, meters: number): boolean {
  if (!(meters <= first.radiusMeters)) return false;
  let beyond = 0;
  for (let i = from; i < from + n; i++) beyond += !first.odd[i] && !(first.meters[i] <= meters) ? 1 : 0;
  return beyond >= n - Math.floor(n / 2);
}

/** Median distance in metres from the points to the nearest road segment (null without roads or points). */
export function medianDistanceToRoadsMeters(points: readonly Position[], roads: readonly Feature[] | StreetLines): number | null {
  if (points.length === 0) return null;
  const lines = roadLines(roads);
  if (!hasStreetSegment(lines)) return null;
  return median(nearestStreetsMeters(lines, points));
}

/**
 * The point read as GCJ-02 or BD-09, in WGS84: as `gcoord.transform` gives it, by the same arithmetic without
 * its per-call checks (see gcjMath). Positions the library would coerce or reject (text, null) still go
 * through it, so they come out — or fail — exactly as before.
 */
function undoShift(p: Position, from: typeof gcoord.GCJ02 | typeof gcoord.BD09): Position {
  const x: unknown = p[0], y: unknown = p[1];
  if (typeof x !== 'number' || typeof y !== 'number') return gcoord.transform([p[0], p[1]], from, gcoord.WGS84) as Position;
  return from === gcoord.GCJ02 ? gcj02ToWgs84(x, y) : bd09ToWgs84(x, y);
}

function samplePoints(features: readonly Feature[], max: number): Position[] {
  const pts: Position[] = [];
  for (const f of features) {
    const g = f.geometry;
    if (g?.type === 'Point' && isGeographic(g.coordinates)) pts.push(g.coordinates);
  }
  if (pts.length <= max) return pts;
  const step = pts.length / max;
  return Array.from({ length: max }, (_, i) => pts[Math.floor(i * step)]);
}

/**
 * GCJ-02 points over WGS84 streets sit 300–700 m off in most Chinese cities — but in a dense street network
 * a shifted point is still near *some* street (Beijing OSM: 14 m as WGS84, 26–53 m shifted), so an absolute
 * threshold does not work. Instead undo GCJ-02 (and BD-09) and propose the one that brings most points closer
 * to the streets and cuts the median distance by at least 30%. Applied to WGS84 data the same "undo" pushes
 * points away, so true WGS84 data gets no hint.
 */
function detectStreetOffset(features: readonly Feature[], roads: readonly Feature[] | StreetLines): CrsHint | null {
  const pts = samplePoints(features, 2000);
  // Polygon layers (communities) have no points to test: do not index the streets for nothing (~200 ms at ×50).
  if (pts.length < 5) return null;
  // Distances exact (the nearest of all segments). The Flatbush this once replaced took ~450 ms of the profiled
  // ×50 run (563k segments); its 16-box answer was sometimes not the nearest segment (Haidian OSM: 4 of 117
  // points, up to 144 m too far). The segment grid that replaced it still spent ~240–330 ms filing every
  // segment on a first run; now the 6000 points (as read, GCJ-02 and BD-09 undone) sit in one small grid and
  // the streets are walked once (see nearStreets) — the same numbers to the bit, so the same hints.
  const lines = roadLines(roads);
  if (!hasStreetSegment(lines)) return null;
  const shifts = [
    { code: 'gcj02', name: 'GCJ-02', from: gcoord.GCJ02 },
    { code: 'bd09', name: 'BD-09', from: gcoord.BD09 },
  ];
  const n = pts.length;
  const all = pts.concat(...shifts.map((t) => pts.map((p) => undoShift(p, t.from))));
  const first = measureWithin(lines, all);
  const asRead = settleMeters(lines, all, first, 0, n);
  const asReadMedian = median(asRead);
  // No hint unless a shift's median distance is at most 70% of the as-read one, and a median is beyond that
  // exactly when n − ⌊n/2⌋ distances are: the first pass tells, within its radius, so data in WGS84 (the usual
  // case) is settled without measuring the far shifted points. ×50 facilities, first runs under load, min of 6:
  // ~210–300 ms CPU with every segment filed in the grid, ~140 ms with this one walk.
  const nearMeters = asReadMedian * NEAR_FACTOR;
  if (shifts.every((_, k) => medianBeyond(first, (k + 1) * n, n, nearMeters))) return null;
  const shifted = settleMeters(lines, all, first, n, all.length);
  const tries = shifts.map((t, k) => {
    const d = shifted.slice(k * n, (k + 1) * n);
    const closer = d.filter((m, i) => m < asRead[i] - 2).length / d.length;
    return { ...t, meters: median(d), closer };
  });
  tries.sort((a, b) => a.meters - b.meters);
  const best = tries[0];
  if (best.meters > asReadMedian * NEAR_FACTOR || best.closer < 0.6) return null;
  return {
    kind: 'offset',
    suggested: best.code,
    candidates: tries.map((t) => t.code),
    message: issueText('crsHintOffset', { asRead: Math.round(asReadMedian), crs: best.name, shifted: Math.round(best.meters), closer: Math.round(best.closer * 100) }),
  };
}
