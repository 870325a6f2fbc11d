/** Default analysis settings. Units in names. */
import type { CategoryDef } from './categories';
import { DEFAULT_CATEGORIES } from './categories';

/** GB 50180's 15-min ≈ 1000 m implies ~67 m/min (4 km/h). */
export const DEFAULT_WALK_SPEED_METERS_PER_MINUTE = 67;

export interface NetworkSettings {
  /** Merge vertices closer than this (metres). */
  mergeToleranceMeters: number;
  /** Node lines where they cross without a shared vertex (CAD centre lines). Off for OSM semantics. */
  nodeAtCrossings: boolean;
  /** Items farther than this from any walkable edge are off-network. */
  maxSnapMeters: number;
}

export interface AnalysisSettings {
  walkSpeedMetersPerMinute: number;
  categories: CategoryDef[];
  network: NetworkSettings;
}

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = {
  mergeToleranceMeters: 0.5,
  nodeAtCrossings: false,
  maxSnapMeters: 300,
};

export function defaultAnalysisSettings(): AnalysisSettings {
  return {
    walkSpeedMetersPerMinute: DEFAULT_WALK_SPEED_METERS_PER_MINUTE,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c, osm: c.osm.map((o) => ({ ...o })) })),
    network: { ...DEFAULT_NETWORK_SETTINGS },
  };
}

/** Life-circle distance levels (GB 50180), metres: for stepped colours and legends. */
export const LIFE_CIRCLE_METERS = { fiveMinute: 300, tenMinute: 500, fifteenMinute: 1000 } as const;
