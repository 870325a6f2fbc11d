import { describe, expect, it } from 'vitest';
import type { Road } from '../types';
import { at, community, line, rect, road, row } from '../../../test/fixtures/zoning/builders';
import { barriersFromRoads, evaluateEligibility, findAdjacency } from './index';
import type { Adjacency } from './index';
import { sortAscending } from './adjacency';

const all = (n: number): Uint8Array => new Uint8Array(n).fill(1);
const pairs = (flat: Uint32Array): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
};
const distanceOf = (adj: Adjacency, a: number, b: number): number => {
  for (let e = 0; e < adj.edges.length; e += 2) if (adj.edges[e] === a && adj.edges[e + 1] === b) return adj.distanceMeters[e / 2];
  return NaN;
};
function roadOf(highway: string, points: [number, number][]): Road {
  return { id: `r-${highway}`, highway, name: null, geometry: line(points), properties: {} };
}

describe('findAdjacency', () => {
  it('links polygons touching or within the gap, measuring the true distance', () => {
    const cs = row('a', [0, 10, 25, 45]); // a1|a2 touch, then 10 m, 25 m, 45 m
    const adj = findAdjacency(cs, all(cs.length), { gapMeters: 30 });
    expect(pairs(adj.edges)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(distanceOf(adj, 0, 1)).toBe(0);
    expect(distanceOf(adj, 1, 2)).toBeCloseTo(10, 1);
    expect(distanceOf(adj, 2, 3)).toBeCloseTo(25, 1);
    expect(adj.blockedEdges.length).toBe(0);
  });

  it('uses polygon edges, not centroids or vertices: a corner 20 m from the middle of a long edge', () => {
    const long = community({ id: 'long', geometry: rect(0, 0, 400, 50) });
    const tri = community({
      id: 'tri',
      geometry: { type: 'Polygon', coordinates: [[at(190, 70), at(250, 140), at(130, 140), at(190, 70)]] },
    });
    const adj = findAdjacency([long, tri], all(2), { gapMeters: 30 });
    expect(pairs(adj.edges)).toEqual([[0, 1]]);
    expect(adj.distanceMeters[0]).toBeCloseTo(20, 1);
    expect(pairs(findAdjacency([long, tri], all(2), { gapMeters: 19 }).edges)).toEqual([]);
  });

  it('treats overlap and containment as touching', () => {
    const outer = community({ id: 'outer', geometry: rect(0, 0, 300, 300) });
    const inner = community({ id: 'inner', geometry: rect(100, 100, 50, 50) });
    const overlap = community({ id: 'overlap', geometry: rect(280, 0, 100, 100) });
    const adj = findAdjacency([outer, inner, overlap], all(3), { gapMeters: 5 });
    expect(pairs(adj.edges)).toEqual([[0, 1], [0, 2]]);
    expect(Array.from(adj.distanceMeters)).toEqual([0, 0]);
  });

  it('does not link across a primary road, but does across a residential street', () => {
    const cs = row('b', [20]); // 0..100 and 120..220
    const roads = [roadOf('primary', [[110, -200], [110, 300]])];
    const blocked = findAdjacency(cs, all(2), { gapMeters: 30, barriers: barriersFromRoads(roads) });
    expect(pairs(blocked.edges)).toEqual([]);
    expect(pairs(blocked.blockedEdges)).toEqual([[0, 1]]);
    const residential = [roadOf('residential', [[110, -200], [110, 300]])];
    const open = findAdjacency(cs, all(2), { gapMeters: 30, barriers: barriersFromRoads(residential) });
    expect(pairs(open.edges)).toEqual([[0, 1]]);
    // The same residential street counts when the planner picks it as a barrier class.
    const chosen = findAdjacency(cs, all(2), { gapMeters: 30, barriers: barriersFromRoads(residential, ['residential']) });
    expect(pairs(chosen.edges)).toEqual([]);
  });

  it('tests the closest link itself: a primary road ending before the gap does not separate', () => {
    const cs = row('c', [20]);
    const deadEnd = [road([[110, 400], [110, 150]])];
    expect(pairs(findAdjacency(cs, all(2), { gapMeters: 30, barriers: deadEnd }).edges)).toEqual([[0, 1]]);
  });

  it('blocks on railways and on the banks of a water polygon', () => {
    const cs = row('d', [25]);
    const rail = findAdjacency(cs, all(2), { barriers: [{ kind: 'railway', geometry: line([[112, -50], [112, 150]]) }] });
    expect(pairs(rail.edges)).toEqual([]);
    const river = { kind: 'water' as const, geometry: rect(104, -500, 15, 1000) };
    expect(pairs(findAdjacency(cs, all(2), { barriers: [river] }).edges)).toEqual([]);
  });

  it('separates touching polygons only when a barrier runs along their shared boundary', () => {
    const cs = row('e', [0]); // shared edge at x = 100
    const along = [road([[100, -100], [100, 200]])];
    expect(pairs(findAdjacency(cs, all(2), { barriers: along }).edges)).toEqual([]);
    const away = [road([[300, -100], [300, 200]])];
    expect(pairs(findAdjacency(cs, all(2), { barriers: away }).edges)).toEqual([[0, 1]]);
  });

  it('ignores ineligible communities: they neither link nor bridge', () => {
    const cs = [
      community({ id: 'e1', geometry: rect(0, 0, 100, 80) }),
      community({ id: 'x', geometry: rect(110, 0, 100, 80), buildYear: 2010 }),
      community({ id: 'e2', geometry: rect(220, 0, 100, 80) }),
    ];
    const { eligible } = evaluateEligibility(cs);
    const adj = findAdjacency(cs, eligible, { gapMeters: 30 });
    expect(pairs(adj.edges)).toEqual([]);
    // With everyone eligible the chain exists, so the empty result above is the mask's doing.
    expect(pairs(findAdjacency(cs, all(3), { gapMeters: 30 }).edges)).toEqual([[0, 1], [1, 2]]);
  });

  it('checks only nearby pairs: candidate pairs grow linearly on a long row', () => {
    const cs = row('f', new Array(199).fill(20)); // 200 compounds, 20 m apart
    const adj = findAdjacency(cs, all(cs.length), { gapMeters: 30 });
    expect(adj.edges.length / 2).toBe(199);
    expect(adj.candidatePairs).toBe(199); // each bbox grown by 30 m only meets its neighbours' (not 19 900 pairs)
  });
});

describe('findAdjacency with a zero gap', () => {
  it('still links touching polygons and nothing else', () => {
    const cs = row('z', [0, 1]);
    expect(pairs(findAdjacency(cs, all(3), { gapMeters: 0 }).edges)).toEqual([[0, 1]]);
  });
});

describe('sortAscending (candidate lists)', () => {
  it('orders like the built-in numeric sort, short lists and long ones', () => {
    let seed = 3;
    const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    for (const n of [0, 1, 2, 5, 31, 32, 33, 200]) {
      const a = [...new Set(Array.from({ length: n }, () => Math.floor(rnd() * 100000)))];
      const want = [...a].sort((x, y) => x - y);
      sortAscending(a);
      expect(a).toEqual(want);
    }
    const a = [5, 3, 9, 1];
    sortAscending(a);
    expect(a).toEqual([1, 3, 5, 9]);
  });
});
