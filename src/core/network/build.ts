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
import { fromLocalX, fromLocalY, projectionForCoords } from '../geo/metres';
import type { Road } from '../types';
import { assembleNetwork } from './assemble';
import { contractChains } from './contract';
import type { RawSegments } from './contract';
import { nodeAtCrossings } from './noding';
import type { SegmentList } from './noding';
import type { WalkNetwork } from './types';
import { EDGE_CLASS_NAMES } from './types';
import { VertexMerger } from './vertexMerge';

/** Reused holder so a LineString is walked as one part without allocating an array per road. */
const oneLine: number[][][] = [[]];

function partsOf(road: Road): number[][][] {
  const g = road.geometry;
  if (!g) return [];
  if (g.type === 'LineString') {
    oneLine[0] = g.coordinates;
    return oneLine;
  }
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

const isOwnTag = Object.prototype.propertyIsEnumerable;
/** Reused tag object for `isWalkable`: the three tags it reads, as `{ highway, ...properties }` would hold them. */
const walkTags: { highway: unknown; foot: unknown; access: unknown } = { highway: undefined, foot: undefined, access: undefined };

/**
 * `isWalkable({ highway: road.highway, ...road.properties })` without copying every property of every road
 * (93k object spreads at ×50): own enumerable properties win over `road.highway`, as in the spread.
 */
function roadIsWalkable(road: Road): boolean {
  const p = road.properties;
  walkTags.highway = p != null && isOwnTag.call(p, 'highway') ? p.highway : road.highway;
  walkTags.foot = p != null && isOwnTag.call(p, 'foot') ? p.foot : undefined;
  walkTags.access = p != null && isOwnTag.call(p, 'access') ? p.access : undefined;
  return isWalkable(walkTags);
}

/** Grow `bbox` [minLng, minLat, maxLng, maxLat] by a line's vertices; returns the vertex count. */
function lineBounds(line: number[][], bbox: number[]): number {
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    if (p[0] < bbox[0]) bbox[0] = p[0];
    if (p[1] < bbox[1]) bbox[1] = p[1];
    if (p[0] > bbox[2]) bbox[2] = p[0];
    if (p[1] > bbox[3]) bbox[3] = p[1];
  }
  return line.length;
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
  const walkable = new Int32Array(roads.length);
  let walkableCount = 0;
  let droppedWays = 0, vertexCount = 0;
  const bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < roads.length; i++) {
    const road = roads[i];
    if (!roadIsWalkable(road)) {
      droppedWays++;
      continue;
    }
    walkable[walkableCount++] = i;
    const parts = partsOf(road);
    for (let q = 0; q < parts.length; q++) vertexCount += lineBounds(parts[q], bbox);
  }
  const projection = projectionForCoords(bbox);

  // Pre-sized typed arrays: there are at most as many nodes and segments as input vertices.
  const merger = new VertexMerger(settings.mergeToleranceMeters, vertexCount);
  let lng = new Float64Array(vertexCount), lat = new Float64Array(vertexCount);
  let raw: RawSegments = { from: new Int32Array(vertexCount), to: new Int32Array(vertexCount), cls: new Uint8Array(vertexCount), road: new Int32Array(vertexCount), count: 0 };
  const { originLng, originLat, metersPerDegreeLng, metersPerDegreeLat } = projection;
  const { from, to, cls: rawCls, road: rawRoad } = raw;
  let nodes = 0, count = 0;
  for (let w = 0; w < walkableCount; w++) {
    const r = walkable[w];
    const road = roads[r];
    const cls = EDGE_CLASS_NAMES.indexOf(roadClassOf(road.highway));
    const parts = partsOf(road);
    for (let q = 0; q < parts.length; q++) {
      const part = parts[q];
      let prev = -1;
      for (let i = 0; i < part.length; i++) {
        const p = part[i];
        const pLng = p[0], pLat = p[1];
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
