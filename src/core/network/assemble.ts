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
 * than a comparator sort of indices on 217k nodes.
 */
function curveOrder(vertices: readonly number[], position: (v: number) => number, vertexCount: number): Int32Array {
  if (vertexCount <= VERTEX_BITS) {
    const keys = Float64Array.from(vertices, (v) => position(v) * VERTEX_BITS + v).sort();
    return Int32Array.from(keys, (k) => k - Math.floor(k / VERTEX_BITS) * VERTEX_BITS);
  }
  const pos = Float64Array.from(vertices, position);
  const byCurve = new Uint32Array(vertices.length).map((_, i) => i);
  byCurve.sort((a, b) => pos[a] - pos[b] || vertices[a] - vertices[b]);
  return Int32Array.from(byCurve, (i) => vertices[i]);
}

export function assembleNetwork(
  edges: ContractedEdges, lng: Float64Array, lat: Float64Array, projection: LocalProjection, droppedWays: number,
): WalkNetwork {
  const edgeCount = edges.count;
  // Nodes: edge end vertices, ordered along a Hilbert curve (ties by vertex id: deterministic).
  const vertexNode = new Int32Array(lng.length).fill(-1);
  const used: number[] = [];
  const use = (v: number): void => {
    if (vertexNode[v] < 0) {
      vertexNode[v] = 0;
      used.push(v);
    }
  };
  for (let e = 0; e < edgeCount; e++) {
    use(edges.from[e]);
    use(edges.to[e]);
  }
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const v of used) {
    minX = Math.min(minX, lng[v]); maxX = Math.max(maxX, lng[v]);
    minY = Math.min(minY, lat[v]); maxY = Math.max(maxY, lat[v]);
  }
  const sx = 65535 / (maxX - minX || 1), sy = 65535 / (maxY - minY || 1);
  const nodeCount = used.length;
  const nodeVertices = curveOrder(used, (v) => hilbertIndex(Math.floor((lng[v] - minX) * sx), Math.floor((lat[v] - minY) * sy)), lng.length);
  nodeVertices.forEach((v, n) => { vertexNode[v] = n; });
  const nodeLngLat = new Float64Array(nodeCount * 2);
  const nodeXY = new Float64Array(nodeCount * 2);
  nodeVertices.forEach((v, n) => {
    nodeLngLat[2 * n] = lng[v];
    nodeLngLat[2 * n + 1] = lat[v];
    nodeXY[2 * n] = toLocalX(projection, lng[v]);
    nodeXY[2 * n + 1] = toLocalY(projection, lat[v]);
  });

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
  order.forEach((old, e) => {
    edgeFrom[e] = vertexNode[edges.from[old]];
    edgeTo[e] = vertexNode[edges.to[old]];
    edgeMeters[e] = edges.meters[old];
    edgeClass[e] = edges.cls[old];
    edgeRoad[e] = edges.road[old];
    geomOffsets[e + 1] = geomOffsets[e] + (edges.geomOffsets[old + 1] - edges.geomOffsets[old]);
  });
  const geomCount = geomOffsets[edgeCount];
  const geomLngLat = new Float64Array(2 * geomCount), geomXY = new Float64Array(2 * geomCount);
  const geomCumMeters = new Float64Array(geomCount);
  const segmentEdge = new Int32Array(geomCount - edgeCount);
  order.forEach((old, e) => {
    for (let k = edges.geomOffsets[old], g = geomOffsets[e]; k < edges.geomOffsets[old + 1]; k++, g++) {
      const v = edges.geomVertices[k];
      geomLngLat[2 * g] = lng[v];
      geomLngLat[2 * g + 1] = lat[v];
      geomXY[2 * g] = toLocalX(projection, lng[v]);
      geomXY[2 * g + 1] = toLocalY(projection, lat[v]);
      geomCumMeters[g] = edges.geomCumMeters[k];
      if (k + 1 < edges.geomOffsets[old + 1]) segmentEdge[g - e] = e;
    }
  });

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
