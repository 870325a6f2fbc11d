/** Gap table rows (uncovered required categories per community), for gaps.csv and the UI's CSV export. */
import type { CategoryDef } from '../../core/config/categories';
import type { Gap } from '../../core/coverage';
import type { Community } from '../../core/types';
import { roundWalkMeters } from './communityResults';

export const GAP_COLUMNS = ['community_id', 'community', 'category', 'category_zh', 'walk_m', 'households'] as const;

/** One row per gap, in the order given (listGaps ranks by households). walk_m is empty when none is within the bound. */
export function gapRows(gaps: readonly Gap[], communities: readonly Community[], categories: readonly CategoryDef[]): Record<string, unknown>[] {
  const zhOf = new Map(categories.map((c) => [c.id, c.zh]));
  return gaps.map((g) => ({
    community_id: g.communityId,
    community: communities[g.communityIndex].name,
    category: g.categoryId,
    category_zh: zhOf.get(g.categoryId) ?? '',
    walk_m: g.walkMeters === null ? null : roundWalkMeters(g.walkMeters),
    households: g.households,
  }));
}
