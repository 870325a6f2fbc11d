import { describe, expect, it } from 'vitest';
import { community, rect, road, row } from '../../../test/fixtures/zoning/builders';
import type { Community } from '../types';
import { autoZone, findAdjacency } from './index';

const members = (r: ReturnType<typeof autoZone>): string[][] => r.zones.map((z) => z.memberIds);

/** Seeded shuffle (mulberry32) so the test is repeatable. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every zone is connected in the adjacency graph (checked independently of the clustering code). */
function assertConnected(cs: Community[], zones: string[][], gapMeters: number): void {
  const adj = findAdjacency(cs, new Uint8Array(cs.length).fill(1), { gapMeters });
  const index = new Map(cs.map((c, i) => [c.id, i]));
  for (const z of zones) {
    const inZone = new Set(z.map((id) => index.get(id)!));
    const seen = new Set([index.get(z[0])!]);
    let grew = true;
    while (grew) {
      grew = false;
      for (let e = 0; e < adj.edges.length; e += 2) {
        const a = adj.edges[e], b = adj.edges[e + 1];
        if (inZone.has(a) && inZone.has(b) && seen.has(a) !== seen.has(b)) { seen.add(a); seen.add(b); grew = true; }
      }
    }
    expect(seen.size, `zone ${z.join(',')} connected`).toBe(z.length);
  }
}

