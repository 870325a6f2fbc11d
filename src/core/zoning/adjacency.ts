/**
 * Adjacency of eligible communities: polygons within `gapMeters` whose shortest straight link crosses no barrier.
 *
 * Candidate pairs come from a bbox grid search (boxGrid.ts) with each bbox grown by the gap, so the work is
 * O(n log n + candidates × near segments), never all pairs. The barrier test uses the exact closest point pair.
 *
 * Touching polygons (distance 0) have no link to test. They count as separated only when a barrier passes within
 * `touchToleranceMeters` of their contact point — i.e. the data draws both parcels up to a road centre line that
 * runs along their common boundary. A barrier that cuts through the interior of touching polygons elsewhere is a
 * data error we do not try to interpret: such polygons stay adjacent.
 */
import type { Community } from '../types';
import type { BarrierIndex } from './barriers';
import { barriersIn, linkCrossesAny, nearAny, packBarriers } from './barriers';
import { itemDistance, newContact } from './distance';
import type { PackedPolygons } from './polygons';
import { packPolygons } from './polygons';
import type { Adjacency, AdjacencyOptions } from './types';

export const DEFAULT_GAP_METERS = 30;
export const DEFAULT_TOUCH_TOLERANCE_METERS = 1;

/**
 * Adjacency graph over the communities with `eligibleMask[i] === 1`.
 *
 * @example
 * const { eligible } = evaluateEligibility(communities);
 * const barriers = barriersFromRoads(roads); // motorway, trunk, primary
 * const adj = findAdjacency(communities, eligible, { gapMeters: 30, barriers });
 * adj.edges; // Uint32Array [a0, b0, a1, b1, …] of community indices, a < b
 */
export function findAdjacency(
  communities: readonly Community[], eligibleMask: ArrayLike<number>, options: AdjacencyOptions = {},
): Adjacency {
  const P = packPolygons(communities.map((c) => c.geometry), eligibleMask);
  const B = packBarriers(options.barriers ?? [], P.projection);
  return adjacencyOfPacked(P, B, options);
}

function ascending(a: number, b: number): number {
  return a - b;
}

/**
 * Sort distinct item numbers ascending in place. The grid answers a handful per community (×50: ~5), and the
 * built-in sort with a comparator allocated its work arrays on each of the 20 000 calls (~8 MB of the ~135 MB a
 * draft allocates); an insertion sort gives the same order (the numbers are distinct) without them.
 */
export function sortAscending(a: number[]): void {
  const n = a.length;
  if (n > 32) { a.sort(ascending); return; }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

/** The same on already packed polygons and barriers (shared with `autoZone` and the benchmark). */
export function adjacencyOfPacked(P: PackedPolygons, B: BarrierIndex, options: AdjacencyOptions = {}): Adjacency {
  const gap = options.gapMeters ?? DEFAULT_GAP_METERS;
  const touchTol = options.touchToleranceMeters ?? DEFAULT_TOUCH_TOLERANCE_METERS;
  const n = P.source.length;
  const edges: number[] = [];
  const dist: number[] = [];
  const blocked: number[] = [];
  let candidatePairs = 0;
  const contact = newContact();
  const bbox = P.bbox;
  // Every link of item k starts on k and is at most `gap` long, every touch test is within `touchTol` of k: the
  // barrier segments near k's bbox grown by both (plus a metre against rounding) hold all that any of k's pairs
  // can meet. Fetched once per item, on its first pair within the gap (was one index search per pair).
  const reach = Math.max(gap, touchTol) + 1;
  const near: number[] = [];
  const hits: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!P.grid) break;
    P.grid.search(bbox[k * 4] - gap, bbox[k * 4 + 1] - gap, bbox[k * 4 + 2] + gap, bbox[k * 4 + 3] + gap, hits);
    sortAscending(hits);
    let fetched = false;
    for (let h = 0; h < hits.length; h++) {
      const m = hits[h];
      if (m <= k) continue;
      candidatePairs++;
      const d = itemDistance(P, k, m, gap, contact);
      if (d > gap) continue;
      if (!fetched) {
        barriersIn(B, bbox[k * 4] - reach, bbox[k * 4 + 1] - reach, bbox[k * 4 + 2] + reach, bbox[k * 4 + 3] + reach, near);
        fetched = true;
      }
      const crosses = d === 0
        ? nearAny(B, near, contact.ax, contact.ay, touchTol)
        : linkCrossesAny(B, near, contact.ax, contact.ay, contact.bx, contact.by);
      if (crosses) {
        blocked.push(P.source[k], P.source[m]);
      } else {
        edges.push(P.source[k], P.source[m]);
        dist.push(d);
      }
    }
  }
  return {
    edges: Uint32Array.from(edges),
    distanceMeters: Float64Array.from(dist),
    blockedEdges: Uint32Array.from(blocked),
    candidatePairs,
  };
}
