/**
 * Optional noding at geometric crossings, for CAD-derived centre lines that cross without a shared vertex.
 * OSM data must not use it: there a crossing without a shared vertex is a bridge or a tunnel.
 * Candidate pairs come from a flatbush over segment bboxes, so the cost follows the number of nearby pairs,
 * not n². Collinear overlaps are not noded.
 */
import Flatbush from 'flatbush';
import { segmentIntersection } from '../geo/segment';
import type { VertexMerger } from './vertexMerge';

export interface SegmentList {
  from: number[];
  to: number[];
  /** Index of the input segment each output segment came from (for class and road lookups). */
  source: number[];
}

/** Split every segment where it crosses or touches another; new crossing nodes go through the merger. */
export function nodeAtCrossings(segs: SegmentList, merger: VertexMerger): SegmentList {
  const n = segs.from.length;
  if (n < 2) return segs;
  // Read merger.xs / ys afresh: adding crossing nodes may reallocate them.
  const xs = (v: number): number => merger.xs[v];
  const ys = (v: number): number => merger.ys[v];
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const a = segs.from[i], b = segs.to[i];
    index.add(Math.min(xs(a), xs(b)), Math.min(ys(a), ys(b)), Math.max(xs(a), xs(b)), Math.max(ys(a), ys(b)));
  }
  index.finish();
  // Per segment: split fractions and their node ids.
  const splits = new Map<number, { t: number; node: number }[]>();
  const addSplit = (seg: number, t: number, node: number): void => {
    if (node === segs.from[seg] || node === segs.to[seg]) return;
    let list = splits.get(seg);
    if (!list) splits.set(seg, (list = []));
    list.push({ t, node });
  };
  for (let i = 0; i < n; i++) {
    const a = segs.from[i], b = segs.to[i];
    const hits = index.search(Math.min(xs(a), xs(b)), Math.min(ys(a), ys(b)), Math.max(xs(a), xs(b)), Math.max(ys(a), ys(b)));
    hits.sort((p, q) => p - q);
    for (const j of hits) {
      if (j <= i) continue;
      const c = segs.from[j], d = segs.to[j];
      if (a === c || a === d || b === c || b === d) continue; // already share a node
      const hit = segmentIntersection(xs(a), ys(a), xs(b), ys(b), xs(c), ys(c), xs(d), ys(d));
      if (!hit) continue;
      const [s, u] = hit;
      const node = merger.add(xs(a) + s * (xs(b) - xs(a)), ys(a) + s * (ys(b) - ys(a)));
      addSplit(i, s, node);
      addSplit(j, u, node);
    }
  }
  if (splits.size === 0) return segs;
  const out: SegmentList = { from: [], to: [], source: [] };
  for (let i = 0; i < n; i++) {
    const list = splits.get(i);
    if (!list) {
      out.from.push(segs.from[i]);
      out.to.push(segs.to[i]);
      out.source.push(segs.source[i]);
      continue;
    }
    list.sort((p, q) => p.t - q.t || p.node - q.node);
    let prev = segs.from[i];
    for (const { node } of [...list, { t: 1, node: segs.to[i] }]) {
      if (node === prev) continue;
      out.from.push(prev);
      out.to.push(node);
      out.source.push(segs.source[i]);
      prev = node;
    }
  }
  return out;
}
