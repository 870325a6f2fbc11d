import { prefixSums } from '../arrays';

/**
 * A uniform grid over item bboxes answering "which items' bboxes meet this box" with exactly the items a flatbush
 * search gives (same inclusive test), each once, in grid order instead of flatbush's. Zoning builds one over the
 * 20 000 communities and one over the 58 000 barrier segments of the ×50 town, and searches each ~20 000 times:
 * flatbush's Hilbert sort and its tree descent were ~150 ms of the ~1.4 s cold zoning thread; a grid is built in
 * two linear passes and answered from a few cells.
 */
export class BoxGrid {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cell: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Items of cell c: items[start[c]] … items[start[c + 1] − 1]. */
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  /** Items with a non-finite bbox: tested on every search (flatbush's test passes NaN boxes too). */
  private readonly loose: number[] = [];
  private readonly stamp: Int32Array;
  private gen = 0;

  /** `boxes[4k … 4k + 3]` = minX, minY, maxX, maxY of item k, for k < count. */
  constructor(private readonly boxes: Float64Array, readonly count: number) {
    const [minX, minY, maxX, maxY, extent, finite] = finiteBounds(boxes, count);
    const w = finite > 0 ? maxX - minX : 0, h = finite > 0 ? maxY - minY : 0;
    // About one cell per item, never smaller than a typical item (so an item spans few cells), at most ~4 per item.
    let cell = Math.max(Math.sqrt((w * h) / Math.max(1, finite)), extent / Math.max(1, 2 * finite), (w + h) / Math.max(1, 4 * finite), 1e-6);
    while ((Math.floor(w / cell) + 1) * (Math.floor(h / cell) + 1) > 4 * finite + 64) cell *= 2;
    this.minX = finite > 0 ? minX : 0;
    this.minY = finite > 0 ? minY : 0;
    this.cell = cell;
    this.cols = Math.floor(w / cell) + 1;
    this.rows = Math.floor(h / cell) + 1;
    const cells = this.cols * this.rows;
    // Straight passes (count, sum, fill), each its own function: this constructor runs a few times per draft,
    // mostly before the JIT has optimised anything; as one function it was compiled on the stack at its first
    // loop and sent back to the interpreter at each later one (four compilations per ×50 run, `--trace-opt`).
    const start = new Int32Array(cells + 1);
    const cellOf = new Int32Array(count * 4);
    countCells(boxes, count, this.minX, this.minY, cell, this.cols, this.rows, cellOf, start, this.loose);
    prefixSums(start);
    const items = new Int32Array(start[cells]);
    fillCells(count, cellOf, this.cols, start.slice(0, cells), items);
    this.start = start;
    this.items = items;
    this.stamp = new Int32Array(count);
  }

  private col(x: number): number {
    return clamp(Math.floor((x - this.minX) / this.cell), this.cols);
  }

  private row(y: number): number {
    return clamp(Math.floor((y - this.minY) / this.cell), this.rows);
  }

  /** Items whose bbox meets [minX, minY, maxX, maxY] (edges included), into `out` (cleared), each once. */
  search(minX: number, minY: number, maxX: number, maxY: number, out: number[]): number[] {
    out.length = 0;
    if (++this.gen > 0x3fffffff) { this.stamp.fill(0); this.gen = 1; }
    const { boxes, stamp, gen, start, items } = this;
    const c0 = this.col(minX), c1 = this.col(maxX), r0 = this.row(minY), r1 = this.row(maxY);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        for (let q = start[cell]; q < start[cell + 1]; q++) {
          const k = items[q];
          if (stamp[k] === gen) continue;
          stamp[k] = gen;
          if (maxX < boxes[k * 4] || maxY < boxes[k * 4 + 1] || minX > boxes[k * 4 + 2] || minY > boxes[k * 4 + 3]) continue;
          out.push(k);
        }
      }
    }
    for (const k of this.loose) {
      if (maxX < boxes[k * 4] || maxY < boxes[k * 4 + 1] || minX > boxes[k * 4 + 2] || minY > boxes[k * 4 + 3]) continue;
      out.push(k);
    }
    return out;
  }
}

/** Cell number clamped to [0, n − 1] (queries may reach beyond the grid). */
function clamp(c: number, n: number): number {
  return c < 0 ? 0 : c >= n ? n - 1 : c;
}

/** [minX, minY, maxX, maxY, summed width + height, count] over the items with a finite bbox. */
function finiteBounds(boxes: Float64Array, count: number): Float64Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, extent = 0, finite = 0;
  for (let k = 0; k < count; k++) {
    const x0 = boxes[k * 4], y0 = boxes[k * 4 + 1], x1 = boxes[k * 4 + 2], y1 = boxes[k * 4 + 3];
    if ((x0 - x0) + (y0 - y0) + (x1 - x1) + (y1 - y1) !== 0) continue; // non-finite (see countCells)
    finite++;
    if (x0 < minX) minX = x0;
    if (y0 < minY) minY = y0;
    if (x1 > maxX) maxX = x1;
    if (y1 > maxY) maxY = y1;
    extent += (x1 - x0) + (y1 - y0);
  }
  return Float64Array.of(minX, minY, maxX, maxY, extent, finite);
}

/**
 * The cell range of each item into `cellOf` (c0, c1, r0, r1; non-finite items listed in `loose`, with an empty
 * range) and the items per cell counted at index cell + 1 of `start`.
 */
function countCells(
  boxes: Float64Array, count: number, ox: number, oy: number, cell: number, cols: number, rows: number,
  cellOf: Int32Array, start: Int32Array, loose: number[],
): void {
  for (let k = 0; k < count; k++) {
    const x0 = boxes[k * 4], y0 = boxes[k * 4 + 1], x1 = boxes[k * 4 + 2], y1 = boxes[k * 4 + 3];
    // x − x is 0 for every finite x, NaN for NaN and ±Infinity.
    if ((x0 - x0) + (y0 - y0) + (x1 - x1) + (y1 - y1) !== 0) { loose.push(k); cellOf[k * 4] = 1; cellOf[k * 4 + 1] = 0; continue; }
    const c0 = clamp(Math.floor((x0 - ox) / cell), cols), c1 = clamp(Math.floor((x1 - ox) / cell), cols);
    const r0 = clamp(Math.floor((y0 - oy) / cell), rows), r1 = clamp(Math.floor((y1 - oy) / cell), rows);
    cellOf[k * 4] = c0; cellOf[k * 4 + 1] = c1; cellOf[k * 4 + 2] = r0; cellOf[k * 4 + 3] = r1;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]++;
  }
}

function fillCells(count: number, cellOf: Int32Array, cols: number, fill: Int32Array, items: Int32Array): void {
  for (let k = 0; k < count; k++) {
    const c0 = cellOf[k * 4], c1 = cellOf[k * 4 + 1], r0 = cellOf[k * 4 + 2], r1 = cellOf[k * 4 + 3];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[fill[r * cols + c]++] = k;
  }
}
