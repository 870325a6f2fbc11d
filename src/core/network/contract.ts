/**
 * Contract chains of degree-2 vertices into single edges that keep their full geometry.
 * Road shape vertices (curves, mid-block points) carry no routing choice, so the Dijkstra graph only needs
 * junctions, dead ends and class changes; this halves the nodes of a gridded town and cuts real OSM graphs
 * by 3–5×. Snapping and paths still use every vertex through the edge geometry.
 */
import { haversineMeters } from '../geo/metres';

export interface RawSegments {
  from: Int32Array;
  to: Int32Array;
  cls: Uint8Array;
  road: Int32Array;
  /** Used length of the arrays. */
  count: number;
}

/** Typed arrays sized for the worst case; `count` edges and `geomOffsets[count]` geometry vertices are used. */
export interface ContractedEdges {
  count: number;
  /** Vertex ids of each edge's end points. */
  from: Int32Array;
  to: Int32Array;
  cls: Uint8Array;
  road: Int32Array;
  meters: Float64Array;
  /** Flattened vertex ids of each edge's geometry (both ends included), `geomOffsets` per edge. */
  geomVertices: Int32Array;
  geomOffsets: Int32Array;
  /** Metres from the edge start at each geometry vertex (parallel to `geomVertices`). */
  geomCumMeters: Float64Array;
}

export function contractChains(vertexCount: number, segs: RawSegments, lng: Float64Array, lat: Float64Array): ContractedEdges {
  const n = segs.count;
  const segMeters = new Float64Array(n);
  const degree = new Int32Array(vertexCount + 1);
  for (let s = 0; s < n; s++) {
    const a = segs.from[s], b = segs.to[s];
    segMeters[s] = haversineMeters(lng[a], lat[a], lng[b], lat[b]);
    degree[a + 1]++;
    degree[b + 1]++;
  }
  for (let v = 0; v < vertexCount; v++) degree[v + 1] += degree[v];
  const fill = degree.slice(0, vertexCount);
  const incident = new Int32Array(2 * n);
  for (let s = 0; s < n; s++) {
    incident[fill[segs.from[s]]++] = s;
    incident[fill[segs.to[s]]++] = s;
  }
  const keep = new Uint8Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    const d = degree[v + 1] - degree[v];
    // A road-class change is a node too: every edge keeps one class.
    keep[v] = d !== 2 || segs.cls[incident[degree[v]]] !== segs.cls[incident[degree[v] + 1]] ? 1 : 0;
  }
  const visited = new Uint8Array(n);
  // Edges ≤ segments; geometry vertices = segments + edges ≤ 2 · segments.
  const out: ContractedEdges = {
    count: 0, from: new Int32Array(n), to: new Int32Array(n), cls: new Uint8Array(n), road: new Int32Array(n),
    meters: new Float64Array(n), geomVertices: new Int32Array(2 * n), geomOffsets: new Int32Array(n + 1), geomCumMeters: new Float64Array(2 * n),
  };
  let g = 0;
  const walk = (start: number, first: number): void => {
    let cur = start, seg = first, meters = 0;
    out.geomVertices[g] = start;
    out.geomCumMeters[g++] = 0;
    for (;;) {
      visited[seg] = 1;
      const next = segs.from[seg] === cur ? segs.to[seg] : segs.from[seg];
      meters += segMeters[seg];
      out.geomVertices[g] = next;
      out.geomCumMeters[g++] = meters;
      if (keep[next]) {
        cur = next;
        break;
      }
      const s0 = incident[degree[next]], s1 = incident[degree[next] + 1];
      const other = s0 === seg ? s1 : s0;
      cur = next;
      if (visited[other]) break; // closed a loop of degree-2 vertices
      seg = other;
    }
    const e = out.count++;
    out.from[e] = start;
    out.to[e] = cur;
    out.cls[e] = segs.cls[first];
    out.road[e] = segs.road[first];
    out.meters[e] = meters;
    out.geomOffsets[e + 1] = g;
  };
  for (let v = 0; v < vertexCount; v++) {
    if (!keep[v]) continue;
    for (let k = degree[v]; k < degree[v + 1]; k++) if (!visited[incident[k]]) walk(v, incident[k]);
  }
  // What is left are closed rings of degree-2 vertices (a roundabout-like loop on its own): start at its first vertex.
  for (let s = 0; s < n; s++) {
    if (visited[s]) continue;
    keep[segs.from[s]] = 1;
    walk(segs.from[s], s);
  }
  return out;
}
