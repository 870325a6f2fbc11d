/**
 * Sample-city data and places for the zone-editing browser tests: a square around an eligible community that holds
 * a few eligible neighbours, with no representative point close to any edge a test draws (a click or a pixel of
 * rounding could put such a point on either side).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { offsetLngLat, polygonContains, representativePoint } from '../../src/core/geo';
import type { Community } from '../../src/core/types';
import { evaluateEligibility } from '../../src/core/zoning';
import { toCommunities, toRoads } from '../../src/io/domain';
import { DEFAULT_ZONING_SETTINGS } from '../../src/store/zones/settings';
import type { LngLat } from './fixtures';
import { readSampleLayer } from './sample-data';

export async function sampleData() {
  const communities = toCommunities(await readSampleLayer('communities'), 'communities.fgb').items;
  const roads = toRoads(await readSampleLayer('roads'), 'roads.fgb').items;
  const water = (await readSampleLayer('water')).map((f, i) => ({
    id: String(f.properties?.id ?? i), name: null, kind: null, geometry: f.geometry as Polygon | MultiPolygon, properties: {},
  }));
  return { communities, roads, water };
}

/** Metres east/north of `origin` (small distances: flat approximation, as the edge margins need no more). */
function localMeters(origin: Position, p: Position): [number, number] {
  return [(p[0] - origin[0]) * 111320 * Math.cos((origin[1] * Math.PI) / 180), (p[1] - origin[1]) * 110540];
}

/** Distance in metres from p to segment ab (all in local metres). */
function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** True when no point lies within `marginMeters` of the polyline through `line` (lng/lat). */
export function clearOf(points: readonly Position[], line: readonly Position[], marginMeters: number): boolean {
  const o = line[0];
  const xy = line.map((p) => localMeters(o, p));
  return points.every((p) => {
    const q = localMeters(o, p);
    for (let i = 1; i < xy.length; i++) if (segmentDistance(q, xy[i - 1], xy[i]) < marginMeters) return false;
    return true;
  });
}

export interface DrawTarget {
  center: LngLat;
  /** SW, SE, NE, NW. */
  corners: LngLat[];
  /** Eligible communities whose representative point is inside the square, in id order. */
  members: string[];
  pointOf: (id: string) => LngLat;
  eligiblePoints: LngLat[];
}

/**
 * Squares (2 × halfMeters wide) around eligible communities holding 3–6 eligible representative points with none
 * near the square's edges, in sample order; `accept` can ask more of a square (e.g. a clean split line).
 */
export function drawTargets(communities: Community[], accept: (t: DrawTarget) => boolean = () => true, halfMeters = 70): DrawTarget {
  const elig = evaluateEligibility(communities, DEFAULT_ZONING_SETTINGS.rules).eligible;
  const pts = communities.map((c) => representativePoint(c.geometry) as LngLat);
  const eligiblePoints = pts.filter((_, k) => elig[k]);
  const pointOf = (id: string) => pts[communities.findIndex((c) => c.id === id)];
  for (let i = 0; i < communities.length; i++) {
    if (!elig[i]) continue;
    const [lng, lat] = pts[i];
    const corners: LngLat[] = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([e, n]) => offsetLngLat(lng, lat, e * halfMeters, n * halfMeters) as LngLat);
    const square: Polygon = { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
    const members = communities.filter((_, k) => elig[k] && polygonContains(square, pts[k])).map((c) => c.id).sort();
    if (members.length < 3 || members.length > 6 || !clearOf(pts, [...corners, corners[0]], 8)) continue;
    const target = { center: pts[i], corners, members, pointOf, eligiblePoints };
    if (accept(target)) return target;
  }
  throw new Error('no suitable community in the sample');
}
