import { describe, expect, it } from 'vitest';
import { gridTownCommunities, gridTownFacilities, gridTownRoads } from '../../../test/fixtures/network/gridTown';
import { defaultAnalysisSettings } from '../config/defaults';
import { CancelledError, computeAccessibility, listGaps, walkMinutes } from './index';

describe('computeAccessibility: progress, cancellation, shapes', () => {
  const base = { communities: gridTownCommunities(), facilities: gridTownFacilities(), roads: gridTownRoads() };

  it('reports progress for every phase and returns one column per settings category', () => {
    const phases = new Set<string>();
    const settings = defaultAnalysisSettings();
    const r = computeAccessibility({ ...base, settings, onProgress: (phase) => phases.add(phase) });
    expect([...phases]).toEqual(['network', 'snap', 'nearest', 'counts']);
    expect(r.categoryIds).toEqual(settings.categories.map((c) => c.id));
    expect(r.walkMeters.length).toBe(6 * settings.categories.length);
    expect(r.communityIds).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // Categories without facilities: NaN everywhere, zero counts.
    const k = r.categoryIds.indexOf('canteen');
    expect(r.walkMeters[k]).toBeNaN();
    expect(r.summary[k].facilities).toBe(0);
    // health_center has H and X (X off-network but still listed).
    expect(r.summary[r.categoryIds.indexOf('health_center')].facilities).toBe(2);
  });

  it('lists gaps only for required categories and never for off-network communities', () => {
    const settings = defaultAnalysisSettings(); // housekeeping is the one optional category
    const r = computeAccessibility({ ...base, settings });
    const gaps = listGaps(r, base.communities, settings);
    expect(gaps.some((g) => g.categoryId === 'housekeeping')).toBe(false);
    expect(gaps.some((g) => g.communityId === 'D')).toBe(false);
    // Every on-network community misses canteen (no canteen facility at all): 5 communities × 1.
    expect(gaps.filter((g) => g.categoryId === 'canteen').map((g) => g.communityId)).toEqual(['C', 'A', 'B', 'F', 'E']);
    const k = r.categoryIds.indexOf('housekeeping');
    expect(r.summary[k].gaps).toBe(0);
    expect(r.summary[r.categoryIds.indexOf('canteen')].gaps).toBe(5);
    // 18 required categories: A covers primary_school, health_center and kindergarten only.
    expect(r.score[0]).toBeCloseTo(3 / 18, 9);
  });

  it('converts metres to minutes with the walking speed setting', () => {
    const settings = defaultAnalysisSettings();
    expect(walkMinutes(1005, settings.walkSpeedMetersPerMinute)).toBeCloseTo(15, 9); // 67 m/min
    expect(walkMinutes(NaN, 67)).toBeNaN();
  });

  it('throws CancelledError when isCancelled turns true mid-way', () => {
    let calls = 0;
    expect(() => computeAccessibility({ ...base, settings: defaultAnalysisSettings(), isCancelled: () => ++calls > 3 }))
      .toThrow(CancelledError);
    expect(calls).toBe(4);
  });

  it('is deterministic and structured-clone friendly', () => {
    const a = computeAccessibility({ ...base, settings: defaultAnalysisSettings() });
    const b = structuredClone(computeAccessibility({ ...base, settings: defaultAnalysisSettings() }));
    expect(b.walkMeters).toEqual(a.walkMeters);
    expect(b.countWithin).toEqual(a.countWithin);
    expect(b.summary).toEqual(a.summary);
  });
});
