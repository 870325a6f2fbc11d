/**
 * Exact nearest-street distances for a few thousand points without filing every street segment in a grid.
 * The street-offset hint asks about ~6000 points (2000 sampled facilities, as read and with GCJ-02 / BD-09
 * undone) against ~563k segments at ×50; filling `buildStreetGrid` with all of them spent ~330 ms of the
 * CLI's main thread on a first run (10 MB position list + 18 MB of filed segments, freshly allocated memory
 * and scattered writes). Here the points go in a small grid instead and the street lines are walked once,
 * each segment measured against the points in the cells near it: a point whose nearest segment found is
 * within the pass's radius has met every segment within that radius, so its distance is the exact minimum,
 * to the bit (the same arithmetic as `nearestSegmentsMeters`). Points not settled go to a pass with a wider
 * radius, and the few left after those (or a layer of mostly far-off points) to the full grid.
 */
import { buildStreetGrid, nearestSegmentsMeters } from './streetGrid';
import type { StreetLines, StreetLinesInput } from './streetLines';
import { asStreetLines } from './streetLines';
import { measureNearLines } from './lineIndex';
import { MAX_CELLS_PER_AXIS, METERS_PER_DEGREE, REACH_SLACK, prefixSums } from './streetCells';

/**
 * Radii of the passes. ×50 town: 2000 facilities as read are at most 59 m from a street, with GCJ-02 undone
 * 464 m, with BD-09 undone 1089 m (p90 30–41 m); the real extracts' shifted points up to ~1 km. A first pass
 * of 60 m over the 6000 points took ~140 ms CPU on a first run under load (100 m: ~180 ms, 40 m: ~190 ms,
 * more segments longer than a cell) against ~240 ms for filing all 563k segments in the grid.
 */
const PASS_RADII_METERS = [60, 1500, 15_000];
/** Near the poles a metre of longitude is many degrees: such points are left to the full grid. */
const MAX_ABS_LATITUDE = 80;
/** More points than this share unsettled after a pass: the full grid answers them (cheaper for many). */
const FULL_GRID_SHARE = 0.25;

/** Whether any segment of the lines has four finite numbers (else `buildStreetGrid` gives null). */
export function hasStreetSegment(input: StreetLinesInput): boolean {
  const { xy, lineStart } = asStreetLines(input);
  for (let l = 0; l + 1 < lineStart.length; l++) {
    let prevFinite = false;
    for (let i = lineStart[l]; i < lineStart[l + 1]; i++) {
      const x = xy[2 * i], y = xy[2 * i + 1];
      const ok = x - x === 0 && y - y === 0;
      if (ok && prevFinite) return true;
      prevFinite = ok;
    }
  }
  return false;
}

/** What one pass found: per point the nearest distance among the segments it met. */
export interface NearPass {
  /** The pass's radius: meters[q] ≤ radiusMeters is the exact nearest distance, more means "beyond the radius". */
  radiusMeters: number;
  meters: Float64Array;
  /** 1 for a point the pass leaves out (not a finite longitude/latitude within ±80°): only the grid measures it. */
  odd: Uint8Array;
}

/**
 * One walk over the lines measuring every point against the segments within `radiusMeters` of it, line by line
 * (see lineIndex: ×50 first pass ~90–110 → ~50 ms CPU on a first run; the segment walk below stays for the
 * wider passes of shifted data, whose few points it served well).
 */
export function measureWithin(input: StreetLinesInput, points: readonly (readonly number[])[], radiusMeters: number = PASS_RADII_METERS[0]): NearPass {
  const n = points.length;
  const meters = new Float64Array(n).fill(Infinity);
  const odd = new Uint8Array(n);
  const px = new Float64Array(n), py = new Float64Array(n);
  const ids: number[] = [];
  for (let q = 0; q < n; q++) {
    const x: unknown = points[q][0], y: unknown = points[q][1];
    // Text, NaN and polar points: left to the full grid, which answers them as it always did.
    if (typeof x !== 'number' || typeof y !== 'number' || x - x !== 0 || !(Math.abs(y) <= MAX_ABS_LATITUDE)) { odd[q] = 1; continue; }
    px[q] = x;
    py[q] = y;
    ids.push(q);
  }
  if (ids.length) measureNearLines(asStreetLines(input), ids, px, py, meters, radiusMeters);
  return { radiusMeters, meters, odd };
}

/**
 * The exact distances of points[from … to): the first pass's where it settled them, wider passes for the
 * rest, the full grid for what is left (or for many far points, where the grid is cheaper).
 */
