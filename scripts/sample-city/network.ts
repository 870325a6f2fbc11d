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

/** A junction closer than this (m) to a segment lies on it: split points are computed on the segment itself. */
const ON_SEGMENT_METERS = 0.01;
/** Way ends closer than this (m) are one junction (e.g. an alley continuing a street across a road). */
const MERGE_ENDS_METERS = 1.5;

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
   * Insert every way end node lying on another way's segment into that way. Bridges are skipped: a bridge
   * passes over whatever is below it, and nothing ends on a bridge here.
   */
  connectJunctions(): void {
    this.mergeCloseEnds();
    const ends: RoadNode[] = [];
    const seen = new Set<number>();
    for (const w of this.ways) {
      for (const n of [w.nodes[0], w.nodes[w.nodes.length - 1]]) {
        if (!seen.has(n.id)) { seen.add(n.id); ends.push(n); }
      }
    }
    for (const w of this.ways) {
      if (w.bridge === 'yes') continue;
      const inWay = new Set(w.nodes.map((n) => n.id));
      const out: RoadNode[] = [w.nodes[0]];
      for (let i = 0; i + 1 < w.nodes.length; i++) {
        const a = w.nodes[i].p, b = w.nodes[i + 1].p;
        const minX = Math.min(a[0], b[0]) - 1, maxX = Math.max(a[0], b[0]) + 1;
        const minY = Math.min(a[1], b[1]) - 1, maxY = Math.max(a[1], b[1]) + 1;
        const hits: { t: number; n: RoadNode }[] = [];
        for (const n of ends) {
          if (inWay.has(n.id) || n.p[0] < minX || n.p[0] > maxX || n.p[1] < minY || n.p[1] > maxY) continue;
          const { distance, t } = pointSegmentDistance(n.p, a, b);
          if (distance < ON_SEGMENT_METERS && t > 0 && t < 1) hits.push({ t, n });
        }
        hits.sort((x, y) => x.t - y.t || x.n.id - y.n.id);
        for (const h of hits) { out.push(h.n); inWay.add(h.n.id); }
        out.push(w.nodes[i + 1]);
      }
      w.nodes = out;
    }
  }

  /** Replace a way end that lies within MERGE_ENDS_METERS of an earlier way end by that end node. */
  private mergeCloseEnds(): void {
    const ends: RoadNode[] = [];
    const replace = new Map<number, RoadNode>();
    for (const w of this.ways) {
      for (const i of [0, w.nodes.length - 1]) {
        const n = w.nodes[i];
        const twin = ends.find((e) => e.id !== n.id && Math.hypot(e.p[0] - n.p[0], e.p[1] - n.p[1]) < MERGE_ENDS_METERS);
        if (twin && w.bridge !== 'yes') replace.set(n.id, twin);
        else if (!ends.includes(n)) ends.push(n);
      }
    }
    for (const w of this.ways) w.nodes = w.nodes.map((n) => replace.get(n.id) ?? n);
  }
}
