import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/zoning/syntheticCity';
import { RingTracer } from './overlayTrace';

/** The Map-of-arrays version this replaced (pop for a ring's first edge, splice for each next one). */
function referenceTrace(edges: [number, number][], vx: number[], vy: number[]): number[][] {
  const out = new Map<number, number[]>();
  for (const [a, b] of edges) { const l = out.get(a); if (l) l.push(b); else out.set(a, [b]); }
  const rings: number[][] = [];
  for (const s of [...out.keys()].sort((a, b) => a - b)) {
    while ((out.get(s)?.length ?? 0) > 0) {
      const ring = [s];
      let prev = s, cur = out.get(s)!.pop()!;
      while (cur !== s || ring.length < 2) {
        ring.push(cur);
        const next = out.get(cur);
        if (!next || next.length === 0) throw new Error('overlay: dead end while tracing');
        const inAng = Math.atan2(vy[prev] - vy[cur], vx[prev] - vx[cur]);
        let best = 0, bestTurn = Infinity;
        for (let k = 0; k < next.length; k++) {
          let turn = Math.atan2(vy[next[k]] - vy[cur], vx[next[k]] - vx[cur]) - inAng;
          while (turn <= 0) turn += 2 * Math.PI;
          while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
          if (turn < bestTurn) { bestTurn = turn; best = k; }
        }
        prev = cur;
        cur = next.splice(best, 1)[0];
      }
      rings.push(ring);
    }
  }
  return rings;
}

const outcome = (f: () => number[][]): number[][] | string => { try { return f(); } catch (e) { return (e as Error).message; } };

describe('RingTracer', () => {
  it('traces the same rings as the Map version: shared vertices, touching rings, repeated edges, dead ends', () => {
    const rnd = mulberry32(9);
    const tracer = new RingTracer();
    let rings = 0, deadEnds = 0;
    for (let trial = 0; trial < 400; trial++) {
      // Vertices on a small lattice (collinear and coincident directions), cycles through random vertices.
      const nV = 4 + Math.floor(rnd() * 20);
      const vx = Array.from({ length: nV }, () => Math.floor(rnd() * 5));
      const vy = Array.from({ length: nV }, () => Math.floor(rnd() * 5));
      const edges: [number, number][] = [];
      for (let c = 0; c < 1 + Math.floor(rnd() * 4); c++) {
        const len = 2 + Math.floor(rnd() * 6);
        const cyc = Array.from({ length: len }, () => Math.floor(rnd() * nV));
        for (let i = 0; i < len; i++) if (cyc[i] !== cyc[(i + 1) % len]) edges.push([cyc[i], cyc[(i + 1) % len]]);
      }
      if (trial % 10 === 0 && edges.length > 0) edges.pop(); // an open chain: a dead end
      for (let i = edges.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [edges[i], edges[j]] = [edges[j], edges[i]]; }
      const want = outcome(() => referenceTrace(edges, vx, vy));
      tracer.reset(nV);
      for (const [a, b] of edges) tracer.add(a, b);
      expect(outcome(() => tracer.trace(vx, vy))).toEqual(want);
      if (typeof want === 'string') deadEnds++; else rings += want.length;
    }
    expect(rings).toBeGreaterThan(300);
    expect(deadEnds).toBeGreaterThan(5);
  });

  it('gives nothing without edges and one ring for a square', () => {
    const tracer = new RingTracer();
    tracer.reset(3);
    expect(tracer.trace([0, 1, 2], [0, 0, 0])).toEqual([]);
    tracer.reset(4);
    for (const [a, b] of [[0, 1], [1, 2], [2, 3], [3, 0]]) tracer.add(a, b);
    expect(tracer.trace([0, 1, 1, 0], [0, 0, 1, 1])).toEqual([[0, 1, 2, 3]]);
  });
});
