/**
 * Representative points of polygons: the area centroid when it lies inside, else a point guaranteed on the
 * surface (the JTS "interior point" idea: the midpoint of the widest inside stretch of a horizontal scan line).
 * Computed in degrees: a linear scaling of x (cos(lat)) changes neither centroids nor insideness.
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { LngLat } from '../types';

type Ring = Position[];

function ringSignedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return a / 2;
}

function polygonsOf(g: Polygon | MultiPolygon): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/**
 * Area centroid (holes subtracted); falls back to the vertex mean for degenerate (zero-area) input.
 * Plain indexed loops, no per-ring closures or lists: the CLI calls this for 20k communities once, mostly
 * before it is optimised (the forEach version took ~115 ms of the ×50 run's main thread).
 */
export function polygonCentroid(g: Polygon | MultiPolygon): LngLat {
  let area = 0, cx = 0, cy = 0, n = 0, mx = 0, my = 0;
  const multi = g.type !== 'Polygon';
  const polys: unknown[] = multi ? g.coordinates : [g.coordinates];
  // Shift to the first vertex: keeps the cross products small and precise.
  const first = (polys[0] as Ring[] | undefined)?.[0]?.[0] ?? [0, 0];
  const ox = first[0], oy = first[1];
  for (let pi = 0; pi < polys.length; pi++) {
    const poly = polys[pi] as Ring[];
    for (let ringIndex = 0; ringIndex < poly.length; ringIndex++) {
      const ring = poly[ringIndex];
      const ringArea = ringSignedArea(ring);
      // Outer rings add, holes subtract, whatever their winding.
      const sign = (ringIndex === 0 ? 1 : -1) * Math.sign(ringArea);
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const x0 = ring[j][0] - ox, y0 = ring[j][1] - oy, x1 = ring[i][0] - ox, y1 = ring[i][1] - oy;
        const cross = x0 * y1 - x1 * y0;
        area += (sign * cross) / 2;
        cx += (sign * (x0 + x1) * cross) / 6;
        cy += (sign * (y0 + y1) * cross) / 6;
        mx += x1;
        my += y1;
        n++;
      }
    }
  }
  if (Math.abs(area) < 1e-18 || !Number.isFinite(area)) return n ? [ox + mx / n, oy + my / n] : [ox, oy];
  return [ox + cx / area, oy + cy / area];
}

function ringContains(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even–odd point-in-polygon (holes excluded). */
export function polygonContains(g: Polygon | MultiPolygon, point: LngLat): boolean {
  const x = point[0], y = point[1];
  const polys: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (let pi = 0; pi < polys.length; pi++) {
    const poly = polys[pi] as Ring[];
    if (!poly.length || !ringContains(poly[0], x, y)) continue;
    let inHole = false;
    for (let h = 1; h < poly.length && !inHole; h++) inHole = ringContains(poly[h], x, y);
    if (!inHole) return true;
  }
  return false;
}

function widestStretch(g: Polygon | MultiPolygon, y: number): { x: number; width: number } | null {
  let best: { x: number; width: number } | null = null;
  for (const poly of polygonsOf(g)) {
    const xs: number[] = [];
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = xs[k + 1] - xs[k];
      if (!best || width > best.width) best = { x: (xs[k] + xs[k + 1]) / 2, width };
    }
  }
  return best;
}

/**
 * A point inside the polygon: the midpoint of the widest inside stretch of a horizontal line through the
 * centroid (or, if that line only grazes the shape, through the middle of the bbox).
 */
export function pointOnSurface(g: Polygon | MultiPolygon): LngLat {
  const c = polygonCentroid(g);
  let minY = Infinity, maxY = -Infinity;
  for (const poly of polygonsOf(g)) for (const p of poly[0] ?? []) {
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  }
  for (const y of [c[1], (minY + maxY) / 2, minY + (maxY - minY) * 0.25, minY + (maxY - minY) * 0.75]) {
    const s = widestStretch(g, y);
    if (s && s.width > 0) return [s.x, y];
  }
  return c;
}

/** Centroid when inside the polygon, else `pointOnSurface`; a Point is its own representative point. */
export function representativePoint(g: Point | Polygon | MultiPolygon): LngLat {
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const c = polygonCentroid(g);
  return polygonContains(g, c) ? c : pointOnSurface(g);
}
