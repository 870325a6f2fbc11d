/**
 * Merge vertices closer than a tolerance with a uniform grid hash (cell = 32 × tolerance; a neighbour cell is
 * looked at only when the vertex lies within the tolerance of that side, so ~1.1 cells per vertex instead of 9):
 * O(n) instead of comparing every pair. Greedy in input order, so the result is deterministic: a vertex joins
 * the nearest already-kept node within the tolerance, else becomes a new node at its own position.
 * The cell table is open addressing on typed arrays: a JS Map keyed by large numbers was the slowest step of
 * the graph build at 300k edges.
 *
 * When the bounds of the vertices are known up front (the graph build knows its bbox), the cells are a dense
 * row-major grid of list heads instead: no hashing, no probing, and a road's consecutive vertices land in
 * neighbouring cells of a table of ~4 bytes per expected vertex that stays in cache. Merging the ×50 bench town
 * (652k vertices) took ~65 ms that way against ~200 ms with the hash table, whose random probes into ~12 MB each
 * waited on memory. The result does not depend on the cells: every node within the tolerance is found either way.
 */
/** Widest dense-grid cell, in tolerances (8 × the hash table's 32). */
const MAX_GRID_CELL_TOLERANCES = 256;

export class VertexMerger {
  xs: Float64Array;
  ys: Float64Array;
  private next: Int32Array;
  private nodes = 0;
  private cellSize: number;
  private readonly tol: number;
  private readonly tol2: number;
  private cellX: Int32Array;
  private cellY: Int32Array;
  private cellHead: Int32Array;
  private cellsUsed = 0;
  /** Dense grid mode: list head + 1 per cell (0 = empty), row-major; null in hash-table mode. */
  private gridHead: Int32Array | null = null;
  private gridCol0 = 0;
  private gridRow0 = 0;
  private gridCols = 0;
  private gridRows = 0;
  /** The point being added (see `add`). */
  private pointX = 0;
  private pointY = 0;

  /**
   * `bounds` ([minX, minY, maxX, maxY], local metres) switches to the dense grid; vertices outside them are
   * still merged correctly (they share the border cells), only slower when there are many.
   */
  constructor(toleranceMeters: number, expectedVertices = 1024, bounds?: ArrayLike<number>) {
    const capacity = Math.max(16, expectedVertices);
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
    // A zero tolerance still needs a finite cell; then only identical positions merge.
    this.tol = Math.max(toleranceMeters, 0);
    // Each probed cell is a cache miss (the table is ~12 MB at ×50); 32 tolerances per cell probe ~1.1 cells per
    // vertex instead of ~2.3 at 4, with a node or two per cell: ~30 % less time at ×50 (merging 656k vertices).
    this.cellSize = Math.max(32 * this.tol, 1e-3);
    this.tol2 = this.tol ** 2;
    if (bounds && this.initGrid(bounds, capacity)) {
      this.cellX = this.cellY = this.cellHead = new Int32Array(0);
      return;
    }
    // Cells ≤ nodes ≤ vertices: a table of the expected vertex count (rounded up to a power of two) rarely needs
    // to grow; growing from 1024 rehashed ~2M entries and left ~12 MB of garbage at ×50.
    let size = 1024;
    while (size < capacity) size *= 2;
    this.cellX = new Int32Array(size);
    this.cellY = new Int32Array(size);
    this.cellHead = new Int32Array(size).fill(-1);
  }

  /** True when the cells are the dense grid over known bounds (else the hash table). */
  get denseGrid(): boolean {
    return this.gridHead !== null;
  }

  /**
   * Dense grid over the bounds: cells of at least 32 tolerances and about one per expected vertex (the cell
   * count beyond that bought no speed at ×50), padded by one cell on each side. False for unusable bounds,
   * a zero tolerance, or vertices too sparse for cells of at most MAX_GRID_CELL_TOLERANCES tolerances.
   */
  private initGrid(bounds: ArrayLike<number>, capacity: number): boolean {
    const minX = bounds[0], minY = bounds[1], maxX = bounds[2], maxY = bounds[3];
    if (!(Number.isFinite(minX) && Number.isFinite(minY) && Number.isFinite(maxX) && Number.isFinite(maxY))) return false;
    if (maxX < minX || maxY < minY) return false;
    let size = Math.max(32 * this.tol, Math.sqrt(((maxX - minX) * (maxY - minY)) / capacity), 1e-3);
    const cellsFor = (s: number): number => (Math.floor(maxX / s) - Math.floor(minX / s) + 3) * (Math.floor(maxY / s) - Math.floor(minY / s) + 3);
    // A thin extent (one long straight road) would give tiny cells and a long row: keep the table O(vertices).
    while (cellsFor(size) > 2 * capacity + 4096) size *= 1.5;
    // Cells much wider than the hash table's would hold long lists where the vertices crowd (a dense town in a
    // wide, mostly empty extent): keep the hash table then. At ×50 the cells are ~46 m (tolerance 0.5 m).
    if (size > MAX_GRID_CELL_TOLERANCES * this.tol) return false;
    this.cellSize = size;
    this.gridCol0 = Math.floor(minX / size) - 1;
    this.gridRow0 = Math.floor(minY / size) - 1;
    this.gridCols = Math.floor(maxX / size) - this.gridCol0 + 2;
    this.gridRows = Math.floor(maxY / size) - this.gridRow0 + 2;
    this.gridHead = new Int32Array(this.gridCols * this.gridRows);
    return true;
  }

