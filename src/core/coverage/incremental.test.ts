import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { fakePort } from '../../../test/fixtures/coverage/fakePort';
import { defaultAnalysisSettings } from '../config/defaults';
import type { AnalysisSettings } from '../config/defaults';
import { buildWalkNetwork } from '../network';
import { AccessibilityCache } from './cache';
import { computeAccessibility, computeAccessibilityParallel } from './compute';

function town() {
  const t = generateBenchTown(11, 1);
  const settings = defaultAnalysisSettings();
  return { input: { communities: t.communities, facilities: t.facilities, network: buildWalkNetwork(t.roads, settings.network), settings }, settings };
}

const withWalk = (s: AnalysisSettings, walks: Record<string, number>, required: Record<string, boolean> = {}): AnalysisSettings => ({
  ...s,
  categories: s.categories.map((c) => ({ ...c, maxWalkMeters: walks[c.id] ?? c.maxWalkMeters, required: required[c.id] ?? c.required })),
});

describe('incremental reruns (only the changed categories are searched again)', () => {
  it('gives exactly the tables of a full run after max-walk changes, searching only those categories', () => {
    const { input, settings } = town();
    const cache = new AccessibilityCache();
    computeAccessibility({ ...input, cache });
    let previous = settings;
    const steps: Record<string, number>[] = [{ kindergarten: 700 }, { kindergarten: 700, health_center: 400 }, { market: 250, express: 900 }, {}];
    for (const walks of steps) {
      const next = withWalk(settings, walks);
      // Changed against the last run (the cache holds its tables): 1, 1, 4, 2.
      const changed = next.categories.filter((c, k) => c.maxWalkMeters !== previous.categories[k].maxWalkMeters).length;
      previous = next;
      const totals: number[] = [];
      const rerun = computeAccessibility({ ...input, settings: next, cache, onProgress: (phase, _done, total) => { if (phase === 'nearest') totals.push(total); } });
      const fresh = computeAccessibility({ ...input, settings: next });
      expect(Array.from(rerun.walkMeters)).toEqual(Array.from(fresh.walkMeters));
      expect(Array.from(rerun.nearestFacility)).toEqual(Array.from(fresh.nearestFacility));
      expect(Array.from(rerun.countWithin)).toEqual(Array.from(fresh.countWithin));
      expect(Array.from(rerun.covered)).toEqual(Array.from(fresh.covered));
      expect(rerun.summary).toEqual(fresh.summary);
      // Progress after the job's own 'nearest 0/19': one event per changed category's search, and the last one.
      expect(totals.slice(1).every((n) => n === changed)).toBe(true);
      expect(totals.length).toBe(changed + 2);
    }
    // The walks really changed something: kindergartens at 700 m cover more households than at 300 m.
    const k = settings.categories.findIndex((c) => c.id === 'kindergarten');
    const at300 = computeAccessibility({ ...input, cache });
    const at700 = computeAccessibility({ ...input, settings: withWalk(settings, { kindergarten: 700 }), cache });
    expect(at700.summary[k].householdsCovered).toBeGreaterThan(at300.summary[k].householdsCovered);
    expect(Array.from(at300.countWithin)).toEqual(Array.from(computeAccessibility(input).countWithin));
  });

  it('searches nothing when only `required` changes, and the score follows', () => {
    const { input, settings } = town();
    const cache = new AccessibilityCache();
    const first = computeAccessibility({ ...input, cache });
    const next = withWalk(settings, {}, { kindergarten: false, canteen: true });
    const phases: string[] = [];
    const rerun = computeAccessibility({ ...input, settings: next, cache, onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`) });
    expect(phases.filter((p) => p.startsWith('nearest'))).toEqual(['nearest 0/19', 'nearest 0/0']);
    expect(Array.from(rerun.walkMeters)).toEqual(Array.from(first.walkMeters));
    const fresh = computeAccessibility({ ...input, settings: next });
    expect(Array.from(rerun.score)).toEqual(Array.from(fresh.score));
    expect(Array.from(rerun.score)).not.toEqual(Array.from(first.score));
  });

  it('keeps a few changed categories on the calling thread; many go to the threads', async () => {
    const { input, settings } = town();
    const cache = new AccessibilityCache();
    const ports = [fakePort()];
    await computeAccessibilityParallel({ ...input, cache }, ports, 0);
    const few = await computeAccessibilityParallel({ ...input, settings: withWalk(settings, { kindergarten: 700 }), cache }, ports, 0);
    expect(few.threads).toBe(1);
    expect(ports[0].received.filter((x) => x === 'job' || x === 'reuse')).toEqual(['job']);
    const all = Object.fromEntries(settings.categories.map((c) => [c.id, c.maxWalkMeters + 100]));
    const many = await computeAccessibilityParallel({ ...input, settings: withWalk(settings, all), cache }, ports, 0);
    expect(many.threads).toBe(2);
    expect(ports[0].received.filter((x) => x === 'job' || x === 'reuse')).toEqual(['job', 'reuse']);
    expect(Array.from(many.countWithin)).toEqual(Array.from(computeAccessibility({ ...input, settings: withWalk(settings, all) }).countWithin));
    expect(Array.from(few.walkMeters)).toEqual(Array.from(computeAccessibility({ ...input, settings: withWalk(settings, { kindergarten: 700 }) }).walkMeters));
  });
});
