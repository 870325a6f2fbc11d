/**
 * Grid coverage and walking paths on the session's cached network (kept apart from session.ts so the
 * accessibility run stays as it was). Pure core calls; no DOM.
 */
import { computeAccessibility, computePointAccess, gridSpacingFor, hexGrid, nearestWalk, SEARCH_BOUND_FACTOR, walkPath } from '../core/coverage';
import type { PointAccessCache } from '../core/coverage';
import { representativePoints } from '../core/coverage/points';
import type { WalkNetwork } from '../core/network';
import type { Facility } from '../core/types';
import type { AnalysisData, AnalysisProgress, GridRequest, GridResult, PathRequest, PathResult } from './protocol';

/** Cells reach this far beyond the outermost community/facility (metres): the edge of the area is still coloured. */
const GRID_MARGIN_METERS = 300;

/** Study-area bbox: communities and facilities (roads may run far beyond where people live). */
function studyBbox(data: AnalysisData, facilities: readonly Facility[]): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const pts of [representativePoints(data.communities), representativePoints(facilities)]) {
    for (let i = 0; i < pts.length; i += 2) {
      const x = pts[i], y = pts[i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  if (!Number.isFinite(w)) return null;
  const dLat = GRID_MARGIN_METERS / 111_320, dLng = dLat / Math.cos(((s + n) / 2) * Math.PI / 180);
  return [w - dLng, s - dLat, e + dLng, n + dLat];
}

export function computeGrid(
  data: AnalysisData, network: WalkNetwork | null, request: GridRequest, onProgress?: (p: AnalysisProgress) => void, cache?: PointAccessCache,
): GridResult {
  const facilities = request.plannedFacilities.length ? [...data.facilities, ...request.plannedFacilities] : data.facilities;
  const categoryIds = request.settings.categories.map((c) => c.id);
  const bbox = studyBbox(data, facilities);
  const requiredCount = request.settings.categories.filter((c) => c.required).length;
  if (!bbox || !network) {
    return { spacingMeters: 0, degPerMeterLng: 0, degPerMeterLat: 0, categoryIds, centerLngLat: new Float64Array(0), walkMeters: new Float64Array(0), requiredCovered: new Uint8Array(0), requiredCount, offNetwork: new Uint8Array(0) };
  }
  const spacing = gridSpacingFor(bbox, { targetCells: request.targetCells });
  const g = hexGrid(bbox, spacing);
  const access = computePointAccess(network, g.centerLngLat, facilities, request.settings,
    onProgress ? (phase, done, total) => onProgress({ phase: `grid-${phase}`, done, total }) : undefined, cache);
  return {
    spacingMeters: g.spacingMeters, degPerMeterLng: g.degPerMeterLng, degPerMeterLat: g.degPerMeterLat, categoryIds,
    centerLngLat: g.centerLngLat, walkMeters: access.walkMeters, requiredCovered: access.requiredCovered,
    requiredCount: access.requiredCount, offNetwork: access.offNetwork,
  };
}

/**
 * The walk from one community to its nearest facility of one category. On a network: one search from the
 * community (`nearestWalk`), not an analysis of the community over every category (~1–1.5 s on the ×50 bench
 * town). Straight-line mode: the analysis of the one community (cheap without a network).
 */
export function computePath(data: AnalysisData, network: WalkNetwork | null, request: PathRequest): PathResult | null {
  const ci = data.communities.findIndex((c) => c.id === request.communityId);
  if (ci < 0) return null;
  const facilities = request.plannedFacilities.length ? [...data.facilities, ...request.plannedFacilities] : data.facilities;
  const category = request.settings.categories.find((c) => c.id === request.categoryId);
  if (!category) return null;
  if (network) {
    const serving = facilities.filter((f) => f.categories.includes(category.id));
    const from = representativePoints([data.communities[ci]]);
    if (!Number.isFinite(from[0]) || !Number.isFinite(from[1])) return null;
    const walk = nearestWalk(network, [from[0], from[1]], representativePoints(serving), request.settings.network.maxSnapMeters,
      SEARCH_BOUND_FACTOR * category.maxWalkMeters);
    if (!walk) return null;
    const f = serving[walk.facility];
    return { communityId: request.communityId, categoryId: request.categoryId, coordinates: walk.coordinates.map((c) => [c[0], c[1]]), walkMeters: walk.walkMeters, facilityId: f.id, facilityName: f.name };
  }
  const r = computeAccessibility({ communities: [data.communities[ci]], facilities, settings: request.settings });
  const k = r.categoryIds.indexOf(request.categoryId);
  const coords = walkPath(null, r, 0, request.categoryId);
  if (k < 0 || !coords) return null;
  const f = facilities[r.nearestFacility[k]];
  return { communityId: request.communityId, categoryId: request.categoryId, coordinates: coords.map((c) => [c[0], c[1]]), walkMeters: r.walkMeters[k], facilityId: f.id, facilityName: f.name };
}
