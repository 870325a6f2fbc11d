/**
 * Edges and split points of the overlay union (see overlay.ts) in reusable typed arrays. The object-per-edge and
 * object-per-cut version allocated ~60 MB (doubles boxed in objects, one array per edge) for the ~4 100
 * multi-member zones of the ×50 town, and the garbage collection after it cost as much as the union itself.
 * Every test, every push and their order are the ones of that version: same cuts, same order, same vertices.
 */
import Flatbush from 'flatbush';

/** Input edges: E[4i..4i+3] = ax, ay, bx, by (merged vertex coordinates); EI[3i..3i+2] = ia, ib, polygon. */
export class EdgeList {
  E = new Float64Array(1024);
  EI = new Int32Array(768);
  count = 0;

  reset(capacity: number): void {
    this.count = 0;
    if (this.EI.length < capacity * 3) { this.E = new Float64Array(capacity * 8); this.EI = new Int32Array(capacity * 6); }
  }

  push(ax: number, ay: number, bx: number, by: number, ia: number, ib: number, poly: number): void {
    const i = this.count++;
    const E = this.E, EI = this.EI;
    E[i * 4] = ax; E[i * 4 + 1] = ay; E[i * 4 + 2] = bx; E[i * 4 + 3] = by;
    EI[i * 3] = ia; EI[i * 3 + 1] = ib; EI[i * 3 + 2] = poly;
  }
}

/**
 * Split points per edge: cut c lies on edge `edge[c]` at parameter `t[c]`, point (x[c], y[c]); `v[c]` is its vertex
 * when the point is one already (a touching end point), else -1. `order` lists the cuts of edge i in
 * `order[start[i]] … order[start[i + 1] − 1]`, sorted by t, ties in push order (what a stable sort by t gave).
 */
export class CutList {
  edge = new Int32Array(256);
  t = new Float64Array(256);
  x = new Float64Array(256);
  y = new Float64Array(256);
  v = new Int32Array(256);
  /**
   * For a cut pushed to edge i while pairing i with a later edge j (the only cuts whose order depends on how the
   * pairs are met): j; −1 for the others.
   */
  partner = new Int32Array(256);
  count = 0;
  start = new Int32Array(257);
  order = new Int32Array(256);

  reset(): void { this.count = 0; }

  push(edge: number, t: number, x: number, y: number, v: number, partner = -1): void {
    if (this.count === this.edge.length) this.grow();
    const c = this.count++;
    this.edge[c] = edge; this.t[c] = t; this.x[c] = x; this.y[c] = y; this.v[c] = v; this.partner[c] = partner;
  }

  private grow(): void {
    const n = this.edge.length * 2;
    const edge = new Int32Array(n), t = new Float64Array(n), x = new Float64Array(n), y = new Float64Array(n), v = new Int32Array(n);
    const partner = new Int32Array(n);
    edge.set(this.edge); t.set(this.t); x.set(this.x); y.set(this.y); v.set(this.v); partner.set(this.partner);
    this.edge = edge; this.t = t; this.x = x; this.y = y; this.v = v; this.partner = partner;
  }

  /** Group by edge (push order kept), then a stable insertion sort by t within each edge (a handful of cuts). */
  sortByEdge(edgeCount: number): void {
    if (this.start.length < edgeCount + 1) this.start = new Int32Array(edgeCount * 2 + 1);
    if (this.order.length < this.count) this.order = new Int32Array(this.edge.length);
    const { start, order, edge, t } = this;
    start.fill(0, 0, edgeCount + 1);
    for (let c = 0; c < this.count; c++) start[edge[c] + 1]++;
    for (let i = 0; i < edgeCount; i++) start[i + 1] += start[i];
    for (let c = 0; c < this.count; c++) order[start[edge[c]]++] = c;
    for (let i = edgeCount; i > 0; i--) start[i] = start[i - 1];
    start[0] = 0;
    for (let i = 0; i < edgeCount; i++) {
      for (let a = start[i] + 1; a < start[i + 1]; a++) {
        const c = order[a], tc = t[c];
        let b = a - 1;
        while (b >= start[i] && t[order[b]] > tc) { order[b + 1] = order[b]; b--; }
        order[b + 1] = c;
      }
    }
  }
}

/** flatbush's default node size. */
const FLATBUSH_NODE_SIZE = 16;
/**
 * Up to this many edges the pairs come from a plain scan over the bboxes. Building a flatbush per union (Hilbert
 * sort, a fresh buffer) was ~60 % of `splitPoints` at ×50 (~4 100 unions of 17–40 edges): ~85 ms of ~600 ms of
 * the warm draft. 512² / 2 bbox tests still cost less than a tree; bigger unions keep the index.
 */
const SCAN_MAX_EDGES = 512;
/** Edge bboxes (scratch). */
let box = new Float64Array(1024);

