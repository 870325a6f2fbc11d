/**
 * Bounded multi-source Dijkstra over the CSR graph, on typed arrays, with an indexed binary heap
 * (decrease-key, so the heap never holds more than one entry per node).
 *
 * Why our own heap and arrays instead of a graph library: the graphology + graphology-shortest-path baseline
 * keeps string-keyed node objects, builds a path array for every reached node and cannot stop at a distance
 * bound. Measured in `npm run bench` (test/bench/accessibility.bench.ts) on the same searches, this
 * implementation is several hundred times faster (see README figures); the arrays are allocated once per network
 * and reset only where a search touched them, so many small bounded searches (one per facility for counts)
 * cost only what they visit.
 *
 * Ties are deterministic: at equal distance the smaller source label wins.
 */
import type { WalkNetwork } from './types';

type Csr = Pick<WalkNetwork, 'nodeCount' | 'offsets' | 'targets' | 'slotMeters'>;

const UNSEEN = -1;
const SETTLED = -2;

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
  private readonly heapNode: Int32Array;
  private readonly heapKey: Float64Array;
  /** Heap position per node, or UNSEEN / SETTLED. */
  private readonly pos: Int32Array;
  private size = 0;

  constructor(private readonly graph: Csr) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Infinity);
    this.label = new Int32Array(n).fill(-1);
    this.pred = new Int32Array(n).fill(-1);
    this.touched = new Int32Array(n);
    this.heapNode = new Int32Array(n);
    this.heapKey = new Float64Array(n);
    this.pos = new Int32Array(n).fill(UNSEEN);
  }

  /** Forget the previous search, touching only the nodes it reached. */
  reset(): void {
    const { dist, label, pred, pos, touched } = this;
    for (let i = 0; i < this.touchedCount; i++) {
      const v = touched[i];
      dist[v] = Infinity;
      label[v] = -1;
      pred[v] = -1;
      pos[v] = UNSEEN;
    }
    this.touchedCount = 0;
    this.size = 0;
  }

  /** Start the search at `node` with distance `meters` for source `sourceLabel` (call before `run`). */
  seed(node: number, meters: number, sourceLabel: number): void {
    if (this.pos[node] === SETTLED) return;
    const d = this.dist[node];
    if (meters < d || (meters === d && sourceLabel < this.label[node])) this.update(node, meters, sourceLabel, -1);
  }

  /** Run to completion, expanding no node farther than `boundMeters`. */
  run(boundMeters: number): void {
    const { offsets, targets, slotMeters } = this.graph;
    const { dist, label, pos } = this;
    while (this.size > 0) {
      const u = this.pop();
      const du = dist[u];
      const lu = label[u];
      for (let s = offsets[u], end = offsets[u + 1]; s < end; s++) {
        const nd = du + slotMeters[s];
        if (nd > boundMeters) continue;
        const v = targets[s];
        const dv = dist[v];
        if (nd < dv || (nd === dv && lu < label[v] && pos[v] !== SETTLED)) this.update(v, nd, lu, s);
      }
    }
  }

  private update(v: number, d: number, lab: number, viaSlot: number): void {
    if (this.dist[v] === Infinity) this.touched[this.touchedCount++] = v;
    this.dist[v] = d;
    this.label[v] = lab;
    if (this.trackPredecessors) this.pred[v] = viaSlot;
    let i = this.pos[v];
    if (i === UNSEEN) i = this.size++;
    this.siftUp(i, v, d);
  }

  private siftUp(i: number, v: number, d: number): void {
    const { heapNode, heapKey, pos } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = heapKey[parent];
      if (pk <= d) break;
      const pn = heapNode[parent];
      heapNode[i] = pn;
      heapKey[i] = pk;
      pos[pn] = i;
      i = parent;
    }
    heapNode[i] = v;
    heapKey[i] = d;
    pos[v] = i;
  }

  private pop(): number {
    const { heapNode, heapKey, pos } = this;
    const top = heapNode[0];
    pos[top] = SETTLED;
    const last = --this.size;
    if (last > 0) {
      const v = heapNode[last];
      const d = heapKey[last];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        if (c + 1 < last && heapKey[c + 1] < heapKey[c]) c++;
        if (heapKey[c] >= d) break;
        heapNode[i] = heapNode[c];
        heapKey[i] = heapKey[c];
        pos[heapNode[i]] = i;
        i = c;
      }
      heapNode[i] = v;
      heapKey[i] = d;
      pos[v] = i;
    }
    return top;
  }
}
