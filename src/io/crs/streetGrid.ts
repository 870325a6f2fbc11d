/**
 * Street segments in a uniform grid of cells (typed arrays, a counting sort), for the exact distance in local
 * metres from a point to the nearest segment. Used by the street-offset hint, which asks a few thousand such
 * questions about hundreds of thousands of segments: a Flatbush over the same segments spent ~200 ms of the
 * profiled ×50 run (563k segments) sorting and packing before the first question.
 *
 * Each segment is filed once, in the cell of its midpoint; the widest half-extent of a filed segment then
 * bounds how far beyond its cell a segment can reach. A segment wider or taller than LONG_CELLS cells (a rare
 * long straight) is kept aside and measured for every point, so one such line does not make every cell big.
 */

const LONG_CELLS = 2;
/** About this many segments per cell. */
const SEGMENTS_PER_CELL = 4;
const MAX_CELLS = 1 << 22;
const METERS_PER_DEGREE = 111_320;

/** A street line: its positions in order ([lon, lat, …]); consecutive positions make one segment. */
export type StreetLine = readonly (readonly number[])[];

export interface StreetGrid {
  minX: number;
  minY: number;
  /** Cell size in degrees. */
  cellW: number;
  cellH: number;
  cols: number;
  rows: number;
  /** Largest half width / half height (degrees) of a filed segment: how far it reaches beyond its midpoint. */
  reachX: number;
  reachY: number;
  /**
   * The filed segments in cell order: cell c holds segments cellStart[c] … cellStart[c + 1] − 1 of
   * `cellSegs` ([ax, ay, bx, by] each), so a question reads a few dozen neighbouring numbers.
   */
  cellStart: Int32Array;
  cellSegs: Float64Array;
  /** Segments too long to file ([ax, ay, bx, by] each), measured for every point. */
  longSegs: Float64Array;
}

/**
 * File the segments of the lines in a grid; null when no segment has four finite numbers (those that do not
 * are left out; coordinates are read as numbers, as a Float64Array would store them). Three walks over the
 * positions, with no flat copy of every segment in between (an 18 MB array at ×50 whose allocation alone
 * set off a garbage collection). Each walk is a function of its own: a loop that runs once per call is
 * optimised on the stack, and code after it that had not run yet threw that optimised code away again.
 */
export function buildStreetGrid(lines: readonly StreetLine[]): StreetGrid | null {
  const b = lineBounds(lines);
  const usable = b[4];
  if (usable === 0) return null;
  const minX = b[0], minY = b[1], maxX = b[2], maxY = b[3];
  // Cells about square on the ground.
  const wM = (maxX - minX) * METERS_PER_DEGREE * Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const hM = (maxY - minY) * METERS_PER_DEGREE;
  const target = Math.max(1, Math.min(MAX_CELLS, Math.ceil(usable / SEGMENTS_PER_CELL)));
  let side = Math.sqrt((wM * hM) / target);
  if (!(side > 0)) side = Math.max(wM, hM) / target;
  let cols = side > 0 ? Math.max(1, Math.min(MAX_CELLS, Math.ceil(wM / side))) : 1;
  let rows = side > 0 ? Math.max(1, Math.min(MAX_CELLS, Math.ceil(hM / side))) : 1;
  while (cols * rows > MAX_CELLS) { cols = Math.max(1, cols >> 1); rows = Math.max(1, rows >> 1); }
  const cellW = maxX > minX ? (maxX - minX) / cols : 1;
  const cellH = maxY > minY ? (maxY - minY) / rows : 1;
  const cells = cols * rows;
  const cellOf = new Int32Array(b[5]);
  const cellStart = new Int32Array(cells + 1);
  const reach = cellPerSegment(lines, minX, minY, cellW, cellH, cols, rows, cellOf, cellStart);
  prefixSums(cellStart);
  const cellSegs = new Float64Array(cellStart[cells] * 4);
  const longSegs = new Float64Array(reach[2] * 4);
  fileInCells(lines, cellOf, cellStart.slice(0, cells), cellSegs, longSegs);
  return { minX, minY, cellW, cellH, cols, rows, reachX: reach[0], reachY: reach[1], cellStart, cellSegs, longSegs };
}

/** x − x is 0 only for a finite x (NaN and ±Infinity give NaN). */
const finite = (x: number): boolean => x - x === 0;

