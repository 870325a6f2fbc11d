/** Helpers for the sample-city tests: metric geometry on GeoJSON features. */
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import { pointSegmentDistance, segmentsIntersect, toMeters, type Vec } from './geom';

export const ringMeters = (f: Feature<Polygon>): Vec[] => f.geometry.coordinates[0].slice(0, -1).map(toMeters);
export const lineMeters = (f: Feature<LineString>): Vec[] => f.geometry.coordinates.map(toMeters);

export interface Box { minX: number; minY: number; maxX: number; maxY: number }
export function boxOf(points: readonly Vec[], pad = 0): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of points) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  return { minX: minX - pad, minY: minY - pad, maxX: maxX + pad, maxY: maxY + pad };
}
export const boxesMeet = (a: Box, b: Box): boolean => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

/** Shortest distance (m) between two polylines (0 when they cross). Rings are passed closed. */
export function polylineDistance(a: readonly Vec[], b: readonly Vec[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) {
      if (segmentsIntersect(a[i], a[i + 1], b[j], b[j + 1])) return 0;
      best = Math.min(best,
        pointSegmentDistance(a[i], b[j], b[j + 1]).distance, pointSegmentDistance(a[i + 1], b[j], b[j + 1]).distance,
        pointSegmentDistance(b[j], a[i], a[i + 1]).distance, pointSegmentDistance(b[j + 1], a[i], a[i + 1]).distance);
    }
  }
  return best;
}

export const closed = (ring: readonly Vec[]): Vec[] => [...ring, ring[0]];

/** -1 west of the river, 1 east of it, 0 in it (along the horizontal line through p). */
export function bankOf(river: readonly Vec[], p: Vec): number {
  const xs: number[] = [];
  for (let i = 0; i < river.length; i++) {
    const a = river[i], b = river[(i + 1) % river.length];
    if ((a[1] <= p[1]) !== (b[1] <= p[1])) xs.push(a[0] + ((p[1] - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
  }
  return p[0] < Math.min(...xs) ? -1 : p[0] > Math.max(...xs) ? 1 : 0;
}

/** Way ends within 0.5 m of another (non-bridge) way that does not hold that exact vertex: broken T-junctions. */
export function nearMissEnds(roads: FeatureCollection<LineString>): string[] {
  const key = (c: number[]): string => `${c[0]},${c[1]}`;
  const lines = roads.features.map((f) => ({ f, m: lineMeters(f), keys: new Set(f.geometry.coordinates.map(key)) }));
  const misses: string[] = [];
  for (const a of lines) {
    if (a.f.properties?.bridge === 'yes') continue;
    const cs = a.f.geometry.coordinates;
    for (const end of [cs[0], cs[cs.length - 1]]) {
      const p = toMeters(end);
      for (const b of lines) {
        if (b === a || b.f.properties?.bridge === 'yes' || b.keys.has(key(end))) continue;
        if (b.m.some((q, i) => i + 1 < b.m.length && pointSegmentDistance(p, q, b.m[i + 1]).distance < 0.5)) {
          misses.push(`${String(a.f.properties?.id)} ends next to ${String(b.f.properties?.id)}`);
        }
      }
    }
  }
  return misses;
}
