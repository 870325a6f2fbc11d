import { describe, expect, it } from 'vitest';
import { mulberry32, randInt } from '../../../test/fixtures/network/prng';
import { DijkstraWorkspace } from './dijkstra';

interface Graph { nodeCount: number; offsets: Int32Array; targets: Int32Array; slotMeters: Float64Array }

function randomGraph(rand: () => number, integerWeights: boolean): { g: Graph; w: number[][] } {
  const n = randInt(rand, 2, 40);
  const m = randInt(rand, 0, n * 3);
  const w = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const edges: [number, number, number][] = [];
  for (let k = 0; k < m; k++) {
    const a = randInt(rand, 0, n - 1), b = randInt(rand, 0, n - 1);
    if (a === b) continue;
    const len = integerWeights ? randInt(rand, 1, 9) : 0.5 + rand() * 100;
    edges.push([a, b, len]); // parallel edges allowed
    w[a][b] = Math.min(w[a][b], len);
    w[b][a] = Math.min(w[b][a], len);
  }
  const offsets = new Int32Array(n + 1);
  for (const [a, b] of edges) { offsets[a + 1]++; offsets[b + 1]++; }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(2 * edges.length), slotMeters = new Float64Array(2 * edges.length);
  for (const [a, b, len] of edges) {
    let s = fill[a]++; targets[s] = b; slotMeters[s] = len;
    s = fill[b]++; targets[s] = a; slotMeters[s] = len;
  }
  return { g: { nodeCount: n, offsets, targets, slotMeters }, w };
}

function floydWarshall(w: number[][]): number[][] {
  const n = w.length;
  const d = w.map((row) => row.slice());
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  }
  return d;
}

