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
  const nCat = result.categoryIds.length;
  const required = new Set(settings.categories.filter((c) => c.required).map((c) => c.id));
  const gaps: (Gap & { col: number })[] = [];
  communities.forEach((c, i) => {
    if (result.communitySnap.offNetwork[i]) return;
    for (let k = 0; k < nCat; k++) {
      const categoryId = result.categoryIds[k];
      if (!required.has(categoryId) || result.covered[i * nCat + k]) continue;
      const w = result.walkMeters[i * nCat + k];
      gaps.push({ communityIndex: i, communityId: c.id, categoryId, walkMeters: Number.isNaN(w) ? null : w, households: c.households, col: k });
    }
  });
  gaps.sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || a.communityIndex - b.communityIndex || a.col - b.col);
  return gaps.map(({ col: _col, ...g }) => g);
}
