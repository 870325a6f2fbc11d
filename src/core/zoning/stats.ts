/** Zone statistics: sums over members, plus service gaps from the accessibility engine when given. */
import type { MultiPolygon, Polygon } from 'geojson';
import { geodesicArea } from './area';
import type { ZoneAccessibilityInput, ZoneStats, ZoningCommunity } from './types';

export interface ZoneStatsOptions {
  /** Accessibility rows in the same order as `communities` (index = community position). */
  accessibility?: ZoneAccessibilityInput;
  /** The zone outline, for `zoneAreaSqm`. */
  geometry?: Polygon | MultiPolygon;
}

/**
 * Statistics of one zone whose members are `communities[memberIndices[i]]`.
 *
 * Gaps: a member is "in a gap" when at least one required category is not covered for it. Off-network members
 * (accessibility `score` NaN) are never counted as gaps — their distance is unknown, not long.
 *
 * @example
 * const stats = zoneStats(communities, [0, 3, 4], { accessibility: result, geometry: zone.geometry });
 * stats.householdsInGaps; // households of the three members missing some required service
 */
export function zoneStats(
  communities: readonly ZoningCommunity[], memberIndices: ArrayLike<number>, options: ZoneStatsOptions = {},
): ZoneStats {
  const acc = options.accessibility;
  return zoneStatsWith(communities, memberIndices, options.geometry ?? null, acc ? gapInput(acc) : null);
}

/** The accessibility rows with the required flag per category resolved once (not once per zone). */
export interface GapInput {
  acc: ZoneAccessibilityInput;
  required: boolean[];
  /** Scratch per category (households missing it), reused across zones. */
  missing: Float64Array;
  /**
   * Per set of missing categories (bit c = category c): its ids and an object with those keys in category
   * order, copied per zone. Adding the keys one by one to each zone's `{}` was most of the gap statistics
   * (×50: 14 593 zones, ~15 missing categories each; ~80 of ~120 ms on the CLI's main thread).
   */
  shapes: Map<number, GapShape>;
  /**
   * Whether `gapHouseholdsByCategory` is filled. Callers that only write `missingCategoryIds` and
   * `householdsInGaps` (the CLI's zone files) leave it empty: making the object per zone was most of the cost.
   */
  byCategory: boolean;
}

interface GapShape {
  ids: string[];
  /** Made on first use (`byCategory` only). */
  template: Record<string, number> | null;
}

/** Categories up to this many use the bit-mask shapes; more take the key-by-key path. */
const SHAPE_MAX_CATEGORIES = 30;

export function gapInput(acc: ZoneAccessibilityInput, options: { byCategory?: boolean } = {}): GapInput {
  const required = acc.summary
    ? acc.categoryIds.map((id) => acc.summary!.find((x) => x.categoryId === id)?.required ?? true)
    : acc.categoryIds.map(() => true);
  return { acc, required, missing: new Float64Array(acc.categoryIds.length), shapes: new Map(), byCategory: options.byCategory ?? true };
}