describe('autoZone', () => {
  it('groups by known gaps: touching, 10 m and 25 m join, 45 m does not (gap 30)', () => {
    const cs = row('a', [0, 10, 25, 45]);
    const r = autoZone(cs, { gapMeters: 30 });
    expect(members(r)).toEqual([['a1', 'a2', 'a3', 'a4'], ['a5']]);
    expect(r.zones.map((z) => z.id)).toEqual(['Z001', 'Z002']);
    expect(r.zones.every((z) => z.source === 'auto')).toBe(true);
    expect(r.unzoned).toEqual([]);
    // A wider gap setting bridges the 45 m too.
    expect(members(autoZone(cs, { gapMeters: 50 }))).toEqual([['a1', 'a2', 'a3', 'a4', 'a5']]);
  });

  it('keeps isolated communities unzoned when singletons are off', () => {
    const r = autoZone(row('a', [0, 10, 25, 45]), { gapMeters: 30, singletons: 'none' });
    expect(members(r)).toEqual([['a1', 'a2', 'a3', 'a4']]);
    expect(r.unzoned).toEqual(['a5']);
  });

  it('splits at a barrier road and never bridges over an ineligible community', () => {
    const cs = [
      ...row('w', [10, 10]),
      community({ id: 'old-but-new', geometry: rect(320, 0, 100, 80), buildYear: 2008 }),
      ...row('e', [10], 100, 80, 0).map((c, i) => community({ id: c.id, geometry: rect(430 + i * 110, 0, 100, 80) })),
    ];
    // w1 w2 w3 (10 m apart), then an ineligible compound 10 m east of w3, then e1 e2 10 m east of it.
    const plain = autoZone(cs, { gapMeters: 30 });
    expect(members(plain)).toEqual([['w1', 'w2', 'w3'], ['e1', 'e2']]);
    // A primary road in the 10 m gap between w1 and w2.
    const split = autoZone(cs, { gapMeters: 30, barriers: [road([[105, -300], [105, 300]])] });
    expect(members(split)).toEqual([['w1'], ['w2', 'w3'], ['e1', 'e2']]);
    expect(split.eligibility?.summary.byReason.too_new.communities).toBe(1);
  });

  it('splits an oversized row of 12 × 400 households (cap 1500) into four connected parts of three', () => {
    const cs = row('r', new Array(11).fill(0));
    const r = autoZone(cs, { gapMeters: 30, maxHouseholds: 1500, minHouseholds: 200 });
    expect(members(r)).toEqual([
      ['r1', 'r2', 'r3'], ['r4', 'r5', 'r6'], ['r7', 'r8', 'r9'], ['r10', 'r11', 'r12'],
    ]);
    expect(r.stats.map((s) => s.households)).toEqual([1200, 1200, 1200, 1200]);
  });

  it('balances parts instead of filling the first one: 4 × 400 with cap 1500 gives 2 + 2', () => {
    const r = autoZone(row('q', [0, 0, 0]), { maxHouseholds: 1500 });
    expect(members(r)).toEqual([['q1', 'q2'], ['q3', 'q4']]);
  });

  it('splits a 2-D block into connected parts within the cap, none below the minimum', () => {
    const cs: Community[] = [];
    for (let j = 0; j < 4; j++) for (let i = 0; i < 5; i++) cs.push(community({ id: `g${j}${i}`, geometry: rect(i * 100, j * 100, 100, 100) }));
    const r = autoZone(cs, { maxHouseholds: 1500, minHouseholds: 200 });
    const zones = members(r);
    expect(zones.flat().sort()).toEqual(cs.map((c) => c.id).sort());
    for (const s of r.stats) {
      expect(s.households).toBeLessThanOrEqual(1500);
      expect(s.households).toBeGreaterThanOrEqual(200);
    }
    // At most three members fit a part (4 × 400 > 1500), so 7 parts is the floor; the sweep leaves one straggler.
    expect(zones.length).toBeGreaterThanOrEqual(7);
    expect(zones.length).toBeLessThanOrEqual(8);
    assertConnected(cs, zones, 30);
  });

  it('folds a cut-off fragment below the minimum into a neighbour part that has room', () => {
    // Row A–E plus F north of C. The part grown from A takes A, B, C and cuts F off; F (100) joins it.
    const hh: Record<string, number> = { A: 400, B: 400, C: 400, D: 400, E: 400, F: 100 };
    const cs = ['A', 'B', 'C', 'D', 'E'].map((id, i) => community({ id, geometry: rect(i * 100, 0, 100, 100), households: hh[id] }));
    cs.push(community({ id: 'F', geometry: rect(220, 100, 60, 100), households: hh.F })); // touches C, 20 m from B and D
    const r = autoZone(cs, { gapMeters: 5, maxHouseholds: 1500, minHouseholds: 200 });
    expect(members(r)).toEqual([['A', 'B', 'C', 'F'], ['D', 'E']]);
    // With a tighter cap F has nowhere to go and stays a small zone of its own.
    const tight = autoZone(cs, { gapMeters: 5, maxHouseholds: 1250, minHouseholds: 200 });
    expect(members(tight)).toEqual([['F'], ['A', 'B', 'C'], ['D', 'E']]);
  });

  it('caps by area as well (m² of member polygons)', () => {
    const cs = [0, 1, 2, 3].map((i) => community({ id: `s${i}`, geometry: rect(i * 200, 0, 200, 200), households: null }));
    const r = autoZone(cs, { maxAreaSqm: 100_000 });
    expect(members(r)).toEqual([['s0', 's1'], ['s2', 's3']]);
    expect(r.stats[0].memberAreaSqm).toBeCloseTo(80_000, -2);
  });

  it('numbers zones north to south, then west to east', () => {
    const cs = [
      community({ id: 'south', geometry: rect(0, 0, 100, 80) }),
      community({ id: 'north-east', geometry: rect(500, 500, 100, 80) }),
      community({ id: 'north-west', geometry: rect(0, 500, 100, 80) }),
    ];
    const r = autoZone(cs);
    expect(r.zones.map((z) => `${z.id}:${z.memberIds[0]}`)).toEqual(['Z001:north-west', 'Z002:north-east', 'Z003:south']);
  });

  it('names zones after the most common 街道 of their members', () => {
    const cs = [
      community({ id: 'n1', geometry: rect(0, 0, 100, 80), subdistrict: '八一街道' }),
      community({ id: 'n2', geometry: rect(110, 0, 100, 80), subdistrict: '豫章街道' }),
      community({ id: 'n3', geometry: rect(220, 0, 100, 80), subdistrict: '豫章街道' }),
      community({ id: 'n4', geometry: rect(0, -500, 100, 80) }),
    ];
    expect(autoZone(cs).zones.map((z) => z.name)).toEqual(['豫章街道区块1', '区块2']);
  });

  it('is deterministic: shuffled input gives the same zones, ids, member order and outlines', () => {
    const cs: Community[] = [];
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 6; i++) {
        const gap = ((i * 7 + j * 3) % 5) * 9; // 0, 9, 18, 27, 36 m
        cs.push(community({ id: `c${j}-${i}`, geometry: rect(i * 130 + gap, j * 110, 100, 90), households: 150 + ((i * 37 + j * 11) % 5) * 100 }));
      }
    }
    const barriers = [road([[-50, 215], [900, 215]])];
    const opts = { gapMeters: 30, barriers, maxHouseholds: 1500 };
    const base = autoZone(cs, opts);
    expect(base.zones.length).toBeGreaterThan(3);
    for (const seed of [1, 2, 3]) {
      const again = autoZone(shuffled(cs, seed), opts);
      expect(again.zones).toEqual(base.zones);
      expect(again.unzoned).toEqual(base.unzoned);
    }
  });
});
