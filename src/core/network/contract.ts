/**
 * Contract chains of degree-2 vertices into single edges that keep their full geometry.
 * Road shape vertices (curves, mid-block points) carry no routing choice, so the Dijkstra graph only needs
 * junctions, dead ends and class changes; this halves the nodes of a gridded town and cuts real OSM graphs
 * by 3–5×. Snapping and paths still use every vertex through the edge geometry.
 */
import { haversineMeters } from '../geo/metres';

export interface RawSegments {
  from: number[];
  to: number[];
  cls: number[];
  road: number[];
}

export interface ContractedEdges {
  /** Vertex ids of each edge's end points. */
  from: number[];
  to: number[];
  cls: number[];
  road: number[];
  meters: number[];
  /** Flattened vertex ids of each edge's geometry (both ends included), `geomOffsets` per edge. */
  geomVertices: number[];
  geomOffsets: number[];
  /** Metres from the edge start at each geometry vertex (parallel to `geomVertices`). */
  geomCumMeters: number[];
}

export function contractChains(vertexCount: number, segs: RawSegments, lng: number[], lat: number[]): ContractedEdges {
  const n = segs.from.length;
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
  const out: ContractedEdges = { from: [], to: [], cls: [], road: [], meters: [], geomVertices: [], geomOffsets: [0], geomCumMeters: [] };
  const walk = (start: number, first: number): void => {
    let cur = start, seg = first, meters = 0;
    out.geomVertices.push(start);
    out.geomCumMeters.push(0);
    for (;;) {
      visited[seg] = 1;
      const next = segs.from[seg] === cur ? segs.to[seg] : segs.from[seg];
      meters += segMeters[seg];
      out.geomVertices.push(next);
      out.geomCumMeters.push(meters);
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
    out.from.push(start);
    out.to.push(cur);
    out.cls.push(segs.cls[first]);
    out.road.push(segs.road[first]);
    out.meters.push(meters);
    out.geomOffsets.push(out.geomVertices.length);
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
