import type { RoadClass } from '../config/roads';
import type { LocalProjection } from '../geo/metres';
import type { SegmentGrid } from './segmentGrid';

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
 * An undirected walking graph. Nodes are junctions, dead ends and road-class changes; each edge is a chain of
 * road segments between two nodes and keeps its full geometry (`geom*`), so snapping is to the road line itself
 * and a split point is a fraction (by length) of one edge. Nodes are numbered along a Hilbert curve so that
 * neighbours in space are neighbours in memory (fewer cache misses in Dijkstra).
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
  /** Index of the input road each edge came from (its first segment's road). */
  edgeRoad: Int32Array;
  /** Geometry of edge e: vertices `geomOffsets[e] .. geomOffsets[e+1]` (both end nodes included), from edgeFrom to edgeTo. */
  geomOffsets: Int32Array;
  geomLngLat: Float64Array;
  /** Local metres per geometry vertex [x, y]. */
  geomXY: Float64Array;
  /** Metres from the edge start at each geometry vertex (haversine, cumulative). */
  geomCumMeters: Float64Array;
  /** Edge of each geometry segment k; its first vertex is k + segmentEdge[k]. */
  segmentEdge: Int32Array;
  /** Connected component id per node (ids ordered by their smallest node id). */
  componentOf: Int32Array;
  componentNodes: Int32Array;
  componentMeters: Float64Array;
  /** 1 when the component is a tiny island (see `TINY_COMPONENT_METERS`). */
  componentTiny: Uint8Array;
  largestComponent: number;
  /** Uniform grid over geometry segment bboxes in local metres (for snapping); items are segment ids. */
  segmentIndex: SegmentGrid | null;
  stats: NetworkStats;
}
