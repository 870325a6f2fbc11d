/**
 * Bounded multi-source Dijkstra over the CSR graph, on typed arrays, with a bucket queue (Dial's algorithm,
 * bucket width = half the shortest edge, see `runBuckets`) when the bound needs ≤ 2^20 buckets, else our own
 * binary heap. On the ×50 bench town (shortest edge 41 m: ~100 buckets for a 2 km bound) the buckets did the 19
 * category searches in ~800 ms CPU against ~1 300 ms for the heap (loaded machine); results are identical.
 *
 * Why our own heap and arrays instead of a graph library: graphology + graphology-shortest-path keeps
 * string-keyed nodes and attribute objects, builds a path array for every reached node and has no public distance
 * bound. On the same searches (`npm run bench`, test/bench/accessibility.bench.ts, sampled results equal) this
 * file was ~40–70× faster on the ×10 and ×50 bench towns with the bound and ~20–40× without it (6–15× on the
 * small ×1 town, where fixed costs dominate), over two runs on a loaded machine; see test/bench/README.md.
 *
 * Why a lazy heap (duplicates allowed, stale entries skipped at pop) and not an indexed heap with decrease-key:
 * on the ×50 bench graph the lazy one did the 19 category searches in ~750 ms CPU against ~1 250 ms, as it
 * skips the position bookkeeping (a random write per heap move) and few nodes are improved twice.
 *
 * The bucket loop itself runs in WebAssembly when it can (wasm/settleModule.ts: about 1.4–2× faster than this
 * loop in JavaScript, bit-identical); the JavaScript loops below are kept for predecessor tracking, very long
 * bounds and engines without WebAssembly.
 *
 * The arrays are allocated once per network and reset only where a search touched them, so many small bounded
 * searches (one per facility for the counts) cost only what they visit.
 * Ties are deterministic: at equal distance the smaller source label wins.
 */
import type { WalkNetwork } from './types';
import { createSettleMemory } from './wasm/settleMemory';
import type { SettleMemory } from './wasm/settleMemory';

/** Above this many buckets (a long bound over very short edges, or no bound) the binary heap is used. */
const MAX_BUCKETS = 1 << 20;

type Csr = Pick<WalkNetwork, 'nodeCount' | 'offsets' | 'targets' | 'slotMeters'>;

export class DijkstraWorkspace {
  /** Distance per node (Infinity when not reached by the current search). */
  readonly dist: Float64Array;
  /** Label of the source that gave `dist` (e.g. a facility index), -1 when unreached. */
  readonly label: Int32Array;
  /** CSR slot by which the node was reached (-1 for seeds), filled when `trackPredecessors` is on. */
  readonly pred: Int32Array;
  /** Nodes reached by the current search, in the order they were first reached. */
  readonly touched: Int32Array;
  touchedCount = 0;
  trackPredecessors = false;
  private readonly settled: Uint8Array;
  private heapNode: Int32Array;
  private heapKey: Float64Array;
  private size = 0;
  /** Bucket width for Dial's queue (half the shortest edge), 0 when the graph has no positive edge. */
  private readonly bucketMeters: number;
  private bucketHead = new Int32Array(0);
  private entryNext = new Int32Array(0);

  /** The bucket loop runs in WebAssembly (wasm/settleModule.ts) when it can; null: JavaScript only. */
  private readonly wasm: SettleMemory | null;

  /**
   * `queue: 'heap'` forces the binary heap (tests compare both queues; the default picks buckets when it can).
   * `wasm: false` keeps the bucket loop in JavaScript (tests compare both; runs that track predecessors, e.g. a
   * path, use the JavaScript loop anyway and need not copy the graph into WebAssembly memory).
   */
  constructor(private readonly graph: Csr, options: { queue?: 'auto' | 'heap'; wasm?: boolean } = {}) {
    const n = graph.nodeCount;
    let minMeters = Infinity;
    for (let s = 0; s < graph.slotMeters.length; s++) if (graph.slotMeters[s] < minMeters) minMeters = graph.slotMeters[s];
    this.bucketMeters = options.queue !== 'heap' && minMeters > 0 && Number.isFinite(minMeters) ? minMeters / 2 : 0;
    this.wasm = options.wasm !== false && this.bucketMeters > 0 ? createSettleMemory(graph) : null;
    // Per-node arrays: views into the WebAssembly memory when the loop runs there (both loops use them).
    this.dist = (this.wasm?.dist ?? new Float64Array(n)).fill(Infinity);
    this.label = (this.wasm?.label ?? new Int32Array(n)).fill(-1);
    this.pred = new Int32Array(n).fill(-1);
    this.touched = this.wasm?.touched ?? new Int32Array(n);
    this.settled = this.wasm?.settled ?? new Uint8Array(n);
    // Entries ≤ seeds + improving relaxations ≤ seeds + 2·edges; grown on demand for many seeds.
    const capacity = graph.targets.length + 1024;
    this.heapNode = new Int32Array(capacity);
    this.heapKey = new Float64Array(capacity);
  }

