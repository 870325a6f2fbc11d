/**
 * Street segments in a uniform grid of cells (typed arrays, a counting sort), for the exact distance in local
 * metres from a point to the nearest segment: the reference measure of the street-offset hint, and its answer
 * for the points its walks over the streets leave (see nearStreets: far-off, odd or many far points). A
 * Flatbush over the same segments spent ~200 ms of the profiled ×50 run (563k segments) sorting and packing
 * before the first question.
 *
 * Each segment is filed once, in the cell of its midpoint; the widest half-extent of a filed segment then
 * bounds how far beyond its cell a segment can reach. A segment wider or taller than LONG_CELLS cells (a rare
 * long straight) is kept aside and measured for every point, so one such line does not make every cell big.
 */
import type { StreetLinesInput } from './streetLines';
import { asStreetLines } from './streetLines';
import { METERS_PER_DEGREE, prefixSums } from './streetCells';

const LONG_CELLS = 2;
/** About this many segments per cell. */
const SEGMENTS_PER_CELL = 4;
const MAX_CELLS = 1 << 22;

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
  /** Every position's x, y, in line order: position p at xy[2p], xy[2p + 1] (the lines' own array, not a copy). */
  xy: Float64Array;
  /**
   * The filed segments in cell order: cell c holds segments cellStart[c] … cellStart[c + 1] − 1 of
   * `cellEnds`, each the index of the position that ends it (it starts at the one before). Indices, not
   * the four numbers: at ×50 (563k segments) a copy of the numbers was 18 MB of fresh memory written in
   * scattered order (~80 ms of a first run); the few dozen a question reads are found through `xy`.
   */
  cellStart: Int32Array;
  cellEnds: Int32Array;
  /** Segments too long to file ([ax, ay, bx, by] each), measured for every point. */
  longSegs: Float64Array;
}

/**
 * File the segments of the lines in a grid; null when no segment has four finite numbers (those that do not
 * are left out). The positions are the lines' flat array as it is (see streetLines: read once, as numbers,
 * by whoever made it); the grid keeps it rather than a copy (10 MB at ×50 when it was filled from position
 * arrays). Each pass is a function of its own: a loop that runs once per call is optimised on the stack, and
 * code after it that had not run yet threw that optimised code away again.
 */
export function buildStreetGrid(input: StreetLinesInput): StreetGrid | null {
  const { xy, lineStart } = asStreetLines(input);
  const b = segmentBounds(xy, lineStart);
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
  const longIndex = new Int32Array(b[5] + 1);
  const cellStart = new Int32Array(cells + 1);
  const reach = cellPerSegment(xy, lineStart, minX, minY, cellW, cellH, cols, rows, cellOf, cellStart, longIndex);
  prefixSums(cellStart);
  const cellEnds = new Int32Array(cellStart[cells]);
  fileInCells(lineStart, cellOf, cellStart.slice(0, cells), cellEnds);
  const longSegs = copyLong(xy, longIndex, reach[2]);
  return { minX, minY, cellW, cellH, cols, rows, reachX: reach[0], reachY: reach[1], xy, cellStart, cellEnds, longSegs };
}

/** x − x is 0 only for a finite x (NaN and ±Infinity give NaN). */
const finite = (x: number): boolean => x - x === 0;

/**
 * [minX, minY, maxX, maxY] over the segments with four finite numbers, their count, and the count of all
 * segments (a line of n positions has n − 1).
 */
function segmentBounds(xy: Float64Array, lineStart: Int32Array): Float64Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, usable = 0, all = 0;
  for (let l = 0; l + 1 < lineStart.length; l++) {
    const start = lineStart[l], end = lineStart[l + 1];
    let prevFinite = false;
    for (let i = start, k = 2 * start; i < end; i++, k += 2) {
      const x = xy[k], y = xy[k + 1];
      const ok = finite(x) && finite(y);
      if (i > start) {
        all++;
        if (ok && prevFinite) {
          usable++;
          minX = Math.min(minX, x, xy[k - 2]);
          maxX = Math.max(maxX, x, xy[k - 2]);
          minY = Math.min(minY, y, xy[k - 1]);
          maxY = Math.max(maxY, y, xy[k - 1]);
        }
      }
      prevFinite = ok;
    }
  }
  return Float64Array.of(minX, minY, maxX, maxY, usable, all);
}

