/** Gap statistics built from cached key shapes (addZoneGaps) equal, key order included, the key-by-key build. */
import { describe, expect, it } from 'vitest';
import { community, rect } from '../../../test/fixtures/zoning/builders';
import { mulberry32 } from '../../../test/fixtures/zoning/syntheticCity';
import { addZoneGaps, gapInput, zoneStatsWith } from './stats';
import type { ZoneAccessibilityInput, ZoneStats, ZoningCommunity } from './types';

/** The plain definition: every required category a member lacks, keys added in category order. */
function reference(communities: readonly ZoningCommunity[], members: readonly number[], acc: ZoneAccessibilityInput): Pick<ZoneStats, 'missingCategoryIds' | 'householdsInGaps' | 'gapHouseholdsByCategory'> {
  const n = acc.categoryIds.length;
  const required = acc.categoryIds.map((id) => acc.summary?.find((x) => x.categoryId === id)?.required ?? true);
  const by = new Map<number, number>();
  let householdsInGaps = 0;
  for (const i of members) {
    if (acc.score && Number.isNaN(acc.score[i])) continue;
    const hh = communities[i].households ?? 0;
    let gap = false;
    for (let c = 0; c < n; c++) {
      if (required[c] && !acc.covered[i * n + c]) { gap = true; by.set(c, (by.get(c) ?? 0) + hh); }
    }
    if (gap) householdsInGaps += hh;
  }
  const missingCategoryIds: string[] = [];
  const gapHouseholdsByCategory: Record<string, number> = {};
  for (let c = 0; c < n; c++) {
    if (!by.has(c)) continue;
    missingCategoryIds.push(acc.categoryIds[c]);
    gapHouseholdsByCategory[acc.categoryIds[c]] = by.get(c)!;
  }
  return { missingCategoryIds, householdsInGaps, gapHouseholdsByCategory };
}

function town(nCat: number, seed: number) {
  const rnd = mulberry32(seed);
  const communities = Array.from({ length: 120 }, (_, i) => community({ id: `c${i}`, geometry: rect(i * 50, 0, 40, 40), households: rnd() < 0.1 ? null : Math.floor(rnd() * 400) }));
  // Category ids include an integer-like one (objects list those first) and share prefixes.
  const categoryIds = Array.from({ length: nCat }, (_, c) => (c === 3 ? '42' : `cat${c}`));
  const covered = Uint8Array.from({ length: communities.length * nCat }, () => (rnd() < 0.3 ? 0 : 1));
  const score = Float64Array.from(communities, () => (rnd() < 0.05 ? NaN : 1));
  const acc: ZoneAccessibilityInput = {
    categoryIds, covered, walkMeters: new Float64Array(covered.length), score,
    summary: categoryIds.map((categoryId, c) => ({ categoryId, required: c % 7 !== 5 })),
  };
  const zones: number[][] = [];
  for (let i = 0; i < communities.length;) {
    const size = 1 + Math.floor(rnd() * 4);
    zones.push(Array.from({ length: Math.min(size, communities.length - i) }, (_, k) => i + k));
    i += size;
  }
  return { communities, acc, zones };
}

describe('addZoneGaps', () => {
  for (const nCat of [19, 31, 40]) {
    it(`gives the key-by-key statistics, in the same key order (${nCat} categories)`, () => {
      const { communities, acc, zones } = town(nCat, nCat);
      const gaps = gapInput(acc);
      let withGaps = 0;
      for (const members of zones) {
        const s = zoneStatsWith(communities, members, null, null);
        addZoneGaps(s, communities, members, gaps);
        const want = reference(communities, members, acc);
        expect(JSON.stringify([s.missingCategoryIds, s.householdsInGaps, s.gapHouseholdsByCategory])).toBe(JSON.stringify([want.missingCategoryIds, want.householdsInGaps, want.gapHouseholdsByCategory]));
        if (want.missingCategoryIds.length > 1) withGaps++;
      }
      expect(withGaps).toBeGreaterThan(10);
      // Zones sharing a set of missing categories share a shape, but never the arrays/objects themselves.
      if (nCat <= 30) expect(gaps.shapes.size).toBeGreaterThan(1);
    });
  }

  it('gives each zone its own arrays and objects (a change to one leaves the others)', () => {
    const { communities, acc } = town(19, 3);
    const gaps = gapInput({ ...acc, covered: new Uint8Array(acc.covered.length) }); // nothing covered: one shape
    const a = zoneStatsWith(communities, [0], null, gaps), b = zoneStatsWith(communities, [1], null, gaps);
    expect(a.missingCategoryIds).toEqual(b.missingCategoryIds);
    a.missingCategoryIds.push('x');
    a.gapHouseholdsByCategory.cat0 = -1;
    expect(b.missingCategoryIds).not.toContain('x');
    expect(b.gapHouseholdsByCategory.cat0).toBe(communities[1].households ?? 0);
    expect(gaps.shapes.size).toBe(1);
  });
});
