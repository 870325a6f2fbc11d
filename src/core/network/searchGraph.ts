/**
 * A smaller graph for one batch of searches: the walk network reduced to what the distances between a given set
 * of items (communities, facilities, grid cells) can depend on.
 *
 * Items sit on edges, so only the end nodes of edges that carry items ("terminals") need a distance. Everything
 * else is routing-only and can be reduced without changing any terminal-to-terminal distance:
 * - dead-end trees without items (service alleys, cul-de-sacs, footway stubs) are pruned: a shortest path between
 *   two other nodes never enters a dead end, since it would have to leave by the node it came in;
 * - chains of degree-2 nodes left behind by the pruning become single edges (lengths summed once per chain, so
 *   both directions carry the very same double);
 * - self-loops (a closed ring hanging on one node) are dropped: they never shorten anything.
 * On the ×50 bench town this removes ~55 % of the nodes the 19 category searches settle (~1.7 M → ~0.75 M),
 * which is the largest single step towards the 300 ms target (test/bench/README.md). Distances at
 * terminals equal the full network's up to the rounding of the summed chain lengths (≤ a few ulps).
 *
 * Kept nodes keep the network's (Hilbert) order, so memory locality is preserved.
 */
import { prefixSums } from '../arrays';
import type { WalkNetwork } from './types';

export interface SearchGraph {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  slotMeters: Float64Array;
  /** Search node of each network node, -1 when the node was pruned or contracted away. */
  nodeOf: Int32Array;
  /** Network node of each search node. */
  networkNode: Int32Array;
}

type Csr = Pick<WalkNetwork, 'nodeCount' | 'offsets' | 'targets' | 'slotMeters' | 'slotEdge'>;

/*
 * The graph is built once per job, so each pass is its own small function: in one long function V8 compiled
 * the first loop on the stack and dropped back to the interpreter at each later one for want of type feedback
 * (seven compilations of it and five of groupByKey's kind per ×50 run, `--trace-opt`).
 */

/** Degree of each node without self-loops. */
function degreesOf(n: number, offsets: Int32Array, targets: Int32Array): Int32Array {
  const degree = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    let d = 0;
    for (let s = offsets[u]; s < offsets[u + 1]; s++) if (targets[s] !== u) d++;
    degree[u] = d;
  }
  return degree;
}

/** Peel dead ends (degree ≤ 1) that are not terminals, cascading up their trees: pruned nodes get degree -1. */
function peelDeadEnds(degree: Int32Array, terminal: Uint8Array, offsets: Int32Array, targets: Int32Array): void {
  const n = degree.length;
  const stack = new Int32Array(n);
  let top = 0;
  for (let u = 0; u < n; u++) if (degree[u] <= 1 && !terminal[u]) stack[top++] = u;
  while (top > 0) {
    const u = stack[--top];
    degree[u] = -1;
    for (let s = offsets[u]; s < offsets[u + 1]; s++) {
      const v = targets[s];
      if (v === u || degree[v] < 0) continue;
      degree[v]--;
      if (degree[v] === 1 && !terminal[v]) stack[top++] = v;
    }
  }
}

/** Search ids of the kept nodes (terminals and every live node that is not a plain pass-through); returns how many. */
function numberKept(degree: Int32Array, terminal: Uint8Array, nodeOf: Int32Array): number {
  let kept = 0;
  for (let u = 0; u < degree.length; u++) if (degree[u] >= 0 && (terminal[u] || degree[u] !== 2)) nodeOf[u] = kept++;
  return kept;
}

function networkNodes(nodeOf: Int32Array, kept: number): Int32Array {
  const networkNode = new Int32Array(kept);
  for (let u = 0; u < nodeOf.length; u++) if (nodeOf[u] >= 0) networkNode[nodeOf[u]] = u;
  return networkNode;
}

/**
 * Walk each chain from its lower kept end; emit it once (into from/to/meters), in search ids, with one summed
 * length. Returns how many.
 */
function walkChains(
  net: Csr, degree: Int32Array, nodeOf: Int32Array, from: Int32Array, to: Int32Array, meters: Float64Array,
): number {
  const { nodeCount: n, offsets, targets, slotMeters, slotEdge } = net;
  let chains = 0;
  for (let u = 0; u < n; u++) {
    if (nodeOf[u] < 0) continue;
    for (let s = offsets[u]; s < offsets[u + 1]; s++) {
      let v = targets[s];
      if (v === u || degree[v] < 0) continue;
      let len = slotMeters[s], edge = slotEdge[s];
      while (nodeOf[v] < 0) {
        // A pass-through node: continue by its other live slot (by edge id, so parallel edges are told apart).
        let next = -1;
        for (let t = offsets[v]; t < offsets[v + 1]; t++) {
          const w = targets[t];
          if (w === v || degree[w] < 0 || slotEdge[t] === edge) continue;
          next = t;
          break;
        }
        if (next < 0) break; // cannot happen at degree 2; stay safe
        edge = slotEdge[next];
        len += slotMeters[next];
        v = targets[next];
      }
      // A loop back to u is never on a shortest path. Emit from the lower end only: the chain is met again from v.
      if (nodeOf[v] < 0 || v <= u) continue;
      from[chains] = nodeOf[u];
      to[chains] = nodeOf[v];
      meters[chains++] = len;
    }
  }
  return chains;
}

/**
 * @param terminal 1 for every network node whose distance is needed (the end nodes of edges carrying items).
 */
export function buildSearchGraph(net: Csr, terminal: Uint8Array): SearchGraph {
  const { nodeCount: n, offsets, targets } = net;
  const degree = degreesOf(n, offsets, targets);
  peelDeadEnds(degree, terminal, offsets, targets);
  const nodeOf = new Int32Array(n).fill(-1);
  const kept = numberKept(degree, terminal, nodeOf);
  const networkNode = networkNodes(nodeOf, kept);
  // Each chain is at least one network edge: the network's slot count bounds the chains.
  const cap = targets.length >> 1;
  const from = new Int32Array(cap), to = new Int32Array(cap), meters = new Float64Array(cap);
  const chains = walkChains(net, degree, nodeOf, from, to, meters);
  return toCsr(kept, chains, from, to, meters, nodeOf, networkNode);
}

/** Slots per node at index u + 1 (both ends of every chain). */
function countSlots(count: number, from: Int32Array, to: Int32Array, offsets: Int32Array): void {
  for (let e = 0; e < count; e++) {
    offsets[from[e] + 1]++;
    offsets[to[e] + 1]++;
  }
}

function fillSlots(count: number, from: Int32Array, to: Int32Array, meters: Float64Array, fill: Int32Array, targets: Int32Array, slotMeters: Float64Array): void {
  for (let e = 0; e < count; e++) {
    let s = fill[from[e]]++;
    targets[s] = to[e];
    slotMeters[s] = meters[e];
    s = fill[to[e]]++;
    targets[s] = from[e];
    slotMeters[s] = meters[e];
  }
}

function toCsr(
  nodeCount: number, count: number, from: Int32Array, to: Int32Array, meters: Float64Array, nodeOf: Int32Array, networkNode: Int32Array,
): SearchGraph {
  const offsets = new Int32Array(nodeCount + 1);
  countSlots(count, from, to, offsets);
  prefixSums(offsets);
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * count), slotMeters = new Float64Array(2 * count);
  fillSlots(count, from, to, meters, fill, targets, slotMeters);
  return { nodeCount, offsets, targets, slotMeters, nodeOf, networkNode };
}
