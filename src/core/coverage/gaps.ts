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
  const requiredCols = result.categoryIds.map((id, k) => (required.has(id) ? k : -1)).filter((k) => k >= 0);
  const { covered } = result;
  const off = result.communitySnap.offNetwork;
  // Cells (i·nCat + k) of the gaps, in community then category order.
  let count = 0;
  const cells = new Float64Array(communities.length * requiredCols.length);
  for (let i = 0; i < communities.length; i++) {
    if (off[i]) continue;
    for (const k of requiredCols) if (!covered[i * nCat + k]) cells[count++] = i * nCat + k;
  }
  const order = cells.subarray(0, count);
  const households = (i: number): number => communities[i].households ?? 0;
  const span = communities.length * nCat;
  const integral = communities.every((c) => c.households === null || (Number.isInteger(c.households) && c.households >= 0));
  let maxHouseholds = 0;
  for (const c of communities) maxHouseholds = Math.max(maxHouseholds, c.households ?? 0);
  if (integral && (maxHouseholds + 1) * span < Number.MAX_SAFE_INTEGER) {
    // One numeric sort of exact integer keys (most households first, then the cell) instead of a comparator sort
    // of 310k objects (×50 bench town: ~150 → ~40 ms).
    for (let g = 0; g < count; g++) order[g] = (maxHouseholds - households(Math.floor(order[g] / nCat))) * span + order[g];
    order.sort();
    for (let g = 0; g < count; g++) order[g] %= span;
  } else {
    const byCell = Array.from(order);
    byCell.sort((a, b) => households(Math.floor(b / nCat)) - households(Math.floor(a / nCat)) || a - b);
    order.set(byCell);
  }
  return order;
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
