/**
 * Uniform grid over the bboxes of edge geometry segments (local metres), for snapping.
 *
 * Replaces a flatbush over the same bboxes: at ×50 (560k segments) its Hilbert sort and packing cost ~120 ms
 * per build and its priority-queue `neighbors` ~240 ms for 25k points; a counting-sort grid builds in a few ms
 * and a query reads a handful of cells around the point. Plain numbers and typed arrays only, so it survives
 * structured clone with the rest of the network.
 */

export interface SegmentGrid {
  /** Lower-left corner of cell (0, 0), local metres. */
  originX: number;
  originY: number;
  cellMeters: number;
  cols: number;
  rows: number;
  /**
   * Segments of cell (col, row), ascending: `cellItems[cellStart[row * cols + col] .. cellStart[row * cols + col + 1])`.
   * Each segment sits in the one cell holding its bbox centre (no duplicates to skip at query time), so a
   * segment in an unread cell may still reach `maxHalfExtent` into the read ones.
   */
  cellStart: Int32Array;
  cellItems: Int32Array;
  /** Largest half width or half height of a segment bbox in the cells. */
  maxHalfExtent: number;
  /** Segments too long for the cells (a straight rural road): looked at by every query instead. */
  bigItems: Int32Array;
  segmentCount: number;
}

/** Mean segments per cell at uniform density: a 3 × 3 block of cells then usually settles a query (×50: ~37 segments read per point). */
const SEGMENTS_PER_CELL = 4;
/** Long segments beyond this count raise the "big" threshold instead (every query reads all of them). */
const MAX_BIG_ITEMS = 64;

/** Column of local x (not clamped); the same expression at build and query time keeps them consistent. */
export function gridCol(grid: Pick<SegmentGrid, 'originX' | 'cellMeters'>, x: number): number {
  return Math.floor((x - grid.originX) / grid.cellMeters);
}
export function gridRow(grid: Pick<SegmentGrid, 'originY' | 'cellMeters'>, y: number): number {
  return Math.floor((y - grid.originY) / grid.cellMeters);
}

/** Half of the larger side of the bbox of segment k. */
function halfExtent(geomXY: Float64Array, segmentEdge: Int32Array, k: number): number {
  const g2 = 2 * (k + segmentEdge[k]);
  const w = Math.abs(geomXY[g2 + 2] - geomXY[g2]), h = Math.abs(geomXY[g2 + 3] - geomXY[g2 + 1]);
  return (w > h ? w : h) / 2;
}

/*
 * The build runs once per network, so each pass over the segments is its own small function: V8 then compiles
 * each hot loop on its own, where one long function was compiled on its first loop and thrown back to the
 * interpreter ("insufficient type feedback") at each later one, which then boxed every double (~40 MB of
 * garbage per build at ×50, ~125 ms for the grid in a fresh process against ~35 ms once warm).
 */

/** [minX, minY, maxX, maxY] over both ends of every segment. */
function segmentBounds(geomXY: Float64Array, segmentEdge: Int32Array): Float64Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < segmentEdge.length; k++) {
    const g2 = 2 * (k + segmentEdge[k]);
    const ax = geomXY[g2], ay = geomXY[g2 + 1], bx = geomXY[g2 + 2], by = geomXY[g2 + 3];
    if (ax < minX) minX = ax;
    if (bx < minX) minX = bx;
    if (ay < minY) minY = ay;
    if (by < minY) minY = by;
    if (ax > maxX) maxX = ax;
    if (bx > maxX) maxX = bx;
    if (ay > maxY) maxY = ay;
    if (by > maxY) maxY = by;
  }
  return Float64Array.of(minX, minY, maxX, maxY);
}

/**
 * The smallest of `base`, 2·base, 4·base … with at most MAX_BIG_ITEMS segments whose half extent exceeds it
 * (and that count), in one pass: segments are counted by the first doubling they fit under (doubling is exact, so the comparisons
 * are those of trying each threshold in turn over all segments, as before).
 */
