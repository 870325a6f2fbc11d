/**
 * Snap points to the nearest point on the nearest edge (not the nearest vertex).
 * Candidates come from flatbush `neighbors` over edge bboxes in local metres, in order of bbox distance; the
 * exact point–segment distance decides. A bbox is never farther than its segment, so once the next bbox is
 * farther than the best exact distance found, no later edge can win.
 */
import { fromLocalX, fromLocalY, haversineMeters, toLocalX, toLocalY } from '../geo/metres';
import { projectToSegment } from '../geo/segment';
import type { SegmentProjection } from '../geo/segment';
import type { WalkNetwork } from './types';

/** Per snapped item (typed arrays, index = item index in its input list). */
export interface SnapInfo {
  /** Snapped edge, -1 when off-network. */
  edge: Int32Array;
  /** Fraction along the edge from `edgeFrom` to `edgeTo`. */
  t: Float64Array;
  /** Straight connector from the item's point to the edge, metres (haversine); NaN when no edge lies within the snap search radius. */
  connectorMeters: Float64Array;
  /** 1 when no edge lies within `maxSnapMeters`. */
  offNetwork: Uint8Array;
  /** 1 when snapped to a tiny island (see `TINY_COMPONENT_METERS`). */
  tinyComponent: Uint8Array;
  /** The item's own point [lng, lat] (representative point for polygons). */
  pointLngLat: Float64Array;
  /** The snapped point on the edge [lng, lat] (NaN when off-network). */
  snappedLngLat: Float64Array;
}

/** How many bbox neighbours to test before widening the search to everything within the best distance. */
const FIRST_CANDIDATES = 8;

/**
 * Snap interleaved [lng, lat] points to the network.
 *
 * @example
 * ```ts
 * const snap = snapPoints(net, Float64Array.of(115.89, 28.68), 300);
 * if (!snap.offNetwork[0]) console.log(snap.edge[0], snap.t[0], snap.connectorMeters[0]);
 * ```
 */
export function snapPoints(net: WalkNetwork, pointLngLat: Float64Array, maxSnapMeters: number): SnapInfo {
  const n = pointLngLat.length / 2;
  const info: SnapInfo = {
    edge: new Int32Array(n).fill(-1),
    t: new Float64Array(n),
    connectorMeters: new Float64Array(n).fill(NaN),
    offNetwork: new Uint8Array(n),
    tinyComponent: new Uint8Array(n),
    pointLngLat: Float64Array.from(pointLngLat),
    snappedLngLat: new Float64Array(2 * n).fill(NaN),
  };
  const { nodeXY, edgeFrom, edgeTo, projection, edgeIndex } = net;
  const proj: SegmentProjection = { t: 0, dist2: 0 };
  // The local projection may differ from haversine by a fraction of a percent: search a little wider.
  const searchMeters = maxSnapMeters * 1.01 + 1;
  for (let i = 0; i < n; i++) {
    const lng = pointLngLat[2 * i], lat = pointLngLat[2 * i + 1];
    if (!edgeIndex || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      info.offNetwork[i] = 1;
      continue;
    }
    const px = toLocalX(projection, lng), py = toLocalY(projection, lat);
    let best = -1, bestD2 = Infinity, bestT = 0;
    const consider = (e: number): void => {
      const a = edgeFrom[e], b = edgeTo[e];
      projectToSegment(px, py, nodeXY[2 * a], nodeXY[2 * a + 1], nodeXY[2 * b], nodeXY[2 * b + 1], proj);
      if (proj.dist2 < bestD2 || (proj.dist2 === bestD2 && e < best)) {
        best = e;
        bestD2 = proj.dist2;
        bestT = proj.t;
      }
    };
    const first = edgeIndex.neighbors(px, py, FIRST_CANDIDATES, searchMeters);
    for (const e of first) consider(e);
    if (first.length === FIRST_CANDIDATES && best >= 0) {
      // Everything whose bbox is within the best exact distance may still hold a closer (or tied) segment.
      for (const e of edgeIndex.neighbors(px, py, Infinity, Math.sqrt(bestD2))) consider(e);
    }
    if (best < 0) {
      info.offNetwork[i] = 1;
      continue;
    }
    const a = edgeFrom[best], b = edgeTo[best];
    const sx = nodeXY[2 * a] + bestT * (nodeXY[2 * b] - nodeXY[2 * a]);
    const sy = nodeXY[2 * a + 1] + bestT * (nodeXY[2 * b + 1] - nodeXY[2 * a + 1]);
    const sLng = fromLocalX(projection, sx), sLat = fromLocalY(projection, sy);
    const connector = haversineMeters(lng, lat, sLng, sLat);
    info.connectorMeters[i] = connector;
    if (connector > maxSnapMeters) {
      info.offNetwork[i] = 1;
      continue;
    }
    info.edge[i] = best;
    info.t[i] = bestT;
    info.snappedLngLat[2 * i] = sLng;
    info.snappedLngLat[2 * i + 1] = sLat;
    info.tinyComponent[i] = net.componentTiny[net.componentOf[a]];
  }
  return info;
}
