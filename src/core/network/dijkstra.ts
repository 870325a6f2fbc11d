/**
 * Bounded multi-source Dijkstra over the CSR graph, on typed arrays, with our own binary heap.
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
 * The arrays are allocated once per network and reset only where a search touched them, so many small bounded
 * searches (one per facility for the counts) cost only what they visit.
 * Ties are deterministic: at equal distance the smaller source label wins.
 */
import type { WalkNetwork } from './types';

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

  constructor(private readonly graph: Csr) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.label = new Int32Array(n).fill(-1);
    this.pred = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
    this.settled = new Uint8Array(n);
    // Entries ≤ seeds + improving relaxations ≤ seeds + 2·edges; grown on demand for many seeds.
    const capacity = graph.targets.length + 1024;
    this.heapNode = new Int32Array(capacity);
    this.heapKey = new Float64Array(capacity);
  }

  /** Forget the previous search, touching only the nodes it reached. */
  reset(): void {
    const { dist, label, pred, settled, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i];
      dist[v] = Infinity;
      label[v] = -1;
      pred[v] = -1;
      settled[v] = 0;
    }
    this.touchedCount = 0;
    this.size = 0;
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