/**
 * The points where another edge crosses, touches or starts overlapping each edge. A crossing is computed once and
 * given to both edges, and a touch uses the touching end point itself (and its vertex), so both edges snap to the
 * very same vertex. `tol`: a point meant to lie on an edge (a bridge corner) counts as on it within this distance.
 *
 * The cuts are the ones the flatbush version found, in its order: pairs (i, j > i) are met in ascending j
 * instead of flatbush's Hilbert order, which only changes the order of cuts pushed to edge i by different j; after
 * the stable sort by t that shows only where two cuts of one edge have the same t. When such tied cuts differ
 * (another point or vertex), the union runs again through the index, so the result is always the indexed one.
 */
export function splitPoints(edges: EdgeList, cuts: CutList, tol: number): void {
  const m = edges.count;
  if (m > FLATBUSH_NODE_SIZE && m <= SCAN_MAX_EDGES) {
    splitPointsWith(edges, cuts, tol, false);
    if (!hasDistinctTies(cuts, m)) return;
  }
  splitPointsWith(edges, cuts, tol, m > FLATBUSH_NODE_SIZE);
}

/**
 * Could the order in which the pairs (i, j > i) were met show in the sorted cuts? Cuts of edge i pushed by
 * earlier edges come first in either order, and the cuts one pair pushes keep their order; only cuts pushed by
 * different later partners j and tied in t swap. That matters only when such a tie group is not one and the same
 * cut (point and vertex) throughout: a crossing met from both edges gives x, y computed on either edge, which can
 * differ in the last bit. ×50: ~2 % of the unions; the rest keep the scan's cuts.
 */
export function hasDistinctTies(cuts: CutList, edgeCount: number): boolean {
  const { start, order, t, x, y, v, partner } = cuts;
  for (let i = 0; i < edgeCount; i++) {
    const end = start[i + 1];
    for (let k = start[i]; k < end;) {
      // Tie group [k, g): equal t; look at its cuts that came from later partners.
      let g = k + 1;
      while (g < end && t[order[g]] === t[order[k]]) g++;
      if (g - k > 1) {
        let first = -1, mixed = false, differ = false;
        for (let q = k; q < g; q++) {
          const c = order[q];
          if (partner[c] < 0) continue;
          if (first < 0) { first = c; continue; }
          if (partner[c] !== partner[first]) mixed = true;
          if (x[c] !== x[first] || y[c] !== y[first] || v[c] !== v[first]) differ = true;
        }
        if (mixed && differ) return true;
      }
      k = g;
    }
  }
  return false;
}

/**
 * `splitPoints` with pairs from a flatbush (`useIndex`) or from a plain scan in ascending edge order. Up to 16
 * edges flatbush keeps one node and answers in insertion order, so there both give the same order.
 */
export function splitPointsWith(edges: EdgeList, cuts: CutList, tol: number, useIndex: boolean): void {
  const m = edges.count, E = edges.E, EI = edges.EI;
  cuts.reset();
  if (box.length < m * 4) box = new Float64Array(m * 8);
  for (let i = 0; i < m; i++) {
    const ax = E[i * 4], ay = E[i * 4 + 1], bx = E[i * 4 + 2], by = E[i * 4 + 3];
    box[i * 4] = Math.min(ax, bx); box[i * 4 + 1] = Math.min(ay, by); box[i * 4 + 2] = Math.max(ax, bx); box[i * 4 + 3] = Math.max(ay, by);
  }
  let index: Flatbush | null = null;
  if (useIndex) {
    index = new Flatbush(m);
    for (let i = 0; i < m; i++) index.add(box[i * 4], box[i * 4 + 1], box[i * 4 + 2], box[i * 4 + 3]);
    index.finish();
  }
  for (let i = 0; i < m; i++) {
    const eax = E[i * 4], eay = E[i * 4 + 1], ebx = E[i * 4 + 2], eby = E[i * 4 + 3];
    const qMinX = box[i * 4] - tol, qMinY = box[i * 4 + 1] - tol, qMaxX = box[i * 4 + 2] + tol, qMaxY = box[i * 4 + 3] + tol;
    const hits = index ? index.search(qMinX, qMinY, qMaxX, qMaxY) : null;
    const nHits = hits ? hits.length : m;
    for (let h = hits ? 0 : i + 1; h < nHits; h++) {
      const j = hits ? hits[h] : h;
      if (j <= i) continue;
      if (!hits && (qMaxX < box[j * 4] || qMaxY < box[j * 4 + 1] || qMinX > box[j * 4 + 2] || qMinY > box[j * 4 + 3])) continue;
      const fax = E[j * 4], fay = E[j * 4 + 1], fbx = E[j * 4 + 2], fby = E[j * 4 + 3];
      const ex = ebx - eax, ey = eby - eay, fx = fbx - fax, fy = fby - fay;
      const d = ex * fy - ey * fx;
      if (d !== 0) {
        const s = ((fax - eax) * fy - (fay - eay) * fx) / d;
        const u = ((fax - eax) * ey - (fay - eay) * ex) / d;
        if (s > 0 && s < 1 && u > 0 && u < 1) {
          const x = eax + s * ex, y = eay + s * ey;
          cuts.push(i, s, x, y, -1, j);
          cuts.push(j, u, x, y, -1);
        }
      }
      // End points lying on the other edge (T-touches and collinear overlaps, also nearly parallel ones).
      touch(E, i, fax, fay, EI[j * 3], cuts, tol, j);
      touch(E, i, fbx, fby, EI[j * 3 + 1], cuts, tol, j);
      touch(E, j, eax, eay, EI[i * 3], cuts, tol, -1);
      touch(E, j, ebx, eby, EI[i * 3 + 1], cuts, tol, -1);
    }
  }
  cuts.sortByEdge(m);
}

