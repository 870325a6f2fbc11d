/**
 * Walking distances on the network for every (community, category):
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
  const ws = new DijkstraWorkspace(net);
  for (let k = 0; k < nCat; k++) {
    checkpoint('nearest', k, nCat);
    nearestForCategory(net, communitySnap, facilitySnap, byCategory[k], k, nCat, searchBoundMeters[k], ws, tables);
  }
  checkpoint('nearest', nCat, nCat);
  countWithin(net, communitySnap, facilitySnap, byCategory, maxWalkMeters, ws, tables, checkpoint);
  return tables;
}

function nearestForCategory(
  net: WalkNetwork, cs: SnapInfo, fs: SnapInfo, facilities: Int32Array, k: number, nCat: number,
  boundMeters: number, ws: DijkstraWorkspace, out: DistanceTables,
): void {
  ws.reset();
  const sameEdge = new Map<number, number[]>();
  for (const f of facilities) {
    const e = fs.edge[f];
    if (e < 0) continue;
    seedItem(ws, net, fs, f, f);
    const list = sameEdge.get(e);
    if (list) list.push(f);
    else sameEdge.set(e, [f]);
  }
  if (sameEdge.size === 0) return;
  ws.run(boundMeters);
  const { dist, label } = ws;
  for (let i = 0; i < cs.edge.length; i++) {
    const e = cs.edge[i];
    if (e < 0) continue;
    const len = net.edgeMeters[e], t = cs.t[i];
    const u = net.edgeFrom[e], v = net.edgeTo[e];
    let best = dist[u] + t * len, bestF = label[u];
    const viaV = dist[v] + (1 - t) * len;
    if (viaV < best || (viaV === best && label[v] < bestF)) {
      best = viaV;
      bestF = label[v];
    }
    const here = sameEdge.get(e);
    if (here) {
      for (const f of here) {
        const d = fs.connectorMeters[f] + Math.abs(fs.t[f] - t) * len;
        if (d < best || (d === best && f < bestF)) {
          best = d;
          bestF = f;
        }
      }
    }
    const walk = best + cs.connectorMeters[i];
    if (walk <= boundMeters) {
      out.walkMeters[i * nCat + k] = walk;
      out.nearestFacility[i * nCat + k] = bestF;
    }
  }
}

function countWithin(
  net: WalkNetwork, cs: SnapInfo, fs: SnapInfo, byCategory: readonly Int32Array[], maxWalkMeters: Float64Array,
  ws: DijkstraWorkspace, out: DistanceTables, checkpoint: Checkpoint,
): void {
  const nCat = byCategory.length;
  const nFac = fs.edge.length;
  // Categories per facility (columns, ascending), from the per-category lists.
  const catsOf: number[][] = Array.from({ length: nFac }, () => []);
  byCategory.forEach((list, k) => { for (const f of list) catsOf[f].push(k); });
  const onEdge = itemsByEdge(cs, net.edgeCount);
  const { edgeFrom, edgeTo, edgeMeters, offsets, slotEdge } = net;
  // Most nodes touch no edge with a community: skip them without looking at their slots.
  const nodeHasItems = new Uint8Array(net.nodeCount);
  for (let e = 0; e < net.edgeCount; e++) {
    if (onEdge.offsets[e + 1] > onEdge.offsets[e]) nodeHasItems[edgeFrom[e]] = nodeHasItems[edgeTo[e]] = 1;
  }
  const stamp = new Int32Array(cs.edge.length).fill(-1);
  const { dist } = ws;
  for (let f = 0; f < nFac; f++) {
    if ((f & 63) === 0) checkpoint('counts', f, nFac);
    const fe = fs.edge[f];
    const cats = catsOf[f];
    if (fe < 0 || cats.length === 0) continue;
    let radius = 0;
    for (const k of cats) radius = Math.max(radius, maxWalkMeters[k]);
    ws.reset();
    seedItem(ws, net, fs, f, f);
    ws.run(radius);
    const ft = fs.t[f], fc = fs.connectorMeters[f];
    const visitEdge = (e: number): void => {
      const len = edgeMeters[e], u = edgeFrom[e], v = edgeTo[e];
      for (let p = onEdge.offsets[e]; p < onEdge.offsets[e + 1]; p++) {
        const i = onEdge.items[p];
        if (stamp[i] === f) continue;
        stamp[i] = f;
        const t = cs.t[i];
        let d = Math.min(dist[u] + t * len, dist[v] + (1 - t) * len);
        if (e === fe) d = Math.min(d, fc + Math.abs(ft - t) * len);
        const walk = d + cs.connectorMeters[i];
        for (const k of cats) if (walk <= maxWalkMeters[k] + WALK_EPSILON_METERS) out.countWithin[i * nCat + k]++;
      }
    };
    visitEdge(fe);
    for (let j = 0; j < ws.touchedCount; j++) {
      const u = ws.touched[j];
      if (nodeHasItems[u]) for (let s = offsets[u]; s < offsets[u + 1]; s++) visitEdge(slotEdge[s]);
    }
  }
  checkpoint('counts', nFac, nFac);
}
