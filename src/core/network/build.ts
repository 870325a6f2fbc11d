/**
 * Build the walking graph from road lines.
 *
 * - Lines connect only at shared vertices (OSM semantics: a crossing without a shared vertex is a bridge or
 *   a tunnel). `nodeAtCrossings` adds nodes at geometric crossings for CAD centre lines.
 * - Vertices closer than `mergeToleranceMeters` become one node (grid hash, see `VertexMerger`).
 * - Ways that are not walkable (`isWalkable` on `{highway, ...properties}`) are dropped and counted.
 * - Every vertex is a node and every segment an edge (zero-length segments dropped), with its road class.
 * - Edge lengths are haversine metres between the node positions (see geo/metres.ts for accuracy).
 */
import Flatbush from 'flatbush';
import type { NetworkSettings } from '../config/defaults';
import { isWalkable, roadClassOf } from '../config/roads';
import { fromLocalX, fromLocalY, haversineMeters, projectionForCoords, toLocalX, toLocalY } from '../geo/metres';
import type { Road } from '../types';
import { findComponents } from './components';
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
  const sample: number[] = [];
  roads.forEach((road, i) => {
    if (!isWalkable({ highway: road.highway, ...road.properties })) {
      droppedWays++;
      return;
    }
    walkable.push(i);
    for (const part of partsOf(road)) for (const p of part) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) sample.push(p[0], p[1]);
  });
  const projection = projectionForCoords(sample);

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

  // Keep only nodes used by a non-degenerate edge, numbered in first-use order (deterministic).
  const newId = new Int32Array(merger.count).fill(-1);
  const keptLng: number[] = [];
  const keptLat: number[] = [];
  const keep = (n: number): number => {
    if (newId[n] < 0) {
      newId[n] = keptLng.length;
      keptLng.push(lng[n]);
      keptLat.push(lat[n]);
    }
    return newId[n];
  };
  const eFrom: number[] = [], eTo: number[] = [], eMeters: number[] = [], eClass: number[] = [], eRoad: number[] = [];
  for (let i = 0; i < segs.from.length; i++) {
    const a = segs.from[i], b = segs.to[i];
    const meters = haversineMeters(lng[a], lat[a], lng[b], lat[b]);
    if (a === b || !(meters > 0)) continue;
    eFrom.push(keep(a));
    eTo.push(keep(b));
    eMeters.push(meters);
    eClass.push(segClass[segs.source[i]]);
    eRoad.push(segRoad[segs.source[i]]);
  }
  return assembleNetwork(keptLng, keptLat, eFrom, eTo, eMeters, eClass, eRoad, projection, droppedWays);
}

function assembleNetwork(
  lng: number[], lat: number[], eFrom: number[], eTo: number[], eMeters: number[], eClass: number[], eRoad: number[],
  projection: WalkNetwork['projection'], droppedWays: number,
): WalkNetwork {
  const nodeCount = lng.length;
  const edgeCount = eFrom.length;
  const nodeLngLat = new Float64Array(nodeCount * 2);
  const nodeXY = new Float64Array(nodeCount * 2);
  for (let n = 0; n < nodeCount; n++) {
    nodeLngLat[2 * n] = lng[n];
    nodeLngLat[2 * n + 1] = lat[n];
    nodeXY[2 * n] = toLocalX(projection, lng[n]);
    nodeXY[2 * n + 1] = toLocalY(projection, lat[n]);
  }
  const edgeFrom = Int32Array.from(eFrom);
  const edgeTo = Int32Array.from(eTo);
  const edgeMeters = Float64Array.from(eMeters);
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    offsets[edgeFrom[e] + 1]++;
    offsets[edgeTo[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * edgeCount);
  const slotMeters = new Float64Array(2 * edgeCount);
  const slotEdge = new Int32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e], b = edgeTo[e];
    let s = fill[a]++;
    targets[s] = b;
    slotMeters[s] = edgeMeters[e];
    slotEdge[s] = e;
    s = fill[b]++;
    targets[s] = a;
    slotMeters[s] = edgeMeters[e];
    slotEdge[s] = e;
  }
  const comps = findComponents({ nodeCount, offsets, targets, slotMeters });
  let edgeIndex: Flatbush | null = null;
  if (edgeCount > 0) {
    edgeIndex = new Flatbush(edgeCount);
    for (let e = 0; e < edgeCount; e++) {
      const a = edgeFrom[e], b = edgeTo[e];
      const ax = nodeXY[2 * a], ay = nodeXY[2 * a + 1], bx = nodeXY[2 * b], by = nodeXY[2 * b + 1];
      edgeIndex.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    edgeIndex.finish();
  }
  let totalMeters = 0;
  for (let e = 0; e < edgeCount; e++) totalMeters += edgeMeters[e];
  return {
    nodeCount, edgeCount, nodeLngLat, nodeXY, projection, offsets, targets, slotMeters, slotEdge,
    edgeFrom, edgeTo, edgeMeters, edgeClass: Uint8Array.from(eClass), edgeRoad: Int32Array.from(eRoad),
    ...comps, edgeIndex,
    stats: {
      nodes: nodeCount,
      edges: edgeCount,
      walkableKm: totalMeters / 1000,
      droppedWays,
      components: comps.componentNodes.length,
      largestComponentShare: nodeCount ? comps.componentNodes[comps.largestComponent] / nodeCount : 0,
    },
  };
}