export function settleMeters(input: StreetLinesInput, points: readonly (readonly number[])[], first: NearPass, from = 0, to = points.length): number[] {
  const lines = asStreetLines(input);
  const { meters, odd } = first;
  const best = meters.slice(from, to);
  const px = new Float64Array(to - from), py = new Float64Array(to - from);
  const toGrid: number[] = [];
  let pending: number[] = [];
  for (let q = from; q < to; q++) {
    if (odd[q]) toGrid.push(q - from);
    else if (!(meters[q] <= first.radiusMeters)) {
      pending.push(q - from);
      px[q - from] = +points[q][0];
      py[q - from] = +points[q][1];
    }
  }
  for (const radius of PASS_RADII_METERS) {
    if (pending.length === 0 || pending.length > (to - from) * FULL_GRID_SHARE) break;
    if (radius <= first.radiusMeters) continue;
    measurePass(lines, pending, px, py, best, radius);
    pending = pending.filter((q) => !(best[q] <= radius));
  }
  const out = Array.from(best);
  const rest = toGrid.concat(pending);
  if (rest.length) {
    const grid = buildStreetGrid(lines);
    if (grid) {
      const d = nearestSegmentsMeters(grid, rest.map((q) => points[from + q]));
      for (let i = 0; i < rest.length; i++) out[rest[i]] = d[i];
    }
  }
  return out;
}

/**
 * `nearestSegmentsMeters(buildStreetGrid(lines), points)`, the same numbers, for lines with at least one
 * usable segment (see `hasStreetSegment`; without one every distance is Infinity).
 */
export function nearestStreetsMeters(input: StreetLinesInput, points: readonly (readonly number[])[]): number[] {
  const lines = asStreetLines(input);
  return settleMeters(lines, points, measureWithin(lines, points));
}

/** The points of one pass in a grid of cells about `radius` wide, in cell order. */
interface PointCells {
  minX: number; minY: number; cellW: number; cellH: number; cols: number; rows: number;
  /** How far (degrees) a segment's box is widened to meet every point within the radius. */
  reachX: number; reachY: number;
  cellStart: Int32Array;
  /**
   * 1 where a point sits within two cells, over the grid and a border of two cells: a segment at most two
   * cells long reaches no point unless its midpoint's cell is marked — one look-up for most segments.
   */
  near: Uint8Array;
  /** Per point in cell order: x, y, metres per degree of longitude, best distance, its square (with slack). */
  x: Float64Array; y: Float64Array; mPerDegLon: Float64Array; best: Float64Array; bestSquared: Float64Array;
  id: Int32Array;
}

function pointCells(ids: readonly number[], px: Float64Array, py: Float64Array, best: Float64Array, radius: number): PointCells {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, maxAbsY = 0;
  for (const q of ids) {
    minX = Math.min(minX, px[q]); maxX = Math.max(maxX, px[q]);
    minY = Math.min(minY, py[q]); maxY = Math.max(maxY, py[q]);
    maxAbsY = Math.max(maxAbsY, Math.abs(py[q]));
  }
  const reachX = (REACH_SLACK * radius) / (METERS_PER_DEGREE * Math.cos((maxAbsY * Math.PI) / 180));
  const reachY = (REACH_SLACK * radius) / METERS_PER_DEGREE;
  // (Never 0 wide: a radius of 0 m around one place still needs cells; 1e-7° is about a centimetre.)
  const cellW = Math.max(reachX, (maxX - minX) / (MAX_CELLS_PER_AXIS - 1), 1e-7);
  const cellH = Math.max(reachY, (maxY - minY) / (MAX_CELLS_PER_AXIS - 1), 1e-7);
  const cols = Math.floor((maxX - minX) / cellW) + 1, rows = Math.floor((maxY - minY) / cellH) + 1;
  // Plain loops, no closures: this runs once per pass, mostly before it is optimised.
  const m = ids.length;
  const cellOf = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const q = ids[i];
    cellOf[i] = Math.min(rows - 1, Math.floor((py[q] - minY) / cellH)) * cols + Math.min(cols - 1, Math.floor((px[q] - minX) / cellW));
  }
  const cellStart = new Int32Array(cols * rows + 1);
  for (let i = 0; i < m; i++) cellStart[cellOf[i] + 1]++;
  prefixSums(cellStart);
  const next = new Int32Array(m);
  const near = new Uint8Array((cols + 4) * (rows + 4));
  for (let i = 0; i < m; i++) next[i] = cellStart[cellOf[i]]++;
  cellStart.copyWithin(1, 0, cellStart.length - 1);
  cellStart[0] = 0;
  for (let i = 0; i < m; i++) {
    const c = cellOf[i] % cols, r = (cellOf[i] - c) / cols;
    for (let nr = r; nr <= r + 4; nr++) near.fill(1, nr * (cols + 4) + c, nr * (cols + 4) + c + 5);
  }
  const cells: PointCells = {
    minX, minY, cellW, cellH, cols, rows, reachX, reachY, cellStart, near,
    x: new Float64Array(m), y: new Float64Array(m), mPerDegLon: new Float64Array(m), best: new Float64Array(m), bestSquared: new Float64Array(m), id: new Int32Array(m),
  };
  for (let i = 0; i < m; i++) {
    const q = ids[i], at = next[i];
    cells.x[at] = px[q];
    cells.y[at] = py[q];
    cells.mPerDegLon[at] = METERS_PER_DEGREE * Math.cos((py[q] * Math.PI) / 180);
    cells.best[at] = best[q];
    cells.bestSquared[at] = best[q] * best[q] * (1 + 1e-9);
    cells.id[at] = q;
  }
  return cells;
}

