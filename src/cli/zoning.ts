/**
 * The zoning step of `analyze`: barriers from the roads layer (chosen highway classes, plus railways and
 * waterways found in the same file), eligibility, automatic zones and their statistics, per community and as
 * the summary's `zoning` section. The geometry and grouping are the core's (`src/core/zoning`).
 */
import type { Feature } from 'geojson';
import type { AccessibilityResult } from '../core/coverage';
import type { Community, Road } from '../core/types';
import type { BarrierLine, ExclusionReason, Zone, ZoneStats } from '../core/zoning';
import { autoZone, barriersFromRoads } from '../core/zoning';
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
  features.forEach((f, i) => {
    const b = railOrWaterBarrier(f);
    if (b) barriers.push(b); else roadIndex.push(i);
  });
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

export function runZoning(
  communities: readonly Community[], roads: readonly Road[], otherBarriers: readonly BarrierLine[],
  accessibility: AccessibilityResult, settings: ZoningSettings,
): ZoningRun {
  // Members are reported by id: give repeated ids a suffix so each community stays one distinct member.
  const seen = new Map<string, number>();
  const duplicateIds = new Set<string>();
  const unique = communities.map((c, i) => {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    if (n === 0) return c;
    duplicateIds.add(c.id);
    return { ...c, id: `${c.id}#${i}` };
  });
  const roadBarriers = barriersFromRoads(roads, settings.barrierHighways);
  const result = autoZone(unique, {
    rules: { builtInOrBefore: settings.eligibleBefore },
    gapMeters: settings.gapMeters,
    barriers: [...roadBarriers, ...otherBarriers],
    maxHouseholds: settings.maxHouseholds,
    maxAreaSqm: settings.maxAreaSqm,
    accessibility,
  });
  const eligibility = result.eligibility!;
  const indexOf = new Map(unique.map((c, i) => [c.id, i]));
  const zoneIdOf: (string | null)[] = communities.map(() => null);
  let householdsZoned = 0;
  let communitiesZoned = 0;
  for (const z of result.zones) {
    for (const id of z.memberIds) {
      const i = indexOf.get(id)!;
      zoneIdOf[i] = z.id;
      householdsZoned += communities[i].households ?? 0;
      communitiesZoned++;
    }
  }
  const s = eligibility.summary;
  const summary: ZoningSummaryJson = {
    settings: {
      ...settings,
      barriers: { road: roadBarriers.length, railway: otherBarriers.filter((b) => b.kind === 'railway').length, water: otherBarriers.filter((b) => b.kind === 'water').length },
    },
    eligible: { ...s.eligible },
    excluded: { ...s.excluded, byReason: structuredClone(s.byReason) },
    zones: result.zones.length,
    communitiesZoned,
    householdsZoned,
    unzoned: [...result.unzoned],
  };
  return { zones: result.zones, stats: result.stats, eligible: eligibility.eligible, reasons: eligibility.reasons, zoneIdOf, summary, duplicateIds: [...duplicateIds] };
}
