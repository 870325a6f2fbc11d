/**
 * Community outlines from lots: the lot itself (an irregular quadrilateral), a lot with a cut corner (pentagon),
 * an L-shape, a lot pulled back a few metres from its neighbours, or a single building (~30×15 m) on the lot.
 */
import { bilinear, isSimpleRing, quadExtents, signedArea, lerp, type Vec } from './geom';
import { subQuad } from './parcels';
import type { Rng } from './prng';

export interface Outline {
  ring: Vec[];
  singleBuilding: boolean;
}

function rotate<T>(items: readonly T[], k: number): T[] {
  return items.map((_, i) => items[(i + k) % items.length]);
}

function lShape(rng: Rng, q: Vec[]): Vec[] {
  const r = rotate(q, rng.int(0, 3));
  const u1 = rng.range(0.45, 0.7), v1 = rng.range(0.45, 0.7);
  return [[0, 0], [1, 0], [1, v1], [u1, v1], [u1, 1], [0, 1]].map(([u, v]) => bilinear(r, u, v));
}

function cutCorner(rng: Rng, q: Vec[]): Vec[] {
  const r = rotate(q, rng.int(0, 3));
  const s = rng.range(0.15, 0.35);
  return [lerp(r[0], r[1], s), r[1], r[2], r[3], lerp(r[0], r[3], s)];
}

/** singleBuildingShare: chance that only one building stands on the lot (none in work-unit compounds). */
export function outlineFor(rng: Rng, quad: Vec[], singleBuildingShare: number): Outline {
  const [eu, ev] = quadExtents(quad);
  if (eu >= 35 && ev >= 20 && rng.chance(singleBuildingShare)) {
    // One residential building standing alone on its lot: long side along the lot's longer extent.
    const [w, d] = [rng.range(25, 45), rng.range(12, 18)];
    const [du, dv] = eu >= ev ? [w / eu, d / ev] : [d / eu, w / ev];
    const u0 = rng.range(0, Math.max(0, 1 - du)), v0 = rng.range(0, Math.max(0, 1 - dv));
    return { ring: subQuad(quad, u0, Math.min(1, u0 + du), v0, Math.min(1, v0 + dv)), singleBuilding: true };
  }
  let q = quad;
  if (rng.chance(0.3)) {
    const pull = (ext: number): number => (rng.chance(0.5) ? rng.range(2, 8) / ext : 0);
    q = subQuad(quad, pull(eu), 1 - pull(eu), pull(ev), 1 - pull(ev));
  }
  let ring: Vec[] = q;
  const r = rng.next();
  if (r < 0.15 && Math.min(eu, ev) >= 50) ring = lShape(rng, q);
  else if (r < 0.35 && Math.min(eu, ev) >= 25) ring = cutCorner(rng, q);
  if (!isSimpleRing(ring) || signedArea(ring) <= 0) ring = q;
  return { ring, singleBuilding: false };
}