function bigThreshold(geomXY: Float64Array, segmentEdge: Int32Array, base: number): { halfExtent: number; count: number } {
  const above = new Int32Array(2200); // above[d]: segments needing d doublings (beyond the double range never)
  let most = 0;
  for (let k = 0; k < segmentEdge.length; k++) {
    const half = halfExtent(geomXY, segmentEdge, k);
    if (!(half > base)) continue;
    let d = 1;
    for (let t = base * 2; half > t; t *= 2) d++;
    above[d]++;
    if (d > most) most = d;
  }
  // Segments above base · 2^d are those needing more than d doublings.
  let over = 0;
  for (let d = 1; d <= most; d++) over += above[d];
  let threshold = base;
  for (let d = 1; over > MAX_BIG_ITEMS; d++) {
    threshold *= 2;
    over -= above[d];
  }
  return { halfExtent: threshold, count: over };
}

/**
 * Cell of each segment (-1 for a big one, listed in `grid.bigItems`), counted per cell in `cellCounts`;
 * returns the largest half extent of the segments in cells.
 */
function assignCells(
  grid: SegmentGrid, geomXY: Float64Array, segmentEdge: Int32Array, bigHalfExtent: number, cellOf: Int32Array, cellCounts: Int32Array,
): number {
  const { cols, rows, bigItems } = grid;
  let big = 0, maxHalf = 0;
  for (let k = 0; k < segmentEdge.length; k++) {
    const half = halfExtent(geomXY, segmentEdge, k);
    if (half > bigHalfExtent) {
      bigItems[big++] = k;
      cellOf[k] = -1;
      continue;
    }
    if (half > maxHalf) maxHalf = half;
    const g2 = 2 * (k + segmentEdge[k]);
    const c = clampTo(gridCol(grid, (geomXY[g2] + geomXY[g2 + 2]) / 2), cols);
    const r = clampTo(gridRow(grid, (geomXY[g2 + 1] + geomXY[g2 + 3]) / 2), rows);
    cellOf[k] = r * cols + c;
    cellCounts[r * cols + c]++;
  }
  return maxHalf;
}

/** Counts per cell → `cellStart` (counts at index c become end offsets, then the backward fill makes them starts). */
function fillCells(cellStart: Int32Array, cellOf: Int32Array, cellItems: Int32Array): void {
  const cellCount = cellStart.length - 1;
  for (let c = 0; c < cellCount; c++) cellStart[c + 1] += cellStart[c];
  // Backwards, so each cell's segments stay ascending.
  for (let k = cellOf.length - 1; k >= 0; k--) if (cellOf[k] >= 0) cellItems[--cellStart[cellOf[k]]] = k;
}

/**
 * Grid over segments k = 0 .. segmentEdge.length - 1; segment k runs from geometry vertex g = k + segmentEdge[k]
 * to g + 1 (`geomXY` interleaved x, y). Null when there are no segments.
 */
export function buildSegmentGrid(geomXY: Float64Array, segmentEdge: Int32Array): SegmentGrid | null {
  const n = segmentEdge.length;
  if (n === 0) return null;
  const box = segmentBounds(geomXY, segmentEdge);
  const minX = box[0], minY = box[1], maxX = box[2], maxY = box[3];
  const w = maxX - minX, h = maxY - minY;
  let cellMeters = Math.sqrt((w * h * SEGMENTS_PER_CELL) / n);
  if (!(cellMeters > 0)) cellMeters = (Math.max(w, h) * SEGMENTS_PER_CELL) / n;
  if (!(cellMeters > 0)) cellMeters = 1;
  // Keep the table O(n) whatever the shape of the extent (a long thin corridor, a single line).
  while ((Math.floor(w / cellMeters) + 1) * (Math.floor(h / cellMeters) + 1) > 2 * n + 64) cellMeters *= 1.5;
  // Segments up to a cell long stay in the cells; raise the bar while too many would be "big".
  const { halfExtent: bigHalfExtent, count: bigCount } = bigThreshold(geomXY, segmentEdge, cellMeters / 2);
  const grid: SegmentGrid = {
    originX: minX, originY: minY, cellMeters,
    cols: Math.floor(w / cellMeters) + 1, rows: Math.floor(h / cellMeters) + 1,
    cellStart: new Int32Array(0), cellItems: new Int32Array(0), maxHalfExtent: 0, bigItems: new Int32Array(bigCount), segmentCount: n,
  };
  const cellStart = new Int32Array(grid.cols * grid.rows + 1);
  const cellOf = new Int32Array(n);
  grid.maxHalfExtent = assignCells(grid, geomXY, segmentEdge, bigHalfExtent, cellOf, cellStart);
  const cellItems = new Int32Array(n - bigCount);
  fillCells(cellStart, cellOf, cellItems);
  grid.cellStart = cellStart;
  grid.cellItems = cellItems;
  return grid;
}

