import type Flatbush from 'flatbush';
import type { RoadClass } from '../config/roads';
import type { LocalProjection } from '../geo/metres';

/** Road classes in `edgeClass` order (index = value stored per edge). */
export const EDGE_CLASS_NAMES: readonly RoadClass[] = ['arterial', 'secondary', 'local', 'alley', 'footpath', 'other'];

/**
 * Components whose total walkable length is below this are "tiny islands" (a lone footway in a park, a
 * courtyard loop, a digitising fragment). Length rather than node share, because it means the same thing in a
 * 40-node test town and a 200k-node city; the largest component is never tiny.
 */
export const TINY_COMPONENT_METERS = 500;

/** Figures about a built network, for summaries and reports. */
export interface NetworkStats {
  nodes: number;
  edges: number;
  walkableKm: number;
  /** Input roads dropped as not walkable (motorway, foot=no, access=private …). */
  droppedWays: number;
  components: number;
  /** Nodes in the largest component / all nodes (0 when empty). */
  largestComponentShare: number;
}

/**
 * An undirected walking graph. Every edge is one straight segment (road vertices are nodes), so snapping to
 * an edge is snapping to the road line itself and a split point is a fraction of one edge.
 * Adjacency is CSR: the neighbours of node u are `targets[offsets[u] .. offsets[u+1])`, each slot with its
 * `slotMeters` (the edge length, copied per slot so the Dijkstra inner loop reads one contiguous array) and
 * `slotEdge` (the edge id).
 */
export interface WalkNetwork {
  nodeCount: number;
  edgeCount: number;
  /** [lng, lat] per node. */
  nodeLngLat: Float64Array;
  /** Local metres (see `projection`) per node: [x, y]. */
  nodeXY: Float64Array;
  projection: LocalProjection;
  offsets: Int32Array;
  targets: Int32Array;
  slotMeters: Float64Array;
  slotEdge: Int32Array;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Geodesic (haversine) length per edge. */
  edgeMeters: Float64Array;
  /** Index into `EDGE_CLASS_NAMES`. */
  edgeClass: Uint8Array;
  /** Index of the input road each edge came from. */
  edgeRoad: Int32Array;
  /** Connected component id per node (ids ordered by their smallest node id). */
  componentOf: Int32Array;
  componentNodes: Int32Array;
  componentMeters: Float64Array;
  /** 1 when the component is a tiny island (see `TINY_COMPONENT_METERS`). */
  componentTiny: Uint8Array;
  largestComponent: number;
  /** Spatial index over edge bboxes in local metres (for snapping). */
  edgeIndex: Flatbush | null;
  stats: NetworkStats;
}
