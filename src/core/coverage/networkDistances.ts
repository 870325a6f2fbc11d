/**
 * Walking distances on the network for every (community, category), searched on the network reduced to what
 * these items can depend on (`buildSearchGraph`: no item-free dead ends, no pass-through nodes):
 * - nearest: one multi-source bounded Dijkstra per category, seeded from the split points of its facilities;
 * - count within the max walk: one small bounded Dijkstra per facility (radius = the largest max walk among its
 *   categories), reading the communities snapped to the edges it reached. Measured on the ×50 bench town: the
 *   5k facility searches touch 0.7 M nodes (~0.2 s CPU), one 1 km search per community (20k) would touch 6.1 M
 *   (~1.3 s CPU), so the facility side it is.
 *
 * Split points: an item at fraction t of edge (u, v) of length L reaches u after t·L and v after (1−t)·L, plus
 * its straight connector. Two items on the same edge also get the direct |t1 − t2|·L.
 */
import type { SnapInfo, WalkNetwork } from '../network';
import { DijkstraWorkspace } from '../network/dijkstra';
import { buildSearchGraph } from '../network/searchGraph';
import type { SearchGraph } from '../network/searchGraph';
import { WALK_EPSILON_METERS } from './types';

export interface DistanceTables {
  walkMeters: Float64Array;
  nearestFacility: Int32Array;
  countWithin: Int32Array;
}

/** Called between units of work: reports progress and throws when cancelled. */
export type Checkpoint = (phase: string, done: number, total: number) => void;

interface EdgeItems {
  offsets: Int32Array;
  items: Int32Array;
}

/** Items grouped by snapped edge (CSR), ascending item index within an edge. */
export function itemsByEdge(snap: SnapInfo, edgeCount: number): EdgeItems {
  const offsets = new Int32Array(edgeCount + 1);
  for (let i = 0; i < snap.edge.length; i++) if (snap.edge[i] >= 0) offsets[snap.edge[i] + 1]++;
  for (let e = 0; e < edgeCount; e++) offsets[e + 1] += offsets[e];
  const fill = offsets.slice(0, edgeCount);
  const items = new Int32Array(offsets[edgeCount]);
  for (let i = 0; i < snap.edge.length; i++) if (snap.edge[i] >= 0) items[fill[snap.edge[i]]++] = i;
  return { offsets, items };
}

/** Seed a search from the split point of item i (edge endpoints at t·L and (1−t)·L plus the connector). */
export function seedItem(ws: DijkstraWorkspace, net: WalkNetwork, snap: SnapInfo, i: number, sourceLabel: number): void {
  const e = snap.edge[i];
  const len = net.edgeMeters[e], t = snap.t[i], c = snap.connectorMeters[i];
  ws.seed(net.edgeFrom[e], c + t * len, sourceLabel);
  ws.seed(net.edgeTo[e], c + (1 - t) * len, sourceLabel);
}

/**
 * Where each snapped item meets the search graph: its edge's two end nodes (search ids) and the metres from its
 * split point to each (t·L and (1−t)·L, the same doubles the full network would add). -1 when off-network.
 */
interface ItemEnds {
  nodeA: Int32Array;
  nodeB: Int32Array;
  metersA: Float64Array;
  metersB: Float64Array;
}

function itemEnds(net: WalkNetwork, snap: SnapInfo, nodeOf: Int32Array): ItemEnds {
  const n = snap.edge.length;
  const ends: ItemEnds = {
    nodeA: new Int32Array(n).fill(-1), nodeB: new Int32Array(n).fill(-1), metersA: new Float64Array(n), metersB: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const e = snap.edge[i];
    if (e < 0) continue;
    const len = net.edgeMeters[e], t = snap.t[i];
    ends.nodeA[i] = nodeOf[net.edgeFrom[e]];
    ends.nodeB[i] = nodeOf[net.edgeTo[e]];
    ends.metersA[i] = t * len;
    ends.metersB[i] = (1 - t) * len;
  }
  return ends;
}

/** The search graph for these items: terminals are the end nodes of every edge that carries one. */
export function searchGraphFor(net: WalkNetwork, ...snaps: SnapInfo[]): SearchGraph {
  const terminal = new Uint8Array(net.nodeCount);
  for (const snap of snaps) {
    for (let i = 0; i < snap.edge.length; i++) {
      const e = snap.edge[i];
      if (e >= 0) terminal[net.edgeFrom[e]] = terminal[net.edgeTo[e]] = 1;
    }
  }
  return buildSearchGraph(net, terminal);
}

