import type { AnalysisSettings } from '../config/defaults';
import type { Community } from '../types';
import type { AccessibilityResult, Gap } from './types';

/**
 * Uncovered (community, required category) pairs, most households first; ties by community input order, then
 * category order. Off-network communities are not gaps (their walk is unknown): see `offNetworkCommunities`.
 *
 * @example
 * ```ts
 * const top = listGaps(result, communities, settings).slice(0, 10);
 * top.forEach((g) => console.log(g.communityId, g.categoryId, g.walkMeters ?? 'none within bound'));
 * ```
 */
export function listGaps(result: AccessibilityResult, communities: readonly Community[], settings: AnalysisSettings): Gap[] {
  return gapsOfCells(gapCells(result, communities, settings), result, communities);
}

/**
 * The gaps of `listGaps` as result cells (i · categories + k), in its order: what the CLI's gaps.csv is written
 * from. Why: 310 000 Gap objects at ×50 cost ~150 ms to make and ~170 ms to turn back into arrays for the
 * writer thread, on the critical path after the searches; the objects are made only when asked for.
 */
export function gapCells(result: AccessibilityResult, communities: readonly Community[], settings: AnalysisSettings): Float64Array {
  const nCat = result.categoryIds.length;
  const required = new Set(settings.categories.filter((c) => c.required).map((c) => c.id));
  const requiredCols = Int32Array.from(result.categoryIds.map((id, k) => (required.has(id) ? k : -1)).filter((k) => k >= 0));
  const n = communities.length;
  const households = (i: number): number => communities[i].households ?? 0;
  const integral = communities.every((c) => c.households === null || (Number.isInteger(c.households) && c.households >= 0));
  let maxHouseholds = 0;
  for (const c of communities) maxHouseholds = Math.max(maxHouseholds, c.households ?? 0);
  if (integral && (maxHouseholds + 1) * n < Number.MAX_SAFE_INTEGER) {
    // The order is by households (most first), then by cell (community, then category): the communities sorted
    // by households then index, each with its gap cells in category order. One sort of 20 000 exact integer keys
    // instead of one of the 310 000 cells (×50, cold in a fresh process: 76–168 → 22–30 ms, on the main thread's
    // path after the searches).
    const byHouseholds = new Float64Array(n);
    for (let i = 0; i < n; i++) byHouseholds[i] = (maxHouseholds - households(i)) * n + i;
    byHouseholds.sort();
    return cellsInOrder(byHouseholds, n, result, requiredCols);
  }
  const cells = cellsInOrder(null, n, result, requiredCols);
  const byCell = Array.from(cells);
  byCell.sort((a, b) => households(Math.floor(b / nCat)) - households(Math.floor(a / nCat)) || a - b);
  cells.set(byCell);
  return cells;
}

/** The gap cells (i · categories + k) of the communities in `order` (keys whose remainder by n is i; null: 0 … n − 1), categories ascending. */
function cellsInOrder(order: Float64Array | null, n: number, result: AccessibilityResult, requiredCols: Int32Array): Float64Array {
  const nCat = result.categoryIds.length;
  const { covered } = result;
  const off = result.communitySnap.offNetwork;
  const cells = new Float64Array(n * requiredCols.length);
  let count = 0;
  for (let q = 0; q < n; q++) {
    const i = order ? order[q] % n : q;
    if (off[i]) continue;
    for (let c = 0; c < requiredCols.length; c++) {
      const cell = i * nCat + requiredCols[c];
      if (!covered[cell]) cells[count++] = cell;
    }
  }
  return cells.subarray(0, count);
}

/** The Gap objects of cells from `gapCells` (same result and communities). */
export function gapsOfCells(cells: Float64Array, result: Pick<AccessibilityResult, 'categoryIds' | 'walkMeters'>, communities: readonly Community[]): Gap[] {
  const nCat = result.categoryIds.length;
  const { walkMeters } = result;
  const gaps: Gap[] = new Array<Gap>(cells.length);
  for (let g = 0; g < cells.length; g++) {
    const cell = cells[g];
    const i = Math.floor(cell / nCat), k = cell - i * nCat;
    const w = walkMeters[cell];
    const c = communities[i];
    gaps[g] = { communityIndex: i, communityId: c.id, categoryId: result.categoryIds[k], walkMeters: Number.isNaN(w) ? null : w, households: c.households };
  }
  return gaps;
}
