/** What zone edits need to know about the communities: eligibility, representative points, lookup by id. */
import { representativePoint } from '../../core/geo';
import type { Community, LngLat } from '../../core/types';
import type { EligibilityResult, EligibilityRules } from '../../core/zoning';
import { evaluateEligibility } from '../../core/zoning';

export interface ZoneContext {
  communities: readonly Community[];
  /** Per community (input order): 1 = eligible under the current rules. */
  eligible: Uint8Array;
  indexOf: ReadonlyMap<string, number>;
  /** Representative point (centroid if inside, else a point on the surface) per community. */
  points: readonly LngLat[];
  gapMeters: number;
}

const pointsMemo = new WeakMap<readonly Community[], { indexOf: Map<string, number>; points: LngLat[] }>();
let eligibilityMemo: { communities: readonly Community[]; rules: object; result: EligibilityResult } | null = null;

/** Eligibility of the communities under `rules`, remembered for the same references (rules change rarely). */
export function eligibilityOf(communities: readonly Community[], rules: Omit<EligibilityRules, 'includeIds'>): EligibilityResult {
  if (eligibilityMemo && eligibilityMemo.communities === communities && eligibilityMemo.rules === rules) return eligibilityMemo.result;
  const result = evaluateEligibility(communities, rules);
  eligibilityMemo = { communities, rules, result };
  return result;
}

export function zoneContext(
  communities: readonly Community[], rules: Omit<EligibilityRules, 'includeIds'>, gapMeters: number,
): ZoneContext {
  let p = pointsMemo.get(communities);
  if (!p) {
    p = { indexOf: new Map(communities.map((c, i) => [c.id, i])), points: communities.map((c) => representativePoint(c.geometry)) };
    pointsMemo.set(communities, p);
  }
  return { communities, eligible: eligibilityOf(communities, rules).eligible, indexOf: p.indexOf, points: p.points, gapMeters };
}
