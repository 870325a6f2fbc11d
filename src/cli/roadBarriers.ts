/**
 * Railways and waterways in the roads file: zoning barriers, never walked along. A module of its own (no zoning
 * code) because the distance thread applies the same split when it reads the roads (speculativeRoads.ts).
 */
import type { Feature } from 'geojson';
import type { BarrierLine } from '../core/zoning';

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