function clampTo(i: number, size: number): number {
  return i < 0 ? 0 : i >= size ? size - 1 : i;
}

/** How many nearest bboxes the former flatbush search looked at before widening to all within the best distance. */
export const FIRST_CANDIDATES = 8;
/** Safety margin (metres) on "every unseen bbox is at least this far": covers rounding in the cell arithmetic. */
const GAP_MARGIN_METERS = 1e-3;

/**
 * Nearest-segment queries on a `SegmentGrid`, with exactly the answers of the former flatbush search:
 * with fewer than `FIRST_CANDIDATES` segment bboxes within `searchMeters` (flatbush's `dx² + dy² ≤ r²`), the
 * nearest segment among those; otherwise the nearest segment of all. Ties: the lower segment id.
 * Cells are read in square rings around the point until no unseen segment can change the answer.
 */
export class SegmentQuery {
  /** Result of the last `nearest`: segment id (-1 when none), fraction along it, squared distance. */
  segment = -1;
  t = 0;
  dist2 = Infinity;
  private readonly grid: SegmentGrid;
  private readonly geomXY: Float64Array;
  private readonly segmentEdge: Int32Array;
  // Running state of one query.
  private px = 0;
  private py = 0;
  private r2 = 0;
  private inRadius = 0;
  private bestAll = -1;
  private bestAllD2 = Infinity;
  private bestAllT = 0;
  private bestIn = -1;
  private bestInD2 = Infinity;
  private bestInT = 0;

  constructor(grid: SegmentGrid, geomXY: Float64Array, segmentEdge: Int32Array) {
    this.grid = grid;
    this.geomXY = geomXY;
    this.segmentEdge = segmentEdge;
  }

