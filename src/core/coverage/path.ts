/** Reconstruct the walking path from a community to its nearest facility of a category (UI "show path"). */
import type { SnapInfo, WalkNetwork } from '../network';
import { snapPoints } from '../network/snap';
import { DijkstraWorkspace } from '../network/dijkstra';
import { edgeCoordsBetween, nodeCoords } from '../network/geometry';
import type { LngLat } from '../types';
import { seedItem } from './networkDistances';
import type { AccessibilityResult } from './types';

function pointAt(lngLat: Float64Array, i: number): LngLat {
  return [lngLat[2 * i], lngLat[2 * i + 1]];
}

/**
 * The walking path as LineString coordinates: community point → connector → along the streets (every road
 * vertex) → connector → facility point. In Euclidean mode the straight line between the two points. Null when
 * there is no nearest facility (off-network, or none within the search bound).
 *
 * @example
 * ```ts
 * const coords = walkPath(network, result, 0, 'kindergarten');
 * if (coords) source.setData({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
 * ```
 */
export function walkPath(network: WalkNetwork | null, result: AccessibilityResult, communityIndex: number, categoryId: string): LngLat[] | null {
  const nCat = result.categoryIds.length;
  const k = result.categoryIds.indexOf(categoryId);
  if (k < 0) return null;
  const f = result.nearestFacility[communityIndex * nCat + k];
  if (f < 0) return null;
  const cs = result.communitySnap, fs = result.facilitySnap;
  const start = pointAt(cs.pointLngLat, communityIndex);
  const end = pointAt(fs.pointLngLat, f);
  if (result.mode === 'euclidean' || !network) return [start, end];
  const ws = searchFrom(network, cs, communityIndex, result.walkMeters[communityIndex * nCat + k] + 1);
  return traceWalk(network, ws, cs, communityIndex, fs, f);
}

/** A bounded search from the community's split point, predecessors tracked. */
function searchFrom(network: WalkNetwork, cs: SnapInfo, communityIndex: number, boundMeters: number): DijkstraWorkspace {
  // Predecessors are tracked: the JavaScript loop runs, no WebAssembly copy of the network is needed.
  const ws = new DijkstraWorkspace(network, { wasm: false });
  ws.trackPredecessors = true;
  seedItem(ws, network, cs, communityIndex, 0);
  ws.run(boundMeters);
  return ws;
}

/** Metres from the community (the search's source, its connector included) to facility f, through its end nearer on foot. */
function walkTo(network: WalkNetwork, ws: DijkstraWorkspace, cs: SnapInfo, communityIndex: number, fs: SnapInfo, f: number): number {
  const fe = fs.edge[f], tf = fs.t[f], len = network.edgeMeters[fe];
  const viaU = ws.dist[network.edgeFrom[fe]] + tf * len, viaV = ws.dist[network.edgeTo[fe]] + (1 - tf) * len;
  const direct = cs.edge[communityIndex] === fe ? cs.connectorMeters[communityIndex] + Math.abs(cs.t[communityIndex] - tf) * len : Infinity;
  return Math.min(direct, viaU, viaV) + fs.connectorMeters[f];
}

/** The path's coordinates from the community to facility f, read off the search's predecessors. */
function traceWalk(network: WalkNetwork, ws: DijkstraWorkspace, cs: SnapInfo, communityIndex: number, fs: SnapInfo, f: number): LngLat[] {
  const ce = cs.edge[communityIndex], fe = fs.edge[f];
  const tc = cs.t[communityIndex], tf = fs.t[f];
  const len = network.edgeMeters[fe];
  const path: LngLat[] = [pointAt(cs.pointLngLat, communityIndex), pointAt(cs.snappedLngLat, communityIndex)];
  const u = network.edgeFrom[fe], v = network.edgeTo[fe];
  const viaU = ws.dist[u] + tf * len, viaV = ws.dist[v] + (1 - tf) * len;
  const direct = ce === fe ? cs.connectorMeters[communityIndex] + Math.abs(tc - tf) * len : Infinity;
  if (direct <= Math.min(viaU, viaV)) {
    path.push(...edgeCoordsBetween(network, fe, tc, tf));
  } else {
    const last = viaU <= viaV ? u : v;
    // Walk the predecessor slots back to the community's edge, then emit forwards.
    const hops: { edge: number; from: number; to: number }[] = [];
    let n = last;
    for (let slot = ws.pred[n]; slot >= 0; slot = ws.pred[n]) {
      const e = network.slotEdge[slot];
      const prev = network.edgeFrom[e] === n ? network.edgeTo[e] : network.edgeFrom[e];
      hops.push({ edge: e, from: prev, to: n });
      n = prev;
    }
    hops.reverse();
    const firstNode = n;
    path.push(...edgeCoordsBetween(network, ce, tc, firstNode === network.edgeFrom[ce] ? 0 : 1), nodeCoords(network, firstNode));
    for (const h of hops) {
      const forward = network.edgeFrom[h.edge] === h.from;
      path.push(...edgeCoordsBetween(network, h.edge, forward ? 0 : 1, forward ? 1 : 0), nodeCoords(network, h.to));
    }
    path.push(...edgeCoordsBetween(network, fe, last === u ? 0 : 1, tf));
  }
  path.push(pointAt(fs.snappedLngLat, f), pointAt(fs.pointLngLat, f));
  return path;
}

/** The nearest facility on foot from one point and the walk to it (`nearestWalk`). */
export interface NearestWalk {
  /** Index into the facility points given. */
  facility: number;
  walkMeters: number;
  coordinates: LngLat[];
}

/**
 * The nearest of `facilityLngLat` (interleaved points, e.g. one category's facilities) on foot from the point
 * `fromLngLat`, with the path, without a whole analysis: one bounded search from the point (predecessors
 * tracked), the facilities read off it. The UI's "show path" on the ×50 bench town took ~1–1.5 s as an analysis
 * of the one community (every category, the counts); this is one search. Same snapping and search bound as the
 * analysis, same tie rule (the lower index wins); metres can differ from the analysis table's in the last bits
 * (sums in the other direction). Null when the point is off the network or nothing is within `boundMeters`.
 */
export function nearestWalk(
  network: WalkNetwork, fromLngLat: LngLat, facilityLngLat: Float64Array, maxSnapMeters: number, boundMeters: number,
): NearestWalk | null {
  const cs = snapPoints(network, Float64Array.of(fromLngLat[0], fromLngLat[1]), maxSnapMeters);
  if (cs.offNetwork[0]) return null;
  const fs = snapPoints(network, facilityLngLat, maxSnapMeters);
  const ws = searchFrom(network, cs, 0, boundMeters);
  let best = Infinity, bestF = -1;
  for (let f = 0; f < fs.edge.length; f++) {
    if (fs.offNetwork[f]) continue;
    const walk = walkTo(network, ws, cs, 0, fs, f);
    if (walk < best) {
      best = walk;
      bestF = f;
    }
  }
  if (bestF < 0 || !(best <= boundMeters)) return null;
  return { facility: bestF, walkMeters: best, coordinates: traceWalk(network, ws, cs, 0, fs, bestF) };
}

