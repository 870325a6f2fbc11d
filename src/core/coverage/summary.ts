/** Coverage flags, scores and per-category household summaries from the distance tables. */
import type { CategoryDef } from '../config/categories';
import type { Community } from '../types';
import type { CategorySummary } from './types';
import { WALK_EPSILON_METERS } from './types';

export interface CoverageTables {
  covered: Uint8Array;
  score: Float64Array;
  summary: CategorySummary[];
}

export function summariseCoverage(
  communities: readonly Community[], categories: readonly CategoryDef[], walkMeters: Float64Array,
  communityOffNetwork: Uint8Array, byCategory: readonly Int32Array[],
): CoverageTables {
  const nComm = communities.length, nCat = categories.length;
  const covered = new Uint8Array(nComm * nCat);
  const score = new Float64Array(nComm);
  const summary: CategorySummary[] = categories.map((c, k) => ({
    categoryId: c.id, maxWalkMeters: c.maxWalkMeters, required: c.required, householdsCovered: 0, householdsTotal: 0,
    share: 0, communitiesCovered: 0, gaps: 0, offNetwork: 0, facilities: byCategory[k].length,
  }));
  const requiredCount = categories.filter((c) => c.required).length;
  for (let i = 0; i < nComm; i++) {
    const households = communities[i].households ?? 0;
    const off = communityOffNetwork[i] === 1;
    let requiredCovered = 0;
    for (let k = 0; k < nCat; k++) {
      const s = summary[k];
      s.householdsTotal += households;
      const w = walkMeters[i * nCat + k];
      if (w <= categories[k].maxWalkMeters + WALK_EPSILON_METERS) {
        covered[i * nCat + k] = 1;
        s.householdsCovered += households;
        s.communitiesCovered++;
        if (categories[k].required) requiredCovered++;
      } else if (off) s.offNetwork++;
      else if (categories[k].required) s.gaps++;
    }
    score[i] = off ? NaN : requiredCount ? requiredCovered / requiredCount : 1;
  }
  for (const s of summary) s.share = s.householdsTotal > 0 ? s.householdsCovered / s.householdsTotal : 0;
  return { covered, score, summary };
}

/** Walking minutes for display (distances stay metres everywhere else); NaN stays NaN. */
export function walkMinutes(walkMeters: number, speedMetersPerMinute: number): number {
  return walkMeters / speedMetersPerMinute;
}
