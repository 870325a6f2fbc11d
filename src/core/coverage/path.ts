/** Reconstruct the walking path from a community to its nearest facility of a category (UI "show path"). */
import type { WalkNetwork } from '../network';
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
  const ce = cs.edge[communityIndex], fe = fs.edge[f];
  const tc = cs.t[communityIndex], tf = fs.t[f];
  const len = network.edgeMeters[fe];
  const path: LngLat[] = [start, pointAt(cs.snappedLngLat, communityIndex)];
  const ws = new DijkstraWorkspace(network);
  ws.trackPredecessors = true;
  seedItem(ws, network, cs, communityIndex, 0);
  ws.run(result.walkMeters[communityIndex * nCat + k] + 1);
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
  path.push(pointAt(fs.snappedLngLat, f), end);
  return path;
}
