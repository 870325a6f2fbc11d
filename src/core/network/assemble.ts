/** Turn contracted edges into the typed-array `WalkNetwork`: node numbering, CSR, geometry, components, index. */
import type { LocalProjection } from '../geo/metres';
import { toLocalX, toLocalY } from '../geo/metres';
import { findComponents } from './components';
import type { ContractedEdges } from './contract';
import { buildSegmentGrid } from './segmentGrid';
import type { WalkNetwork } from './types';

/** Position along a Hilbert curve of a point on a 65536 × 65536 grid. */
function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 32768; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

const VERTEX_BITS = 2 ** 21;

/**
 * Vertices sorted by curve position, ties by vertex id. Hilbert positions are < 2^32, so with < 2^21 vertices
 * (position · 2^21 + vertex) is an exact double and a plain numeric sort of one Float64Array does it: ~5× faster
 * than a comparator sort of indices on 217k nodes. Plain loops, no `from(…, mapFn)`: the callbacks cost ~90 ms at ×50.
 */
function curveOrder(vertices: Int32Array, position: Float64Array, vertexCount: number): Int32Array {
  const n = vertices.length;
  const out = new Int32Array(n);
  if (vertexCount <= VERTEX_BITS) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = position[i] * VERTEX_BITS + vertices[i];
    keys.sort();
    for (let i = 0; i < n; i++) out[i] = keys[i] - Math.floor(keys[i] / VERTEX_BITS) * VERTEX_BITS;
    return out;
  }
  const byCurve = new Uint32Array(n);
  for (let i = 0; i < n; i++) byCurve[i] = i;
  byCurve.sort((a, b) => position[a] - position[b] || vertices[a] - vertices[b]);
  for (let i = 0; i < n; i++) out[i] = vertices[byCurve[i]];
  return out;
}

export function assembleNetwork(
  edges: ContractedEdges, lng: Float64Array, lat: Float64Array, projection: LocalProjection, droppedWays: number,
): WalkNetwork {
  const edgeCount = edges.count;
  // Nodes: edge end vertices in order of first use, then ordered along a Hilbert curve (ties by vertex id).
  const vertexNode = new Int32Array(lng.length).fill(-1);
  const usedAll = new Int32Array(Math.min(lng.length, 2 * edgeCount));
  let nodeCount = 0;
  for (let e = 0; e < edgeCount; e++) {
    const a = edges.from[e], b = edges.to[e];
    if (vertexNode[a] < 0) {
      vertexNode[a] = 0;
      usedAll[nodeCount++] = a;
    }
    if (vertexNode[b] < 0) {
      vertexNode[b] = 0;
      usedAll[nodeCount++] = b;
    }
  }
  const used = usedAll.subarray(0, nodeCount);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < nodeCount; i++) {
    const v = used[i];
    minX = Math.min(minX, lng[v]); maxX = Math.max(maxX, lng[v]);
    minY = Math.min(minY, lat[v]); maxY = Math.max(maxY, lat[v]);
  }
  const sx = 65535 / (maxX - minX || 1), sy = 65535 / (maxY - minY || 1);
  const position = new Float64Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const v = used[i];
    position[i] = hilbertIndex(Math.floor((lng[v] - minX) * sx), Math.floor((lat[v] - minY) * sy));
  }
  const nodeVertices = curveOrder(used, position, lng.length);
  const nodeLngLat = new Float64Array(nodeCount * 2);
  const nodeXY = new Float64Array(nodeCount * 2);
  for (let n = 0; n < nodeCount; n++) {
    const v = nodeVertices[n];
    vertexNode[v] = n;
    nodeLngLat[2 * n] = lng[v];
    nodeLngLat[2 * n + 1] = lat[v];
    nodeXY[2 * n] = toLocalX(projection, lng[v]);
    nodeXY[2 * n + 1] = toLocalY(projection, lat[v]);
  }

  // Edges in order of their lower node (stable): adjacent edges sit together in memory too.
  // Counting sort by lower node: O(E) and stable.
  const lowStart = new Int32Array(nodeCount + 1);
  const low = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    low[e] = Math.min(vertexNode[edges.from[e]], vertexNode[edges.to[e]]);
    lowStart[low[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) lowStart[n + 1] += lowStart[n];
  const order = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) order[lowStart[low[e]]++] = e;
  const edgeFrom = new Int32Array(edgeCount), edgeTo = new Int32Array(edgeCount);
  const edgeMeters = new Float64Array(edgeCount), edgeClass = new Uint8Array(edgeCount), edgeRoad = new Int32Array(edgeCount);
  const geomOffsets = new Int32Array(edgeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const old = order[e];
    edgeFrom[e] = vertexNode[edges.from[old]];
    edgeTo[e] = vertexNode[edges.to[old]];
    edgeMeters[e] = edges.meters[old];
    edgeClass[e] = edges.cls[old];
    edgeRoad[e] = edges.road[old];
    geomOffsets[e + 1] = geomOffsets[e] + (edges.geomOffsets[old + 1] - edges.geomOffsets[old]);
  }
  const geomCount = geomOffsets[edgeCount];
  const geomLngLat = new Float64Array(2 * geomCount), geomXY = new Float64Array(2 * geomCount);
  const geomCumMeters = new Float64Array(geomCount);
  const segmentEdge = new Int32Array(geomCount - edgeCount);
  const { geomVertices, geomCumMeters: oldCum, geomOffsets: oldOffsets } = edges;
  const { originLng, originLat, metersPerDegreeLng, metersPerDegreeLat } = projection;
  for (let e = 0; e < edgeCount; e++) {
    const old = order[e], end = oldOffsets[old + 1];
    for (let k = oldOffsets[old], g = geomOffsets[e]; k < end; k++, g++) {
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
  }

  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    offsets[edgeFrom[e] + 1]++;
    offsets[edgeTo[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * edgeCount), slotMeters = new Float64Array(2 * edgeCount), slotEdge = new Int32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeFrom[e], b = edgeTo[e];
    let s = fill[a]++;
    targets[s] = b; slotMeters[s] = edgeMeters[e]; slotEdge[s] = e;
    s = fill[b]++;
    targets[s] = a; slotMeters[s] = edgeMeters[e]; slotEdge[s] = e;
  }
  const comps = findComponents({ nodeCount, offsets, targets, slotMeters });

  const segmentIndex = buildSegmentGrid(geomXY, segmentEdge);
  let totalMeters = 0;
  for (let e = 0; e < edgeCount; e++) totalMeters += edgeMeters[e];
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