  get count(): number {
    return this.nodes;
  }

  private slot(cx: number, cy: number): number {
    const mask = this.cellHead.length - 1;
    let h = (Math.imul(cx, 0x9e3779b1) ^ Math.imul(cy, 0x85ebca77)) & mask;
    while (this.cellHead[h] !== -1 && (this.cellX[h] !== cx || this.cellY[h] !== cy)) h = (h + 1) & mask;
    return h;
  }

  private grow(): void {
    const oldX = this.cellX, oldY = this.cellY, oldHead = this.cellHead;
    const size = oldHead.length * 2;
    this.cellX = new Int32Array(size);
    this.cellY = new Int32Array(size);
    this.cellHead = new Int32Array(size).fill(-1);
    for (let i = 0; i < oldHead.length; i++) {
      if (oldHead[i] === -1) continue;
      const h = this.slot(oldX[i], oldY[i]);
      this.cellX[h] = oldX[i];
      this.cellY[h] = oldY[i];
      this.cellHead[h] = oldHead[i];
    }
  }

  /** Node id for a vertex at local metres (x, y), creating one if no node is within the tolerance. */
  add(x: number, y: number): number {
    // Tiny, so V8 inlines it into the caller's loop, and the point goes to the large (never inlined) workers
    // through two number fields written in place: passing the doubles as arguments boxed each of them (~20 MB
    // of garbage for 652k vertices at ×50, five young-generation collections).
    this.pointX = x;
    this.pointY = y;
    return this.gridHead !== null ? this.addToGrid(this.gridHead) : this.addToTable(x, y);
  }

  /** `add` in hash-table mode. */
  private addToTable(x: number, y: number): number {
    const size = this.cellSize, tol = this.tol;
    const cx = Math.floor(x / size), cy = Math.floor(y / size);
    const iLo = x - cx * size <= tol ? -1 : 0, iHi = (cx + 1) * size - x <= tol ? 1 : 0;
    const jLo = y - cy * size <= tol ? -1 : 0, jHi = (cy + 1) * size - y <= tol ? 1 : 0;
    let best = -1, bestD2 = Infinity, home = -1;
    for (let i = iLo; i <= iHi; i++) {
      for (let j = jLo; j <= jHi; j++) {
        const h = this.slot(cx + i, cy + j);
        if (i === 0 && j === 0) home = h;
        for (let n = this.cellHead[h]; n >= 0; n = this.next[n]) {
          const dx = this.xs[n] - x, dy = this.ys[n] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 <= this.tol2 && (d2 < bestD2 || (d2 === bestD2 && n < best))) {
            best = n;
            bestD2 = d2;
          }
        }
      }
    }
    if (best >= 0) return best;
    const id = this.nodes++;
    this.storeNode(id, x, y);
    // The vertex's own cell was probed above and the table has not changed since: its slot (or the empty slot
    // where it goes) is `home`, no second probe (~400k fewer at ×50).
    let h = home;
    if (this.cellHead[h] === -1) {
      if (++this.cellsUsed * 2 > this.cellHead.length) {
        this.grow();
        h = this.slot(cx, cy);
      }
      this.cellX[h] = cx;
      this.cellY[h] = cy;
    }
    this.next[id] = this.cellHead[h];
    this.cellHead[h] = id;
    return id;
  }

  /** Position of new node `id` (= count - 1), growing the node arrays when full. */
  private storeNode(id: number, x: number, y: number): void {
    if (id === this.xs.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
      this.xs = grow(this.xs, new Float64Array(id * 2));
      this.ys = grow(this.ys, new Float64Array(id * 2));
      this.next = grow(this.next, new Int32Array(id * 2));
    }
    this.xs[id] = x;
    this.ys[id] = y;
  }

  /** `add` in dense grid mode: the same cells are probed, indexed directly (clamped to the grid). */
  private addToGrid(head: Int32Array): number {
    const x = this.pointX, y = this.pointY;
    const size = this.cellSize, tol = this.tol, tol2 = this.tol2, xs = this.xs, ys = this.ys, next = this.next;
    const cx = Math.floor(x / size), cy = Math.floor(y / size);
    const iLo = x - cx * size <= tol ? -1 : 0, iHi = (cx + 1) * size - x <= tol ? 1 : 0;
    const jLo = y - cy * size <= tol ? -1 : 0, jHi = (cy + 1) * size - y <= tol ? 1 : 0;
    const cols = this.gridCols, rows = this.gridRows, col = cx - this.gridCol0, row = cy - this.gridRow0;
    let best = -1, bestD2 = Infinity;
    for (let j = jLo; j <= jHi; j++) {
      const r = clampTo(row + j, rows);
      for (let i = iLo; i <= iHi; i++) {
        for (let n = head[r * cols + clampTo(col + i, cols)] - 1; n >= 0; n = next[n]) {
          const dx = xs[n] - x, dy = ys[n] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 <= tol2 && (d2 < bestD2 || (d2 === bestD2 && n < best))) {
            best = n;
            bestD2 = d2;
          }
        }
      }
    }
    if (best >= 0) return best;
    const id = this.nodes++;
    this.storeNode(id, x, y);
    const cell = clampTo(row, rows) * cols + clampTo(col, cols);
    this.next[id] = head[cell] - 1;
    head[cell] = id + 1;
    return id;
  }
}

/** Cells outside the grid share its border cells: still every node within the tolerance is looked at. */
function clampTo(i: number, size: number): number {
  return i < 0 ? 0 : i >= size ? size - 1 : i;
}