/** [minX, minY, maxX, maxY, segments with four finite numbers, all segments]. */
function lineBounds(lines: readonly StreetLine[]): Float64Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, usable = 0, all = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (line.length < 2) continue;
    let ax = +line[0][0], ay = +line[0][1];
    for (let i = 1; i < line.length; i++) {
      const bx = +line[i][0], by = +line[i][1];
      all++;
      if (finite(ax) && finite(ay) && finite(bx) && finite(by)) {
        usable++;
        minX = Math.min(minX, ax, bx);
        maxX = Math.max(maxX, ax, bx);
        minY = Math.min(minY, ay, by);
        maxY = Math.max(maxY, ay, by);
      }
      ax = bx;
      ay = by;
    }
  }
  return Float64Array.of(minX, minY, maxX, maxY, usable, all);
}

/**
 * cellOf[s] = the cell of segment s's midpoint, −1 for a long segment, −2 for one left out; counts[cell + 1]
 * counts the filed ones. Returns [reachX, reachY, number of long segments].
 */
function cellPerSegment(lines: readonly StreetLine[], minX: number, minY: number, cellW: number, cellH: number, cols: number, rows: number, cellOf: Int32Array, counts: Int32Array): Float64Array {
  const lastCol = cols - 1, lastRow = rows - 1;
  const longW = LONG_CELLS * cellW, longH = LONG_CELLS * cellH;
  let reachX = 0, reachY = 0, longCount = 0, s = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (line.length < 2) continue;
    let ax = +line[0][0], ay = +line[0][1];
    for (let i = 1; i < line.length; i++, s++) {
      const bx = +line[i][0], by = +line[i][1];
      const w = Math.abs(bx - ax), h = Math.abs(by - ay);
      if (!(finite(ax) && finite(ay) && finite(bx) && finite(by))) cellOf[s] = -2;
      else if (w > longW || h > longH) { cellOf[s] = -1; longCount++; }
      else {
        reachX = Math.max(reachX, w);
        reachY = Math.max(reachY, h);
        const c = Math.floor(((ax + bx) / 2 - minX) / cellW), r = Math.floor(((ay + by) / 2 - minY) / cellH);
        const cell = Math.min(r, lastRow) * cols + Math.min(c, lastCol);
        cellOf[s] = cell;
        counts[cell + 1]++;
      }
      ax = bx;
      ay = by;
    }
  }
  return Float64Array.of(reachX / 2, reachY / 2, longCount);
}

function prefixSums(a: Int32Array): void {
  for (let i = 1; i < a.length; i++) a[i] += a[i - 1];
}

/** Second pass of the counting sort: segment s copied to place next[cellOf[s]]++ (long ones to `longSegs`). */
function fileInCells(lines: readonly StreetLine[], cellOf: Int32Array, next: Int32Array, cellSegs: Float64Array, longSegs: Float64Array): void {
  let s = 0, l4 = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (line.length < 2) continue;
    let ax = +line[0][0], ay = +line[0][1];
    for (let i = 1; i < line.length; i++, s++) {
      const bx = +line[i][0], by = +line[i][1];
      const cell = cellOf[s];
      if (cell >= 0) {
        const to = next[cell]++ * 4;
        cellSegs[to] = ax;
        cellSegs[to + 1] = ay;
        cellSegs[to + 2] = bx;
        cellSegs[to + 3] = by;
      } else if (cell === -1) {
        longSegs[l4] = ax;
        longSegs[l4 + 1] = ay;
        longSegs[l4 + 2] = bx;
        longSegs[l4 + 3] = by;
        l4 += 4;
      }
      ax = bx;
      ay = by;
    }
  }
}

