/**
 * Contract chains of degree-2 vertices into single edges that keep their full geometry.
 * Road shape vertices (curves, mid-block points) carry no routing choice, so the Dijkstra graph only needs
 * junctions, dead ends and class changes; this halves the nodes of a gridded town and cuts real OSM graphs
 * by 3–5×. Snapping and paths still use every vertex through the edge geometry.
 */
import { EARTH_RADIUS_METERS } from '../geo/metres';

/** As in geo/metres.ts (`haversineMeters`). */
const RAD = Math.PI / 180;

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

/**
 * Walk one chain from kept vertex `start` through segment `first` until the next kept vertex (or back to a
 * segment already walked, which closes a ring), appending its geometry at `g`; returns the new end of geometry.
 * A module-level function over local typed arrays rather than a closure over `out`: ~25 % less time for the
 * walk at ×50 (560k segments).
 */
function walkChain(
  out: ContractedEdges, segs: RawSegments, segMeters: Float64Array, start: Int32Array, incident: Int32Array,
  keep: Uint8Array, visited: Uint8Array, from: number, first: number, g: number,
): number {
  const { geomVertices, geomCumMeters } = out;
  const segFrom = segs.from, segTo = segs.to;
  let cur = from, seg = first, meters = 0;
  geomVertices[g] = from;
  geomCumMeters[g++] = 0;
  for (;;) {
    visited[seg] = 1;
    const next = segFrom[seg] === cur ? segTo[seg] : segFrom[seg];
    meters += segMeters[seg];
    geomVertices[g] = next;
    geomCumMeters[g++] = meters;
    cur = next;
    if (keep[next]) break;
    const s0 = incident[start[next]], s1 = incident[start[next] + 1];
    const other = s0 === seg ? s1 : s0;
    if (visited[other]) break; // closed a loop of degree-2 vertices
    seg = other;
  }
  const e = out.count++;
  out.from[e] = from;
  out.to[e] = cur;
  out.cls[e] = segs.cls[first];
  out.road[e] = segs.road[first];
  out.meters[e] = meters;
  out.geomOffsets[e + 1] = g;
  return g;
}

/*
 * The build runs once per network, so each pass is its own small function: V8 compiles each hot loop on its
 * own instead of falling back to the interpreter (boxing every double) at each later loop of one long function.
 */

/**
 * Haversine length of each segment into `segMeters`, and each vertex's degree counted at index v of `degree`.
 * `haversineMeters` written out with the same arithmetic in the same order (same bits), so that the cosine of
 * a vertex's latitude is computed once for the two segments that meet there along a line: consecutive segments
 * share a vertex, ~1 instead of 2 cosines per segment (~560k fewer at ×50).
 */
function segmentLengths(segs: RawSegments, lng: Float64Array, lat: Float64Array, segMeters: Float64Array, degree: Int32Array): void {
  const { from, to } = segs;
  let cosVertex = -1, cosLat = 0;
  for (let s = 0; s < segs.count; s++) {
    const a = from[s], b = to[s];
    const latA = lat[a], latB = lat[b];
    const cosA = a === cosVertex ? cosLat : Math.cos(latA * RAD);
    const cosB = Math.cos(latB * RAD);
    cosVertex = b;
    cosLat = cosB;
    const s1 = Math.sin(((latB - latA) * RAD) / 2);
    const s2 = Math.sin(((lng[b] - lng[a]) * RAD) / 2);
    const h = s1 * s1 + cosA * cosB * s2 * s2;
    segMeters[s] = 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    degree[a]++;
    degree[b]++;
  }
}

/**
 * Incident segments per vertex (CSR): `start` holds the degrees at index v; summed to end offsets, then filled
 * backwards, it ends as the start offsets, in the order of a forward fill (no copy of the offsets).
 */
function incidentSegments(segs: RawSegments, start: Int32Array): Int32Array {
  const { from, to } = segs;
  for (let v = 0; v + 1 < start.length; v++) start[v + 1] += start[v];
  const incident = new Int32Array(2 * segs.count);
  for (let s = segs.count - 1; s >= 0; s--) {
    incident[--start[to[s]]] = s;
    incident[--start[from[s]]] = s;
  }
  return incident;
}

/** 1 for vertices that end an edge: degree other than 2, or a road-class change (every edge keeps one class). */
function keptVertices(start: Int32Array, incident: Int32Array, cls: Uint8Array): Uint8Array {
  const keep = new Uint8Array(start.length - 1);
  for (let v = 0; v < keep.length; v++) {
    const k = start[v];
    keep[v] = start[v + 1] - k !== 2 || cls[incident[k]] !== cls[incident[k + 1]] ? 1 : 0;
  }
  return keep;
}

/** Walks every chain from a kept vertex, then the closed rings of degree-2 vertices left over. */
function walkAll(
  out: ContractedEdges, segs: RawSegments, segMeters: Float64Array, start: Int32Array, incident: Int32Array, keep: Uint8Array,
): void {
  const visited = new Uint8Array(segs.count);
  let g = 0;
  for (let v = 0; v < keep.length; v++) {
    if (!keep[v]) continue;
    for (let k = start[v]; k < start[v + 1]; k++) {
      if (!visited[incident[k]]) g = walkChain(out, segs, segMeters, start, incident, keep, visited, v, incident[k], g);
    }
  }
  // What is left are closed rings of degree-2 vertices (a roundabout-like loop on its own): start at its first vertex.
  for (let s = 0; s < segs.count; s++) {
    if (visited[s]) continue;
    keep[segs.from[s]] = 1;
    g = walkChain(out, segs, segMeters, start, incident, keep, visited, segs.from[s], s, g);
  }
}

export function contractChains(vertexCount: number, segs: RawSegments, lng: Float64Array, lat: Float64Array): ContractedEdges {
  const n = segs.count;
  const segMeters = new Float64Array(n);
  const start = new Int32Array(vertexCount + 1);
  segmentLengths(segs, lng, lat, segMeters, start);
  const incident = incidentSegments(segs, start);
  const keep = keptVertices(start, incident, segs.cls);
  // Edges ≤ segments; geometry vertices = segments + edges ≤ 2 · segments.
  const out: ContractedEdges = {
    count: 0, from: new Int32Array(n), to: new Int32Array(n), cls: new Uint8Array(n), road: new Int32Array(n),
    meters: new Float64Array(n), geomVertices: new Int32Array(2 * n), geomOffsets: new Int32Array(n + 1), geomCumMeters: new Float64Array(2 * n),
  };
  walkAll(out, segs, segMeters, start, incident, keep);
  return out;
}
