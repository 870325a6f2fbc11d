/** Turn contracted edges into the typed-array `WalkNetwork`: node numbering, CSR, geometry, components, index. */
import { prefixSums } from '../arrays';
import type { LocalProjection } from '../geo/metres';
import { hilbertIndex } from '../geo/hilbert';
import { toLocalX, toLocalY } from '../geo/metres';
import { findComponents } from './components';
import type { ContractedEdges } from './contract';
import { buildSegmentGrid } from './segmentGrid';
import type { WalkNetwork } from './types';

/*
 * One stable counting-sort pass on 16 bits of the keys (`shift` 0 or 16), moving keys and vertices; each loop
 * its own function so V8 compiles each once (a deopt per later loop otherwise, see `assembleNetwork`).
 */
function countDigits(keys: Uint32Array, shift: number, count: Int32Array): void {
  count.fill(0);
  for (let i = 0; i < keys.length; i++) count[(keys[i] >>> shift) & 0xffff]++;
}

function digitStarts(count: Int32Array): void {
  for (let b = 0, sum = 0; b < count.length; b++) {
    const c = count[b];
    count[b] = sum;
    sum += c;
  }
}

function placeByDigit(keys: Uint32Array, vertices: Int32Array, keysOut: Uint32Array, verticesOut: Int32Array, shift: number, count: Int32Array): void {
  for (let i = 0; i < keys.length; i++) {
    const p = count[(keys[i] >>> shift) & 0xffff]++;
    keysOut[p] = keys[i];
    verticesOut[p] = vertices[i];
  }
}

function radixPass(keys: Uint32Array, vertices: Int32Array, keysOut: Uint32Array, verticesOut: Int32Array, shift: number, count: Int32Array): void {
  countDigits(keys, shift, count);
  digitStarts(count);
  placeByDigit(keys, vertices, keysOut, verticesOut, shift, count);
}

function hilbertKeys(vertices: Int32Array, lng: Float64Array, lat: Float64Array, minX: number, minY: number, sx: number, sy: number): Uint32Array {
  const keys = new Uint32Array(vertices.length);
  for (let i = 0; i < vertices.length; i++) {
    const v = vertices[i];
    keys[i] = hilbertIndex(Math.floor((lng[v] - minX) * sx), Math.floor((lat[v] - minY) * sy));
  }
  return keys;
}

/**
 * Sort `vertices` (ascending ids) in place by Hilbert position on the node bbox, ties by vertex id.
 * A stable two-pass radix sort on the 32-bit positions (16 bits a pass): the ties keep the ascending id order.
 * ~5 ms for 217k nodes against ~25 ms for a numeric sort of packed (position · 2^21 + id) doubles.
 */
export function sortAlongCurve(
  vertices: Int32Array, lng: Float64Array, lat: Float64Array, minX: number, minY: number, sx: number, sy: number,
): void {
  const n = vertices.length;
  const keys = hilbertKeys(vertices, lng, lat, minX, minY, sx, sy);
  const keysLow = new Uint32Array(n), verticesLow = new Int32Array(n), count = new Int32Array(65536);
  radixPass(keys, vertices, keysLow, verticesLow, 0, count);
  radixPass(keysLow, verticesLow, keys, vertices, 16, count);
}

/*
 * The network is built once per run, so every pass below is its own small function: V8 compiles each hot loop
 * on its own. In one long function it compiled the first loop and fell back to the interpreter ("insufficient
 * type feedback") at each later one, where every double is boxed: ~30 such fallbacks per ×50 build, and the
 * assembly took ~2× its warm time in a fresh process. Every temporary typed array is fresh memory too (first
 * touching it costs ~1 ms per MB on this VM, plus garbage collection), so edges are copied and their geometry
 * written in one pass, the counting sort keeps its per-edge keys in `edgeFrom` before that pass overwrites it,
 * and CSR lists are filled backwards from end offsets (the slot order of a forward fill, without a copy).
 */

/** Marks edge end vertices with 1 in `vertexNode`; returns how many. */
function markEndVertices(from: Int32Array, to: Int32Array, edgeCount: number, vertexNode: Int32Array): number {
  let count = 0;
  for (let e = 0; e < edgeCount; e++) {
    const a = from[e], b = to[e];
    if (vertexNode[a] === 0) {
      vertexNode[a] = 1;
      count++;
    }
    if (vertexNode[b] === 0) {
      vertexNode[b] = 1;
      count++;
    }
  }
  return count;
}

