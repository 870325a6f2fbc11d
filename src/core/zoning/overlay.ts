/**
 * Union of a few polygons in local metres by edge overlay — the zone-outline case only (tens of polygons,
 * hundreds of edges), where polyclip-ts (BigNumber arithmetic) spends 5–50 ms per zone.
 *
 * 1. Merge vertices closer than 5 mm; split every edge at its crossings, T-touches and collinear overlaps with
 *    other edges (flatbush over the edge bboxes); merge identical sub-edges.
 * 2. Keep a sub-edge when exactly one side of it is inside some input polygon (probe points 2 cm either side of
 *    its midpoint), directed so the inside lies on its left.
 * 3. Trace rings, at each vertex taking the outgoing edge turning most to the right (so rings that touch at a
 *    point come out separate), and sort them into outer rings (counter-clockwise) and holes.
 * Anything inconsistent (a dead end while tracing) throws, and the caller falls back to polyclip.
 */
import { CutList, EdgeList, splitPoints, SubEdgeSet } from './overlayEdges';
import { RingTracer } from './overlayTrace';

/** A polygon as rings of interleaved [x0, y0, x1, y1, …] metres; the first ring is the outer one. */
export type MetricPolygon = number[][];

/** Points closer than this are one vertex (bridge corners computed on member edges land within ~1e-9 m). */
const MERGE_METERS = 5e-3;
const PROBE_METERS = 2e-2;


/**
 * Vertices merged within MERGE_METERS through a hash grid: 3 × 3 cells looked up in row order, each cell's vertices
 * in insertion order, the first one within the distance wins. The grid is an open hash of integer buckets whose
 * chains keep insertion order and are filtered by exact cell, so the answer is the one a Map of per-cell lists
 * gives; Maps keyed by "x,y" strings were the largest single cost of zoning at ×50 (~200–400 ms of building and
 * hashing strings). One pool is reused by every union (reset by a generation stamp, no per-zone allocation).
 */
class VertexPool {
  x: number[] = [];
  y: number[] = [];
  private cellX: number[] = [];
  private cellY: number[] = [];
  /** Next vertex in the same bucket (insertion order), -1 at the end. */
  private next: number[] = [];
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private gen = 1;
  private mask = 1023;

  reset(): void {
    // Emptied, not replaced: their capacity carries over to the next union (vertices are read only within one).
    this.x.length = 0; this.y.length = 0;
    this.cellX.length = 0; this.cellY.length = 0; this.next.length = 0;
    if (++this.gen > 0x3fffffff) { this.stamp.fill(0); this.gen = 1; }
  }

  private bucket(cx: number, cy: number): number {
    return (Math.imul(cx | 0, 73856093) ^ Math.imul(cy | 0, 19349663)) & this.mask;
  }

  id(px: number, py: number): number {
    const cx = Math.floor(px / MERGE_METERS), cy = Math.floor(py / MERGE_METERS);
    const { x, y, cellX, cellY, next, head, stamp, gen } = this;
    for (let i = -1; i <= 1; i++) {
      const gx = cx + i;
      for (let j = -1; j <= 1; j++) {
        const gy = cy + j;
        const b = this.bucket(gx, gy);
        if (stamp[b] !== gen) continue;
        for (let v = head[b]; v >= 0; v = next[v]) {
          if (cellX[v] === gx && cellY[v] === gy && withinMerge(x[v] - px, y[v] - py)) return v;
        }
      }
    }
    const v = x.length;
    x.push(px);
    y.push(py);
    cellX.push(cx);
    cellY.push(cy);
    next.push(-1);
    if (v + 1 > (this.mask + 1) >> 1) this.grow();
    else this.link(v);
    return v;
  }

  private link(v: number): void {
    const b = this.bucket(this.cellX[v], this.cellY[v]);
    if (this.stamp[b] !== this.gen) { this.stamp[b] = this.gen; this.head[b] = v; }
    else this.next[this.tail[b]] = v;
    this.tail[b] = v;
  }

  /** Double the table and relink every vertex in insertion order (chains keep that order). */
  private grow(): void {
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.stamp = new Int32Array(size);
    this.gen = 1;
    for (let v = 0; v < this.x.length; v++) { this.next[v] = -1; this.link(v); }
  }
}

