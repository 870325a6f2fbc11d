/**
 * Build the walking graph from road lines.
 *
 * - Lines connect only at shared vertices (OSM semantics: a crossing without a shared vertex is a bridge or
 *   a tunnel). `nodeAtCrossings` adds nodes at geometric crossings for CAD centre lines.
 * - Vertices closer than `mergeToleranceMeters` become one node (a grid over the bbox, see `VertexMerger`).
 * - Ways that are not walkable (`isWalkable` on `{highway, ...properties}`) are dropped and counted.
 * - Zero-length segments are dropped; chains of degree-2 vertices become one edge with its geometry and class.
 * - Edge lengths are sums of haversine metres along the geometry (see geo/metres.ts for accuracy).
 */
import type { NetworkSettings } from '../config/defaults';
import { fromLocalX, fromLocalY, projectionForCoords, toLocalX, toLocalY } from '../geo/metres';
import type { Road } from '../types';
import { assembleNetwork } from './assemble';
import { contractChains } from './contract';
import type { RawSegments } from './contract';
import { nodeAtCrossings } from './noding';
import type { SegmentList } from './noding';
import { flattenRoads } from './roadLines';
import type { RoadLines } from './roadLines';
import type { WalkNetwork } from './types';
import { VertexMerger } from './vertexMerge';

/**
 * Build a `WalkNetwork` from road lines.
 *
 * @example
 * ```ts
 * const net = buildWalkNetwork(roads, { mergeToleranceMeters: 0.5, nodeAtCrossings: false, maxSnapMeters: 300 });
 * console.log(net.stats.walkableKm, net.stats.components);
 * ```
 */
export function buildWalkNetwork(roads: readonly Road[], settings: NetworkSettings): WalkNetwork {
  return buildWalkNetworkFromLines(flattenRoads(roads), settings);
}

/** `buildWalkNetwork` from roads already flattened (`flattenRoads`), e.g. on another thread. */
export function buildWalkNetworkFromLines(lines: RoadLines, settings: NetworkSettings): WalkNetwork {
  const { lngLat: coords, partStart, partRoad, partClass, droppedWays } = lines;
  const vertexCount = coords.length >> 1;
  const projection = projectionForCoords(lines.bbox);

  // Pre-sized typed arrays: there are at most as many nodes and segments as input vertices. The bbox in local
  // metres (the projection is monotone, so these bound every vertex) lets the merger use a dense grid.
  const bounds = [toLocalX(projection, lines.bbox[0]), toLocalY(projection, lines.bbox[1]), toLocalX(projection, lines.bbox[2]), toLocalY(projection, lines.bbox[3])];
  const merger = new VertexMerger(settings.mergeToleranceMeters, vertexCount, bounds);
  let lng = new Float64Array(vertexCount), lat = new Float64Array(vertexCount);
  let raw: RawSegments = { from: new Int32Array(vertexCount), to: new Int32Array(vertexCount), cls: new Uint8Array(vertexCount), road: new Int32Array(vertexCount), count: 0 };
  const { originLng, originLat, metersPerDegreeLng, metersPerDegreeLat } = projection;
  const { from, to, cls: rawCls, road: rawRoad } = raw;
  let nodes = 0, count = 0;
  for (let q = 0; q + 1 < partStart.length; q++) {
    const r = partRoad[q], cls = partClass[q], end = partStart[q + 1];
    let prev = -1;
    for (let i = partStart[q]; i < end; i++) {
      const pLng = coords[2 * i], pLat = coords[2 * i + 1];
      if (!Number.isFinite(pLng) || !Number.isFinite(pLat)) continue;
      // toLocalX / toLocalY written out (same arithmetic).
      const id = merger.add((pLng - originLng) * metersPerDegreeLng, (pLat - originLat) * metersPerDegreeLat);
      if (id === nodes) {
        lng[nodes] = pLng;
        lat[nodes++] = pLat;
      }
      // Distinct ids always have distinct positions (identical points merge even at zero tolerance).
      if (prev >= 0 && id !== prev) {
        from[count] = prev;
        to[count] = id;
        rawCls[count] = cls;
        rawRoad[count++] = r;
      }
      prev = id;
    }
  }
  raw.count = count;
  if (settings.nodeAtCrossings) {
    const n = raw.count;
    const listed: SegmentList = { from: Array.from(raw.from.subarray(0, n)), to: Array.from(raw.to.subarray(0, n)), source: Array.from({ length: n }, (_, i) => i) };
    const noded = nodeAtCrossings(listed, merger);
    const grownLng = new Float64Array(merger.count), grownLat = new Float64Array(merger.count);
    grownLng.set(lng.subarray(0, nodes));
    grownLat.set(lat.subarray(0, nodes));
    for (let v = nodes; v < merger.count; v++) {
      grownLng[v] = fromLocalX(projection, merger.xs[v]);
      grownLat[v] = fromLocalY(projection, merger.ys[v]);
    }
    lng = grownLng;
    lat = grownLat;
    nodes = merger.count;
    raw = {
      from: Int32Array.from(noded.from), to: Int32Array.from(noded.to), count: noded.from.length,
      cls: Uint8Array.from(noded.source, (i) => raw.cls[i]), road: Int32Array.from(noded.source, (i) => raw.road[i]),
    };
  }
  const edges = contractChains(nodes, raw, lng, lat);
  return assembleNetwork(edges, lng, lat, projection, droppedWays);
}