export function computeNetworkDistances(
  net: WalkNetwork, communitySnap: SnapInfo, facilitySnap: SnapInfo, byCategory: readonly Int32Array[],
  maxWalkMeters: Float64Array, searchBoundMeters: Float64Array, checkpoint: Checkpoint,
): DistanceTables {
  const nComm = communitySnap.edge.length;
  const nCat = byCategory.length;
  const tables: DistanceTables = {
    walkMeters: new Float64Array(nComm * nCat).fill(NaN),
    nearestFacility: new Int32Array(nComm * nCat).fill(-1),
    countWithin: new Int32Array(nComm * nCat),
  };
  const graph = searchGraphFor(net, communitySnap, facilitySnap);
  const ce = itemEnds(net, communitySnap, graph.nodeOf);
  const scan = communityScan(ce, communitySnap, graph.nodeCount);
  const search: Search = {
    net, cs: communitySnap, fs: facilitySnap,
    ce, scan, scanWalk: new Float64Array(nCat * scan.count).fill(NaN), scanNearest: new Int32Array(nCat * scan.count).fill(-1),
    fe: itemEnds(net, facilitySnap, graph.nodeOf),
    facilitiesOnEdge: itemsByEdge(facilitySnap, net.edgeCount),
    ws: new DijkstraWorkspace(graph), graph, nCat, out: tables,
  };
  const edgeCategory = new Int32Array(net.edgeCount).fill(-1);
  const facilityCategory = new Int32Array(facilitySnap.edge.length).fill(-1);
  for (let k = 0; k < nCat; k++) {
    checkpoint('nearest', k, nCat);
    nearestForCategory(search, byCategory[k], k, searchBoundMeters[k], edgeCategory, facilityCategory);
  }
  for (let j = 0; j < scan.count; j++) {
    const row = scan.index[j] * nCat;
    for (let k = 0; k < nCat; k++) {
      tables.walkMeters[row + k] = search.scanWalk[k * scan.count + j];
      tables.nearestFacility[row + k] = search.scanNearest[k * scan.count + j];
    }
  }
  checkpoint('nearest', nCat, nCat);
  countWithin(search, byCategory, maxWalkMeters, checkpoint);
  return tables;
}

/**
 * The snapped communities in order of their first end node (a stable counting sort), with everything the
 * per-category scan reads copied into that order: the 19 × 20k lookups of `dist` then walk the Hilbert-ordered
 * node arrays almost sequentially and every other read is sequential (in input order they were ~40 % of the
 * nearest phase on the ×50 town). Results go to category-major scratch in the same order and are scattered to
 * the community-major tables once at the end.
 */
interface CommunityScan {
  count: number;
  index: Int32Array;
  edge: Int32Array;
  nodeA: Int32Array;
  nodeB: Int32Array;
  metersA: Float64Array;
  metersB: Float64Array;
  t: Float64Array;
  connector: Float64Array;
}

function communityScan(ends: ItemEnds, snap: SnapInfo, nodeCount: number): CommunityScan {
  const start = new Int32Array(nodeCount + 1);
  let count = 0;
  for (let i = 0; i < ends.nodeA.length; i++) if (ends.nodeA[i] >= 0) { start[ends.nodeA[i] + 1]++; count++; }
  for (let u = 0; u < nodeCount; u++) start[u + 1] += start[u];
  const index = new Int32Array(count);
  for (let i = 0; i < ends.nodeA.length; i++) if (ends.nodeA[i] >= 0) index[start[ends.nodeA[i]]++] = i;
  const pick = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
    for (let j = 0; j < count; j++) to[j] = from[index[j]];
    return to;
  };
  return {
    count, index,
    edge: pick(snap.edge, new Int32Array(count)),
    nodeA: pick(ends.nodeA, new Int32Array(count)),
    nodeB: pick(ends.nodeB, new Int32Array(count)),
    metersA: pick(ends.metersA, new Float64Array(count)),
    metersB: pick(ends.metersB, new Float64Array(count)),
    t: pick(snap.t, new Float64Array(count)),
    connector: pick(snap.connectorMeters, new Float64Array(count)),
  };
}

interface Search {
  net: WalkNetwork;
  cs: SnapInfo;
  fs: SnapInfo;
  ce: ItemEnds;
  fe: ItemEnds;
  facilitiesOnEdge: EdgeItems;
  scan: CommunityScan;
  /** Category-major results in scan order (see `CommunityScan`). */
  scanWalk: Float64Array;
  scanNearest: Int32Array;
  graph: SearchGraph;
  ws: DijkstraWorkspace;
  nCat: number;
  out: DistanceTables;
}

function seedFacility(s: Search, f: number, sourceLabel: number): void {
  const c = s.fs.connectorMeters[f];
  s.ws.seed(s.fe.nodeA[f], c + s.fe.metersA[f], sourceLabel);
  s.ws.seed(s.fe.nodeB[f], c + s.fe.metersB[f], sourceLabel);
}

/**
 * @param edgeCategory scratch per network edge: = k when a facility of category k sits on it
 * @param facilityCategory scratch per facility: = k when it is in category k
 */
