/** The whole automatic zoning run: eligibility → adjacency → clustering → geometry → statistics. */
import type { MultiPolygon, Polygon } from 'geojson';
import { adjacencyOfPacked } from './adjacency';
import { packBarriers } from './barriers';
import { evaluateEligibility } from './eligibility';
import { zoneGeometry } from './geometry';
import { packPolygons } from './polygons';
import { gapInput, zoneStatsWith } from './stats';
import type { Adjacency, AutoZoneResult, EligibilityResult, Zone, ZoneAccessibilityInput, ZoningCommunity, ZoningOptions } from './types';
import { DEFAULT_GAP_METERS } from './adjacency';
import { clusterZones, compareIds, zoneIds } from './zones';

export interface AutoZoneOptions extends ZoningOptions {
  /** Accessibility rows (community order) for gap statistics. */
  accessibility?: ZoneAccessibilityInput;
}

/** The zones without their statistics: everything that does not depend on distances. */
export interface ZoneLayout {
  /** Community indices per zone, zones in id order (Z001 first), members in id order. */
  members: number[][];
  /** Parallel to `members`. */
  names: string[];
  geometries: (Polygon | MultiPolygon)[];
  /** Community indices of eligible communities in no zone. */
  unzoned: number[];
  eligibility: EligibilityResult | null;
  adjacency: Adjacency;
}

/** The zones' members before their outlines: eligibility, adjacency, grouping and names. */
export type ZoneGrouping = Omit<ZoneLayout, 'geometries'>;

/** The first part of `layoutZones`: everything but the outlines (the costly part at ×50, ~60% of the layout). */
export function groupZones(communities: readonly ZoningCommunity[], options: ZoningOptions = {}): ZoneGrouping {
  let eligibility: EligibilityResult | null = null;
  let mask = options.eligible;
  if (!mask) {
    eligibility = evaluateEligibility(communities, options.rules);
    mask = eligibility.eligible;
  }
  const P = packPolygons(communities.map((c) => c.geometry), mask);
  const B = packBarriers(options.barriers ?? [], P.projection);
  const adjacency = adjacencyOfPacked(P, B, options);
  const clustering = clusterZones(communities, P, adjacency, options);
  return {
    members: clustering.zones,
    names: clustering.zones.map((members, z) => zoneName(communities, members, z + 1)),
    unzoned: clustering.unzoned,
    eligibility,
    adjacency,
  };
}

/**
 * Eligibility, adjacency, grouping, names and outlines (`autoZone` without the statistics). It needs no
 * accessibility, so the CLI runs it on a thread of its own while the distances are computed. `onGrouped` hears
 * the grouping before the outlines are made (the CLI's main thread needs only that, see cli/zoningTask.ts).
 */
export function layoutZones(communities: readonly ZoningCommunity[], options: ZoningOptions = {}, onGrouped?: (g: ZoneGrouping) => void): ZoneLayout {
  const g = groupZones(communities, options);
  onGrouped?.(g);
  const gap = options.gapMeters ?? DEFAULT_GAP_METERS;
  return {
    members: g.members,
    names: g.names,
    geometries: g.members.map((members) => zoneGeometry(memberGeometries(communities, members), gap)),
    unzoned: g.unzoned,
    eligibility: g.eligibility,
    adjacency: g.adjacency,
  };
}

/**
 * The members' polygons, in a list pushed onto `[]`: lists made by `map` came in two array kinds, and the second
 * cost `packMembers` a deoptimisation and a second compile on the CLI's zoning thread.
 */
function memberGeometries(communities: readonly ZoningCommunity[], members: readonly number[]): (Polygon | MultiPolygon)[] {
  const out: (Polygon | MultiPolygon)[] = [];
  for (let q = 0; q < members.length; q++) out.push(communities[members[q]].geometry);
  return out;
}

/**
 * Group eligible communities into block-level zones (区块).
 *
 * Zones are numbered `Z001`… north to south; for the same set of communities and options the zones, ids and
 * member order do not depend on the input order.
 *
 * @example
 * const barriers = barriersFromRoads(roads); // motorway, trunk, primary
 * const { zones, unzoned, stats } = autoZone(communities, { gapMeters: 30, barriers, maxHouseholds: 3000 });
 * zones[0]; // { id: 'Z001', name: '…区块1', memberIds: [...], source: 'auto', geometry: Polygon }
 */
export function autoZone(communities: readonly ZoningCommunity[], options: AutoZoneOptions = {}): AutoZoneResult {
  const layout = layoutZones(communities, options);
  const zones = zonesOf(layout, communities.map((c) => c.id));
  // Required categories resolved once for all zones (was once per zone: 14 593 × 19 look-ups at ×50).
  const gaps = options.accessibility ? gapInput(options.accessibility) : null;
  const stats = layout.members.map((members, z) => zoneStatsWith(communities, members, zones[z].geometry, gaps));
  return { zones, unzoned: layout.unzoned.map((i) => communities[i].id), stats, eligibility: layout.eligibility, adjacency: layout.adjacency };
}

/** The `Zone` objects of a layout; `ids` are the community ids by index. */
export function zonesOf(layout: Pick<ZoneLayout, 'members' | 'names' | 'geometries'>, ids: readonly string[]): Zone[] {
  const zoneIdList = zoneIds(layout.members.length);
  return layout.members.map((members, z) => ({
    id: zoneIdList[z],
    name: layout.names[z],
    memberIds: members.map((i) => ids[i]),
    source: 'auto',
    geometry: layout.geometries[z],
  }));
}

/** `<most common 街道 of the members>区块<n>`, or `区块<n>` when no member has a subdistrict. */
export function zoneName(communities: readonly ZoningCommunity[], members: readonly number[], n: number): string {
  // One member (10 500 of 14 593 zones at ×50): its own subdistrict, without the tally.
  if (members.length === 1) return `${communities[members[0]].subdistrict || ''}区块${n}`;
  const count = new Map<string, number>();
  for (const i of members) {
    const s = communities[i].subdistrict;
    if (s) count.set(s, (count.get(s) ?? 0) + 1);
  }
  const best = [...count.entries()].sort((a, b) => (b[1] - a[1]) || compareIds(a[0], b[0]))[0];
  return `${best ? best[0] : ''}区块${n}`;
}