describe('bounded multi-source Dijkstra vs Floyd–Warshall', () => {
  it('matches distances and tie-breaking labels on 120 seeded random graphs', () => {
    const rand = mulberry32(20240601);
    let reachedChecks = 0;
    for (let trial = 0; trial < 120; trial++) {
      const integer = trial % 2 === 0; // integer weights make ties common: labels must still be deterministic
      const { g, w } = randomGraph(rand, integer);
      const fw = floydWarshall(w);
      const ws = new DijkstraWorkspace(g);
      // Reuse the workspace several times: reset must leave no trace of the previous search.
      for (let round = 0; round < 3; round++) {
        ws.reset();
        const seeds = Array.from({ length: randInt(rand, 1, 4) }, (_, label) => ({
          node: randInt(rand, 0, g.nodeCount - 1), start: integer ? randInt(rand, 0, 3) : rand() * 20, label,
        }));
        const bound = integer ? randInt(rand, 0, 30) : rand() * 250;
        for (const s of seeds) ws.seed(s.node, s.start, s.label);
        ws.run(bound);
        for (let v = 0; v < g.nodeCount; v++) {
          let best = Infinity, bestLabel = -1;
          for (const s of seeds) {
            const d = s.start + fw[s.node][v];
            if (d < best || (d === best && s.label < bestLabel)) { best = d; bestLabel = s.label; }
          }
          if (best > bound) {
            // Not expanded beyond the bound (a seed itself may sit beyond it and is then kept as seeded).
            if (!seeds.some((s) => s.node === v)) expect(ws.dist[v]).toBe(Infinity);
            continue;
          }
          reachedChecks++;
          if (integer) expect(ws.dist[v]).toBe(best);
          else expect(ws.dist[v]).toBeCloseTo(best, 9);
          expect(ws.label[v]).toBe(bestLabel);
        }
      }
    }
    expect(reachedChecks).toBeGreaterThan(1000);
  });

  it('records predecessor slots that sum to the distance', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 50; trial++) {
      const { g } = randomGraph(rand, false);
      const ws = new DijkstraWorkspace(g);
      ws.trackPredecessors = true;
      ws.seed(0, 0, 0);
      ws.run(Infinity);
      for (let v = 1; v < g.nodeCount; v++) {
        if (ws.dist[v] === Infinity) continue;
        const slot = ws.pred[v];
        expect(g.targets[slot]).toBe(v);
        let u = 0;
        while (g.offsets[u + 1] <= slot) u++;
        expect(ws.dist[u] + g.slotMeters[slot]).toBeCloseTo(ws.dist[v], 9);
      }
    }
  });

  /**
   * The same seeded searches (200 random graphs, 3 rounds each) on two workspaces of each graph; `check` compares
   * them after every run. Returns how many nodes were reached in all.
   */
  function sameSearches(
    seed: number, maxSeeds: number, make: (g: Graph) => [DijkstraWorkspace, DijkstraWorkspace],
    check: (a: DijkstraWorkspace, b: DijkstraWorkspace) => void,
  ): number {
    const rand = mulberry32(seed);
    let compared = 0;
    for (let trial = 0; trial < 200; trial++) {
      const integer = trial % 2 === 0;
      const { g } = randomGraph(rand, integer);
      const [a, b] = make(g);
      for (let round = 0; round < 3; round++) {
        a.reset();
        b.reset();
        const seedCount = randInt(rand, 1, maxSeeds);
        for (let label = 0; label < seedCount; label++) {
          const node = randInt(rand, 0, g.nodeCount - 1), start = integer ? randInt(rand, 0, 3) : rand() * 20;
          a.seed(node, start, label);
          b.seed(node, start, label);
        }
        const bound = integer ? randInt(rand, 0, 30) : rand() * 250;
        a.run(bound);
        b.run(bound);
        check(a, b);
        compared += a.touchedCount;
      }
    }
    return compared;
  }

  it('bucket queue (Dial) and binary heap give identical distances, labels and reached sets', () => {
    const compared = sameSearches(31337, 5, (g) => [new DijkstraWorkspace(g), new DijkstraWorkspace(g, { queue: 'heap' })], (buckets, heap) => {
      expect(Array.from(buckets.dist)).toEqual(Array.from(heap.dist));
      expect(Array.from(buckets.label)).toEqual(Array.from(heap.label));
      expect(buckets.touchedCount).toBe(heap.touchedCount);
    });
    expect(compared).toBeGreaterThan(2000);
  });

  it('runs the bucket loop in WebAssembly here, with exactly the JavaScript loop\'s distances, labels and reach order', () => {
    const compared = sameSearches(4242, 6, (g) => {
      const wasm = new DijkstraWorkspace(g), js = new DijkstraWorkspace(g, { wasm: false });
      if (g.targets.length > 0) expect(wasm.engine).toBe('wasm');
      expect(js.engine).toBe('js');
      return [wasm, js];
    }, (wasm, js) => {
      expect(Array.from(wasm.dist)).toEqual(Array.from(js.dist));
      expect(Array.from(wasm.label)).toEqual(Array.from(js.label));
      expect(Array.from(wasm.touched.subarray(0, wasm.touchedCount))).toEqual(Array.from(js.touched.subarray(0, js.touchedCount)));
    });
    expect(compared).toBeGreaterThan(2000);
  });

  it('falls back to the JavaScript loop for more buckets than the WebAssembly memory holds, same results', () => {
    // A path of 1 m edges searched to 100 km: 200 002 buckets of 0.5 m (> 65 536), < 2^20 so still buckets.
    const n = 2000;
    const offsets = new Int32Array(n + 1), targets: number[] = [], slotMeters: number[] = [];
    for (let u = 0; u < n; u++) {
      if (u > 0) { targets.push(u - 1); slotMeters.push(1); }
      if (u < n - 1) { targets.push(u + 1); slotMeters.push(u === 0 ? 1 : 40); }
      offsets[u + 1] = targets.length;
    }
    const g = { nodeCount: n, offsets, targets: Int32Array.from(targets), slotMeters: Float64Array.from(slotMeters) };
    const ws = new DijkstraWorkspace(g), heap = new DijkstraWorkspace(g, { queue: 'heap' });
    expect(ws.engine).toBe('wasm');
    for (const w of [ws, heap]) { w.seed(0, 0, 0); w.run(100_000); }
    expect(Array.from(ws.dist)).toEqual(Array.from(heap.dist));
    expect(ws.dist[n - 1]).toBe(1 + 40 * (n - 2));
  });
});
