import { describe, expect, it } from 'vitest';
import { community, rect } from '../../../test/fixtures/zoning/builders';
import { evaluateEligibility } from './index';

const g = rect(0, 0, 50, 50);
const sample = [
  community({ id: 'old', geometry: g, buildYear: 1988, households: 300 }),
  community({ id: 'edge', geometry: g, buildYear: 2000, households: 120 }),
  community({ id: 'new', geometry: g, buildYear: 2005, households: 500 }),
  community({ id: 'unknown', geometry: g, buildYear: null, households: 80 }),
  community({ id: 'demo', geometry: g, buildYear: 1990, households: 200, demolitionPlanned: true }),
  community({ id: 'shanty-new', geometry: g, buildYear: 2003, households: 60, shantyTown: true }),
  community({ id: 'done', geometry: g, buildYear: 1985, households: 150, renovation: 'done' }),
  community({ id: 'nohh', geometry: g, buildYear: 1992, households: null }),
];

describe('evaluateEligibility', () => {
  it('applies the default policy rules: built in or before 2000, no demolition, no shanty town', () => {
    const r = evaluateEligibility(sample);
    expect(Array.from(r.eligible)).toEqual([1, 1, 0, 0, 0, 0, 1, 1]);
    expect(r.reasons[2]).toEqual(['too_new']);
    expect(r.reasons[3]).toEqual(['unknown_year']);
    expect(r.reasons[4]).toEqual(['demolition']);
    expect(r.reasons[5]).toEqual(['too_new', 'shanty_town']);
    expect(r.reasons[6]).toEqual([]);
    expect(r.summary.eligible).toEqual({ communities: 4, households: 300 + 120 + 150 });
    expect(r.summary.excluded).toEqual({ communities: 4, households: 500 + 80 + 200 + 60 });
    expect(r.summary.byReason.too_new).toEqual({ communities: 2, households: 560 });
    expect(r.summary.byReason.shanty_town).toEqual({ communities: 1, households: 60 });
    expect(r.summary.byReason.unknown_year).toEqual({ communities: 1, households: 80 });
    expect(r.summary.byReason.renovated).toEqual({ communities: 0, households: 0 });
  });

  it('moves the year threshold and optionally excludes renovated communities', () => {
    const r = evaluateEligibility(sample, { builtInOrBefore: 1989, excludeRenovated: true });
    expect(Array.from(r.eligible)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.reasons[6]).toEqual(['renovated']);
    expect(r.summary.byReason.too_new.communities).toBe(5); // edge, new, demo, shanty-new, nohh
  });

  it('adds hand-picked ids over too_new / unknown_year but never over demolition or shanty town', () => {
    const r = evaluateEligibility(sample, { includeIds: ['new', 'unknown', 'demo', 'shanty-new'] });
    expect(Array.from(r.eligible)).toEqual([1, 1, 1, 1, 0, 0, 1, 1]);
    expect(Array.from(r.includedByHand)).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    expect(r.summary.includedByHand).toEqual({ communities: 2, households: 580 });
    expect(r.summary.byReason.too_new).toEqual({ communities: 1, households: 60 });
  });

  it('lets the planner switch off the demolition rule', () => {
    const r = evaluateEligibility(sample, { excludeDemolition: false });
    expect(r.eligible[4]).toBe(1);
  });
});
