/**
 * Block-level zoning (区块化改造): who is eligible, which eligible communities are adjacent, how they group into
 * capped zones, the zone outlines and their statistics. Pure functions over domain objects; runs in a Worker.
 *
 * @example
 * import { autoZone, barriersFromRoads } from '../core/zoning';
 * const result = autoZone(communities, {
 *   rules: { builtInOrBefore: 2000 },
 *   gapMeters: 30,
 *   barriers: barriersFromRoads(roads, ['motorway', 'trunk', 'primary']),
 *   maxHouseholds: 3000,
 * });
 * result.zones.map((z) => `${z.id}: ${z.memberIds.length}`);
 */
export { evaluateEligibility, DEFAULT_ELIGIBILITY_RULES } from './eligibility';
export { findAdjacency, DEFAULT_GAP_METERS, DEFAULT_TOUCH_TOLERANCE_METERS } from './adjacency';
export { barrierLines, barriersFromRoads } from './barriers';
export { autoZone, groupZones, layoutZones, zoneName, zonesOf } from './autoZone';
export type { AutoZoneOptions, ZoneGrouping, ZoneLayout } from './autoZone';
export { zoneIds, DEFAULT_MAX_AREA_SQM, DEFAULT_MAX_HOUSEHOLDS, DEFAULT_MIN_HOUSEHOLDS } from './zones';
export { zoneGeometry, DEFAULT_MIN_SLIVER_SQM } from './geometry';
export type { ZoneGeometryOptions } from './geometry';
export { addZoneGaps, gapInput, zoneStats, zoneStatsWith } from './stats';
export type { GapInput, ZoneStatsOptions } from './stats';
export * from './types';
