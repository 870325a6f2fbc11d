import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/zoning/syntheticCity';
import { CutList, EdgeList, hasDistinctTies, splitPoints, splitPointsWith, SubEdgeSet } from './overlayEdges';

interface RefEdge { ax: number; ay: number; bx: number; by: number; ia: number; ib: number }
interface RefCut { t: number; x: number; y: number; v: number }

/** The object-per-cut version this replaced (flatbush always, per-edge arrays, stable sort by t). */
function referenceCuts(edges: RefEdge[], tol: number): RefCut[][] {
  const cuts: RefCut[][] = edges.map(() => []);
  const index = new Flatbush(edges.length);
  for (const e of edges) index.add(Math.min(e.ax, e.bx), Math.min(e.ay, e.by), Math.max(e.ax, e.bx), Math.max(e.ay, e.by));
  index.finish();
  const touch = (e: RefEdge, px: number, py: number, v: number, into: RefCut[]): void => {
    const ex = e.bx - e.ax, ey = e.by - e.ay;
    const t = ((px - e.ax) * ex + (py - e.ay) * ey) / (ex * ex + ey * ey);
    if (t <= 0 || t >= 1) return;
    const qx = e.ax + t * ex - px, qy = e.ay + t * ey - py;
    if (qx * qx + qy * qy <= tol * tol) into.push({ t, x: px, y: py, v });
  };
  edges.forEach((e, i) => {
    for (const j of index.search(Math.min(e.ax, e.bx) - tol, Math.min(e.ay, e.by) - tol, Math.max(e.ax, e.bx) + tol, Math.max(e.ay, e.by) + tol)) {
      if (j <= i) continue;
      const f = edges[j];
      const ex = e.bx - e.ax, ey = e.by - e.ay, fx = f.bx - f.ax, fy = f.by - f.ay;
      const d = ex * fy - ey * fx;
      if (d !== 0) {
        const s = ((f.ax - e.ax) * fy - (f.ay - e.ay) * fx) / d;
        const u = ((f.ax - e.ax) * ey - (f.ay - e.ay) * ex) / d;
        if (s > 0 && s < 1 && u > 0 && u < 1) {
          const x = e.ax + s * ex, y = e.ay + s * ey;
          cuts[i].push({ t: s, x, y, v: -1 });
          cuts[j].push({ t: u, x, y, v: -1 });
        }
      }
      touch(e, f.ax, f.ay, f.ia, cuts[i]);
      touch(e, f.bx, f.by, f.ib, cuts[i]);
      touch(f, e.ax, e.ay, e.ia, cuts[j]);
      touch(f, e.bx, e.by, e.ib, cuts[j]);
    }
  });
  return cuts.map((c) => c.sort((a, b) => a.t - b.t));
}

describe('splitPoints (typed-array cuts)', () => {
  it('finds the same cuts in the same order as the object version, with and without the index (4–60 edges)', () => {
    const rnd = mulberry32(7);
    const edgeList = new EdgeList();
    const cutList = new CutList();
    let totalCuts = 0, ties = 0;
    for (let trial = 0; trial < 200; trial++) {
      const m = 4 + (trial % 57);
      // Coordinates on a 1 m lattice: many T-touches, shared end points, collinear overlaps and equal t.
      const pt = (): number => Math.floor(rnd() * 12);
      const edges: RefEdge[] = [];
      edgeList.reset(m);
      for (let i = 0; i < m; i++) {
        const ay = pt();
        let ax = pt(), bx = pt(), by = pt();
        if (ax === bx && ay === by) bx += 1;
        if (trial % 3 === 0) { ax += rnd() * 1e-3; by -= rnd() * 1e-3; }
        edges.push({ ax, ay, bx, by, ia: 2 * i, ib: 2 * i + 1 });
        edgeList.push(ax, ay, bx, by, 2 * i, 2 * i + 1, 0);
      }
      const ref = referenceCuts(edges, 5e-3);
      splitPoints(edgeList, cutList, 5e-3);
      for (let i = 0; i < m; i++) {
        const got: RefCut[] = [];
        for (let k = cutList.start[i]; k < cutList.start[i + 1]; k++) {
          const c = cutList.order[k];
          got.push({ t: cutList.t[c], x: cutList.x[c], y: cutList.y[c], v: cutList.v[c] });
        }
        expect(got).toEqual(ref[i]);
        totalCuts += got.length;
        for (let k = 1; k < got.length; k++) if (got[k].t === got[k - 1].t) ties++;
      }
    }
    // The lattice must really exercise the cases: plenty of cuts, and ties in t whose order matters.
    expect(totalCuts).toBeGreaterThan(5000);
    expect(ties).toBeGreaterThan(50);
  });
});

