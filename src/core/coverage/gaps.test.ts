import { describe, expect, it } from 'vitest';
import { mulberry32, randInt } from '../../../test/fixtures/network/prng';
import { defaultAnalysisSettings } from '../config/defaults';
import type { Community } from '../types';
import { listGaps } from './gaps';
import type { AccessibilityResult, Gap } from './types';

/** The plain definition: every uncovered required pair, sorted by households desc, community, category. */
function reference(r: AccessibilityResult, communities: Community[], required: Set<string>): Gap[] {
  const nCat = r.categoryIds.length;
  const out: (Gap & { k: number })[] = [];
  communities.forEach((c, i) => {
    if (r.communitySnap.offNetwork[i]) return;
    r.categoryIds.forEach((id, k) => {
      if (!required.has(id) || r.covered[i * nCat + k]) return;
      const w = r.walkMeters[i * nCat + k];
      out.push({ communityIndex: i, communityId: c.id, categoryId: id, walkMeters: Number.isNaN(w) ? null : w, households: c.households, k });
    });
  });
  out.sort((a, b) => (b.households ?? 0) - (a.households ?? 0) || a.communityIndex - b.communityIndex || a.k - b.k);
  return out.map(({ k: _k, ...g }) => g);
}

function fakeResult(rand: () => number, n: number, fractional: boolean) {
  const settings = defaultAnalysisSettings();
  settings.categories = settings.categories.map((c, k) => ({ ...c, required: k % 3 !== 1 }));
  const categoryIds = settings.categories.map((c) => c.id);
  const nCat = categoryIds.length;
  const communities: Community[] = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`, name: `c${i}`, buildYear: 1990, geometry: { type: 'Point', coordinates: [0, 0] }, properties: {},
    households: rand() < 0.1 ? null : fractional && rand() < 0.2 ? rand() * 50 : randInt(rand, 0, 40),
  } as unknown as Community));
  const walkMeters = Float64Array.from({ length: n * nCat }, () => (rand() < 0.2 ? NaN : rand() * 2000));
  const covered = Uint8Array.from(walkMeters, (w) => (w < 700 ? 1 : 0));
  const offNetwork = Uint8Array.from({ length: n }, () => (rand() < 0.05 ? 1 : 0));
  const result = { categoryIds, walkMeters, covered, communitySnap: { offNetwork } } as unknown as AccessibilityResult;
  return { result, communities, settings, required: new Set(settings.categories.filter((c) => c.required).map((c) => c.id)) };
}

describe('listGaps', () => {
  it('equals the plain sort on seeded data, integer and fractional households, with nulls and off-network rows', () => {
    const rand = mulberry32(5);
    for (const fractional of [false, true]) {
      for (let trial = 0; trial < 5; trial++) {
        const { result, communities, settings, required } = fakeResult(rand, randInt(rand, 1, 400), fractional);
        const gaps = listGaps(result, communities, settings);
        expect(gaps).toEqual(reference(result, communities, required));
        expect(gaps.length).toBeGreaterThan(0);
        expect(gaps.every((g) => required.has(g.categoryId))).toBe(true);
      }
    }
  });
});
