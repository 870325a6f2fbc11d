import type { EligibilityCounts, EligibilityResult, EligibilityRules, ExclusionReason, ZoningCommunity } from './types';
import { EXCLUSION_REASONS } from './types';

/** Policy defaults (Jiangxi 2020 opinions): built by the end of 2000; demolition and shanty towns never eligible. */
export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  builtInOrBefore: 2000,
  excludeDemolition: true,
  excludeShantyTown: true,
  excludeRenovated: false,
};

/** Reasons a hand inclusion (`includeIds`) may override; demolition and shanty town are never overridden. */
const OVERRIDABLE: ReadonlySet<ExclusionReason> = new Set(['too_new', 'unknown_year', 'renovated']);

/**
 * Decide who is in the renovation scope.
 *
 * An unknown build year is excluded with its own reason `unknown_year` (not silently treated as old or new):
 * the survey is incomplete, and the planner should see how many households wait on that answer and can add
 * them through `includeIds`.
 *
 * @example
 * const { eligible, summary } = evaluateEligibility(communities, { builtInOrBefore: 2000 });
 * summary.byReason.too_new.households; // households excluded as built after 2000
 */
export function evaluateEligibility(
  communities: readonly ZoningCommunity[], rules: Partial<EligibilityRules> = {},
): EligibilityResult {
  const r: EligibilityRules = { ...DEFAULT_ELIGIBILITY_RULES, ...rules };
  const byHand = new Set(r.includeIds ?? []);
  const n = communities.length;
  const eligible = new Uint8Array(n);
  const includedByHand = new Uint8Array(n);
  const reasons: ExclusionReason[][] = new Array<ExclusionReason[]>(n);
  const zero = (): EligibilityCounts => ({ communities: 0, households: 0 });
  const byReason = Object.fromEntries(EXCLUSION_REASONS.map((k) => [k, zero()])) as Record<ExclusionReason, EligibilityCounts>;
  const summary = { eligible: zero(), excluded: zero(), includedByHand: zero(), byReason };

  for (let i = 0; i < n; i++) {
    const c = communities[i];
    const own: ExclusionReason[] = [];
    if (c.buildYear == null || !Number.isFinite(c.buildYear)) own.push('unknown_year');
    else if (c.buildYear > r.builtInOrBefore) own.push('too_new');
    if (r.excludeDemolition && c.demolitionPlanned) own.push('demolition');
    if (r.excludeShantyTown && c.shantyTown) own.push('shanty_town');
    if (r.excludeRenovated && c.renovation === 'done') own.push('renovated');
    reasons[i] = own;

    const households = c.households ?? 0;
    const handPick = byHand.has(c.id) && own.length > 0 && own.every((k) => OVERRIDABLE.has(k));
    const ok = own.length === 0 || handPick;
    if (ok) {
      eligible[i] = 1;
      add(summary.eligible, households);
      if (handPick) {
        includedByHand[i] = 1;
        add(summary.includedByHand, households);
      }
    } else {
      add(summary.excluded, households);
      for (const k of own) add(byReason[k], households);
    }
  }
  return { eligible, reasons, includedByHand, summary };
}

function add(counts: EligibilityCounts, households: number): void {
  counts.communities += 1;
  counts.households += households;
}