const pool = new VertexPool();

/** MERGE_METERS² with a margin of 1e-9 either way: far beyond the few-ulp difference of hypot and sqrt(dx² + dy²). */
const MERGE2_BELOW = (MERGE_METERS * (1 - 1e-9)) ** 2;
const MERGE2_ABOVE = (MERGE_METERS * (1 + 1e-9)) ** 2;

/**
 * `Math.hypot(dx, dy) <= MERGE_METERS`, the same answer, but from the squared length unless it lies within the
 * margin: Math.hypot is a builtin call that boxes its result (~11 MB of the ~135 MB a ×50 draft allocates).
 */
export function withinMerge(dx: number, dy: number): boolean {
  const d2 = dx * dx + dy * dy;
  if (d2 < MERGE2_BELOW) return true;
  if (d2 > MERGE2_ABOVE) return false;
  return Math.hypot(dx, dy) <= MERGE_METERS;
}

const edgeList = new EdgeList();
const cutList = new CutList();
const subEdges = new SubEdgeSet();
const tracer = new RingTracer();
/** Per input polygon: minX, minY, maxX, maxY of its (merged) vertices. Scratch, one array for every union. */
let pbox = new Float64Array(64);

export function unionMetric(polygons: readonly MetricPolygon[]): MetricPolygon[] {
  pool.reset();
  let capacity = 0;
  for (const rings of polygons) for (const r of rings) capacity += r.length >> 1;
  edgeList.reset(capacity);
  if (pbox.length < polygons.length * 4) pbox = new Float64Array(polygons.length * 8);
  for (let poly = 0; poly < polygons.length; poly++) {
    const rings = polygons[poly];
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const r of rings) {
      // An edge's end is the next edge's start: same query, same pool state, same vertex — looked up once.
      let b = r.length >= 4 ? pool.id(r[0], r[1]) : -1;
      for (let i = 0; i + 3 < r.length; i += 2) {
        const a = b;
        b = pool.id(r[i + 2], r[i + 3]);
        const ax = pool.x[a], ay = pool.y[a], bx = pool.x[b], by = pool.y[b];
        minX = Math.min(minX, ax); maxX = Math.max(maxX, ax); minY = Math.min(minY, ay); maxY = Math.max(maxY, ay);
        if (a !== b) edgeList.push(ax, ay, bx, by, a, b, poly);
      }
    }
    pbox[poly * 4] = minX; pbox[poly * 4 + 1] = minY; pbox[poly * 4 + 2] = maxX; pbox[poly * 4 + 3] = maxY;
  }
  const m = edgeList.count;
  if (m === 0) return [];
  splitPoints(edgeList, cutList, MERGE_METERS);

  // Sub-edges keyed by their (merged) end points; identical ones (shared boundaries) merge. Kept in insertion
  // order, as the Map with string keys before.
  // A point that is exactly a pool vertex maps back to that vertex: when the vertex was made nothing was within
  // reach of it, and every later vertex was made only with it out of reach (the same symmetric test), so edge
  // ends and touching end points need no lookup; only crossings do.
  const vx = pool.x, vy = pool.y;
  subEdges.reset();
  const EI = edgeList.EI;
  const { start, order, x: cutX, y: cutY, v: cutV } = cutList;
  for (let i = 0; i < m; i++) {
    const poly = EI[i * 3 + 2];
    let prev = EI[i * 3];
    for (let k = start[i]; k <= start[i + 1]; k++) {
      let cur: number;
      if (k === start[i + 1]) cur = EI[i * 3 + 1];
      else {
        const c = order[k];
        cur = cutV[c] >= 0 ? cutV[c] : pool.id(cutX[c], cutY[c]);
      }
      if (cur !== prev) subEdges.add(prev, cur, poly);
      prev = cur;
    }
  }

  // Which side of a sub-edge is inside the union? A polygon the edge belongs to answers by a probe against that
  // polygon alone (its own boundary is the only one near); any other polygon by containing the midpoint — exact,
  // so thin wedges between nearly collinear edges of different polygons cannot fool it.
  tracer.reset(vx.length);
  for (let se = 0; se < subEdges.count; se++) {
    const u = subEdges.u[se], v = subEdges.v[se];
    const mx = (vx[u] + vx[v]) / 2, my = (vy[u] + vy[v]) / 2;
    const dx = vx[v] - vx[u], dy = vy[v] - vy[u];
    const len = Math.hypot(dx, dy);
    // Short edges near a corner need a short probe to stay in the corner's wedge.
    const probe = Math.min(PROBE_METERS, len / 4);
    const nx = (-dy / len) * probe, ny = (dx / len) * probe;
    let left = false, right = false;
    for (let p = 0; p < polygons.length && !(left && right); p++) {
      if (mx < pbox[p * 4] - PROBE_METERS || mx > pbox[p * 4 + 2] + PROBE_METERS || my < pbox[p * 4 + 1] - PROBE_METERS || my > pbox[p * 4 + 3] + PROBE_METERS) continue;
      if (subEdges.hasOwner(se, p)) {
        left = left || pointInRings(polygons[p], mx + nx, my + ny);
        right = right || pointInRings(polygons[p], mx - nx, my - ny);
      } else if (pointInRings(polygons[p], mx, my)) {
        left = right = true;
      }
    }
    if (left === right) continue;
    if (left) tracer.add(u, v); else tracer.add(v, u);
  }
  return assemble(tracer.trace(vx, vy), vx, vy);
}

