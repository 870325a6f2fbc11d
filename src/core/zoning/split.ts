/**
 * Splitting a connected component that exceeds the zone caps into compact, connected parts.
 *
 * Method (a sweep along the principal axis with capped region growing):
 * 1. Order the members by their projection on the principal axis of their centroids (the direction of largest
 *    spread; sign fixed so it points east, or north when exactly north–south), ties by id.
 * 2. Take the first unassigned member in that order — an extreme member of what is left — as a seed and grow a
 *    part from it breadth-first over the adjacency graph, always adding the frontier member nearest to the seed
 *    (so parts come out round rather than snake-like). Growth stops when the part reaches its share of what is
 *    left (k = ceil(remaining / cap) parts to go, so parts come out balanced instead of "full, full, scrap") or
 *    when the nearest frontier member would break a cap. The seed always joins, so a single member above the cap
 *    becomes its own part.
 * 3. Repeat until every member has a part. Growth only follows adjacency, so every part is connected; when
 *    removing a part cuts the rest in pieces, each piece simply seeds its own part(s).
 * 4. Parts below `minHouseholds` are merged into their smallest adjacent part whose total stays within the caps
 *    (trying neighbours from the smallest up); a part with no such neighbour stays as it is.
 * Cost: one sort per component plus O(edges · log) heap work — no component-wide pass per part.
 */
import { MinHeap } from './heap';

export interface SplitInput {
  /** Per packed item: centroid (metres), households (null → 0), area m², rank = position in id order. */
  cx: Float64Array;
  cy: Float64Array;
  households: Float64Array;
  areaSqm: Float64Array;
  rank: Int32Array;
  /** CSR adjacency over packed items. */
  adjStart: Int32Array;
  adjList: Int32Array;
  /** Scratch per item, -1 where unassigned; this function writes local part numbers into it for `members`. */
  partOf: Int32Array;
  /** Scratch per item for the frontier ("already queued for part p"). */
  seenBy: Int32Array;
}

export interface Caps {
  maxHouseholds: number;
  maxAreaSqm: number;
  minHouseholds: number;
}

/** Split `members` (one connected component, in rank order) into parts; each part's members in rank order. */
export function splitComponent(members: readonly number[], S: SplitInput, caps: Caps): number[][] {
  const { cx, cy, households: hh, areaSqm: area, rank, adjStart, adjList, partOf, seenBy } = S;
  const { maxHouseholds: maxH, maxAreaSqm: maxA } = caps;
  const order = principalOrder(members, S);
  let remH = 0, remA = 0;
  for (const v of members) { remH += hh[v]; remA += area[v]; }

  const parts: number[][] = [];
  const partH: number[] = [];
  const partA: number[] = [];
  const heap = new MinHeap();
  for (const seed of order) {
    if (partOf[seed] >= 0) continue;
    const remFill = Math.max(remH / maxH, remA / maxA);
    const targetFill = remFill / Math.max(1, Math.ceil(remFill - 1e-9));
    const p = parts.length;
    const part: number[] = [];
    let h = 0, a = 0;
    heap.clear();
    heap.push(seed, 0, rank[seed]);
    seenBy[seed] = p;
    while (heap.size > 0) {
      const v = heap.pop();
      if (part.length > 0 && (h + hh[v] > maxH || a + area[v] > maxA)) break;
      partOf[v] = p;
      part.push(v);
      h += hh[v];
      a += area[v];
      if (Math.max(h / maxH, a / maxA) >= targetFill * (1 - 1e-9)) break;
      for (let e = adjStart[v]; e < adjStart[v + 1]; e++) {
        const u = adjList[e];
        if (partOf[u] >= 0 || seenBy[u] === p) continue;
        seenBy[u] = p;
        const dx = cx[u] - cx[seed], dy = cy[u] - cy[seed];
        heap.push(u, dx * dx + dy * dy, rank[u]);
      }
    }
    parts.push(part);
    partH.push(h);
    partA.push(a);
    remH -= h;
    remA -= a;
  }
  const merged = mergeSmallParts(parts, partH, partA, S, caps);
  for (const v of members) { partOf[v] = -1; seenBy[v] = -1; }
  return merged;
}

function principalOrder(members: readonly number[], S: SplitInput): number[] {
  const { cx, cy, rank } = S;
  let mx = 0, my = 0;
  for (const v of members) { mx += cx[v]; my += cy[v]; }
  mx /= members.length; my /= members.length;
  let sxx = 0, sxy = 0, syy = 0;
  for (const v of members) {
    const dx = cx[v] - mx, dy = cy[v] - my;
    sxx += dx * dx; sxy += dx * dy; syy += dy * dy;
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let ux = Math.cos(theta), uy = Math.sin(theta);
  if (ux < -1e-12 || (Math.abs(ux) <= 1e-12 && uy < 0)) { ux = -ux; uy = -uy; }
  const proj = new Map<number, number>();
  for (const v of members) proj.set(v, (cx[v] - mx) * ux + (cy[v] - my) * uy);
  return [...members].sort((a, b) => (proj.get(a)! - proj.get(b)!) || (rank[a] - rank[b]));
}

/** Step 4: fold parts below the minimum into their smallest neighbour part that keeps the caps. */
function mergeSmallParts(parts: number[][], partH: number[], partA: number[], S: SplitInput, caps: Caps): number[][] {
  const { partOf, adjStart, adjList, rank } = S;
  const root = parts.map((_, i) => i);
  const find = (p: number): number => {
    while (root[p] !== p) { root[p] = root[root[p]]; p = root[p]; }
    return p;
  };
  const minRank = parts.map((m) => Math.min(...m.map((v) => rank[v])));
  const small = parts.map((_, i) => i).filter((i) => partH[i] < caps.minHouseholds);
  small.sort((a, b) => (partH[a] - partH[b]) || (minRank[a] - minRank[b]));
  for (const p0 of small) {
    const p = find(p0);
    if (partH[p] >= caps.minHouseholds) continue;
    const neighbours = new Set<number>();
    for (const v of parts[p]) {
      for (let e = adjStart[v]; e < adjStart[v + 1]; e++) {
        const q = partOf[adjList[e]];
        if (q >= 0 && find(q) !== p) neighbours.add(find(q));
      }
    }
    const fitting = [...neighbours]
      .filter((q) => partH[p] + partH[q] <= caps.maxHouseholds && partA[p] + partA[q] <= caps.maxAreaSqm)
      .sort((a, b) => (partH[a] - partH[b]) || (minRank[a] - minRank[b]));
    if (fitting.length === 0) continue;
    const q = fitting[0];
    root[p] = q;
    parts[q] = parts[q].concat(parts[p]);
    parts[p] = [];
    partH[q] += partH[p];
    partA[q] += partA[p];
    minRank[q] = Math.min(minRank[q], minRank[p]);
  }
  return parts
    .filter((m, i) => m.length > 0 && find(i) === i)
    .map((m) => m.sort((a, b) => rank[a] - rank[b]));
}
