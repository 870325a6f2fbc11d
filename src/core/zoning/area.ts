/**
 * Geodesic area exactly as @turf/area 7.4 computes it (same formula, same order of operations, so the very same
 * doubles), without its GeoJSON walk: `turfArea` goes through `geomReduce`/`geomEach` with a callback and
 * `turfArea(turfPolygon([ring]))` also validates and wraps the ring. On the ×50 bench town (14 593 zones, 20 000
 * members, each ring measured once or twice) that wrapping was ~60 ms of the zoning phase.
 * The tests compare these with `turfArea` bit for bit.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** @turf/helpers `earthRadius` (63710088e-1 m). */
const EARTH_RADIUS_METERS = 6371008.8;
const FACTOR = (EARTH_RADIUS_METERS * EARTH_RADIUS_METERS) / 2;
const PI_OVER_180 = Math.PI / 180;

/** Signed ring area (m²), turf's `ringArea`; the ring is closed (last = first). */
export function geodesicRingArea(coords: readonly Position[]): number {
  const n = coords.length - 1;
  if (n <= 2) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = coords[i];
    const middle = coords[i + 1 === n ? 0 : i + 1];
    const upper = coords[i + 2 >= n ? (i + 2) % n : i + 2];
    total += (upper[0] * PI_OVER_180 - lower[0] * PI_OVER_180) * Math.sin(middle[1] * PI_OVER_180);
  }
  return total * FACTOR;
}

/** turf's `polygonArea`: |outer| − Σ|holes|. */
function polygonRingsArea(rings: readonly (readonly Position[])[]): number {
  let total = 0;
  if (rings.length > 0) {
    total += Math.abs(geodesicRingArea(rings[0]));
    for (let i = 1; i < rings.length; i++) total -= Math.abs(geodesicRingArea(rings[i]));
  }
  return total;
}

/** `turfArea(geometry)` for a Polygon or MultiPolygon, m². */
export function geodesicArea(g: Polygon | MultiPolygon): number {
  if (g.type === 'Polygon') return 0 + polygonRingsArea(g.coordinates);
  let total = 0;
  for (let i = 0; i < g.coordinates.length; i++) total += polygonRingsArea(g.coordinates[i]);
  return 0 + total;
}
