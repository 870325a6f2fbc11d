import { area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { community, rect } from '../../../test/fixtures/zoning/builders';
import { autoZone, zoneStats } from './index';
import type { ZoneAccessibilityInput } from './index';
import { addZoneGaps, gapInput, sameRings, zoneStatsWith } from './stats';

const cs = [
  community({ id: 'a', geometry: rect(0, 0, 100, 80), buildYear: 1985, households: 300, residents: 820, willingness: 0.9, propertyManagement: 'professional' }),
  community({ id: 'b', geometry: rect(110, 0, 100, 80), buildYear: 1998, households: 100, residents: 260, willingness: 0.5, propertyManagement: 'none' }),
  community({ id: 'c', geometry: rect(220, 0, 50, 80), buildYear: null, households: null, residents: null, willingness: 0.2, propertyManagement: null }),
  community({ id: 'd', geometry: rect(280, 0, 50, 80), buildYear: 1979, households: 50, residents: 120, willingness: null, propertyManagement: 'self' }),
];

// Three categories; rows in community order. 'kindergarten' is not required.
const acc: ZoneAccessibilityInput = {
  categoryIds: ['elderly', 'clinic', 'kindergarten'],
  covered: Uint8Array.from([
    1, 0, 0, // a: no clinic, no kindergarten
    0, 0, 1, // b: no elderly care, no clinic
    0, 0, 0, // c: off the network (score NaN): not a gap
    1, 1, 0, // d: complete (kindergarten not required)
  ]),
  walkMeters: Float64Array.from([200, 1500, 900, 700, 1800, 300, NaN, NaN, NaN, 100, 400, 2000]),
  score: Float64Array.from([0.5, 0, NaN, 1]),
  summary: [
    { categoryId: 'elderly', required: true },
    { categoryId: 'clinic', required: true },
    { categoryId: 'kindergarten', required: false },
  ],
};

describe('zoneStats', () => {
  it('sums members and mixes', () => {
    const s = zoneStats(cs, [0, 1, 2, 3]);
    expect(s.communities).toBe(4);
    expect(s.households).toBe(450);
    expect(s.residents).toBe(1200);
    expect(s.buildYearMin).toBe(1979);
    expect(s.buildYearMax).toBe(1998);
    expect(s.meanWillingness).toBeCloseTo((0.9 + 0.5 + 0.2) / 3, 12);
    expect(s.meanWillingnessByHouseholds).toBeCloseTo((0.9 * 300 + 0.5 * 100) / 400, 12);
    expect(s.propertyManagement).toEqual({ professional: 1, self: 1, none: 1, unknown: 1 });
    expect(s.memberAreaSqm).toBeCloseTo(8000 + 8000 + 4000 + 4000, -1);
    expect(s.zoneAreaSqm).toBeNull();
    expect(s.missingCategoryIds).toEqual([]);
    expect(s.householdsInGaps).toBe(0);
  });

  it('counts service gaps from the accessibility result (required categories, on-network members)', () => {
    const s = zoneStats(cs, [0, 1, 2, 3], { accessibility: acc });
    expect(s.missingCategoryIds).toEqual(['elderly', 'clinic']);
    expect(s.gapHouseholdsByCategory).toEqual({ elderly: 100, clinic: 400 });
    expect(s.householdsInGaps).toBe(400);
    const onlyD = zoneStats(cs, [3], { accessibility: acc });
    expect(onlyD.missingCategoryIds).toEqual([]);
    // Without the required flags every category counts.
    const strict = zoneStats(cs, [3], { accessibility: { ...acc, summary: undefined } });
    expect(strict.missingCategoryIds).toEqual(['kindergarten']);
    expect(strict.householdsInGaps).toBe(50);
  });

  it('leaves the households per category out when asked, with the same missing categories and gap households', () => {
    const full = gapInput(acc), lean = gapInput(acc, { byCategory: false });
    for (const members of [[0, 1, 2, 3], [0], [1, 3], [3]]) {
      const a = zoneStatsWith(cs, members, null, null), b = zoneStatsWith(cs, members, null, null);
      addZoneGaps(a, cs, members, full);
      addZoneGaps(b, cs, members, lean);
      expect(b.missingCategoryIds).toEqual(a.missingCategoryIds);
      expect(b.householdsInGaps).toBe(a.householdsInGaps);
      expect(b.gapHouseholdsByCategory).toEqual({});
    }
    const both = zoneStatsWith(cs, [0, 1], null, null);
    addZoneGaps(both, cs, [0, 1], full);
    expect(both.gapHouseholdsByCategory).toEqual({ elderly: 100, clinic: 400 });
  });

  it('reports the zone outline area next to the member area in autoZone', () => {
    // c has no build year: the planner adds it by hand, and it links b and d (70 m apart) into one zone.
    const r = autoZone(cs, { gapMeters: 30, accessibility: acc, rules: { includeIds: ['c'] } });
    expect(r.zones.map((z) => z.memberIds)).toEqual([['a', 'b', 'c', 'd']]);
    const s = r.stats[0];
    expect(s.households).toBe(450);
    expect(s.zoneAreaSqm).toBeCloseTo(turfArea(r.zones[0].geometry), 6);
    expect(s.zoneAreaSqm!).toBeGreaterThan(s.memberAreaSqm);
    expect(s.householdsInGaps).toBe(400);
    expect(r.eligibility!.summary.includedByHand).toEqual({ communities: 1, households: 0 });
    expect(autoZone(cs, { gapMeters: 30 }).zones.map((z) => z.memberIds)).toEqual([['a', 'b'], ['d']]);
  });
});

describe('sameRings (one-member zones reuse the member area)', () => {
  it('is true only for polygons made of the very same ring arrays', () => {
    const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const hole = [[0.2, 0.2], [0.3, 0.3], [0.3, 0.2], [0.2, 0.2]];
    const a = { type: 'Polygon' as const, coordinates: [ring, hole] };
    expect(sameRings(a, { type: 'Polygon', coordinates: [ring, hole] })).toBe(true);
    expect(sameRings(a, { type: 'Polygon', coordinates: [ring] })).toBe(false);
    expect(sameRings(a, { type: 'Polygon', coordinates: [ring.map((p) => [...p]), hole] })).toBe(false);
    expect(sameRings(a, { type: 'MultiPolygon', coordinates: [[ring, hole]] })).toBe(false);
  });
});
