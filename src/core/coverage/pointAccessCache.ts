/**
 * What a rerun of the coverage grid can reuse when only category settings change (the app reruns the grid on every
 * settings change, walking speed and `required` included): the cells' and facilities' snapping, the search job and
 * the last run's columns, so only categories whose max walk changed are searched again (incremental.ts). On the
 * ×50 bench town a grid run is ~0.6 s, almost all of it searches and job. Keyed by identity (network, facilities)
 * and by value (the cell centres: the grid is made anew each run from the same extent).
 */
import type { SnapInfo, WalkNetwork } from '../network';
import type { Facility } from '../types';
import type { DistanceJob } from './distanceJob';
import type { LastTables } from './incremental';

export interface PointAccessEntry {
  network: WalkNetwork;
  facilities: readonly Facility[];
  pointLngLat: Float64Array;
  maxSnapMeters: number;
  categoryKey: string;
  pointSnap: SnapInfo;
  job: DistanceJob;
  last: LastTables | null;
}

function samePoints(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Keep one per data set (e.g. in the grid's Worker session) and pass it to `computePointAccess`. */
export class PointAccessCache {
  /** Runs that reused the entry (tests, diagnostics). */
  hits = 0;
  entry: PointAccessEntry | null = null;

  lookup(network: WalkNetwork, facilities: readonly Facility[], pointLngLat: Float64Array, maxSnapMeters: number, categoryKey: string): PointAccessEntry | null {
    const e = this.entry;
    if (!e || e.network !== network || e.facilities !== facilities || e.maxSnapMeters !== maxSnapMeters || e.categoryKey !== categoryKey
      || !samePoints(e.pointLngLat, pointLngLat)) return null;
    this.hits++;
    return e;
  }
}
