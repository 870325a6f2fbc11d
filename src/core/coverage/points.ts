import { representativePoint } from '../geo/pointOnSurface';
import type { Community, Facility } from '../types';

/**
 * Interleaved [lng, lat] representative points (NaN when the geometry is missing or empty).
 * This runs once per layer, mostly before it is optimised: a one-ring polygon (every ×50 community) is done
 * inline in this loop, the rest by `representativePoint` (see `oneRingPoint`). The forEach-and-closures
 * version took ~50–150 ms CPU for the ×50 town's 25k items on a first run, mostly interpreted.
 */
export function representativePoints(items: readonly (Community | Facility)[]): Float64Array {
  const out = new Float64Array(items.length * 2).fill(NaN);
  for (let i = 0; i < items.length; i++) {
    const g = items[i].geometry as Community['geometry'] | Facility['geometry'] | null | undefined;
    if (g && g.type === 'Point') {
      const c: unknown = g.coordinates;
      const x: unknown = Array.isArray(c) ? c[0] : undefined, y: unknown = Array.isArray(c) ? c[1] : undefined;
      if (typeof x === 'number' && typeof y === 'number') {
        out[2 * i] = x;
        out[2 * i + 1] = y;
        continue;
      }
    } else if (g && g.type === 'Polygon' && Array.isArray(g.coordinates) && g.coordinates.length === 1 && oneRingPoint(g.coordinates[0], out, i)) continue;
    pointInto(items[i], out, i);
  }
  return out;
}

/**
 * `representativePoint` of a polygon with one ring (no holes), to the bit, in one pass over the ring for the
 * centroid and its sign: with one ring the signed sums are ±1 (or 0) times the unsigned ones exactly (negation
 * commutes with rounding), so the sign can be applied after. False (nothing written) for anything unusual —
 * not plain numbers, an empty ring, a centroid outside — which `representativePoint` then answers.
 */
function oneRingPoint(ring: unknown, out: Float64Array, i: number): boolean {
  if (!Array.isArray(ring) || ring.length === 0) return false;
  const first: unknown = ring[0];
  if (!Array.isArray(first)) return false;
  const ox: unknown = first[0], oy: unknown = first[1];
  if (typeof ox !== 'number' || typeof oy !== 'number') return false;
  const n = ring.length;
  let twiceArea = 0, area = 0, cx = 0, cy = 0, mx = 0, my = 0;
  let prev: unknown = ring[n - 1];
  for (let k = 0; k < n; k++) {
    const p: unknown = ring[k];
    if (!Array.isArray(p) || !Array.isArray(prev)) return false;
    const xi: unknown = p[0], yi: unknown = p[1], xj: unknown = prev[0], yj: unknown = prev[1];
    if (typeof xi !== 'number' || typeof yi !== 'number' || typeof xj !== 'number' || typeof yj !== 'number') return false;
    twiceArea += xj * yi - xi * yj;
    const x0 = xj - ox, y0 = yj - oy, x1 = xi - ox, y1 = yi - oy;
    const cross = x0 * y1 - x1 * y0;
    area += cross / 2;
    cx += ((x0 + x1) * cross) / 6;
    cy += ((y0 + y1) * cross) / 6;
    mx += x1;
    my += y1;
    prev = p;
  }
  const sign = Math.sign(twiceArea / 2);
  area *= sign;
  let px: number, py: number;
  if (Math.abs(area) < 1e-18 || !Number.isFinite(area)) { px = ox + mx / n; py = oy + my / n; } else { px = ox + (sign * cx) / area; py = oy + (sign * cy) / area; }
  // Inside (even–odd, as `polygonContains`)? Else the point on the surface, left to `representativePoint`.
  let inside = false;
  for (let k = 0, j = n - 1; k < n; j = k++) {
    const a = ring[k] as number[], b = ring[j] as number[];
    const xi = a[0], yi = a[1], xj = b[0], yj = b[1];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  if (!inside) return false;
  out[2 * i] = px;
  out[2 * i + 1] = py;
  return true;
}

function pointInto(item: Community | Facility, out: Float64Array, i: number): void {
  try {
    const p = representativePoint(item.geometry);
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  } catch {
    // Broken geometry: the point stays NaN and the item is reported off-network.
  }
}

/** Per category (settings order): ascending facility indices that serve it (each facility once). */
export function facilitiesByCategory(facilities: readonly Facility[], categoryIds: readonly string[]): Int32Array[] {
  const col = new Map(categoryIds.map((id, i) => [id, i]));
  const lists: number[][] = categoryIds.map(() => []);
  facilities.forEach((f, fi) => {
    for (const c of new Set(f.categories)) {
      const k = col.get(c);
      if (k !== undefined) lists[k].push(fi);
    }
  });
  return lists.map((l) => Int32Array.from(l));
}
