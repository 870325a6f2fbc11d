import type { AnalysisSettings } from '../config/defaults';
import type { NetworkStats, SnapInfo, WalkNetwork } from '../network';
import type { RoadLines } from '../network/roadLines';
import type { Community, Facility, Road } from '../types';
import type { AccessibilityCache } from './cache';
import type { NetworkOnThread } from './prepareOnThread';

export type ProgressFn = (phase: string, done: number, total: number) => void;

export interface AccessibilityInput {
  communities: readonly Community[];
  facilities: readonly Facility[];
  /** Road lines; a walking network is built from them. Omitted or empty (and no `network`): Euclidean mode. */
  roads?: readonly Road[];
  /**
   * The walkable roads already flattened (`flattenRoads`, or `flattenRoadColumns` of roads read as columns), for a
   * caller that made no `Road` objects: takes the place of non-empty `roads` (network mode).
   */
  roadLines?: RoadLines;
  /** A network already built from the same roads (takes precedence over `roads`). */
  network?: WalkNetwork;
  settings: AnalysisSettings;
  onProgress?: ProgressFn;
  /** Polled between units of work; when it returns true the computation throws `CancelledError`. */
  isCancelled?: () => boolean;
  /** Reuse points, snapping and the search job of an earlier run on the same network and items (cache.ts). */
  cache?: AccessibilityCache;
  /** A build of this network from `roads` (or `roadLines`) already started on a helper thread (`startNetworkOnThread`). */
  networkOnThread?: NetworkOnThread;
}

/** Per category, over all communities. Off-network communities count in the totals, never as gaps. */
export interface CategorySummary {
  categoryId: string;
  maxWalkMeters: number;
  required: boolean;
  householdsCovered: number;
  householdsTotal: number;
  /** householdsCovered / householdsTotal (0 when there are no households). */
  share: number;
  communitiesCovered: number;
  /** Communities (on the network) not covered: the size of `listGaps` for this category. */
  gaps: number;
  /** Communities off the network (walk unknown). */
  offNetwork: number;
  facilities: number;
}

export interface AccessibilityResult {
  /** 'euclidean' = straight-line metres between points (no roads loaded): label every output with it. */
  mode: 'network' | 'euclidean';
  /** Column order of the per-category arrays (settings.categories order). */
  categoryIds: string[];
  /** Row order (input order). */
  communityIds: string[];
  /** [community * nCat + cat]: metres to the nearest facility; NaN = none within the search bound or off-network. */
  walkMeters: Float64Array;
  /** [community * nCat + cat]: index into the input facilities, -1 = none. */
  nearestFacility: Int32Array;
  /** [community * nCat + cat]: facilities with walk <= the category's max walk. */
  countWithin: Int32Array;
  /** [community * nCat + cat]: 1 when walkMeters <= maxWalkMeters. */
  covered: Uint8Array;
  /** Per community: share of required categories covered; NaN for off-network communities. */
  score: Float64Array;
  communitySnap: SnapInfo;
  facilitySnap: SnapInfo;
  offNetworkCommunities: string[];
  offNetworkFacilities: string[];
  network: NetworkStats | null;
  summary: CategorySummary[];
  /** Metres searched per category (2 × max walk): beyond it walkMeters is NaN. */
  searchBoundMeters: Float64Array;
  /** Threads that ran the distance searches: the calling thread, helper threads or both (see computeAccessibilityParallel). */
  threads: number;
  /** How many of `threads` were helper threads (0: the calling thread alone; `threads` when it left them the job). */
  helperThreads: number;
}

/** One uncovered (community, required category) pair. */
export interface Gap {
  communityIndex: number;
  communityId: string;
  categoryId: string;
  /** null when no facility is within the search bound. */
  walkMeters: number | null;
  households: number | null;
}

/** Thrown by `computeAccessibility` when `isCancelled()` turns true. */
export class CancelledError extends Error {
  constructor() {
    super('accessibility computation cancelled');
    this.name = 'CancelledError';
  }
}

/** Search at least this many times the category's max walk, so "how far beyond" is still known. */
export const SEARCH_BOUND_FACTOR = 2;
/** Float slack when comparing a summed walk with a max walk (sums along equal paths can differ in the last bit). */
export const WALK_EPSILON_METERS = 1e-6;