/**
 * cellOf[s] = the cell of segment s's midpoint, −1 for a long segment, −2 for one left out; counts[cell + 1]
 * counts the filed ones, longIndex[0 … long count) lists where the long ones end in `xy` (position index).
 * Returns [reachX, reachY, long count].
 * Every operation runs for every segment and the cases only pick values: an operation first met after the
 * loop was optimised (the first long segment, say) threw the optimised loop away, and on a first run it then
 * went on unoptimised until compiled again.
 */
function cellPerSegment(xy: Float64Array, lineStart: Int32Array, minX: number, minY: number, cellW: number, cellH: number, cols: number, rows: number, cellOf: Int32Array, counts: Int32Array, longIndex: Int32Array): Float64Array {
  const lastCol = cols - 1, lastRow = rows - 1;
  const longW = LONG_CELLS * cellW, longH = LONG_CELLS * cellH;
  let reachX = 0, reachY = 0, longCount = 0, s = 0;
  for (let l = 0; l + 1 < lineStart.length; l++) {
    for (let p = lineStart[l] + 1; p < lineStart[l + 1]; p++, s++) {
      const ax = xy[2 * p - 2], ay = xy[2 * p - 1], bx = xy[2 * p], by = xy[2 * p + 1];
      const ok = (ax - ax) + (ay - ay) + (bx - bx) + (by - by) === 0; // all four finite
      const w = Math.abs(bx - ax), h = Math.abs(by - ay);
      const isLong = Math.max(w - longW, h - longH) > 0;
      const filed = ok && !isLong;
      const cell = Math.min(Math.floor(((ay + by) / 2 - minY) / cellH), lastRow) * cols + Math.min(Math.floor(((ax + bx) / 2 - minX) / cellW), lastCol);
      cellOf[s] = filed ? cell : ok ? -1 : -2;
      counts[filed ? cell + 1 : 0] += filed ? 1 : 0;
      reachX = Math.max(reachX, filed ? w : 0);
      reachY = Math.max(reachY, filed ? h : 0);
      longIndex[longCount] = p;
      longCount += ok && isLong ? 1 : 0;
    }
  }
  return Float64Array.of(reachX / 2, reachY / 2, longCount);
}

/** Second pass of the counting sort: segment s (ending at position p) to place next[cellOf[s]]++. */
function fileInCells(lineStart: Int32Array, cellOf: Int32Array, next: Int32Array, cellEnds: Int32Array): void {
  let s = 0;
  for (let l = 0; l + 1 < lineStart.length; l++) {
    for (let p = lineStart[l] + 1; p < lineStart[l + 1]; p++, s++) {
      const cell = cellOf[s];
      if (cell >= 0) cellEnds[next[cell]++] = p;
    }
  }
}

/** The long segments' numbers; segment j ends at position longIndex[j] of `xy`. */
function copyLong(xy: Float64Array, longIndex: Int32Array, count: number): Float64Array {
  const out = new Float64Array(count * 4);
  for (let j = 0; j < count; j++) {
    const p = longIndex[j];
    out.set([xy[2 * p - 2], xy[2 * p - 1], xy[2 * p], xy[2 * p + 1]], j * 4);
  }
  return out;
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
  const { minX, minY, cellW, cellH, cols, rows, reachX, reachY, xy, cellStart, cellEnds, longSegs } = grid;
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
            const k = cellEnds[j] * 2 - 2;
            const ax = (xy[k] - px) * mPerDegLon, ay = (xy[k + 1] - py) * mPerDegLat;
            const dx = (xy[k + 2] - px) * mPerDegLon - ax, dy = (xy[k + 3] - py) * mPerDegLat - ay;
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
