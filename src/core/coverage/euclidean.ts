/**
 * Straight-line fallback when no roads are loaded: haversine metres between representative points.
 * Candidates come from a flatbush over facility points in local metres, searched a little wider than needed
 * (the local projection differs from haversine by < 0.2 % at city scale); haversine decides.
 */
import Flatbush from 'flatbush';
import { haversineMeters, projectionForCoords, toLocalX, toLocalY } from '../geo/metres';
import type { Checkpoint, DistanceTables } from './networkDistances';
import { WALK_EPSILON_METERS } from './types';

const SLACK = 1.005;

export function computeEuclideanDistances(
  communityLngLat: Float64Array, facilityLngLat: Float64Array, byCategory: readonly Int32Array[],
  maxWalkMeters: Float64Array, searchBoundMeters: Float64Array, checkpoint: Checkpoint,
): DistanceTables {
  const nComm = communityLngLat.length / 2;
  const nCat = byCategory.length;
  const out: DistanceTables = {
    walkMeters: new Float64Array(nComm * nCat).fill(NaN),
    nearestFacility: new Int32Array(nComm * nCat).fill(-1),
    countWithin: new Int32Array(nComm * nCat),
  };
  const proj = projectionForCoords(Float64Array.from([...communityLngLat, ...facilityLngLat].filter(Number.isFinite)));
  for (let k = 0; k < nCat; k++) {
    checkpoint('nearest', k, nCat);
    const facs = Array.from(byCategory[k]).filter((f) => Number.isFinite(facilityLngLat[2 * f]) && Number.isFinite(facilityLngLat[2 * f + 1]));
    if (facs.length === 0) continue;
    const index = new Flatbush(facs.length);
    for (const f of facs) {
      const x = toLocalX(proj, facilityLngLat[2 * f]), y = toLocalY(proj, facilityLngLat[2 * f + 1]);
      index.add(x, y, x, y);
    }
    index.finish();
    const bound = searchBoundMeters[k], maxWalk = maxWalkMeters[k];
    for (let i = 0; i < nComm; i++) {
      const lng = communityLngLat[2 * i], lat = communityLngLat[2 * i + 1];
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
      const x = toLocalX(proj, lng), y = toLocalY(proj, lat);
      const radius = Math.max(bound, maxWalk) * SLACK + 1;
      let best = Infinity, bestF = -1, count = 0;
      for (const j of index.neighbors(x, y, Infinity, radius)) {
        const f = facs[j];
        const d = haversineMeters(lng, lat, facilityLngLat[2 * f], facilityLngLat[2 * f + 1]);
        if (d <= maxWalk + WALK_EPSILON_METERS) count++;
        if (d < best || (d === best && f < bestF)) {
          best = d;
          bestF = f;
        }
      }
      out.countWithin[i * nCat + k] = count;
      if (best <= bound) {
        out.walkMeters[i * nCat + k] = best;
        out.nearestFacility[i * nCat + k] = bestF;
      }
    }
  }
  checkpoint('nearest', nCat, nCat);
  return out;
}