/** `zoneStats` with the gap input prepared once for many zones (`autoZone`). */
export function zoneStatsWith(
  communities: readonly ZoningCommunity[], memberIndices: ArrayLike<number>, geometry: Polygon | MultiPolygon | null,
  gaps: GapInput | null,
): ZoneStats {
  const s: ZoneStats = {
    communities: 0, households: 0, residents: 0, memberAreaSqm: 0,
    zoneAreaSqm: null,
    buildYearMin: null, buildYearMax: null, meanWillingness: null, meanWillingnessByHouseholds: null,
    propertyManagement: { professional: 0, self: 0, none: 0, unknown: 0 },
    missingCategoryIds: [], householdsInGaps: 0, gapHouseholdsByCategory: {},
  };
  let wSum = 0, wCount = 0, wHhSum = 0, wHh = 0;
  for (let m = 0; m < memberIndices.length; m++) {
    const c = communities[memberIndices[m]];
    const hh = c.households ?? 0;
    s.communities++;
    s.households += hh;
    s.residents += c.residents ?? 0;
    const memberArea = geodesicArea(c.geometry);
    s.memberAreaSqm += memberArea;
    // A one-member zone's outline is mostly the member's own rings (same arrays): the same area, not measured twice
    // (10 500 of 14 593 zones at ×50).
    if (geometry && memberIndices.length === 1 && sameRings(geometry, c.geometry)) s.zoneAreaSqm = memberArea;
    if (c.buildYear != null && Number.isFinite(c.buildYear)) {
      s.buildYearMin = s.buildYearMin == null ? c.buildYear : Math.min(s.buildYearMin, c.buildYear);
      s.buildYearMax = s.buildYearMax == null ? c.buildYear : Math.max(s.buildYearMax, c.buildYear);
    }
    if (c.willingness != null && Number.isFinite(c.willingness)) {
      wSum += c.willingness; wCount++;
      if (c.households != null && c.households > 0) { wHhSum += c.willingness * c.households; wHh += c.households; }
    }
    s.propertyManagement[c.propertyManagement ?? 'unknown']++;
  }
  if (geometry && s.zoneAreaSqm === null) s.zoneAreaSqm = geodesicArea(geometry);
  if (wCount > 0) s.meanWillingness = wSum / wCount;
  if (wHh > 0) s.meanWillingnessByHouseholds = wHhSum / wHh;
  if (gaps) addZoneGaps(s, communities, memberIndices, gaps);
  return s;
}

/** Polygons made of the very same ring arrays (so `geodesicArea` gives the same double for both). */
export function sameRings(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  if (a.type !== 'Polygon' || b.type !== 'Polygon' || a.coordinates.length !== b.coordinates.length) return false;
  for (let r = 0; r < a.coordinates.length; r++) if (a.coordinates[r] !== b.coordinates[r]) return false;
  return true;
}

/**
 * The service-gap fields of `s` (members lacking a required category), added to statistics made without
 * accessibility: the CLI makes the rest of the statistics on its zoning thread before the distances exist.
 */
export function addZoneGaps(s: ZoneStats, communities: readonly ZoningCommunity[], memberIndices: ArrayLike<number>, gaps: GapInput): void {
  const { acc, required, missing } = gaps;
  const nCat = acc.categoryIds.length;
  missing.fill(-1);
  for (let m = 0; m < memberIndices.length; m++) {
    const i = memberIndices[m];
    if (acc.score && Number.isNaN(acc.score[i])) continue;
    const hh = communities[i].households ?? 0;
    let inGap = false;
    for (let c = 0; c < nCat; c++) {
      if (!required[c] || acc.covered[i * nCat + c]) continue;
      inGap = true;
      missing[c] = Math.max(0, missing[c]) + hh;
    }
    if (inGap) s.householdsInGaps += hh;
  }
  const ids = acc.categoryIds;
  if (nCat > SHAPE_MAX_CATEGORIES || s.missingCategoryIds.length > 0 || Object.keys(s.gapHouseholdsByCategory).length > 0) {
    for (let c = 0; c < nCat; c++) {
      if (missing[c] < 0) continue;
      s.missingCategoryIds.push(ids[c]);
      if (gaps.byCategory) s.gapHouseholdsByCategory[ids[c]] = missing[c];
    }
    return;
  }
  let mask = 0;
  for (let c = 0; c < nCat; c++) if (missing[c] >= 0) mask |= 1 << c;
  if (mask === 0) return;
  let shape = gaps.shapes.get(mask);
  if (!shape) {
    shape = { ids: [], template: null };
    for (let c = 0; c < nCat; c++) if (mask & (1 << c)) shape.ids.push(ids[c]);
    gaps.shapes.set(mask, shape);
  }
  s.missingCategoryIds = shape.ids.slice();
  if (!gaps.byCategory) return;
  if (!shape.template) {
    const template: Record<string, number> = {};
    for (const id of shape.ids) template[id] = 0;
    shape.template = template;
  }
  // Same keys in the same order as adding them one by one: the template's, with this zone's values.
  const byCategory = { ...shape.template };
  for (let c = 0; c < nCat; c++) if (missing[c] >= 0) byCategory[ids[c]] = missing[c];
  s.gapHouseholdsByCategory = byCategory;
}