/** Cuts of every edge in sorted order, as plain rows. */
function cutRows(cutList: CutList, m: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) {
    for (let k = cutList.start[i]; k < cutList.start[i + 1]; k++) {
      const c = cutList.order[k];
      rows.push([i, cutList.t[c], cutList.x[c], cutList.y[c], cutList.v[c]]);
    }
  }
  return rows;
}

describe('splitPoints without a flatbush (plain scan, 17–512 edges)', () => {
  it('gives the indexed cuts on random edges and on bridged squares, and checks ties only where they could swap', () => {
    const rnd = mulberry32(11);
    const edgeList = new EdgeList();
    const cutList = new CutList();
    let compared = 0, cuts = 0;
    for (let trial = 0; trial < 60; trial++) {
      const m = 17 + Math.floor(rnd() * 300);
      edgeList.reset(m);
      for (let i = 0; i < m; i++) {
        // Random chains over a 60 m square, shared end points between consecutive edges (as in rings).
        const ax = rnd() * 60, ay = rnd() * 60;
        edgeList.push(ax, ay, ax + (rnd() - 0.5) * 20, ay + (rnd() - 0.5) * 20, 2 * i, 2 * i + 1, i % 3);
      }
      splitPointsWith(edgeList, cutList, 5e-3, true);
      const indexed = cutRows(cutList, m);
      splitPoints(edgeList, cutList, 5e-3);
      expect(cutRows(cutList, m)).toEqual(indexed);
      compared++;
      cuts += indexed.length;
    }
    expect(compared).toBe(60);
    expect(cuts).toBeGreaterThan(3000);
  });

  it('hasDistinctTies: a tie only matters between cuts from different later partners that are not the same cut', () => {
    const cuts = new CutList();
    const check = (rows: [number, number, number, number, number][]): boolean => {
      cuts.reset();
      for (const [t, x, y, v, partner] of rows) cuts.push(0, t, x, y, v, partner);
      cuts.sortByEdge(1);
      return hasDistinctTies(cuts, 1);
    };
    // Same t, same point and vertex from two partners: any order gives the same sub-edges.
    expect(check([[0.5, 1, 2, 7, 3], [0.5, 1, 2, 7, 4]])).toBe(false);
    // Same t, different point (a crossing computed on either edge), two partners: the order could show.
    expect(check([[0.5, 1, 2, -1, 3], [0.5, 1, 2 + 1e-15, -1, 4]])).toBe(true);
    // Different points but one partner (its own cuts keep their order), or one cut pushed by an earlier edge.
    expect(check([[0.5, 1, 2, -1, 3], [0.5, 1, 3, 5, 3]])).toBe(false);
    expect(check([[0.5, 1, 2, -1, -1], [0.5, 1, 3, 5, 3]])).toBe(false);
    // No tie at all.
    expect(check([[0.25, 1, 2, -1, 3], [0.5, 1, 3, 5, 4]])).toBe(false);
  });
});

describe('SubEdgeSet', () => {
  it('keeps first-insertion order and distinct owners like a Map of vertex pairs, across growth and resets', () => {
    const rnd = mulberry32(3);
    const set = new SubEdgeSet();
    for (const n of [50, 3000, 20]) {
      set.reset();
      const ref = new Map<string, { u: number; v: number; owners: Set<number> }>();
      for (let i = 0; i < n; i++) {
        const a = Math.floor(rnd() * 200), b = Math.floor(rnd() * 200), poly = Math.floor(rnd() * 4);
        if (a === b) continue;
        set.add(a, b, poly);
        const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
        const known = ref.get(key);
        if (known) known.owners.add(poly); else ref.set(key, { u: Math.min(a, b), v: Math.max(a, b), owners: new Set([poly]) });
      }
      const expected = [...ref.values()];
      expect(set.count).toBe(expected.length);
      expected.forEach((e, i) => {
        expect([set.u[i], set.v[i]]).toEqual([e.u, e.v]);
        for (let p = 0; p < 4; p++) expect(set.hasOwner(i, p)).toBe(e.owners.has(p));
      });
    }
  });
});
