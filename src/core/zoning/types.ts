/** Types of block-level zoning (区块化改造): eligibility, adjacency, zones and their statistics. */
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { Community } from '../types';

/**
 * The community fields zoning reads (eligibility, grouping, names, statistics): a `Community` fits, and a
 * zoning thread can rebuild just these from packed arrays.
 */
export type ZoningCommunity = Pick<Community, 'id' | 'geometry' | 'buildYear' | 'households' | 'residents' | 'subdistrict'
  | 'propertyManagement' | 'willingness' | 'renovation' | 'demolitionPlanned' | 'shantyTown'>;

/** 区块 / 片区: adjacent communities designed, renovated and managed as one. */
export interface Zone {
  /** `Z001`, `Z002`, … in north-to-south order of the zone's members (see `autoZone`). */
  id: string;
  name: string;
  /** Community `id`s, in code-unit order of the ids. */
  memberIds: string[];
  source: 'auto' | 'manual';
  /** WGS84, RFC 7946 winding (outer rings counter-clockwise). */
  geometry: Polygon | MultiPolygon;
}

/** Why a community is outside the renovation scope. */
export type ExclusionReason = 'too_new' | 'demolition' | 'shanty_town' | 'renovated' | 'unknown_year';

export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['too_new', 'unknown_year', 'demolition', 'shanty_town', 'renovated'];

/** 改造范围 rules (DOMAIN.md §2). */
export interface EligibilityRules {
  /** Built in or before this year (建成年代 ≤ year). Policy default: 2000. */
  builtInOrBefore: number;
  /** 计划征收拆迁: never eligible when on. */
  excludeDemolition: boolean;
  /** 棚户区改建: never eligible when on. */
  excludeShantyTown: boolean;
  /** Already renovated (`renovation === 'done'`). Off by default: they may re-enter for other content. */
  excludeRenovated: boolean;
  /**
   * Communities added by hand (urgent later-built ones). They override `too_new`, `unknown_year` and `renovated`,
   * but never demolition or shanty-town redevelopment (the policy forbids those outright).
   */
  includeIds?: string[];
}

export interface EligibilityCounts {
  communities: number;
  households: number;
}

export interface EligibilityResult {
  /** Per community (input order): 1 = eligible. */
  eligible: Uint8Array;
  /** Per community: every rule that flags it (empty when eligible by the rules; kept for hand-included ones). */
  reasons: ExclusionReason[][];
  /** Per community: eligible only because its id is in `includeIds`. */
  includedByHand: Uint8Array;
  summary: {
    eligible: EligibilityCounts;
    excluded: EligibilityCounts;
    includedByHand: EligibilityCounts;
    /** A community with several reasons counts under each of them. */
    byReason: Record<ExclusionReason, EligibilityCounts>;
  };
}

/** A line the shortest link between two communities must not cross. Polygons count by their boundary. */
export interface BarrierLine {
  kind: 'road' | 'railway' | 'water';
  geometry: LineString | MultiLineString | Polygon | MultiPolygon;
}

export interface AdjacencyOptions {
  /** Polygons closer than this (metres; touching = 0) are neighbours. Default 30. */
  gapMeters?: number;
  barriers?: readonly BarrierLine[];
  /**
   * Touching polygons have a zero-length link; they count as separated when a barrier passes within this many
   * metres of their contact point (a road drawn along the shared boundary). Default 1.
   */
  touchToleranceMeters?: number;
}

/** Adjacency graph over eligible communities; indices are positions in the input `communities` array. */
export interface Adjacency {
  /** Flat pairs [a0, b0, a1, b1, …] with a < b, sorted by (a, b). */
  edges: Uint32Array;
  /** Per edge: polygon-to-polygon distance, metres (0 = touching or overlapping). */
  distanceMeters: Float64Array;
  /** Near pairs (within the gap) whose link crosses a barrier, flat like `edges`. */
  blockedEdges: Uint32Array;
  /** Pairs whose expanded bboxes met (before exact distances): the work the index saved shows here. */
  candidatePairs: number;
}

export interface ZoningOptions extends AdjacencyOptions {
  /** Eligibility rules (defaults: DEFAULT_ELIGIBILITY_RULES). Ignored when `eligible` is given. */
  rules?: Partial<EligibilityRules>;
  /** Precomputed eligibility mask (per community, 1 = eligible). */
  eligible?: Uint8Array;
  /** Cap per zone (户). Default 3000. */
  maxHouseholds?: number;
  /** Cap per zone, m² of member polygons. Default 300 000. */
  maxAreaSqm?: number;
  /** Parts of a split component below this are merged into a neighbour part when the caps allow. Default 200. */
  minHouseholds?: number;
  /** Isolated eligible communities: a zone of their own ('zone', default) or left unzoned ('none'). */
  singletons?: 'zone' | 'none';
}

/** Accessibility per community and category, as produced by `core/coverage` (AccessibilityResult fits). */
export interface ZoneAccessibilityInput {
  categoryIds: string[];
  /** [community * nCat + cat]: 1 = covered within the category's life-circle distance. */
  covered: Uint8Array;
  /** [community * nCat + cat]: metres to the nearest facility, NaN = none found / off-network. */
  walkMeters: Float64Array;
  /** Per community: NaN marks an off-network community (never counted as a gap). */
  score?: Float64Array;
  /** Which categories are required; all count when absent. */
  summary?: readonly { categoryId: string; required: boolean }[];
}

export interface ZoneStats {
  communities: number;
  households: number;
  residents: number;
  /** Sum of member polygon areas, geodesic m². */
  memberAreaSqm: number;
  /** Area of the zone geometry (members plus closed gaps), geodesic m²; null when no geometry was given. */
  zoneAreaSqm: number | null;
  buildYearMin: number | null;
  buildYearMax: number | null;
  /** Plain mean of members' willingness (members without a value skipped); null when none has one. */
  meanWillingness: number | null;
  /** Household-weighted mean willingness (members with both values). */
  meanWillingnessByHouseholds: number | null;
  propertyManagement: { professional: number; self: number; none: number; unknown: number };
  /** Categories not covered for at least one (on-network) member; empty without accessibility input. */
  missingCategoryIds: string[];
  /** Households of members lacking at least one (required) category. */
  householdsInGaps: number;
  /** Per missing category: households of members lacking it. */
  gapHouseholdsByCategory: Record<string, number>;
}

export interface AutoZoneResult {
  zones: Zone[];
  /** Eligible communities in no zone (isolated ones when `singletons: 'none'`). */
  unzoned: string[];
  /** Parallel to `zones`. */
  stats: ZoneStats[];
  eligibility: EligibilityResult | null;
  adjacency: Adjacency;
}
