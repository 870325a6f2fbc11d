/**
 * The street-offset hint's first pass (nearStreets `measureWithin`): street LINES met through their boxes.
 * The points (~6000 at ×50) go in a coarse grid; each line's box is taken in the same walk that reads its
 * vertices, widened by the pass's reach, and only the points in the cells under it (and inside the widened box)
 * are measured against the line's segments. The segment-by-segment walk this replaced spent per segment (563k
 * at ×50) the cell arithmetic of its midpoint and a 60 m point grid of ~400k cells; here that is done per line
 * (93k), with cells four reaches wide (~25k).
 * ×50 town, first pass over the 6000 points in fresh bundled processes (CLI V8 flags, 2 cores under load, CPU,
 * 11 alternating runs): segment walk median ~100–105 ms (min ~72), this walk ~55 ms (min ~41); warm (best of
 * 6 calls) ~45–65 → ~16–23 ms. Of a first run ~15 ms is TurboFan compiling the walk and the point cells.
 * A Flatbush of the 93k line boxes, queried per point, took ~155–165 ms cold (filling and sorting the tree
 * on a first run), ~37 ms once built; the CLI asks once (its community layer has no points), so no index is
 * kept: the boxes are taken in the walk itself, no 3 MB box list (cached boxes measured no cheaper cold).
 * Distances are the same to the bit: the same arithmetic as `nearestSegmentsMeters`, every segment within the
 * radius of a point met (see `walkLines`).
 */
import { MAX_CELLS_PER_AXIS, METERS_PER_DEGREE, REACH_SLACK, prefixSums } from './streetCells';
import type { StreetLines } from './streetLines';

/** Cells this many reaches wide: 2–8 measured alike at ×50 (a line's box spans a cell or two, ~1 point each). */
const CELL_REACHES = 4;

/** The points of one pass in a grid of cells, in cell order (row-major: a row's cells are one run of points). */
interface CoarseCells {
  minX: number; minY: number; cellW: number; cellH: number; cols: number; rows: number;
  /** How far (degrees) a line's box is widened to meet every point within the radius (cos of the max |lat|). */
  reachX: number; reachY: number;
  cellStart: Int32Array;
  /** Per point in cell order: x, y, metres per degree of longitude, best distance, the square a segment must beat. */
  x: Float64Array; y: Float64Array; mPerDegLon: Float64Array; best: Float64Array; bestSquared: Float64Array;
  id: Int32Array;
}

/**
 * Measure points `ids` (finite, |lat| ≤ 80°: nearStreets leaves the rest out) against every usable segment
 * within `radius` metres: afterwards best[q] ≤ radius is the exact nearest distance (if it was not lower
 * already), and more (or Infinity) means no segment within the radius.
 */
export function measureNearLines(lines: StreetLines, ids: readonly number[], px: Float64Array, py: Float64Array, best: Float64Array, radius: number): void {
  if (ids.length === 0) return;
  // Three functions without a loop here: a loop in this one, after the walk, had TurboFan compile the walk a
  // second time inlined in it (OSR, ~6–9 ms on a first run).
  const cells = coarseCells(ids, px, py, best, radius);
  walkLines(lines, cells);
  copyBest(cells, best);
}

function coarseCells(ids: readonly number[], px: Float64Array, py: Float64Array, best: Float64Array, radius: number): CoarseCells {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, maxAbsY = 0;
  const m = ids.length;
  for (let k = 0; k < m; k++) {
    const q = ids[k];
    minX = Math.min(minX, px[q]); maxX = Math.max(maxX, px[q]);
    minY = Math.min(minY, py[q]); maxY = Math.max(maxY, py[q]);
    maxAbsY = Math.max(maxAbsY, Math.abs(py[q]));
  }
  const reachX = (REACH_SLACK * radius) / (METERS_PER_DEGREE * Math.cos((maxAbsY * Math.PI) / 180));
  const reachY = (REACH_SLACK * radius) / METERS_PER_DEGREE;
  // (Never 0 wide: a radius of 0 m around one place still needs cells; 1e-7° is about a centimetre.)
  const cellW = Math.max(CELL_REACHES * reachX, (maxX - minX) / (MAX_CELLS_PER_AXIS - 1), 1e-7);
  const cellH = Math.max(CELL_REACHES * reachY, (maxY - minY) / (MAX_CELLS_PER_AXIS - 1), 1e-7);
  const cols = Math.floor((maxX - minX) / cellW) + 1, rows = Math.floor((maxY - minY) / cellH) + 1;
  const cellOf = new Int32Array(m);
  const cellStart = new Int32Array(cols * rows + 1);
  for (let k = 0; k < m; k++) {
    const q = ids[k];
    const cell = Math.min(rows - 1, Math.floor((py[q] - minY) / cellH)) * cols + Math.min(cols - 1, Math.floor((px[q] - minX) / cellW));
    cellOf[k] = cell;
    cellStart[cell + 1]++;
  }
  prefixSums(cellStart);
  // Local arrays, the object made last: writing through it while its loop was compiled on the stack (before
  // the object existed) threw the code away and compiled the function again (~6 ms on a first run).
  const x = new Float64Array(m), y = new Float64Array(m), mPerDegLon = new Float64Array(m);
  const near = new Float64Array(m), nearSquared = new Float64Array(m), id = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const q = ids[k], at = cellStart[cellOf[k]]++;
    x[at] = px[q];
    y[at] = py[q];
    mPerDegLon[at] = METERS_PER_DEGREE * Math.cos((py[q] * Math.PI) / 180);
    near[at] = best[q];
    // Capped at the radius: a farther segment is never measured to the end (Math.hypot was ~15% of the walk
    // when every point's first segment met was), and "beyond the radius" is all the pass promises there.
    const cap = Math.min(best[q], radius);
    nearSquared[at] = cap * cap * (1 + 1e-9);
    id[at] = q;
  }
  cellStart.copyWithin(1, 0, cellStart.length - 1);
  cellStart[0] = 0;
  return { minX, minY, cellW, cellH, cols, rows, reachX, reachY, cellStart, x, y, mPerDegLon, best: near, bestSquared: nearSquared, id };
}

