/**
 * Build the walking graph from road lines.
 *
 * - Lines connect only at shared vertices (OSM semantics: a crossing without a shared vertex is a bridge or
 *   a tunnel). `nodeAtCrossings` adds nodes at geometric crossings for CAD centre lines.
 * - Vertices closer than `mergeToleranceMeters` become one node (grid hash, see `VertexMerger`).
 * - Ways that are not walkable (`isWalkable` on `{highway, ...properties}`) are dropped and counted.
 * - Zero-length segments are dropped; chains of degree-2 vertices become one edge with its geometry and class.
 * - Edge lengths are sums of haversine metres along the geometry (see geo/metres.ts for accuracy).
 */
import type { NetworkSettings } from '../config/defaults';
import { isWalkable, roadClassOf } from '../config/roads';
import { fromLocalX, fromLocalY, projectionForCoords, toLocalX, toLocalY } from '../geo/metres';
import type { Road } from '../types';
import { assembleNetwork } from './assemble';
import { contractChains } from './contract';
import type { RawSegments } from './contract';
import { nodeAtCrossings } from './noding';
import type { SegmentList } from './noding';
import type { WalkNetwork } from './types';
import { EDGE_CLASS_NAMES } from './types';
import { VertexMerger } from './vertexMerge';

function partsOf(road: Road): number[][][] {
  const g = road.geometry;
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

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
  const walkable: number[] = [];
  let droppedWays = 0;
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  roads.forEach((road, i) => {
    if (!isWalkable({ highway: road.highway, ...road.properties })) {
      droppedWays++;
      return;
    }
    walkable.push(i);
    for (const part of partsOf(road)) {
      for (const p of part) {
        if (p[0] < bbox[0]) bbox[0] = p[0];
        if (p[1] < bbox[1]) bbox[1] = p[1];
        if (p[0] > bbox[2]) bbox[2] = p[0];
        if (p[1] > bbox[3]) bbox[3] = p[1];
      }
    }
  });
  const projection = projectionForCoords(bbox);

  // Pre-sized typed arrays: there are at most as many nodes and segments as input vertices.
  let vertexCount = 0;
  for (const r of walkable) for (const part of partsOf(roads[r])) vertexCount += part.length;
  const merger = new VertexMerger(settings.mergeToleranceMeters, vertexCount);
  let lng = new Float64Array(vertexCount), lat = new Float64Array(vertexCount);
  let nodes = 0;
  let raw: RawSegments = { from: new Int32Array(vertexCount), to: new Int32Array(vertexCount), cls: new Uint8Array(vertexCount), road: new Int32Array(vertexCount), count: 0 };
  for (const r of walkable) {
    const road = roads[r];
    const cls = EDGE_CLASS_NAMES.indexOf(roadClassOf(road.highway));
    for (const part of partsOf(road)) {
      let prev = -1;
      for (const p of part) {
        const pLng = p[0], pLat = p[1];
        if (!Number.isFinite(pLng) || !Number.isFinite(pLat)) continue;
        const id = merger.add(toLocalX(projection, pLng), toLocalY(projection, pLat));
        if (id === nodes) {
          lng[nodes] = pLng;
          lat[nodes++] = pLat;
        }
        // Distinct ids always have distinct positions (identical points merge even at zero tolerance).
        if (prev >= 0 && id !== prev) {
          const k = raw.count++;
          raw.from[k] = prev;
          raw.to[k] = id;
          raw.cls[k] = cls;
          raw.road[k] = r;
        }
        prev = id;
      }
    }
  }
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