  /** Which bucket loop runs (diagnostics, tests): 'wasm' unless WebAssembly is missing or turned off. */
  get engine(): 'wasm' | 'js' {
    return this.wasm ? 'wasm' : 'js';
  }

  /** Forget the previous search, touching only the nodes it reached. */
  reset(): void {
    const { dist, label, pred, settled, touched } = this;
    // The counters first: a first call optimised on the stack (OSR) in its loop had no feedback yet for stores
    // after the loop, and left that code at them on every later call (×50: ~235 deoptimisations per run).
    const count = this.touchedCount;
    this.touchedCount = 0;
    this.size = 0;
    for (let i = 0; i < count; i++) {
      const v = touched[i];
      dist[v] = Infinity;
      label[v] = -1;
      pred[v] = -1;
      settled[v] = 0;
    }
  }

  /** Start the search at `node` with distance `meters` for source `sourceLabel` (call before `run`). */
  seed(node: number, meters: number, sourceLabel: number): void {
    const d = this.dist[node];
    if (meters < d || (meters === d && sourceLabel < this.label[node])) {
      if (d === Infinity) this.touched[this.touchedCount++] = node;
      this.dist[node] = meters;
      this.label[node] = sourceLabel;
      this.pred[node] = -1;
      this.push(node, meters);
    }
  }

  /**
   * Run to completion, expanding no node farther than `boundMeters`.
   * Push and pop are inlined on local copies of the heap arrays and size, so the hot loop touches no object
   * fields (and the heap never grows mid-loop, see below).
   */
  run(boundMeters: number): void {
    const buckets = this.bucketMeters > 0 ? Math.ceil(boundMeters / this.bucketMeters) + 2 : Infinity;
    if (buckets <= MAX_BUCKETS) this.runBuckets(boundMeters, buckets);
    else this.runHeap(boundMeters);
  }

  /**
   * Dial's algorithm: bucket b holds entries with b·W ≤ key < (b+1)·W, W = half the shortest edge. Every
   * relaxation adds at least 2W, so it lands in a later bucket: the entries of one bucket never improve each
   * other and can be settled in any order (LIFO lists here), with exactly the distances and labels of the heap
   * version (all candidates for a node, ties included, come from earlier buckets).
   */
  private runBuckets(boundMeters: number, bucketCount: number): void {
    const w = this.wasm;
    if (w && !this.trackPredecessors && bucketCount <= w.headCapacity && this.size + this.graph.targets.length <= w.entryCapacity) {
      this.runBucketsWasm(w, boundMeters, bucketCount);
      return;
    }
    const { offsets, targets, slotMeters } = this.graph;
    const { dist, label, pred, settled, touched } = this;
    const invW = 1 / this.bucketMeters;
    this.ensureCapacity(this.size + targets.length);
    if (this.entryNext.length < this.heapNode.length) this.entryNext = new Int32Array(this.heapNode.length);
    if (this.bucketHead.length < bucketCount) this.bucketHead = new Int32Array(bucketCount).fill(-1);
    const head = this.bucketHead, next = this.entryNext;
    const entryNode = this.heapNode;
    const track = this.trackPredecessors;
    let touchedCount = this.touchedCount;
    let entries = this.size;
    let lowest = bucketCount;
    // The seeds sit in the heap arrays as entries 0..size-1: link them into their buckets.
    for (let e = 0; e < entries; e++) {
      const b = Math.min(Math.floor(this.heapKey[e] * invW), bucketCount - 1);
      next[e] = head[b];
      head[b] = e;
      if (b < lowest) lowest = b;
    }
    // Entries carry no key: when a node is first popped from bucket b its distance is final (every candidate
    // came from an earlier bucket), so `dist[u]` is the key, and any later entry of u is stale (`settled`).
    // For the same reason a tie can never concern a settled node (its distance is < the candidate's).
    for (let b = lowest; b < bucketCount; b++) {
      let e = head[b];
      while (e >= 0) {
        const u = entryNode[e];
        e = next[e];
        if (settled[u]) continue; // stale duplicate
        settled[u] = 1;
        const du = dist[u], lu = label[u];
        for (let s = offsets[u], end = offsets[u + 1]; s < end; s++) {
          const nd = du + slotMeters[s];
          if (nd > boundMeters) continue;
          const v = targets[s];
          const dv = dist[v];
          if (nd < dv || (nd === dv && lu < label[v])) {
            if (dv === Infinity) touched[touchedCount++] = v;
            dist[v] = nd;
            label[v] = lu;
            if (track) pred[v] = s;
            const nb = (nd * invW) | 0; // nd ≤ bound < (bucketCount − 2)·W, and nb > b
            entryNode[entries] = v;
            next[entries] = head[nb];
            head[nb] = entries++;
          }
        }
      }
      head[b] = -1;
    }
    this.size = 0;
    this.touchedCount = touchedCount;
  }

