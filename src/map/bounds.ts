/** Bounding box over GeoJSON geometries, for "fit to data". */
import type { Geometry, Position } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

function walk(coords: unknown, acc: Bounds): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as Position;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < acc[0]) acc[0] = x;
    if (y < acc[1]) acc[1] = y;
    if (x > acc[2]) acc[2] = x;
    if (y > acc[3]) acc[3] = y;
    return;
  }
  for (const c of coords) walk(c, acc);
}

/** Null when there is no coordinate at all. */
export function boundsOf(geometries: Iterable<Geometry>): Bounds | null {
  const acc: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geometries) {
    if (g.type === 'GeometryCollection') {
      const b = boundsOf(g.geometries);
      if (b) walk([[b[0], b[1]], [b[2], b[3]]], acc);
    } else walk(g.coordinates, acc);
  }
  return acc[0] <= acc[2] && acc[1] <= acc[3] ? acc : null;
}