function touch(E: Float64Array, e: number, px: number, py: number, v: number, cuts: CutList, tol: number, partner: number): void {
  const ax = E[e * 4], ay = E[e * 4 + 1];
  const ex = E[e * 4 + 2] - ax, ey = E[e * 4 + 3] - ay;
  const len2 = ex * ex + ey * ey;
  const t = ((px - ax) * ex + (py - ay) * ey) / len2;
  if (t <= 0 || t >= 1) return;
  const qx = ax + t * ex - px, qy = ay + t * ey - py;
  if (qx * qx + qy * qy <= tol * tol) cuts.push(e, t, px, py, v, partner);
}

/**
 * Sub-edges between merged vertices u < v, each with the input polygons whose boundary it lies on, in insertion
 * order (what a Map keyed by the vertex pair iterates). An open hash over typed arrays: the Map with a
 * `lo · 2^26 + hi` key boxed a double per look-up and grew per zone (~15 MB of garbage at ×50).
 */
export class SubEdgeSet {
  u = new Int32Array(256);
  v = new Int32Array(256);
  /** First owner entry per sub-edge; owners chain through ownerNext (−1 ends). */
  ownerHead = new Int32Array(256);
  ownerPoly = new Int32Array(512);
  ownerNext = new Int32Array(512);
  count = 0;
  private owners = 0;
  private slot = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private gen = 1;
  private mask = 1023;

  reset(): void {
    this.count = 0;
    this.owners = 0;
    if (++this.gen > 0x3fffffff) { this.stamp.fill(0); this.gen = 1; }
  }

  /** Record that polygon `poly` has the sub-edge a–b on its boundary (a ≠ b, either order). */
  add(a: number, b: number, poly: number): void {
    const lo = a < b ? a : b, hi = a < b ? b : a;
    let h = (Math.imul(lo, 73856093) ^ Math.imul(hi, 19349663)) & this.mask;
    while (this.stamp[h] === this.gen) {
      const e = this.slot[h];
      if (this.u[e] === lo && this.v[e] === hi) {
        for (let o = this.ownerHead[e]; o >= 0; o = this.ownerNext[o]) if (this.ownerPoly[o] === poly) return;
        this.ownerHead[e] = this.pushOwner(poly, this.ownerHead[e]);
        return;
      }
      h = (h + 1) & this.mask;
    }
    const e = this.count++;
    if (e === this.u.length) this.growEdges();
    this.u[e] = lo; this.v[e] = hi;
    this.ownerHead[e] = this.pushOwner(poly, -1);
    this.stamp[h] = this.gen;
    this.slot[h] = e;
    if (this.count * 2 > this.mask + 1) this.rehash();
  }

  hasOwner(e: number, poly: number): boolean {
    for (let o = this.ownerHead[e]; o >= 0; o = this.ownerNext[o]) if (this.ownerPoly[o] === poly) return true;
    return false;
  }

  private pushOwner(poly: number, next: number): number {
    const o = this.owners++;
    if (o === this.ownerPoly.length) {
      const p = new Int32Array(o * 2), n = new Int32Array(o * 2);
      p.set(this.ownerPoly); n.set(this.ownerNext);
      this.ownerPoly = p; this.ownerNext = n;
    }
    this.ownerPoly[o] = poly;
    this.ownerNext[o] = next;
    return o;
  }

  private growEdges(): void {
    const n = this.u.length * 2;
    const u = new Int32Array(n), v = new Int32Array(n), head = new Int32Array(n);
    u.set(this.u); v.set(this.v); head.set(this.ownerHead);
    this.u = u; this.v = v; this.ownerHead = head;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.slot = new Int32Array(size);
    this.stamp = new Int32Array(size);
    this.gen = 1;
    for (let e = 0; e < this.count; e++) {
      let h = (Math.imul(this.u[e], 73856093) ^ Math.imul(this.v[e], 19349663)) & this.mask;
      while (this.stamp[h] === this.gen) h = (h + 1) & this.mask;
      this.stamp[h] = this.gen;
      this.slot[h] = e;
    }
  }
}
