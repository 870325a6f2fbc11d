/**
 * Zones from the adjacency graph: connected components (union–find), oversized ones split by `splitComponent`.
 *
 * Determinism: every tie is broken by community id (never by input position), sums run in id order, and zones are
 * numbered north to south (then west to east) by the mean centroid of their members. The same set of communities
 * therefore gives the same zones, ids and member order whatever the input order; only the indices in
 * `Adjacency.edges` follow the input order.
 */
import type { PackedPolygons } from './polygons';
import type { Caps, SplitInput } from './split';
import { splitComponent } from './split';
import type { Adjacency, ZoningCommunity, ZoningOptions } from './types';

export const DEFAULT_MAX_HOUSEHOLDS = 3000;
export const DEFAULT_MAX_AREA_SQM = 300_000;
export const DEFAULT_MIN_HOUSEHOLDS = 200;

export interface Clustering {
  /** Community indices per zone, zones in id order (Z001 first), members in id order. */
  zones: number[][];
  /** Eligible communities left out (isolated ones with `singletons: 'none'`), in id order. */
  unzoned: number[];
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Cluster the packed (eligible) communities `P` along `adjacency` into capped zones. */
export function clusterZones(
  communities: readonly ZoningCommunity[], P: PackedPolygons, adjacency: Adjacency,
  options: Pick<ZoningOptions, 'maxHouseholds' | 'maxAreaSqm' | 'minHouseholds' | 'singletons'> = {},
): Clustering {
  const caps: Caps = {
    maxHouseholds: options.maxHouseholds ?? DEFAULT_MAX_HOUSEHOLDS,
    maxAreaSqm: options.maxAreaSqm ?? DEFAULT_MAX_AREA_SQM,
    minHouseholds: options.minHouseholds ?? DEFAULT_MIN_HOUSEHOLDS,
  };
  const n = P.source.length;
  const packedOf = new Int32Array(communities.length).fill(-1);
  for (let k = 0; k < n; k++) packedOf[P.source[k]] = k;

  // Ids looked up once (the comparator ran ~300 000 times at ×50, two property chains per call); the same
  // comparisons give the same stable order.
  const idOf: string[] = new Array<string>(n);
  const byId: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) { idOf[k] = communities[P.source[k]].id; byId[k] = k; }
  byId.sort((a, b) => compareIds(idOf[a], idOf[b]));
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[byId[r]] = r;

  // CSR adjacency and union–find over packed items.
  const E = adjacency.edges;
  const deg = new Int32Array(n + 1);
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) parent[k] = k;
  const find = (x: number): number => {
    while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; }
    return x;
  };
  for (let e = 0; e < E.length; e += 2) {
    const a = packedOf[E[e]], b = packedOf[E[e + 1]];
    if (a < 0 || b < 0) continue;
    deg[a + 1]++; deg[b + 1]++;
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  for (let k = 0; k < n; k++) deg[k + 1] += deg[k];
  const adjList = new Int32Array(deg[n]);
  const fill = deg.slice(0, n);
  for (let e = 0; e < E.length; e += 2) {
    const a = packedOf[E[e]], b = packedOf[E[e + 1]];
    if (a < 0 || b < 0) continue;
    adjList[fill[a]++] = b;
    adjList[fill[b]++] = a;
  }

  // Components, members in id order (walking byId keeps them sorted), components in order of first appearance.
  // Indexed loops and a component list by root instead of for…of over arrays and a Map: this runs once per draft,
  // mostly before the JIT optimises it, and each iterator step allocated (~3 MB per ×50 draft).
  const compOf = new Int32Array(n).fill(-1);
  const comps: number[][] = [];
  for (let q = 0; q < n; q++) {
    const k = byId[q], r = find(k);
    if (compOf[r] < 0) { compOf[r] = comps.length; comps.push([k]); } else comps[compOf[r]].push(k);
  }

  const households = new Float64Array(n);
  for (let k = 0; k < n; k++) households[k] = Math.max(0, communities[P.source[k]].households ?? 0);
  const S: SplitInput = {
    cx: P.cx, cy: P.cy, households, areaSqm: P.areaSqm, rank, adjStart: deg, adjList,
    partOf: new Int32Array(n).fill(-1), seenBy: new Int32Array(n).fill(-1),
  };

  const parts: number[][] = [];
  const unzoned: number[] = [];
  for (let c = 0; c < comps.length; c++) {
    const members = comps[c];
    if (members.length === 1 && (options.singletons ?? 'zone') === 'none') { unzoned.push(members[0]); continue; }
    let h = 0, a = 0;
    for (let q = 0; q < members.length; q++) { const v = members[q]; h += households[v]; a += P.areaSqm[v]; }
    if (members.length === 1 || (h <= caps.maxHouseholds && a <= caps.maxAreaSqm)) parts.push(members);
    else for (const part of splitComponent(members, S, caps)) parts.push(part);
  }

  // North to south in 1 m bands (so equal rows do not hinge on float noise), then west to east, by the mean
  // member centroid; ties by the first member's id.
  const keyed = parts.map((m) => {
    let sx = 0, sy = 0;
    for (let q = 0; q < m.length; q++) { sx += P.cx[m[q]]; sy += P.cy[m[q]]; }
    return { m, x: sx / m.length, y: Math.round(sy / m.length), r: rank[m[0]] };
  });
  keyed.sort((p, q) => (q.y - p.y) || (p.x - q.x) || (p.r - q.r));
  unzoned.sort((a, b) => rank[a] - rank[b]);
  // Every member list built the same way (push onto []): lists made by `map` kept their source's array kind (the
  // components' pushed lists and `splitComponent`'s parts differ), and the second kind cost the functions reading
  // them (`zoneStatsWith`, `zoneName`) a deoptimisation and a second compile on the CLI's zoning thread.
  const zones: number[][] = new Array<number[]>(keyed.length);
  for (let z = 0; z < keyed.length; z++) {
    const m = keyed[z].m, members: number[] = [];
    for (let q = 0; q < m.length; q++) members.push(P.source[m[q]]);
    zones[z] = members;
  }
  return {
    zones,
    unzoned: unzoned.map((k) => P.source[k]),
  };
}

/** `Z001`, `Z002`, …; the width grows past 999 zones so ids still sort as text. */
export function zoneIds(count: number): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `Z${String(i + 1).padStart(width, '0')}`);
}
