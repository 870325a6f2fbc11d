/**
 * Derived figures of the Analysis tab, memoised on input references (zustand selectors must return stable objects):
 * the gap list (exactly `listGaps` of the core), dashboard figures, before/after deltas of a scenario, and the gap
 * table's filter/sort.
 */
import type { CategoryDef } from '../core/config/categories';
import type { AnalysisSettings } from '../core/config/defaults';
import type { AccessibilityResult, Gap } from '../core/coverage';
import { listGaps } from '../core/coverage';
import type { Community } from '../core/types';
import type { GapSortKey, SortDirection } from './analysisUiSlice';
import type { AppState } from './types';
import { memoLast } from './selectors';
import { eligibilityOf } from './zones/context';


const EMPTY_GAPS: Gap[] = [];

const gapsOf = memoLast((result: AccessibilityResult | null, communities: readonly Community[], settings: AnalysisSettings): Gap[] =>
  result && result.communityIds.length === communities.length ? listGaps(result, communities, settings) : EMPTY_GAPS);
const baselineGapsOf = memoLast((result: AccessibilityResult | null, communities: readonly Community[], settings: AnalysisSettings): Gap[] =>
  result && result.communityIds.length === communities.length ? listGaps(result, communities, settings) : EMPTY_GAPS);

/** Gaps of the current result (with the scenario when active), ranked by households like the CLI's gaps.csv. */
export const selectGaps = (s: AppState): Gap[] => gapsOf(s.analysisResult, s.communities, s.analysisSettings);
/** Gaps without the planned facilities (empty when no scenario is active). */
export const selectBaselineGaps = (s: AppState): Gap[] => baselineGapsOf(s.analysisBaseline, s.communities, s.analysisSettings);

export interface CategoryFigures {
  categoryId: string;
  required: boolean;
  maxWalkMeters: number;
  householdsCovered: number;
  householdsTotal: number;
  share: number;
  gaps: number;
  /** Present while a scenario with planned facilities is active. */
  before: { householdsCovered: number; share: number; gaps: number } | null;
  /** householdsCovered − before.householdsCovered (0 without a scenario). */
  householdsGained: number;
}

export interface ScoreBin {
  /** Lower bound of the bin, 0..1 (the last bin includes 1). */
  from: number;
  to: number;
  communities: number;
  households: number;
}

export interface DashboardFigures {
  mode: 'network' | 'euclidean';
  eligibleCommunities: number;
  eligibleHouseholds: number;
  categories: CategoryFigures[];
  totalGaps: number;
  baselineTotalGaps: number | null;
  /** Households newly covered summed over categories (a household gaining two categories counts twice). */
  householdsGained: number;
  scoreBins: ScoreBin[];
  offNetworkCommunities: number;
}

export const SCORE_BIN_COUNT = 10;

/** Distribution of community scores (share of required categories covered); off-network communities excluded. */
export function scoreHistogram(result: AccessibilityResult, communities: readonly Community[], binCount = SCORE_BIN_COUNT): ScoreBin[] {
  const bins: ScoreBin[] = Array.from({ length: binCount }, (_, i) => ({ from: i / binCount, to: (i + 1) / binCount, communities: 0, households: 0 }));
  result.score.forEach((score, i) => {
    if (Number.isNaN(score)) return;
    const b = bins[Math.min(binCount - 1, Math.floor(score * binCount))];
    b.communities++;
    b.households += communities[i]?.households ?? 0;
  });
  return bins;
}

export function dashboardFigures(
  result: AccessibilityResult, baseline: AccessibilityResult | null, communities: readonly Community[], eligible: Uint8Array,
  gaps: readonly Gap[], baselineGaps: readonly Gap[],
): DashboardFigures {
  let eligibleCommunities = 0, eligibleHouseholds = 0;
  communities.forEach((c, i) => {
    if (!eligible[i]) return;
    eligibleCommunities++;
    eligibleHouseholds += c.households ?? 0;
  });
  const beforeOf = new Map((baseline?.summary ?? []).map((s) => [s.categoryId, s]));
  const categories = result.summary.map((s): CategoryFigures => {
    const b = beforeOf.get(s.categoryId);
    return {
      categoryId: s.categoryId, required: s.required, maxWalkMeters: s.maxWalkMeters,
      householdsCovered: s.householdsCovered, householdsTotal: s.householdsTotal, share: s.share, gaps: s.gaps,
      before: b ? { householdsCovered: b.householdsCovered, share: b.share, gaps: b.gaps } : null,
      householdsGained: b ? s.householdsCovered - b.householdsCovered : 0,
    };
  });
  return {
    mode: result.mode,
    eligibleCommunities,
    eligibleHouseholds,
    categories,
    totalGaps: gaps.length,
    baselineTotalGaps: baseline ? baselineGaps.length : null,
    householdsGained: categories.reduce((sum, c) => sum + c.householdsGained, 0),
    scoreBins: scoreHistogram(result, communities),
    offNetworkCommunities: result.offNetworkCommunities.length,
  };
}

const dashboardOf = memoLast(dashboardFigures);

/** Dashboard figures, or null before the first analysis finished. */
export function selectDashboard(s: AppState): DashboardFigures | null {
  if (!s.analysisResult || s.analysisResult.communityIds.length !== s.communities.length) return null;
  const eligible = eligibilityOf(s.communities, s.zoningSettings.rules).eligible;
  return dashboardOf(s.analysisResult, s.analysisBaseline, s.communities, eligible, selectGaps(s), selectBaselineGaps(s));
}

/**
 * The gap table's rows: filtered by category, sorted by a column. Ties keep the ranking order of `listGaps`, so the
 * default (households, descending) is exactly the CLI's gaps.csv order.
 */
export function filterSortGaps(
  gaps: readonly Gap[], communities: readonly Community[], categories: readonly CategoryDef[],
  categoryFilter: string | null, sort: { key: GapSortKey; direction: SortDirection },
): Gap[] {
  const order = new Map(categories.map((c, i) => [c.id, i]));
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const rows = gaps.map((g, rank) => ({ g, rank })).filter(({ g }) => categoryFilter === null || g.categoryId === categoryFilter);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const compare = (a: Gap, b: Gap): number => {
    switch (sort.key) {
      case 'community': return collator.compare(communities[a.communityIndex]?.name ?? '', communities[b.communityIndex]?.name ?? '');
      case 'category': return (order.get(a.categoryId) ?? 0) - (order.get(b.categoryId) ?? 0);
      // "None within the search bound" is farther than any metre value.
      case 'walkMeters': return (a.walkMeters ?? Infinity) - (b.walkMeters ?? Infinity);
      case 'households': return (a.households ?? -1) - (b.households ?? -1);
    }
  };
  rows.sort((a, b) => sign * compare(a.g, b.g) || a.rank - b.rank);
  return rows.map((r) => r.g);
}