function copyBest(cells: CoarseCells, best: Float64Array): void {
  const { id } = cells;
  for (let i = 0; i < id.length; i++) best[id[i]] = cells.best[i];
}

/** A line's box over its finite vertices, for the rare line with an infinite number (else it would meet every cell). */
function finiteBox(xy: Float64Array, from: number, to: number, out: Float64Array): void {
  out[0] = Infinity; out[1] = Infinity; out[2] = -Infinity; out[3] = -Infinity;
  for (let i = from; i < to; i++) {
    const x = xy[2 * i], y = xy[2 * i + 1];
    if (x - x !== 0 || y - y !== 0) continue;
    out[0] = Math.min(out[0], x); out[1] = Math.min(out[1], y);
    out[2] = Math.max(out[2], x); out[3] = Math.max(out[3], y);
  }
}

/**
 * The hot loop, one function called once (optimised on the stack). Exact: a segment within the radius of a
 * point has its nearest spot within (reachX, reachY) of the point, and that spot lies in the line's box, so the
 * point is inside the widened box and in a cell under it; a point's cell and a box's cell range come from the
 * same monotone formula. Each pair is measured as `nearestSegmentsMeters` does, to the bit.
 */
function walkLines(lines: StreetLines, g: CoarseCells): void {
  const { minX, minY, cellW, cellH, cols, rows, reachX, reachY, cellStart, x, y, mPerDegLon, best, bestSquared } = g;
  const { xy, lineStart } = lines;
  const lastCol = cols - 1, lastRow = rows - 1;
  const mPerDegLat = METERS_PER_DEGREE;
  const scratch = new Float64Array(4);
  for (let l = 0; l + 1 < lineStart.length; l++) {
    const start = lineStart[l], end = lineStart[l + 1];
    // The box by comparisons alone: NaN never wins one, so a vertex with a NaN joins no box (its other number
    // may widen it, which costs a few extra measures but loses nothing).
    let bx0 = Infinity, by0 = Infinity, bx1 = -Infinity, by1 = -Infinity;
    for (let i = start; i < end; i++) {
      const vx = xy[2 * i], vy = xy[2 * i + 1];
      if (vx < bx0) bx0 = vx;
      if (vx > bx1) bx1 = vx;
      if (vy < by0) by0 = vy;
      if (vy > by1) by1 = vy;
    }
    if (bx1 - bx0 === Infinity || by1 - by0 === Infinity) {
      finiteBox(xy, start, end, scratch);
      bx0 = scratch[0]; by0 = scratch[1]; bx1 = scratch[2]; by1 = scratch[3];
    }
    if (!(bx0 <= bx1 && by0 <= by1)) continue;
    const x0 = bx0 - reachX, y0 = by0 - reachY, x1 = bx1 + reachX, y1 = by1 + reachY;
    const c0 = Math.max(0, Math.floor((x0 - minX) / cellW)), c1 = Math.min(lastCol, Math.floor((x1 - minX) / cellW));
    const r0 = Math.max(0, Math.floor((y0 - minY) / cellH)), r1 = Math.min(lastRow, Math.floor((y1 - minY) / cellH));
    // (A box beside the grid: an empty range, and no read past the cell list.)
    if (c0 > c1 || r0 > r1) continue;
    for (let r = r0; r <= r1; r++) {
      for (let j = cellStart[r * cols + c0], rowEnd = cellStart[r * cols + c1 + 1]; j < rowEnd; j++) {
        const qx = x[j], qy = y[j];
        if (qx < x0 || qx > x1 || qy < y0 || qy > y1) continue;
        const mLon = mPerDegLon[j];
        let d2Max = bestSquared[j], nearest = best[j];
        let ax = xy[2 * start], ay = xy[2 * start + 1];
        // A segment whose ends both lie beyond the reach on one side is farther than the radius: skipped
        // before its arithmetic (a line's box is met by points near only a few of its up to 16 segments).
        const qx0 = qx - reachX, qx1 = qx + reachX, qy0 = qy - reachY, qy1 = qy + reachY;
        for (let i = start + 1; i < end; i++) {
          const bx = xy[2 * i], by = xy[2 * i + 1];
          const away = (ax < qx0 && bx < qx0) || (ax > qx1 && bx > qx1) || (ay < qy0 && by < qy0) || (ay > qy1 && by > qy1);
          if (!away && (ax - ax) + (ay - ay) + (bx - bx) + (by - by) === 0) {
            const sx = (ax - qx) * mLon, sy = (ay - qy) * mPerDegLat;
            const dx = (bx - qx) * mLon - sx, dy = (by - qy) * mPerDegLat - sy;
            const len2 = dx * dx + dy * dy;
            const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(sx * dx + sy * dy) / len2));
            const ex = sx + t * dx, ey = sy + t * dy;
            if (!(ex * ex + ey * ey > d2Max)) {
              const d = Math.hypot(ex, ey);
              if (d < nearest) { nearest = d; d2Max = d * d * (1 + 1e-9); }
            }
          }
          ax = bx;
          ay = by;
        }
        best[j] = nearest;
        bestSquared[j] = d2Max;
      }
    }
  }
}
