import { describe, expect, it } from 'vitest';
import { at } from '../../test/fixtures/network/builders';
import { gridTownCommunities, gridTownFacilities, gridTownRoads, gridTownSettings } from '../../test/fixtures/network/gridTown';
import { computeAccessibility, listGaps } from '../core/coverage';
import type { Facility } from '../core/types';
import { filterSortGaps, scoreHistogram, selectDashboard, selectGaps } from './analysisSelectors';
import { createAnalysisUiStore } from './analysisUiSlice';
import { createAppStore } from './index';

const settings = gridTownSettings;

const communities = gridTownCommunities();
const facilities = gridTownFacilities();
const roads = gridTownRoads();

function storeWith(planned: Facility[]) {
  const store = createAppStore();
  const analysisSettings = settings();
  const withPlanned = [...facilities, ...planned];
  const result = computeAccessibility({ communities, facilities: withPlanned, roads, settings: analysisSettings });
  const baseline = planned.length ? computeAccessibility({ communities, facilities, roads, settings: analysisSettings }) : null;
  store.setState({ communities, facilities, roads, analysisSettings, dataVersion: 1 });
  store.getState().setAnalysisDone(result, baseline);
  return { store, result, baseline, analysisSettings };
}

describe('analysis selectors', () => {
  it('the gap list is exactly listGaps of the core, memoised on the same inputs', () => {
    const { store, result, analysisSettings } = storeWith([]);
    const gaps = selectGaps(store.getState());
    expect(gaps).toEqual(listGaps(result, communities, analysisSettings));
    expect(gaps.length).toBeGreaterThan(0);
    expect(selectGaps(store.getState())).toBe(gaps);
  });

  it('before/after: a planned kindergarten beside C gains exactly C\'s households and removes its gap', () => {
    const kgC = (gs: ReturnType<typeof selectGaps>) => gs.some((g) => g.communityId === 'C' && g.categoryId === 'kindergarten');
    const plain = storeWith([]);
    expect(kgC(selectGaps(plain.store.getState()))).toBe(true);
    const planned: Facility = { id: 'P1', name: 'P1', categories: ['kindergarten'], geometry: { type: 'Point', coordinates: at(100, 600) }, planned: true, properties: {} };
    const { store, result, baseline } = storeWith([planned]);
    const d = selectDashboard(store.getState())!;
    const kg = d.categories.find((c) => c.categoryId === 'kindergarten')!;
    const before = baseline!.summary.find((s) => s.categoryId === 'kindergarten')!;
    const after = result.summary.find((s) => s.categoryId === 'kindergarten')!;
    expect(kg.before!.householdsCovered).toBe(before.householdsCovered);
    expect(kg.householdsCovered).toBe(after.householdsCovered);
    expect(kg.householdsGained).toBe(120); // community C's households
    expect(d.householdsGained).toBe(120);
    expect(d.totalGaps).toBe(d.baselineTotalGaps! - 1);
    expect(kgC(selectGaps(store.getState()))).toBe(false);
    // Grid town communities are all built in 1995 and not demolished: all eligible under the default rules.
    expect(d.eligibleCommunities).toBe(6);
    expect(d.eligibleHouseholds).toBe(100 + 80 + 120 + 50 + 10 + 60);
  });

  it('filters by category and sorts by each column; the default order is the ranking order', () => {
    const { store, analysisSettings } = storeWith([]);
    const gaps = selectGaps(store.getState());
    const ui = createAnalysisUiStore().getState();
    expect(filterSortGaps(gaps, communities, analysisSettings.categories, null, ui.gapSort)).toEqual(gaps);
    const kg = filterSortGaps(gaps, communities, analysisSettings.categories, 'kindergarten', ui.gapSort);
    expect(kg.length).toBe(gaps.filter((g) => g.categoryId === 'kindergarten').length);
    expect(kg.every((g) => g.categoryId === 'kindergarten')).toBe(true);
    const byWalk = filterSortGaps(gaps, communities, analysisSettings.categories, null, { key: 'walkMeters', direction: 'asc' });
    const walks = byWalk.map((g) => g.walkMeters ?? Infinity);
    expect(walks).toEqual([...walks].sort((a, b) => a - b));
    const byName = filterSortGaps(gaps, communities, analysisSettings.categories, null, { key: 'community', direction: 'desc' });
    const names = byName.map((g) => g.communityId);
    expect(names).toEqual([...names].sort().reverse());
    const byHh = filterSortGaps(gaps, communities, analysisSettings.categories, null, { key: 'households', direction: 'asc' });
    expect(byHh[0].households).toBe(Math.min(...gaps.map((g) => g.households ?? 0)));
  });

  it('the score histogram counts every on-network community once', () => {
    const { result } = storeWith([]);
    const bins = scoreHistogram(result, communities);
    const onNetwork = Array.from(result.score).filter((v) => !Number.isNaN(v)).length;
    expect(bins.reduce((s, b) => s + b.communities, 0)).toBe(onNetwork);
    expect(onNetwork).toBe(communities.length - result.offNetworkCommunities.length);
  });
});
