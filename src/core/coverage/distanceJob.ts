/**
 * Everything the distance searches need, as plain typed arrays: a `DistanceJob` can be posted to other threads
 * (Web Workers, Node worker_threads) and split into tasks (one category's nearest search, a range of facilities'
 * counts) that any thread runs with `openDistanceJob` (distanceTasks.ts). Building it is linear in the network.
 *
 * Communities are kept in "scan order" (sorted by their first end node, see `prepareDistanceJob`); every
 * per-community array of the job and every task result is in that order, and `assembleDistanceTables` maps it
 * back to input order. Edges are numbered compactly: only the network edges that carry items get an id.
 */
import { prefixSums } from '../arrays';
import type { SnapInfo, WalkNetwork } from '../network';
import { buildSearchGraph } from '../network/searchGraph';
import type { SearchGraph } from '../network/searchGraph';

/** CSR lists: the items of group g are `items[offsets[g] .. offsets[g+1])`. */
export interface GroupedItems {
  offsets: Int32Array;
  items: Int32Array;
}

export interface DistanceJob {
  graph: Pick<SearchGraph, 'nodeCount' | 'offsets' | 'targets' | 'slotMeters'>;
  categoryCount: number;
  /** Communities in the input (the tables' row count). */
  communityCount: number;
  maxWalkMeters: Float64Array;
  searchBoundMeters: Float64Array;
  /** Length of each item-carrying edge (compact id). */
  edgeMeters: Float64Array;
  /** Snapped communities in scan order: input index, compact edge, end nodes (search ids), metres to them, t, connector. */
  communities: ItemArrays & { index: Int32Array };
  /** Every facility by input index (edge −1 when off-network). */
  facilities: ItemArrays;
  /** Facilities of each category (ascending input index). */
  byCategory: GroupedItems;
  /** Categories of each facility (ascending). */
  categoriesOf: GroupedItems;
  /** Facilities on each compact edge, communities (scan positions) on each compact edge. */
  facilitiesOnEdge: GroupedItems;
  communitiesOnEdge: GroupedItems;
  /** Community-carrying compact edges incident to each search node. */
  communityEdgesAt: GroupedItems;
}

/**
 * True when two jobs differ at most in their category settings (max walk, search bounds): the same graph and the
 * same item arrays, by identity (a cached job with new settings, see compute.ts `jobFor`). Such a job can reuse a
 * runner's workspace, and a thread that holds one can take the other without the arrays being posted again.
 */
export function sameJobItems(a: DistanceJob, b: DistanceJob): boolean {
  return a.graph === b.graph && a.categoryCount === b.categoryCount && a.communityCount === b.communityCount
    && a.edgeMeters === b.edgeMeters && a.communities === b.communities && a.facilities === b.facilities
    && a.byCategory === b.byCategory && a.categoriesOf === b.categoriesOf && a.facilitiesOnEdge === b.facilitiesOnEdge
    && a.communitiesOnEdge === b.communitiesOnEdge && a.communityEdgesAt === b.communityEdgesAt;
}

export interface ItemArrays {
  edge: Int32Array;
  nodeA: Int32Array;
  nodeB: Int32Array;
  metersA: Float64Array;
  metersB: Float64Array;
  t: Float64Array;
  connector: Float64Array;
}

/**
 * Items 0 .. keys.length − 1 grouped by key (stable counting sort; negative keys left out). Keys come as an
 * array rather than a callback: four different callbacks made the calls polymorphic (~70 ms of the job at ×50).
 */
export function groupByKey(keys: Int32Array, groupCount: number): GroupedItems {
  // Each loop its own function: run five times per job, the one function was compiled on the stack at its first
  // loop and thrown back to the interpreter at the next ones (15 deoptimisations per ×50 run, `--trace-deopt`).
  const offsets = new Int32Array(groupCount + 1);
  countKeys(keys, offsets);
  prefixSums(offsets);
  const items = new Int32Array(offsets[groupCount]);
  placeItems(keys, offsets.slice(0, groupCount), items);
  return { offsets, items };
}

/** Items per key at index key + 1 (negative keys left out). */
function countKeys(keys: Int32Array, offsets: Int32Array): void {
  for (let i = 0; i < keys.length; i++) {
    const g = keys[i];
    if (g >= 0) offsets[g + 1]++;
  }
}

function placeItems(keys: Int32Array, fill: Int32Array, items: Int32Array): void {
  for (let i = 0; i < keys.length; i++) {
    const g = keys[i];
    if (g >= 0) items[fill[g]++] = i;
  }
}

function itemArrays(n: number): ItemArrays {
  return {
    edge: new Int32Array(n).fill(-1), nodeA: new Int32Array(n).fill(-1), nodeB: new Int32Array(n).fill(-1),
    metersA: new Float64Array(n), metersB: new Float64Array(n), t: new Float64Array(n), connector: new Float64Array(n),
  };
}

/** Fill slot j of `out` from item i of `snap` (the same doubles t·L and (1−t)·L the full network would add). */
function putItem(out: ItemArrays, j: number, net: WalkNetwork, snap: SnapInfo, i: number, nodeOf: Int32Array, compactOf: Int32Array): void {
  const e = snap.edge[i];
  const len = net.edgeMeters[e], t = snap.t[i];
  out.edge[j] = compactOf[e];
  out.nodeA[j] = nodeOf[net.edgeFrom[e]];
  out.nodeB[j] = nodeOf[net.edgeTo[e]];
  out.metersA[j] = t * len;
  out.metersB[j] = (1 - t) * len;
  out.t[j] = t;
  out.connector[j] = snap.connectorMeters[i];
}

