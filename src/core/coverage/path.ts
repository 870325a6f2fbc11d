/** Reconstruct the walking path from a community to its nearest facility of a category (UI "show path"). */
import type { WalkNetwork } from '../network';
import { DijkstraWorkspace } from '../network/dijkstra';
import type { LngLat } from '../types';
import { seedItem } from './networkDistances';
import type { AccessibilityResult } from './types';

function pointAt(lngLat: Float64Array, i: number): LngLat {
  return [lngLat[2 * i], lngLat[2 * i + 1]];
}

/**
 * The walking path as LineString coordinates: community point → connector → network nodes → connector →
 * facility point. In Euclidean mode the straight line between the two points. Null when there is no nearest
 * facility (off-network, or none within the search bound).
 *
 * @example
 * ```ts
 * const coords = walkPath(network, result, 0, 'kindergarten');
 * if (coords) map.addLine({ type: 'LineString', coordinates: coords });
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
  const len = network.edgeMeters[fe];
  const path: LngLat[] = [start, pointAt(cs.snappedLngLat, communityIndex)];
  const ws = new DijkstraWorkspace(network);
  ws.trackPredecessors = true;
  seedItem(ws, network, cs, communityIndex, 0);
  ws.run(result.walkMeters[communityIndex * nCat + k] + 1);
  const u = network.edgeFrom[fe], v = network.edgeTo[fe];
  const viaU = ws.dist[u] + fs.t[f] * len, viaV = ws.dist[v] + (1 - fs.t[f]) * len;
  const direct = ce === fe ? cs.connectorMeters[communityIndex] + Math.abs(cs.t[communityIndex] - fs.t[f]) * len : Infinity;
  if (direct > Math.min(viaU, viaV)) {
    const chain: number[] = [];
    for (let n = viaU <= viaV ? u : v; n >= 0; n = ws.pred[n]) chain.push(n);
    chain.reverse();
    for (const n of chain) path.push(pointAt(network.nodeLngLat, n));
  }
  path.push(pointAt(fs.snappedLngLat, f), end);
  return path;
}
