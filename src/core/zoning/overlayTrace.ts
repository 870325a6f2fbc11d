/**
 * Ring tracing of the overlay union (see overlay.ts) over the kept directed sub-edges, in reusable typed arrays.
 * It was a Map from vertex to an array of targets (`pop` for a ring's first edge, `splice` for each next one):
 * one Map, one array per vertex and one spliced-out array per step for each of the ~4 100 unions at ×50.
 * Here the targets of each vertex sit in insertion order with a dead flag; the last live one stands for `pop`,
 * the first live one with the smallest turn for the splice, so the rings are the same vertex for vertex.
 */
export class RingTracer {
  private from: number[] = [];
  private to: number[] = [];
  private vertexCount = 0;
  private start = new Int32Array(257);
  private target = new Int32Array(256);
  private dead = new Uint8Array(256);
  private live = new Int32Array(256);

  reset(vertexCount: number): void {
    this.from.length = 0;
    this.to.length = 0;
    this.vertexCount = vertexCount;
  }

  /** A kept sub-edge from → to (inside on its left). */
  add(from: number, to: number): void {
    this.from.push(from);
    this.to.push(to);
  }

  /** Group the targets by source vertex, insertion order kept. */
  private group(): void {
    const n = this.vertexCount, m = this.from.length;
    if (this.start.length < n + 1) { this.start = new Int32Array(n * 2 + 1); this.live = new Int32Array(n * 2); }
    if (this.target.length < m) { this.target = new Int32Array(m * 2); this.dead = new Uint8Array(m * 2); }
    const { start, target, dead, live, from, to } = this;
    start.fill(0, 0, n + 1);
    for (let e = 0; e < m; e++) start[from[e] + 1]++;
    for (let v = 0; v < n; v++) { live[v] = start[v + 1]; start[v + 1] += start[v]; }
    // live[] doubles as the fill cursor, then is set to the out-degree.
    for (let v = 0; v < n; v++) live[v] = start[v];
    for (let e = 0; e < m; e++) { const q = live[from[e]]++; target[q] = to[e]; dead[q] = 0; }
    for (let v = 0; v < n; v++) live[v] = start[v + 1] - start[v];
  }

  /**
   * Follow the directed edges into closed rings of vertex ids: from each vertex with edges (ascending) while it has
   * any left, take its last edge, then at each vertex the edge turning most to the right (clockwise) relative to
   * the incoming direction (so rings that touch at a point come out separate).
   */
  trace(vx: readonly number[], vy: readonly number[]): number[][] {
    this.group();
    const { start, target, dead, live } = this;
    const rings: number[][] = [];
    for (let s = 0; s < this.vertexCount; s++) {
      while (live[s] > 0) {
        const ring = [s];
        let prev = s;
        let q = start[s + 1] - 1;
        while (dead[q]) q--;
        dead[q] = 1; live[s]--;
        let cur = target[q];
        let guard = 0;
        while (cur !== s || ring.length < 2) {
          if (++guard > 1e6) throw new Error('overlay: ring does not close');
          ring.push(cur);
          if (live[cur] === 0) throw new Error('overlay: dead end while tracing');
          const inAng = Math.atan2(vy[prev] - vy[cur], vx[prev] - vx[cur]);
          // The first live edge unless another turns less (as `best = 0` over the spliced array did).
          let best = -1, bestTurn = Infinity;
          for (let k = start[cur]; k < start[cur + 1]; k++) {
            if (dead[k]) continue;
            if (best < 0) best = k;
            const nx = target[k];
            let turn = Math.atan2(vy[nx] - vy[cur], vx[nx] - vx[cur]) - inAng;
            while (turn <= 0) turn += 2 * Math.PI;
            while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
            if (turn < bestTurn) { bestTurn = turn; best = k; }
          }
          dead[best] = 1; live[cur]--;
          prev = cur;
          cur = target[best];
        }
        rings.push(ring);
      }
    }
    return rings;
  }
}