function pointInRings(rings: MetricPolygon, x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
      const xi = r[i], yi = r[i + 1], xj = r[j], yj = r[j + 1];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Drop collinear vertices, split rings into outer (CCW) and holes (CW), give each hole to its outer ring. */
function assemble(rings: number[][], vx: number[], vy: number[]): MetricPolygon[] {
  const outers: number[][] = [];
  const areas: number[] = [];
  const holes: number[][] = [];
  for (const ids of rings) {
    const pts = collinearFree(ids, vx, vy);
    if (pts.length < 6) continue;
    pts.push(pts[0], pts[1]);
    const area = signedArea(pts);
    if (area > 0) { outers.push(pts); areas.push(area); } else if (area < 0) holes.push(pts);
  }
  // Smallest outer ring first (a stable sort, as of the {ring, area} objects before).
  const order: number[] = [];
  for (let k = 0; k < outers.length; k++) order.push(k);
  order.sort((a, b) => areas[a] - areas[b]);
  const polys: MetricPolygon[] = [];
  for (let k = 0; k < order.length; k++) polys.push([outers[order[k]]]);
  // Holes are rare (a courtyard closed by bridges): their own function, so that meeting one does not send the
  // optimised code of this one back to the interpreter (`--trace-deopt` showed it recompiled up to 3 times a run).
  if (holes.length) attachHoles(polys, holes);
  return polys;
}

function collinearFree(ids: number[], vx: number[], vy: number[]): number[] {
  const pts: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const a = ids[(i - 1 + ids.length) % ids.length], b = ids[i], c = ids[(i + 1) % ids.length];
    const cross = (vx[b] - vx[a]) * (vy[c] - vy[b]) - (vy[b] - vy[a]) * (vx[c] - vx[b]);
    if (Math.abs(cross) > 1e-9) pts.push(vx[b], vy[b]);
  }
  return pts;
}

/** Give each hole to the smallest outer ring (polys[k][0], smallest first) that holds a point just inside of it. */
function attachHoles(polys: MetricPolygon[], holes: number[][]): void {
  for (const h of holes) {
    // A point just inside the union next to the hole's first edge (inside lies left of every kept edge).
    const dx = h[2] - h[0], dy = h[3] - h[1], len = Math.hypot(dx, dy);
    const px = (h[0] + h[2]) / 2 - (dy / len) * PROBE_METERS, py = (h[1] + h[3]) / 2 + (dx / len) * PROBE_METERS;
    for (let k = 0; k < polys.length; k++) {
      if (pointInRings([polys[k][0]], px, py)) { polys[k].push(h); break; }
    }
  }
}

function signedArea(r: number[]): number {
  let s = 0;
  for (let i = 0; i + 3 < r.length; i += 2) s += r[i] * r[i + 3] - r[i + 2] * r[i + 1];
  return s / 2;
}