function nearestForCategory(
  s: Search, facilities: Int32Array, k: number, boundMeters: number, edgeCategory: Int32Array, facilityCategory: Int32Array,
): void {
  const { net, fs, ws } = s;
  ws.reset();
  let seeded = 0;
  for (const f of facilities) {
    const e = fs.edge[f];
    if (e < 0) continue;
    seedFacility(s, f, f);
    edgeCategory[e] = k;
    facilityCategory[f] = k;
    seeded++;
  }
  if (seeded === 0) return;
  ws.run(boundMeters);
  const { dist, label } = ws;
  const { offsets: onEdgeOffsets, items: onEdge } = s.facilitiesOnEdge;
  const { count, edge, nodeA, nodeB, metersA, metersB, t: ct, connector } = s.scan;
  const walkOut = s.scanWalk.subarray(k * count, (k + 1) * count), nearestOut = s.scanNearest.subarray(k * count, (k + 1) * count);
  for (let j = 0; j < count; j++) {
    const e = edge[j];
    const u = nodeA[j], v = nodeB[j];
    let best = dist[u] + metersA[j], bestF = label[u];
    const viaV = dist[v] + metersB[j];
    if (viaV < best || (viaV === best && label[v] < bestF)) {
      best = viaV;
      bestF = label[v];
    }
    if (edgeCategory[e] === k) {
      // Facilities of this category on the community's own edge: the direct walk along it.
      const len = net.edgeMeters[e], t = ct[j];
      for (let p = onEdgeOffsets[e]; p < onEdgeOffsets[e + 1]; p++) {
        const f = onEdge[p];
        if (facilityCategory[f] !== k) continue;
        const d = fs.connectorMeters[f] + Math.abs(fs.t[f] - t) * len;
        if (d < best || (d === best && f < bestF)) {
          best = d;
          bestF = f;
        }
      }
    }
    const walk = best + connector[j];
    if (walk <= boundMeters) {
      walkOut[j] = walk;
      nearestOut[j] = bestF;
    }
  }
}

/**
 * Community-carrying network edges incident to each search node (CSR over search nodes), so a facility search
 * visits the communities around every node it reached without scanning item-free slots.
 */
function communityEdgesByNode(net: WalkNetwork, graph: SearchGraph, onEdge: EdgeItems): EdgeItems {
  const offsets = new Int32Array(graph.nodeCount + 1);
  const add = (fill: Int32Array | null, node: number, e: number, items: Int32Array): void => {
    if (fill) items[fill[node]++] = e;
    else offsets[node + 1]++;
  };
  const pass = (fill: Int32Array | null, items: Int32Array): void => {
    for (let e = 0; e < net.edgeCount; e++) {
      if (onEdge.offsets[e + 1] === onEdge.offsets[e]) continue;
      const a = graph.nodeOf[net.edgeFrom[e]], b = graph.nodeOf[net.edgeTo[e]];
      add(fill, a, e, items);
      if (b !== a) add(fill, b, e, items);
    }
  };
  pass(null, new Int32Array(0));
  for (let u = 0; u < graph.nodeCount; u++) offsets[u + 1] += offsets[u];
  const items = new Int32Array(offsets[graph.nodeCount]);
  pass(offsets.slice(0, graph.nodeCount), items);
  return { offsets, items };
}

function countWithin(s: Search, byCategory: readonly Int32Array[], maxWalkMeters: Float64Array, checkpoint: Checkpoint): void {
  const { net, cs, fs, ce, ws, graph, nCat, out } = s;
  const nFac = fs.edge.length;
  // Categories per facility (columns, ascending), from the per-category lists.
  const catsOf: number[][] = Array.from({ length: nFac }, () => []);
  byCategory.forEach((list, k) => { for (const f of list) catsOf[f].push(k); });
  const onEdge = itemsByEdge(cs, net.edgeCount);
  const edgesAt = communityEdgesByNode(net, graph, onEdge);
  const stamp = new Int32Array(cs.edge.length).fill(-1);
  const { dist, touched } = ws;
  const { countWithin: counts } = out;
  for (let f = 0; f < nFac; f++) {
    if ((f & 63) === 0) checkpoint('counts', f, nFac);
    const fe = fs.edge[f];
    const cats = catsOf[f];
    if (fe < 0 || cats.length === 0) continue;
    let radius = 0;
    for (const k of cats) radius = Math.max(radius, maxWalkMeters[k]);
    ws.reset();
    seedFacility(s, f, f);
    ws.run(radius);
    const ft = fs.t[f], fc = fs.connectorMeters[f];
    for (let j = 0; j < ws.touchedCount; j++) {
      const node = touched[j];
      for (let q = edgesAt.offsets[node]; q < edgesAt.offsets[node + 1]; q++) {
        const e = edgesAt.items[q];
        const len = net.edgeMeters[e];
        for (let p = onEdge.offsets[e]; p < onEdge.offsets[e + 1]; p++) {
          const i = onEdge.items[p];
          if (stamp[i] === f) continue;
          stamp[i] = f;
          let d = Math.min(dist[ce.nodeA[i]] + ce.metersA[i], dist[ce.nodeB[i]] + ce.metersB[i]);
          if (e === fe) d = Math.min(d, fc + Math.abs(ft - cs.t[i]) * len);
          const walk = d + cs.connectorMeters[i];
          for (const k of cats) if (walk <= maxWalkMeters[k] + WALK_EPSILON_METERS) counts[i * nCat + k]++;
        }
      }
    }
  }
  checkpoint('counts', nFac, nFac);
}