/** The marked vertices in ascending id order (the stable curve sort then breaks ties by id). */
function markedVertices(vertexNode: Int32Array, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let v = 0, i = 0; i < count; v++) if (vertexNode[v] === 1) out[i++] = v;
  return out;
}

/** [minLng, minLat, maxLng, maxLat] of the vertices. */
function vertexBounds(vertices: Int32Array, lng: Float64Array, lat: Float64Array): Float64Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < vertices.length; i++) {
    const v = vertices[i];
    minX = Math.min(minX, lng[v]); maxX = Math.max(maxX, lng[v]);
    minY = Math.min(minY, lat[v]); maxY = Math.max(maxY, lat[v]);
  }
  return Float64Array.of(minX, minY, maxX, maxY);
}

function numberNodes(
  nodeVertices: Int32Array, vertexNode: Int32Array, lng: Float64Array, lat: Float64Array, projection: LocalProjection,
  nodeLngLat: Float64Array, nodeXY: Float64Array,
): void {
  for (let n = 0; n < nodeVertices.length; n++) {
    const v = nodeVertices[n];
    vertexNode[v] = n;
    nodeLngLat[2 * n] = lng[v];
    nodeLngLat[2 * n + 1] = lat[v];
    nodeXY[2 * n] = toLocalX(projection, lng[v]);
    nodeXY[2 * n + 1] = toLocalY(projection, lat[v]);
  }
}

/** Lower end node of each edge into `low`, counted at low + 1 in `lowStart`. */
function lowerNodes(edges: ContractedEdges, vertexNode: Int32Array, low: Int32Array, lowStart: Int32Array): void {
  const { from, to } = edges;
  for (let e = 0; e < edges.count; e++) {
    const a = vertexNode[from[e]], b = vertexNode[to[e]];
    const l = a < b ? a : b;
    low[e] = l;
    lowStart[l + 1]++;
  }
}

/** Stable counting sort placement: old edge ids in order of their lower node. */
function placeByLowerNode(low: Int32Array, lowStart: Int32Array, order: Int32Array): void {
  for (let e = 0; e < low.length; e++) order[lowStart[low[e]]++] = e;
}

/** Output arrays of `copyEdges`. */
interface EdgeArrays {
  edgeFrom: Int32Array; edgeTo: Int32Array; edgeMeters: Float64Array; edgeClass: Uint8Array; edgeRoad: Int32Array;
  geomOffsets: Int32Array; geomLngLat: Float64Array; geomXY: Float64Array; geomCumMeters: Float64Array; segmentEdge: Int32Array;
  /** Degree per node at index n (not n + 1): `fillAdjacency` turns these end offsets into start offsets. */
  offsets: Int32Array;
}

/** Edges in `order`, with node ids, their geometry and the node degrees; returns the total metres (in that order). */
function copyEdges(
  edges: ContractedEdges, order: Int32Array, vertexNode: Int32Array, lng: Float64Array, lat: Float64Array, projection: LocalProjection, out: EdgeArrays,
): number {
  const { from: oldFrom, to: oldTo, meters, cls, road, geomVertices, geomCumMeters: oldCum, geomOffsets: oldOffsets } = edges;
  const { edgeFrom, edgeTo, edgeMeters, edgeClass, edgeRoad, geomOffsets, geomLngLat, geomXY, geomCumMeters, segmentEdge, offsets } = out;
  const { originLng, originLat, metersPerDegreeLng, metersPerDegreeLat } = projection;
  let totalMeters = 0, g = 0;
  for (let e = 0; e < order.length; e++) {
    const old = order[e];
    const a = vertexNode[oldFrom[old]], b = vertexNode[oldTo[old]];
    edgeFrom[e] = a;
    edgeTo[e] = b;
    offsets[a]++;
    offsets[b]++;
    totalMeters += edgeMeters[e] = meters[old];
    edgeClass[e] = cls[old];
    edgeRoad[e] = road[old];
    const end = oldOffsets[old + 1];
    for (let k = oldOffsets[old]; k < end; k++, g++) {
      const v = geomVertices[k];
      const vLng = lng[v], vLat = lat[v];
      geomLngLat[2 * g] = vLng;
      geomLngLat[2 * g + 1] = vLat;
      // toLocalX / toLocalY written out (same arithmetic): ~900k vertices at ×50.
      geomXY[2 * g] = (vLng - originLng) * metersPerDegreeLng;
      geomXY[2 * g + 1] = (vLat - originLat) * metersPerDegreeLat;
      geomCumMeters[g] = oldCum[k];
      if (k + 1 < end) segmentEdge[g - e] = e;
    }
    geomOffsets[e + 1] = g;
  }
  return totalMeters;
}