/** One walk over the lines: every usable segment measured against the points in the cells within reach. */
function measurePass(lines: StreetLines, ids: readonly number[], px: Float64Array, py: Float64Array, best: Float64Array, radius: number): void {
  const cells = pointCells(ids, px, py, best, radius);
  walkSegments(lines, cells);
  for (let i = 0; i < cells.id.length; i++) best[cells.id[i]] = cells.best[i];
}

/**
 * The hot loop, in one function called once (optimised on the stack): reads each position once from the flat
 * lines (the `+p[0]` of `streetLinesOf`, as `buildStreetGrid` reads them), and measures as
 * `nearestSegmentsMeters` does, to the bit.
 */
function walkSegments(lines: StreetLines, g: PointCells): void {
  const { minX, minY, cellW, cellH, cols, rows, reachX, reachY, cellStart, near, x, y, mPerDegLon, best, bestSquared } = g;
  const { xy, lineStart } = lines;
  const lastCol = cols - 1, lastRow = rows - 1, nearCols = cols + 4, nearRows = rows + 4;
  const mPerDegLat = METERS_PER_DEGREE;
  for (let l = 0; l + 1 < lineStart.length; l++) {
    const start = lineStart[l], end = lineStart[l + 1];
    if (end === start) continue;
    // The first vertex read before the loop rather than from NaN "previous" values: NaN cell numbers in the
    // loop kept it on slow float paths (×50 facilities, 656k vertices: walk ~140 → ~70 ms).
    let ax = xy[2 * start], ay = xy[2 * start + 1];
    for (let i = start + 1; i < end; i++) {
      const bx = xy[2 * i], by = xy[2 * i + 1];
      // A segment at most two cells wide and tall lies within a cell of its midpoint, so a point within reach of
      // it is within two cells of the midpoint's cell (reach ≤ a cell): one look-up in `near` decides.
      const nc = Math.floor(((ax + bx) / 2 - minX) / cellW) + 2, nr = Math.floor(((ay + by) / 2 - minY) / cellH) + 2;
      const short = Math.abs(bx - ax) <= 2 * cellW && Math.abs(by - ay) <= 2 * cellH;
      const nearAny = nc >= 0 && nc < nearCols && nr >= 0 && nr < nearRows && near[nr * nearCols + nc] === 1;
      if ((ax - ax) + (ay - ay) + (bx - bx) + (by - by) === 0 && (nearAny || !short)) {
        const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - reachX - minX) / cellW));
        const c1 = Math.min(lastCol, Math.floor((Math.max(ax, bx) + reachX - minX) / cellW));
        const r0 = Math.max(0, Math.floor((Math.min(ay, by) - reachY - minY) / cellH));
        const r1 = Math.min(lastRow, Math.floor((Math.max(ay, by) + reachY - minY) / cellH));
        for (let r = r0; r <= r1; r++) {
          for (let c = c0; c <= c1; c++) {
            const cell = r * cols + c;
            for (let j = cellStart[cell], end = cellStart[cell + 1]; j < end; j++) {
              const qx = x[j], qy = y[j], mLon = mPerDegLon[j];
              const sx = (ax - qx) * mLon, sy = (ay - qy) * mPerDegLat;
              const dx = (bx - qx) * mLon - sx, dy = (by - qy) * mPerDegLat - sy;
              const len2 = dx * dx + dy * dy;
              const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(sx * dx + sy * dy) / len2));
              const ex = sx + t * dx, ey = sy + t * dy;
              if (ex * ex + ey * ey > bestSquared[j]) continue;
              const d = Math.hypot(ex, ey);
              if (d < best[j]) { best[j] = d; bestSquared[j] = d * d * (1 + 1e-9); }
            }
          }
        }
      }
      ax = bx;
      ay = by;
    }
  }
}
