/**
 * The zoning step of `analyze`: barriers from the roads layer (chosen highway classes, plus railways and
 * waterways found in the same file), eligibility, automatic zones and their statistics, per community and as
 * the summary's `zoning` section. The geometry and grouping are the core's (`src/core/zoning`).
 */
import type { Feature } from 'geojson';
import type { AccessibilityResult } from '../core/coverage';
import type { Community, Road } from '../core/types';
import type { BarrierLine, EligibilityResult, ExclusionReason, Zone, ZoneAccessibilityInput, ZoneLayout, ZoneStats, ZoningCommunity } from '../core/zoning';
import { addZoneGaps, barriersFromRoads, gapInput, layoutZones, zoneIds, zoneStatsWith, zonesOf } from '../core/zoning';
import type { ZoningSummaryJson } from '../io/export/summary';
import type { ZoningSettings } from './zoningOptions';

/** Railways that cut a neighbourhood (trams run in the street and are not barriers; tunnels pass under). */
const BARRIER_RAILWAY = new Set(['rail', 'light_rail', 'narrow_gauge', 'subway', 'monorail']);
/** Waterways wide or fenced enough to separate compounds; ditches and drains are not. */
const BARRIER_WATERWAY = new Set(['river', 'canal', 'stream', 'riverbank']);

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const LINEAL = new Set(['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/** A railway or water feature of the roads file, as a barrier (null for anything else, highways included). */
export function railOrWaterBarrier(f: Feature): BarrierLine | null {
  const p = f.properties ?? {};
  if (!f.geometry || !LINEAL.has(f.geometry.type) || str(p.highway) !== '') return null;
  if (str(p.tunnel) !== '' && str(p.tunnel) !== 'no') return null;
  const geometry = f.geometry as BarrierLine['geometry'];
  if (BARRIER_RAILWAY.has(str(p.railway))) return { kind: 'railway', geometry };
  if (BARRIER_WATERWAY.has(str(p.waterway)) || str(p.natural) === 'water') return { kind: 'water', geometry };
  return null;
}

export interface RoadLayerSplit {
  /** Indices (into the given features) of everything that is not a rail/water barrier: mapped as roads. */
  roadIndex: number[];
  /** Railways and waterways: barriers only, never walked along. */
  barriers: BarrierLine[];
}

export function splitRoadLayer(features: readonly Feature[]): RoadLayerSplit {
  const roadIndex: number[] = [];
  const barriers: BarrierLine[] = [];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    // Streets (nearly all of the 93k lines at ×50) first: a highway tag is never a barrier, whatever the rest.
    const highway = f.properties?.highway;
    const b = typeof highway === 'string' && highway !== '' ? null : railOrWaterBarrier(f);
    if (b) barriers.push(b); else roadIndex.push(i);
  }
  return { roadIndex, barriers };
}

export interface ZoningRun {
  zones: Zone[];
  stats: ZoneStats[];
  /** Per community (analysis order): 1 = eligible. */
  eligible: Uint8Array;
  /** Per community: exclusion reasons (empty when eligible). */
  reasons: ExclusionReason[][];
  /** Per community: its zone id, null when not eligible or not zoned. */
  zoneIdOf: (string | null)[];
  summary: ZoningSummaryJson;
  /** Community ids that occur more than once (zoned under a suffixed id, see `runZoning`). */
  duplicateIds: string[];
}

/** Community ids made distinct (repeats get `#<row>`), as zone members are reported by id. */
export interface ZoningIds {
  ids: string[];
  duplicateIds: string[];
}

export function distinctIds(communities: readonly Community[]): ZoningIds {
  const seen = new Map<string, number>();
  const duplicateIds = new Set<string>();
  const ids = communities.map((c, i) => {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n === 0) return c.id;
    duplicateIds.add(c.id);
    return `${c.id}#${i}`;
  });
  return { ids, duplicateIds: [...duplicateIds] };
}

/** Road, railway and water barriers of a run, with their counts for the summary. */
export interface ZoningBarriers {
  lines: BarrierLine[];
  counts: { road: number; railway: number; water: number };
}

export function zoningBarriers(roads: readonly Pick<Road, 'highway' | 'geometry'>[], otherBarriers: readonly BarrierLine[], settings: ZoningSettings): ZoningBarriers {
  const roadBarriers = barriersFromRoads(roads, settings.barrierHighways);
  return {
    lines: [...roadBarriers, ...otherBarriers],
    counts: { road: roadBarriers.length, railway: otherBarriers.filter((b) => b.kind === 'railway').length, water: otherBarriers.filter((b) => b.kind === 'water').length },
  };
}

/**
 * Zoning before the distances: zones (members, names, outlines), eligibility, and the zone statistics
 * without their gap fields. `communities` carry distinct ids (`distinctIds`). Runs on the zoning thread.
 */
export interface ZoningDraft {
  layout: Pick<ZoneLayout, 'members' | 'names' | 'geometries' | 'unzoned'>;
  eligibility: Pick<EligibilityResult, 'eligible' | 'reasons' | 'summary'>;
  /** Parallel to the zones; `missingCategoryIds`, `householdsInGaps`, `gapHouseholdsByCategory` still empty. */
  stats: ZoneStats[];
}

/** The part of a draft the main thread needs to write the community files: members, unzoned, eligibility. */
export type DraftSide = Pick<ZoningDraft, 'eligibility'> & { layout: Pick<ZoningDraft['layout'], 'members' | 'unzoned'> };

