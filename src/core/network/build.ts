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

  const merger = new VertexMerger(settings.mergeToleranceMeters);
  const lng: number[] = [];
  const lat: number[] = [];
  const addVertex = (x: number, y: number, vLng: number, vLat: number): number => {
    const id = merger.add(x, y);
    if (id === lng.length) {
      lng.push(vLng);
      lat.push(vLat);
    }
    return id;
  };
  let segs: SegmentList = { from: [], to: [], source: [] };
  const segClass: number[] = [];
  const segRoad: number[] = [];
  for (const r of walkable) {
    const road = roads[r];
    const cls = EDGE_CLASS_NAMES.indexOf(roadClassOf(road.highway));
    for (const part of partsOf(road)) {
      let prev = -1;
      for (const p of part) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
        const id = addVertex(toLocalX(projection, p[0]), toLocalY(projection, p[1]), p[0], p[1]);
        if (prev >= 0 && id !== prev) {
          segs.source.push(segs.from.length);
          segs.from.push(prev);
          segs.to.push(id);
          segClass.push(cls);
          segRoad.push(r);
        }
        prev = id;
      }
    }
  }
  if (settings.nodeAtCrossings) {
    segs = nodeAtCrossings(segs, merger);
    for (let n = lng.length; n < merger.count; n++) {
      lng.push(fromLocalX(projection, merger.xs[n]));
      lat.push(fromLocalY(projection, merger.ys[n]));
    }
  }

  const raw = { from: [] as number[], to: [] as number[], cls: [] as number[], road: [] as number[] };
  for (let i = 0; i < segs.from.length; i++) {
    const a = segs.from[i], b = segs.to[i];
    if (a === b || (lng[a] === lng[b] && lat[a] === lat[b])) continue;
    raw.from.push(a);
    raw.to.push(b);
    raw.cls.push(segClass[segs.source[i]]);
    raw.road.push(segRoad[segs.source[i]]);
  }
  const edges = contractChains(lng.length, raw, lng, lat);
  return assembleNetwork(edges, lng, lat, projection, droppedWays);
}