  /** `runBuckets` with the loop in WebAssembly: the seeds are linked into its bucket lists, then it settles. */
  private runBucketsWasm(w: SettleMemory, boundMeters: number, bucketCount: number): void {
    const invW = 1 / this.bucketMeters;
    const { entryNode, entryNext, bucketHead } = w;
    const entries = this.size;
    let lowest = bucketCount;
    for (let e = 0; e < entries; e++) {
      const b = Math.min(Math.floor(this.heapKey[e] * invW), bucketCount - 1);
      entryNode[e] = this.heapNode[e];
      entryNext[e] = bucketHead[b];
      bucketHead[b] = e;
      if (b < lowest) lowest = b;
    }
    const a = w.addresses;
    this.touchedCount = w.settle(a.offsets, a.targets, a.slotMeters, a.dist, a.label, a.settled, a.touched, this.touchedCount,
      a.entryNode, a.entryNext, a.bucketHead, entries, lowest, bucketCount, boundMeters, invW);
    this.size = 0;
  }

  private runHeap(boundMeters: number): void {
    const { offsets, targets, slotMeters } = this.graph;
    const { dist, label, pred, settled, touched } = this;
    // Each slot relaxes at most once (its node settles once): capacity for that many pushes, no checks inside.
    this.ensureCapacity(this.size + targets.length);
    const heapNode = this.heapNode, heapKey = this.heapKey;
    const track = this.trackPredecessors;
    let size = this.size, touchedCount = this.touchedCount;
    while (size > 0) {
      const u = heapNode[0];
      const du = heapKey[0];
      // Pop: move the last entry down from the root.
      const last = --size;
      if (last > 0) {
        const lv = heapNode[last], ld = heapKey[last];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= last) break;
          if (c + 1 < last && heapKey[c + 1] < heapKey[c]) c++;
          if (heapKey[c] >= ld) break;
          heapNode[i] = heapNode[c];
          heapKey[i] = heapKey[c];
          i = c;
        }
        heapNode[i] = lv;
        heapKey[i] = ld;
      }
      if (settled[u] || du > dist[u]) continue; // stale duplicate
      settled[u] = 1;
      const lu = label[u];
      for (let s = offsets[u], end = offsets[u + 1]; s < end; s++) {
        const nd = du + slotMeters[s];
        if (nd > boundMeters) continue;
        const v = targets[s];
        const dv = dist[v];
        if (nd < dv || (nd === dv && lu < label[v] && !settled[v])) {
          if (dv === Infinity) touched[touchedCount++] = v;
          dist[v] = nd;
          label[v] = lu;
          if (track) pred[v] = s;
          // Push: sift up from the end.
          let i = size++;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            const pk = heapKey[parent];
            if (pk <= nd) break;
            heapNode[i] = heapNode[parent];
            heapKey[i] = pk;
            i = parent;
          }
          heapNode[i] = v;
          heapKey[i] = nd;
        }
      }
    }
    this.size = size;
    this.touchedCount = touchedCount;
  }

  private ensureCapacity(entries: number): void {
    if (entries <= this.heapNode.length) return;
    const node = new Int32Array(entries), key = new Float64Array(entries);
    node.set(this.heapNode.subarray(0, this.size));
    key.set(this.heapKey.subarray(0, this.size));
    this.heapNode = node;
    this.heapKey = key;
  }

  private push(v: number, d: number): void {
    if (this.size === this.heapNode.length) this.ensureCapacity(this.size * 2);
    const { heapNode, heapKey } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = heapKey[parent];
      if (pk <= d) break;
      heapNode[i] = heapNode[parent];
      heapKey[i] = pk;
      i = parent;
    }
    heapNode[i] = v;
    heapKey[i] = d;
  }
}
