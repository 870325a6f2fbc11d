/**
 * The automatic zoning run as the Worker does it (Node tests call it directly): barriers from the chosen road
 * classes and water bodies, the current eligibility rules, and communities already in kept (manual) zones left out.
 */
import type { Community, Road } from '../core/types';
import type { BarrierLine, Zone } from '../core/zoning';
import { autoZone, barriersFromRoads, evaluateEligibility } from '../core/zoning';
import type { WaterBody } from '../io/sample';
import type { ZoningSettings } from '../store/zones/settings';

export interface ZoningData {
  communities: Community[];
  roads: Road[];
  water: WaterBody[];
}

export interface ZoningRequest {
  settings: ZoningSettings;
  /** Community ids of zones that are kept: not zoned again. */
  excludeIds: string[];
}

export function runAutoZoning(data: ZoningData, request: ZoningRequest): Zone[] {
  const { settings } = request;
  const eligible = evaluateEligibility(data.communities, settings.rules).eligible;
  if (request.excludeIds.length) {
    const out = new Set(request.excludeIds);
    data.communities.forEach((c, i) => { if (out.has(c.id)) eligible[i] = 0; });
  }
  const barriers: BarrierLine[] = barriersFromRoads(data.roads, settings.barrierHighways);
  if (settings.waterBarriers) for (const w of data.water) barriers.push({ kind: 'water', geometry: w.geometry });
  return autoZone(data.communities, {
    eligible,
    gapMeters: settings.gapMeters,
    barriers,
    maxHouseholds: settings.maxHouseholds,
    maxAreaSqm: settings.maxAreaSqm,
  }).zones;
}
