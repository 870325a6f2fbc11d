/**
 * Road network under construction, OSM style: ways are sequences of shared nodes. Streets are drawn first as
 * straight pieces; T-junctions (a way ending on another way's segment) are then made topological by inserting
 * the end node into the other way, so that lines share vertices exactly where they connect.
 */
import { pointSegmentDistance, type Vec } from './geom';

export type Zone = 'core' | 'new';

export interface RoadNode {
  id: number;
  p: Vec;
}

export interface RoadTags {
  highway: string;
  name: string | null;
  bridge: 'yes' | null;
  foot: string | null;
  access: string | null;
  oneway: string | null;
}

export interface WayDraft extends RoadTags {
  nodes: RoadNode[];
  /** Which bank the way serves (bridges and the bypass count as null). */
  zone: Zone | null;
}

/** A way end closer than this (m) to a segment ends on it (split points are computed on the segment itself). */
const ON_SEGMENT_METERS = 0.6;
/** Junctions closer than this (m) along a way are one junction. */
const SNAP_METERS = 1.5;

export class NetworkBuilder {
  readonly ways: WayDraft[] = [];
  private nextNodeId = 1;

  node(p: Vec): RoadNode {
    return { id: this.nextNodeId++, p };
  }

  addWay(nodes: RoadNode[], tags: Partial<RoadTags> & { highway: string }, zone: Zone | null): WayDraft {
    const way: WayDraft = {
      nodes, zone,
      highway: tags.highway, name: tags.name ?? null, bridge: tags.bridge ?? null,
      foot: tags.foot ?? null, access: tags.access ?? null, oneway: tags.oneway ?? null,
    };
    this.ways.push(way);
    return way;
  }

  /**
   * Make T-junctions topological: every way end lying on another way's segment is inserted into that way. Ends
   * within SNAP_METERS of a vertex of that way, or of another end already inserted there (e.g. an alley that
   * continues a street across a road, 30 cm off), become that node, so no near-miss junctions remain.
   * Bridges are skipped: a bridge passes over whatever is below it, and nothing ends on a bridge here.
   */
  connectJunctions(): void {
    const replaced = new Map<number, RoadNode>();
    const canon = (n: RoadNode): RoadNode => {
      let c = n;
      while (replaced.has(c.id)) c = replaced.get(c.id)!;
      return c;
    };
    const ends: RoadNode[] = [];
    const seen = new Set<number>();
    for (const w of this.ways) {
      for (const n of [w.nodes[0], w.nodes[w.nodes.length - 1]]) {
        if (!seen.has(n.id)) { seen.add(n.id); ends.push(n); }
      }
    }
    const near = (a: RoadNode, b: RoadNode): boolean => Math.hypot(a.p[0] - b.p[0], a.p[1] - b.p[1]) < SNAP_METERS;
    // A second pass catches ends that a snap moved next to a way visited earlier.
    for (let pass = 0; pass < 2; pass++) this.insertEnds(ends, canon, near, replaced);
    // Ends replaced after their own way was visited.
    for (const w of this.ways) w.nodes = w.nodes.map(canon);
  }

  private insertEnds(ends: RoadNode[], canon: (n: RoadNode) => RoadNode, near: (a: RoadNode, b: RoadNode) => boolean,
    replaced: Map<number, RoadNode>): void {
    for (const w of this.ways) {
      if (w.bridge === 'yes') continue;
      w.nodes = w.nodes.map(canon);
      const inWay = new Set(w.nodes.map((n) => n.id));
      const out: RoadNode[] = [w.nodes[0]];
      for (let i = 0; i + 1 < w.nodes.length; i++) {
        const a = w.nodes[i], b = w.nodes[i + 1];
        const minX = Math.min(a.p[0], b.p[0]) - 2, maxX = Math.max(a.p[0], b.p[0]) + 2;
        const minY = Math.min(a.p[1], b.p[1]) - 2, maxY = Math.max(a.p[1], b.p[1]) + 2;
        const hits: { t: number; n: RoadNode }[] = [];
        for (const e of ends) {
          const n = canon(e);
          if (inWay.has(n.id) || n.p[0] < minX || n.p[0] > maxX || n.p[1] < minY || n.p[1] > maxY) continue;
          const { distance, t } = pointSegmentDistance(n.p, a.p, b.p);
          if (distance >= ON_SEGMENT_METERS) continue;
          const twin = [a, b, ...hits.map((h) => h.n)].find((v) => near(v, n));
          if (twin) { replaced.set(n.id, twin); continue; }
          if (t > 0 && t < 1) { hits.push({ t, n }); inWay.add(n.id); }
        }
        hits.sort((x, y) => x.t - y.t || x.n.id - y.n.id);
        for (const h of hits) out.push(h.n);
        out.push(b);
      }
      w.nodes = out;
    }
  }
}