  /** Nearest segment to local point (px, py); returns its id (-1 when none) and sets `segment`, `t`, `dist2`. */
  nearest(px: number, py: number, searchMeters: number): number {
    const grid = this.grid;
    const { cols, rows, cellStart, cellItems, bigItems } = grid;
    this.px = px;
    this.py = py;
    this.r2 = searchMeters * searchMeters;
    this.inRadius = 0;
    this.bestAll = -1;
    this.bestAllD2 = Infinity;
    this.bestIn = -1;
    this.bestInD2 = Infinity;
    for (let i = 0; i < bigItems.length; i++) this.consider(bigItems[i]);
    const cx = gridCol(grid, px), cy = gridRow(grid, py);
    const cell = grid.cellMeters, reach = grid.maxHalfExtent + GAP_MARGIN_METERS;
    // Rings closer than the grid hold no cells: start at the first one that reaches it.
    // The last column and row worked out here, not in the clamps' rarely taken branches: a branch whose
    // arithmetic had never run when this was optimised sent it back to the interpreter the first time a point
    // near the grid's edge took it (`--trace-deopt`: 4 compiles of this function per ×50 run, now 2).
    const lastCol = cols - 1, lastRow = rows - 1;
    let r = Math.max(0, -cx, cx - lastCol, -cy, cy - lastRow);
    for (;; r++) {
      const x0 = cx - r, x1 = cx + r, y0 = cy - r, y1 = cy + r;
      const cLo = x0 < 0 ? 0 : x0, cHi = x1 > lastCol ? lastCol : x1;
      if (y0 >= 0 && y0 < rows) this.visitCells(cellStart[y0 * cols + cLo], cellStart[y0 * cols + cHi + 1], cellItems);
      if (r > 0 && y1 >= 0 && y1 < rows) this.visitCells(cellStart[y1 * cols + cLo], cellStart[y1 * cols + cHi + 1], cellItems);
      if (r > 0) {
        const rowAbove = y0 + 1, rowBelow = y1 - 1;
        const rLo = rowAbove < 0 ? 0 : rowAbove, rHi = rowBelow > lastRow ? lastRow : rowBelow;
        if (x0 >= 0 && x0 < cols) for (let row = rLo; row <= rHi; row++) this.visitCells(cellStart[row * cols + x0], cellStart[row * cols + x0 + 1], cellItems);
        if (x1 >= 0 && x1 < cols) for (let row = rLo; row <= rHi; row++) this.visitCells(cellStart[row * cols + x1], cellStart[row * cols + x1 + 1], cellItems);
      }
      // Every segment not seen yet has its bbox centre outside this square of cells, so its bbox is at least
      // `gap` away.
      let gap: number;
      if (x0 <= 0 && x1 >= cols - 1 && y0 <= 0 && y1 >= rows - 1) gap = Infinity;
      else {
        gap = Math.min(
          px - (grid.originX + x0 * cell), grid.originX + (x1 + 1) * cell - px,
          py - (grid.originY + y0 * cell), grid.originY + (y1 + 1) * cell - py,
        ) - reach;
      }
      const gap2 = gap > 0 ? gap * gap : 0;
      if (this.inRadius >= FIRST_CANDIDATES) {
        // The answer is the nearest of all: done once nothing unseen can be as near.
        if (gap2 > this.bestAllD2) return this.finish(this.bestAll, this.bestAllT, this.bestAllD2);
      } else if (gap2 > this.r2) {
        // Every bbox within the search radius has been seen and there are fewer than FIRST_CANDIDATES.
        return this.finish(this.bestIn, this.bestInT, this.bestInD2);
      }
    }
  }

  private finish(segment: number, t: number, dist2: number): number {
    this.segment = segment;
    this.t = segment >= 0 ? t : 0;
    this.dist2 = dist2;
    return segment;
  }

  /** Items start .. end - 1 (a run of consecutive cells of one row is one run of items). */
  private visitCells(start: number, end: number, items: Int32Array): void {
    for (let i = start; i < end; i++) this.consider(items[i]);
  }

  private consider(k: number): void {
    const px = this.px, py = this.py, geomXY = this.geomXY;
    const g2 = 2 * (k + this.segmentEdge[k]);
    const ax = geomXY[g2], ay = geomXY[g2 + 1], bx = geomXY[g2 + 2], by = geomXY[g2 + 3];
    // Bbox distance exactly as flatbush computes it (decides membership of the search radius).
    const minX = ax < bx ? ax : bx, maxX = ax < bx ? bx : ax, minY = ay < by ? ay : by, maxY = ay < by ? by : ay;
    const bdx = Math.max(Math.max(minX - px, px - maxX), 0);
    const bdy = Math.max(Math.max(minY - py, py - maxY), 0);
    // Nearest point on the segment, as geo/segment.ts projectToSegment (inlined: this runs ~1M times at ×50).
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
    if (t < 0) t = 0;
    else if (t > 1) t = 1;
    const qx = ax + t * dx - px, qy = ay + t * dy - py;
    const d2 = qx * qx + qy * qy;
    if (d2 < this.bestAllD2 || (d2 === this.bestAllD2 && k < this.bestAll)) {
      this.bestAll = k;
      this.bestAllD2 = d2;
      this.bestAllT = t;
    }
    if (bdx * bdx + bdy * bdy <= this.r2) {
      this.inRadius++;
      if (d2 < this.bestInD2 || (d2 === this.bestInD2 && k < this.bestIn)) {
        this.bestIn = k;
        this.bestInD2 = d2;
        this.bestInT = t;
      }
    }
  }
}
