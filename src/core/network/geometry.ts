/** Coordinates along edge geometry, for drawing paths. */
import type { LngLat } from '../types';
import type { WalkNetwork } from './types';

/**
 * Geometry vertices of edge `e` strictly between fractions `fromT` and `toT` (by length), in walking order.
 * The points at `fromT` and `toT` themselves are left to the caller (snapped points or nodes).
 */
export function edgeCoordsBetween(net: WalkNetwork, e: number, fromT: number, toT: number): LngLat[] {
  const len = net.edgeMeters[e];
  const a = fromT * len, b = toT * len;
  const out: LngLat[] = [];
  const first = net.geomOffsets[e], end = net.geomOffsets[e + 1];
  const at = (g: number): LngLat => [net.geomLngLat[2 * g], net.geomLngLat[2 * g + 1]];
  if (a <= b) {
    for (let g = first; g < end; g++) if (net.geomCumMeters[g] > a && net.geomCumMeters[g] < b) out.push(at(g));
  } else {
    for (let g = end - 1; g >= first; g--) if (net.geomCumMeters[g] < a && net.geomCumMeters[g] > b) out.push(at(g));
  }
  return out;
}

export function nodeCoords(net: WalkNetwork, n: number): LngLat {
  return [net.nodeLngLat[2 * n], net.nodeLngLat[2 * n + 1]];
}
