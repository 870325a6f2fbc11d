/** Derived figures for the UI. Memoised on input references so React re-renders only when data changes. */
import { length as turfLength } from '@turf/turf';
import type { RoadClass } from '../core/config/roads';
import { roadClassOf } from '../core/config/roads';
import type { Community, Facility, Road } from '../core/types';
import type { AppState } from './types';

/** Remember the last result for the same argument references. */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs![i])) return lastResult;
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}

export interface DataSummary {
  communityCount: number;
  oldCommunityCount: number;
  households: number;
  oldHouseholds: number;
  facilityCount: number;
  /** Facilities per category id (a facility with two categories counts in both). */
  facilitiesByCategory: Record<string, number>;
  roadKilometers: number;
  roadKilometersByClass: Record<RoadClass, number>;
}

export function summarize(communities: Community[], facilities: Facility[], roads: Road[], oldThresholdYear: number): DataSummary {
  let oldCommunityCount = 0, households = 0, oldHouseholds = 0;
  for (const c of communities) {
    const hh = c.households ?? 0;
    households += hh;
    if (c.buildYear !== null && c.buildYear <= oldThresholdYear) {
      oldCommunityCount++;
      oldHouseholds += hh;
    }
  }
  const facilitiesByCategory: Record<string, number> = {};
  for (const f of facilities) for (const cat of f.categories) facilitiesByCategory[cat] = (facilitiesByCategory[cat] ?? 0) + 1;
  const roadKilometersByClass: Record<RoadClass, number> = { arterial: 0, secondary: 0, local: 0, alley: 0, footpath: 0, other: 0 };
  let roadKilometers = 0;
  for (const r of roads) {
    const km = turfLength({ type: 'Feature', geometry: r.geometry, properties: {} }, { units: 'kilometers' });
    roadKilometers += km;
    roadKilometersByClass[roadClassOf(r.highway)] += km;
  }
  return {
    communityCount: communities.length, oldCommunityCount, households, oldHouseholds,
    facilityCount: facilities.length, facilitiesByCategory, roadKilometers, roadKilometersByClass,
  };
}

const summaryMemo = memoLast(summarize);
export const selectSummary = (s: AppState): DataSummary => summaryMemo(s.communities, s.facilities, s.roads, s.oldBuildYearThreshold);

const communityIndexMemo = memoLast((cs: Community[]) => new Map(cs.map((c) => [c.id, c])));
const facilityIndexMemo = memoLast((fs: Facility[]) => new Map(fs.map((f) => [f.id, f])));

export const selectSelectedCommunity = (s: AppState): Community | null =>
  s.selection?.kind === 'community' ? communityIndexMemo(s.communities).get(s.selection.id) ?? null : null;

export const selectSelectedFacility = (s: AppState): Facility | null =>
  s.selection?.kind === 'facility' ? facilityIndexMemo(s.facilities).get(s.selection.id) ?? null : null;

export const selectHoveredCommunity = (s: AppState): Community | null =>
  s.hover?.kind === 'community' ? communityIndexMemo(s.communities).get(s.hover.id) ?? null : null;

export const selectHoveredFacility = (s: AppState): Facility | null =>
  s.hover?.kind === 'facility' ? facilityIndexMemo(s.facilities).get(s.hover.id) ?? null : null;
