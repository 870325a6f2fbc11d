import { describe, expect, it } from 'vitest';
import { gridTownCommunities, gridTownFacilities, gridTownRoads } from '../../../test/fixtures/network/gridTown';
import { defaultAnalysisSettings } from '../config/defaults';
import { CancelledError, computeAccessibility, walkMinutes } from './index';

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
