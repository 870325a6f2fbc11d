import { describe, expect, it } from 'vitest';
import { mulberry32, randInt } from '../../../test/fixtures/network/prng';
import { buildSearchGraph } from './searchGraph';

type Edge = [number, number, number];

function csr(n: number, edges: Edge[]) {
  const offsets = new Int32Array(n + 1);
  for (const [a, b] of edges) { offsets[a + 1]++; offsets[b + 1]++; }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * edges.length), slotMeters = new Float64Array(2 * edges.length), slotEdge = new Int32Array(2 * edges.length);
  edges.forEach(([a, b, len], e) => {
    let s = fill[a]++; targets[s] = b; slotMeters[s] = len; slotEdge[s] = e;
    s = fill[b]++; targets[s] = a; slotMeters[s] = len; slotEdge[s] = e;
  });
  return { nodeCount: n, offsets, targets, slotMeters, slotEdge };
}

function allPairs(n: number, offsets: Int32Array, targets: Int32Array, slotMeters: Float64Array): number[][] {
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (let u = 0; u < n; u++) for (let s = offsets[u]; s < offsets[u + 1]; s++) d[u][targets[s]] = Math.min(d[u][targets[s]], slotMeters[s]);
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  return d;
}

describe('buildSearchGraph', () => {
  it('prunes item-free dead ends and contracts pass-through nodes of a hand-built street', () => {
    // 0 —100— 1 —50— 2 —70— 3, with a dead-end alley 1 —30— 4 —20— 5 and a loop 3 —10— 6 —10— 3 (via 7).
    const net = csr(8, [[0, 1, 100], [1, 2, 50], [2, 3, 70], [1, 4, 30], [4, 5, 20], [3, 6, 10], [6, 7, 10], [7, 3, 10]]);
    const terminal = new Uint8Array(8);
    terminal[0] = terminal[3] = 1;
    const g = buildSearchGraph(net, terminal);
    // The alley 4–5 goes, 1 and 2 become pass-through, the ring at 3 is a loop: only 0 and 3 remain, one edge of 220 m.
    expect([...g.networkNode]).toEqual([0, 3]);
    expect([...g.nodeOf]).toEqual([0, -1, -1, 1, -1, -1, -1, -1]);
    expect([...g.targets]).toEqual([1, 0]);
    expect([...g.slotMeters]).toEqual([220, 220]);
    // Marking the alley's end keeps the junction 1 and the alley.
    terminal[5] = 1;
    const h = buildSearchGraph(net, terminal);
    expect([...h.networkNode]).toEqual([0, 1, 3, 5]);
    expect(h.slotMeters.reduce((a, b) => a + b, 0) / 2).toBe(100 + 120 + 50);
  });

  it('keeps every terminal-to-terminal distance of 150 seeded random graphs', () => {
    const rand = mulberry32(77);
    let checks = 0;
    for (let trial = 0; trial < 150; trial++) {
      const n = randInt(rand, 2, 30);
      const edges: Edge[] = [];
      for (let k = randInt(rand, 1, 2 * n); k > 0; k--) {
        const a = randInt(rand, 0, n - 1), b = rand() < 0.1 ? -1 : randInt(rand, 0, n - 1);
        edges.push([a, b < 0 ? a : b, 1 + rand() * 99]); // self-loops and parallel edges included
      }
      const net = csr(n, edges);
      const terminal = new Uint8Array(n);
      for (let i = 0; i < n; i++) terminal[i] = rand() < 0.3 ? 1 : 0;
      const g = buildSearchGraph(net, terminal);
      const full = allPairs(n, net.offsets, net.targets, net.slotMeters);
      const reduced = allPairs(g.nodeCount, g.offsets, g.targets, g.slotMeters);
      for (let a = 0; a < n; a++) {
        if (!terminal[a]) continue;
        expect(g.nodeOf[a]).toBeGreaterThanOrEqual(0);
        for (let b = 0; b < n; b++) {
          if (!terminal[b]) continue;
          const want = full[a][b], got = reduced[g.nodeOf[a]][g.nodeOf[b]];
          if (want === Infinity) expect(got).toBe(Infinity);
          else expect(got).toBeCloseTo(want, 9);
          checks++;
        }
      }
      // Symmetric weights: both directions of a chain carry the same double.
      for (let u = 0; u < g.nodeCount; u++) {
        for (let s = g.offsets[u]; s < g.offsets[u + 1]; s++) {
          const v = g.targets[s];
          expect(v).not.toBe(u);
          let back = false;
          for (let t = g.offsets[v]; t < g.offsets[v + 1]; t++) if (g.targets[t] === u && g.slotMeters[t] === g.slotMeters[s]) back = true;
          expect(back).toBe(true);
        }
      }
    }
    expect(checks).toBeGreaterThan(1000);
  });
});
