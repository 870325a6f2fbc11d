import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { defaultAnalysisSettings } from '../config/defaults';
import type { AnalysisSettings } from '../config/defaults';
import { buildWalkNetwork } from '../network';
import { AccessibilityCache } from './cache';
import { computeAccessibility, computeAccessibilityParallel } from './compute';
import type { AccessibilityResult } from './types';

const tables = (r: AccessibilityResult) => ({
  walk: Array.from(r.walkMeters, (w) => (Number.isNaN(w) ? -1 : w)), nearest: Array.from(r.nearestFacility),
  counts: Array.from(r.countWithin), covered: Array.from(r.covered), summary: r.summary,
});

function withMaxWalk(settings: AnalysisSettings, id: string, maxWalkMeters: number): AnalysisSettings {
  return { ...settings, categories: settings.categories.map((c) => (c.id === id ? { ...c, maxWalkMeters } : c)) };
}

describe('AccessibilityCache', () => {
  const town = generateBenchTown(11, 1);
  const settings = defaultAnalysisSettings();
  const network = buildWalkNetwork(town.roads, settings.network);
  const base = { communities: town.communities, facilities: town.facilities, network };

  it('reuses points, snapping and the job when only category settings change, with the results of a fresh run', async () => {
    const cache = new AccessibilityCache();
    const first = computeAccessibility({ ...base, settings, cache });
    expect(cache.hits).toBe(0);
    expect(tables(first)).toEqual(tables(computeAccessibility({ ...base, settings })));
    const longer = withMaxWalk(settings, 'kindergarten', 900);
    const second = computeAccessibility({ ...base, settings: longer, cache });
    expect(cache.hits).toBe(1);
    const fresh = computeAccessibility({ ...base, settings: longer });
    expect(tables(second)).toEqual(tables(fresh));
    const k = fresh.categoryIds.indexOf('kindergarten');
    expect(fresh.summary[k].householdsCovered).toBeGreaterThan(first.summary[k].householdsCovered);
    // The threaded path reads the same cache.
    const threaded = await computeAccessibilityParallel({ ...base, settings: withMaxWalk(settings, 'kindergarten', 400), cache }, []);
    expect(cache.hits).toBe(2);
    expect(tables(threaded)).toEqual(tables(computeAccessibility({ ...base, settings: withMaxWalk(settings, 'kindergarten', 400) })));
  });

  it('recomputes for other facilities, another snap distance or another category order', () => {
    const cache = new AccessibilityCache();
    computeAccessibility({ ...base, settings, cache });
    const fewer = town.facilities.slice(0, 50);
    const r = computeAccessibility({ ...base, facilities: fewer, settings, cache });
    expect(cache.hits).toBe(0);
    expect(tables(r)).toEqual(tables(computeAccessibility({ ...base, facilities: fewer, settings })));
    const nearSnap = { ...settings, network: { ...settings.network, maxSnapMeters: 20 } };
    const s = computeAccessibility({ ...base, facilities: fewer, settings: nearSnap, cache });
    expect(cache.hits).toBe(0);
    expect(s.offNetworkCommunities.length).toBeGreaterThan(r.offNetworkCommunities.length);
    const reversed = { ...nearSnap, categories: [...nearSnap.categories].reverse() };
    const t = computeAccessibility({ ...base, facilities: fewer, settings: reversed, cache });
    expect(cache.hits).toBe(0);
    expect(t.categoryIds[0]).toBe(settings.categories[settings.categories.length - 1].id);
    expect(tables(t)).toEqual(tables(computeAccessibility({ ...base, facilities: fewer, settings: reversed })));
  });
});
