/**
 * What a rerun of the analysis can reuse when only category settings (max walk, required) change: the items'
 * points, their snapping and the search job. On the ×50 bench town that is ~0.4 s of a ~0.9 s rerun (slow host):
 * points ~80 ms, snapping ~200 ms, job ~100 ms. Keyed by identity (the same network, community and facility
 * arrays, snap distance and category order), so a stale entry can never be used: anything else recomputes.
 */
import type { SnapInfo, WalkNetwork } from '../network';
import type { Community, Facility } from '../types';
import type { DistanceJob } from './distanceJob';
import type { LastTables } from './incremental';

export interface CachedItems {
  network: WalkNetwork;
  communities: readonly Community[];
  facilities: readonly Facility[];
  maxSnapMeters: number;
  categoryKey: string;
  communityLngLat: Float64Array;
  facilityLngLat: Float64Array;
  communitySnap: SnapInfo;
  facilitySnap: SnapInfo;
  byCategory: Int32Array[];
  job: DistanceJob | null;
  /** The tables of the last run of `job` (an incremental rerun starts from them), null before the first. */
  last: LastTables | null;
}

/** Keep one per data set between runs (e.g. in the analysis Worker) and pass it as `AccessibilityInput.cache`. */
export class AccessibilityCache {
  /** Runs that reused the entry (for tests and diagnostics). */
  hits = 0;
  entry: CachedItems | null = null;

  lookup(network: WalkNetwork, communities: readonly Community[], facilities: readonly Facility[], maxSnapMeters: number, categoryKey: string): CachedItems | null {
    const e = this.entry;
    if (!e || e.network !== network || e.communities !== communities || e.facilities !== facilities || e.maxSnapMeters !== maxSnapMeters || e.categoryKey !== categoryKey) return null;
    this.hits++;
    return e;
  }
}