/** Distance from the origin to segment a–b (local metres). */
export function pointSegmentMeters(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Distance from (px, py) to the segment at segs[k … k + 3] in metres of a local plane at the point (the hint's measure). */
function segmentMeters(segs: Float64Array, k: number, px: number, py: number, mPerDegLon: number, mPerDegLat: number): number {
  const ax = (segs[k] - px) * mPerDegLon, ay = (segs[k + 1] - py) * mPerDegLat;
  const bx = (segs[k + 2] - px) * mPerDegLon, by = (segs[k + 3] - py) * mPerDegLat;
  return pointSegmentMeters(ax, ay, bx, by);
}

/**
 * Distance in metres (local plane at the point: 111 320 m per degree of latitude, × cos(latitude) per degree
 * of longitude) from (px, py) to the nearest segment of the grid: the minimum over every segment.
 */
export function nearestSegmentMeters(grid: StreetGrid, px: number, py: number): number {
  return nearestSegmentsMeters(grid, [[px, py]])[0];
}

/**
 * `nearestSegmentMeters` of each point, found by visiting rings of cells outwards until no unvisited cell can
 * hold anything closer. One call for all points, the loop over them inside: on a first run (the CLI's case)
 * the loop is optimised after a few hundred points, where a call per point ran unoptimised much longer.
 */
export function nearestSegmentsMeters(grid: StreetGrid, points: readonly (readonly number[])[]): number[] {
  const { minX, minY, cellW, cellH, cols, rows, reachX, reachY, cellStart, cellSegs, longSegs } = grid;
  const out: number[] = [];
  for (let q = 0; q < points.length; q++) {
    const px = points[q][0], py = points[q][1];
    const mPerDegLat = METERS_PER_DEGREE;
    const mPerDegLon = METERS_PER_DEGREE * Math.cos((py * Math.PI) / 180);
    let best = Infinity;
    for (let j = 0; j < longSegs.length; j += 4) {
      const d = segmentMeters(longSegs, j, px, py, mPerDegLon, mPerDegLat);
      if (d < best) best = d;
    }
    let bestSquared = best * best * (1 + 1e-9);
    const pc = Math.floor((px - minX) / cellW), pr = Math.floor((py - minY) / cellH);
    // Rings nearer than the grid hold no cell: start at the first one that reaches it.
    // (0 − pc, not −pc: a −0 made the optimised loop bail out.)
    const first = Math.max(0, 0 - pc, pc - (cols - 1), 0 - pr, pr - (rows - 1));
    const last = Number.isFinite(first) ? first + Math.max(cols, rows) : -1;
    for (let ring = first; ring <= last; ring++) {
      const c0 = pc - ring, c1 = pc + ring, r0 = pr - ring, r1 = pr + ring;
      const cFrom = Math.max(0, c0), cTo = Math.min(cols - 1, c1), rTo = Math.min(rows - 1, r1);
      for (let r = Math.max(0, r0); r <= rTo; r++) {
        const edgeRow = r === r0 || r === r1;
        for (let c = cFrom; c <= cTo; c++) {
          if (!edgeRow && c !== c0 && c !== c1) { c = c1 - 1; continue; } // inner cells: visited in earlier rings
          const cell = r * cols + c;
          for (let j = cellStart[cell], end = cellStart[cell + 1]; j < end; j++) {
            // pointSegmentMeters inline, with Math.hypot (slow in V8) only when the plain sum of squares says
            // the segment may be nearer: the same minimum, to the bit.
            const k = j * 4;
            const ax = (cellSegs[k] - px) * mPerDegLon, ay = (cellSegs[k + 1] - py) * mPerDegLat;
            const dx = (cellSegs[k + 2] - px) * mPerDegLon - ax, dy = (cellSegs[k + 3] - py) * mPerDegLat - ay;
            const len2 = dx * dx + dy * dy;
            const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
            const qx = ax + t * dx, qy = ay + t * dy;
            if (qx * qx + qy * qy > bestSquared) continue;
            const d = Math.hypot(qx, qy);
            if (d < best) { best = d; bestSquared = d * d * (1 + 1e-9); }
          }
        }
      }
      // A segment not seen yet has its midpoint beyond one side of the visited block, so it reaches no
      // nearer to the point than that side less its half-extent.
      const left = c0 <= 0 ? Infinity : (px - (minX + c0 * cellW) - reachX) * mPerDegLon;
      const right = c1 >= cols - 1 ? Infinity : (minX + (c1 + 1) * cellW - px - reachX) * mPerDegLon;
      const below = r0 <= 0 ? Infinity : (py - (minY + r0 * cellH) - reachY) * mPerDegLat;
      const above = r1 >= rows - 1 ? Infinity : (minY + (r1 + 1) * cellH - py - reachY) * mPerDegLat;
      const beyond = Math.min(left, right, below, above);
      // Done when the block covers the grid, or (with a micrometre of slack for the rounding of cell edges)
      // when nothing beyond it can be nearer.
      if (beyond === Infinity || best <= beyond - 1e-6) break;
    }
    out.push(best);
  }
  return out;
}