/** `onSide` hears the draft's community side as soon as the zones are grouped, before their outlines are made. */
export function draftZoning(
  communities: readonly ZoningCommunity[], barriers: readonly BarrierLine[], settings: ZoningSettings, onSide?: (side: DraftSide) => void,
): ZoningDraft {
  const layout = layoutZones(communities, {
    rules: { builtInOrBefore: settings.eligibleBefore },
    gapMeters: settings.gapMeters,
    barriers,
    maxHouseholds: settings.maxHouseholds,
    maxAreaSqm: settings.maxAreaSqm,
  }, onSide && ((g) => onSide({ layout: { members: g.members, unzoned: g.unzoned }, eligibility: g.eligibility! })));
  const stats = layout.members.map((members, z) => zoneStatsWith(communities, members, layout.geometries[z], null));
  const { members, names, geometries, unzoned } = layout;
  return { layout: { members, names, geometries, unzoned }, eligibility: layout.eligibility!, stats };
}

/** What the community rows and the summary need from a zoning run: no distances, no zone objects. */
export type ZoningOfCommunities = Omit<ZoningRun, 'zones' | 'stats'>;

/**
 * The community side of a draft: eligibility, zone id per community, the summary. Needs no distances, so the
 * main thread has it while the zoning thread finishes and writes the zones (zoningTask.ts).
 */
export function zoningOfCommunities(
  draft: { layout: Pick<ZoningDraft['layout'], 'members' | 'unzoned'>; eligibility: ZoningDraft['eligibility'] }, communities: readonly Community[], ids: ZoningIds,
  barrierCounts: ZoningBarriers['counts'], settings: ZoningSettings,
): ZoningOfCommunities {
  const { layout, eligibility } = draft;
  const zoneIdList = zoneIds(layout.members.length); // the ids zonesOf gives the zones
  const zoneIdOf: (string | null)[] = new Array<string | null>(communities.length).fill(null);
  let householdsZoned = 0;
  let communitiesZoned = 0;
  for (let z = 0; z < layout.members.length; z++) {
    for (const i of layout.members[z]) {
      zoneIdOf[i] = zoneIdList[z];
      householdsZoned += communities[i].households ?? 0;
      communitiesZoned++;
    }
  }
  const s = eligibility.summary;
  const summary: ZoningSummaryJson = {
    settings: { ...settings, barriers: { ...barrierCounts } },
    eligible: { ...s.eligible },
    excluded: { ...s.excluded, byReason: structuredClone(s.byReason) },
    zones: layout.members.length,
    communitiesZoned,
    householdsZoned,
    unzoned: layout.unzoned.map((i) => ids.ids[i]),
  };
  return { eligible: eligibility.eligible, reasons: eligibility.reasons, zoneIdOf, summary, duplicateIds: ids.duplicateIds };
}

/**
 * The zone objects and their statistics with the gap fields (they need the coverage); `ids`: the communities'
 * distinct ids (`distinctIds`). Mutates `draft.stats` (adds the gaps). `householdsByCategory: false` leaves each
 * zone's `gapHouseholdsByCategory` empty, for callers that only write the zone files (which have no such column).
 */
export function finishZones(
  draft: Pick<ZoningDraft, 'layout' | 'stats'>, communities: readonly ZoningCommunity[], ids: readonly string[],
  accessibility: ZoneAccessibilityInput, options: { householdsByCategory?: boolean } = {},
): { zones: Zone[]; stats: ZoneStats[] } {
  const { layout, stats } = draft;
  const zones = zonesOf(layout, ids);
  const gaps = gapInput(accessibility, { byCategory: options.householdsByCategory });
  for (let z = 0; z < stats.length; z++) addZoneGaps(stats[z], communities, layout.members[z], gaps);
  return { zones, stats };
}

/** The zoning run from its draft: zone objects, the gap statistics (they need `accessibility`), the summary. */
export function finishZoning(
  draft: ZoningDraft, communities: readonly Community[], ids: ZoningIds, barrierCounts: ZoningBarriers['counts'],
  accessibility: AccessibilityResult, settings: ZoningSettings,
): ZoningRun {
  const side = zoningOfCommunities(draft, communities, ids, barrierCounts, settings);
  return { ...finishZones(draft, communities, ids.ids, accessibility), ...side };
}

/**
 * A zoning run whose zones and statistics are made on first read (`make`): when the zoning thread writes the zone
 * files, the main thread needs only the community side, and `runAnalyze`'s callers rarely read the zones.
 */
export function lazyZoningRun(side: ZoningOfCommunities, make: () => { zones: Zone[]; stats: ZoneStats[] }): ZoningRun {
  let made: { zones: Zone[]; stats: ZoneStats[] } | null = null;
  const get = (): { zones: Zone[]; stats: ZoneStats[] } => (made ??= make());
  // Same key order as finishZoning's run (JSON of the run, test spreads).
  return {
    get zones() { return get().zones; },
    get stats() { return get().stats; },
    eligible: side.eligible, reasons: side.reasons, zoneIdOf: side.zoneIdOf, summary: side.summary, duplicateIds: side.duplicateIds,
  };
}

/** Zoning on the calling thread (see zoningTask.ts for the thread that runs `draftZoning` during the distances). */
export function runZoning(
  communities: readonly Community[], roads: readonly Road[], otherBarriers: readonly BarrierLine[],
  accessibility: AccessibilityResult, settings: ZoningSettings,
): ZoningRun {
  const ids = distinctIds(communities);
  const barriers = zoningBarriers(roads, otherBarriers, settings);
  const draft = draftZoning(withIds(communities, ids), barriers.lines, settings);
  return finishZoning(draft, communities, ids, barriers.counts, accessibility, settings);
}

/** The communities under their distinct ids (copies only for the repeats). */
export function withIds(communities: readonly Community[], ids: ZoningIds): Community[] {
  return communities.map((c, i) => (c.id === ids.ids[i] ? c : { ...c, id: ids.ids[i] }));
}
