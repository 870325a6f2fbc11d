import { representativePoint } from '../geo/pointOnSurface';
import type { Community, Facility } from '../types';

/** Interleaved [lng, lat] representative points (NaN when the geometry is missing or empty). */
export function representativePoints(items: readonly (Community | Facility)[]): Float64Array {
  const out = new Float64Array(items.length * 2).fill(NaN);
  items.forEach((item, i) => {
    try {
      const [lng, lat] = representativePoint(item.geometry);
      out[2 * i] = lng;
      out[2 * i + 1] = lat;
    } catch {
      // Broken geometry: the point stays NaN and the item is reported off-network.
    }
  });
  return out;
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