/** CSR slots from end offsets (degrees summed in place), filled backwards: `offsets` ends as start offsets. */
function fillAdjacency(
  edgeFrom: Int32Array, edgeTo: Int32Array, edgeMeters: Float64Array, offsets: Int32Array,
  targets: Int32Array, slotMeters: Float64Array, slotEdge: Int32Array,
): void {
  for (let e = edgeFrom.length - 1; e >= 0; e--) {
    const a = edgeFrom[e], b = edgeTo[e], meters = edgeMeters[e];
    let s = --offsets[b];
    targets[s] = a; slotMeters[s] = meters; slotEdge[s] = e;
    s = --offsets[a];
    targets[s] = b; slotMeters[s] = meters; slotEdge[s] = e;
  }
}

export function assembleNetwork(
  edges: ContractedEdges, lng: Float64Array, lat: Float64Array, projection: LocalProjection, droppedWays: number,
): WalkNetwork {
  const edgeCount = edges.count;
  // Nodes: edge end vertices (marked 1 first, node id later), ordered along a Hilbert curve (ties by vertex id).
  const vertexNode = new Int32Array(lng.length);
  const nodeCount = markEndVertices(edges.from, edges.to, edgeCount, vertexNode);
  const nodeVertices = markedVertices(vertexNode, nodeCount);
  const box = vertexBounds(nodeVertices, lng, lat);
  sortAlongCurve(nodeVertices, lng, lat, box[0], box[1], 65535 / (box[2] - box[0] || 1), 65535 / (box[3] - box[1] || 1));
  const nodeLngLat = new Float64Array(nodeCount * 2);
  const nodeXY = new Float64Array(nodeCount * 2);
  numberNodes(nodeVertices, vertexNode, lng, lat, projection, nodeLngLat, nodeXY);

  // Edges in order of their lower node (stable counting sort, O(E)): adjacent edges sit together in memory too.
  const edgeFrom = new Int32Array(edgeCount), edgeTo = new Int32Array(edgeCount);
  const lowStart = new Int32Array(nodeCount + 1);
  lowerNodes(edges, vertexNode, edgeFrom, lowStart); // edgeFrom as scratch: overwritten by copyEdges
  prefixSums(lowStart);
  const order = new Int32Array(edgeCount);
  placeByLowerNode(edgeFrom, lowStart, order);

  const geomCount = edges.geomOffsets[edgeCount];
  const out: EdgeArrays = {
    edgeFrom, edgeTo, edgeMeters: new Float64Array(edgeCount), edgeClass: new Uint8Array(edgeCount), edgeRoad: new Int32Array(edgeCount),
    geomOffsets: new Int32Array(edgeCount + 1), geomLngLat: new Float64Array(2 * geomCount), geomXY: new Float64Array(2 * geomCount),
    geomCumMeters: new Float64Array(geomCount), segmentEdge: new Int32Array(geomCount - edgeCount), offsets: new Int32Array(nodeCount + 1),
  };
  const totalMeters = copyEdges(edges, order, vertexNode, lng, lat, projection, out);
  const { edgeMeters, edgeClass, edgeRoad, geomOffsets, geomLngLat, geomXY, geomCumMeters, segmentEdge, offsets } = out;
  prefixSums(offsets); // end offsets: offsets[nodeCount] = 2 · edgeCount
  const targets = new Int32Array(2 * edgeCount), slotMeters = new Float64Array(2 * edgeCount), slotEdge = new Int32Array(2 * edgeCount);
  fillAdjacency(edgeFrom, edgeTo, edgeMeters, offsets, targets, slotMeters, slotEdge);
  const comps = findComponents({ nodeCount, offsets, targets, slotMeters });

  const segmentIndex = buildSegmentGrid(geomXY, segmentEdge);
  return {
    nodeCount, edgeCount, nodeLngLat, nodeXY, projection, offsets, targets, slotMeters, slotEdge,
    edgeFrom, edgeTo, edgeMeters, edgeClass, edgeRoad, geomOffsets, geomLngLat, geomXY, geomCumMeters, segmentEdge,
    ...comps, segmentIndex,
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