export function prepareDistanceJob(
  net: WalkNetwork, communitySnap: SnapInfo, facilitySnap: SnapInfo, byCategory: readonly Int32Array[],
  maxWalkMeters: Float64Array, searchBoundMeters: Float64Array,
): DistanceJob {
  // Terminals: end nodes of item-carrying edges; compact ids for those edges.
  const terminal = new Uint8Array(net.nodeCount);
  const compactOf = new Int32Array(net.edgeCount).fill(-1);
  let edgeCount = 0;
  for (const snap of [communitySnap, facilitySnap]) {
    for (let i = 0; i < snap.edge.length; i++) {
      const e = snap.edge[i];
      if (e < 0 || compactOf[e] >= 0) continue;
      compactOf[e] = edgeCount++;
      terminal[net.edgeFrom[e]] = terminal[net.edgeTo[e]] = 1;
    }
  }
  const edgeMeters = new Float64Array(edgeCount);
  for (let e = 0; e < net.edgeCount; e++) if (compactOf[e] >= 0) edgeMeters[compactOf[e]] = net.edgeMeters[e];
  const graph = buildSearchGraph(net, terminal);
  const { nodeOf } = graph;

  // Scan order: snapped communities by the search id of their edge's first end (stable counting sort), so the
  // 19 × 20k reads of `dist` after each search walk the Hilbert-ordered node arrays almost sequentially (in input
  // order those reads were ~40 % of the nearest phase on the ×50 town).
  const cs = communitySnap;
  const firstNode = new Int32Array(cs.edge.length);
  for (let i = 0; i < firstNode.length; i++) firstNode[i] = cs.edge[i] >= 0 ? nodeOf[net.edgeFrom[cs.edge[i]]] : -1;
  const index = groupByKey(firstNode, graph.nodeCount).items;
  const communities = { ...itemArrays(index.length), index };
  for (let j = 0; j < index.length; j++) putItem(communities, j, net, cs, index[j], nodeOf, compactOf);

  const fs = facilitySnap;
  const facilities = itemArrays(fs.edge.length);
  for (let f = 0; f < fs.edge.length; f++) if (fs.edge[f] >= 0) putItem(facilities, f, net, fs, f, nodeOf, compactOf);

  const categoryOffsets = new Int32Array(byCategory.length + 1);
  byCategory.forEach((list, k) => { categoryOffsets[k + 1] = categoryOffsets[k] + list.length; });
  const categoryItems = new Int32Array(categoryOffsets[byCategory.length]);
  byCategory.forEach((list, k) => categoryItems.set(list, categoryOffsets[k]));
  // Categories of each facility: invert the per-category lists (ascending k within a facility).
  const pairs = categoryItems.length;
  const pairCategory = new Int32Array(pairs);
  for (let k = 0; k < byCategory.length; k++) pairCategory.fill(k, categoryOffsets[k], categoryOffsets[k + 1]);
  const categoriesOf = groupByKey(categoryItems, fs.edge.length);
  for (let q = 0; q < pairs; q++) categoriesOf.items[q] = pairCategory[categoriesOf.items[q]];

  const communitiesOnEdge = groupByKey(communities.edge, edgeCount);
  // Each community edge under both of its end nodes (once for a loop).
  const edgeNodeA = new Int32Array(edgeCount), edgeNodeB = new Int32Array(edgeCount);
  for (let e = 0; e < net.edgeCount; e++) {
    const c = compactOf[e];
    if (c < 0) continue;
    edgeNodeA[c] = nodeOf[net.edgeFrom[e]];
    edgeNodeB[c] = nodeOf[net.edgeTo[e]];
  }
  // Entry 2c is edge c under its node A, 2c + 1 under its node B (left out for a loop).
  const endNode = new Int32Array(2 * edgeCount).fill(-1);
  for (let c = 0; c < edgeCount; c++) {
    if (communitiesOnEdge.offsets[c + 1] === communitiesOnEdge.offsets[c]) continue;
    endNode[2 * c] = edgeNodeA[c];
    if (edgeNodeB[c] !== edgeNodeA[c]) endNode[2 * c + 1] = edgeNodeB[c];
  }
  const communityEdgesAt = groupByKey(endNode, graph.nodeCount);
  for (let q = 0; q < communityEdgesAt.items.length; q++) communityEdgesAt.items[q] >>= 1;

  return {
    graph: { nodeCount: graph.nodeCount, offsets: graph.offsets, targets: graph.targets, slotMeters: graph.slotMeters },
    categoryCount: byCategory.length,
    communityCount: cs.edge.length,
    maxWalkMeters: Float64Array.from(maxWalkMeters),
    searchBoundMeters: Float64Array.from(searchBoundMeters),
    edgeMeters,
    communities,
    facilities,
    byCategory: { offsets: categoryOffsets, items: categoryItems },
    categoriesOf,
    facilitiesOnEdge: groupByKey(facilities.edge, edgeCount),
    communitiesOnEdge,
    communityEdgesAt,
  };
}
