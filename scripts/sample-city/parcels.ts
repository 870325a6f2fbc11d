/**
 * Parcels inside street blocks. Each block is shrunk away from its streets (wider margins along arterials), then
 * cut recursively into lots, sometimes flush (touching neighbours), sometimes with a gap of a few metres, sometimes
 * with a 10–30 m gap that carries an alley (巷), a service lane or a footpath from the street into the block.
 * Alleys never cross lots, so communities never overlap roads.
 */
import { bilinear, centroid, dist, insetConvex, lerp, lineCrossParam, quadExtents, type Vec } from './geom';
import { ALLEY_NAMES, NamePool, numberZh } from './names';
import type { NetworkBuilder } from './network';
import type { Rng } from './prng';
import type { Block } from './streets';

/** Distance (m) from a street centreline to the nearest lot, by class: half the carriageway plus a verge. */
const CLEARANCE_METERS: Record<string, number> = { trunk: 24, primary: 20, secondary: 15, tertiary: 12, residential: 8 };

export interface Lot {
  /** CCW quad. */
  quad: Vec[];
  block: Block;
}

interface Piece {
  q: Vec[];
  /** For each edge: index of the block edge it lies along, or -1 when it faces another lot. */
  outer: number[];
}

export interface ParcelLayout {
  lots: Lot[];
  ponds: Vec[][];
}

function lotMaxMeters(rng: Rng, block: Block): number {
  if (block.kind === 'workunit') return 320;
  if (block.kind === 'historic') return rng.range(35, 60);
  if (block.zone === 'core') return rng.chance(0.1) ? 400 : rng.range(45, 110);
  return rng.chance(0.15) ? 500 : rng.range(110, 220);
}

function gapMeters(rng: Rng, block: Block): number {
  const r = rng.next();
  if (block.zone === 'core') return r < 0.45 ? 0 : r < 0.65 ? rng.range(2, 8) : rng.range(10, 18);
  return r < 0.25 ? 0 : r < 0.5 ? rng.range(3, 12) : rng.range(12, 30);
}

/** An oval pond with a wobbly shore, centred in a park block. */
function pond(rng: Rng, inset: Vec[]): Vec[] {
  const c = centroid(inset);
  const [eu, ev] = quadExtents(inset);
  const r = 0.27 * Math.min(eu, ev);
  const p1 = rng.range(0, 6.28), p2 = rng.range(0, 6.28);
  const ring: Vec[] = [];
  for (let i = 0; i < 28; i++) {
    const a = (i / 28) * 2 * Math.PI;
    const k = 1 + 0.14 * Math.sin(2 * a + p1) + 0.07 * Math.sin(3 * a + p2);
    ring.push([c[0] + 1.3 * r * k * Math.cos(a), c[1] + r * k * Math.sin(a)]);
  }
  return ring;
}

class LotCutter {
  readonly lots: Lot[] = [];
  /** The first through footpath in the newer district belongs to its gated estate (access=private). */
  private privatePathPlaced = false;

  constructor(private readonly net: NetworkBuilder, private readonly rng: Rng, private readonly alleyNames: NamePool) {}

  cut(block: Block, piece: Piece, maxMeters: number): void {
    const [eu, ev] = quadExtents(piece.q);
    if (Math.max(eu, ev) <= maxMeters || Math.max(eu, ev) < 40) {
      this.lots.push({ quad: piece.q, block });
      return;
    }
    const rot = eu >= ev ? 0 : 1;
    const q = [0, 1, 2, 3].map((i) => piece.q[(i + rot) % 4]);
    const o = [0, 1, 2, 3].map((i) => piece.outer[(i + rot) % 4]);
    const len0 = dist(q[0], q[1]), len2 = dist(q[3], q[2]);
    const gap = Math.min(gapMeters(this.rng, block), 0.3 * Math.min(len0, len2));
    const t = this.rng.range(0.35, 0.65);
    const a1 = lerp(q[0], q[1], t - gap / 2 / len0), a2 = lerp(q[0], q[1], t + gap / 2 / len0);
    const b1 = lerp(q[3], q[2], t - gap / 2 / len2), b2 = lerp(q[3], q[2], t + gap / 2 / len2);
    if (gap >= 10) this.alley(block, lerp(a1, a2, 0.5), lerp(b1, b2, 0.5), o[0], o[2]);
    this.cut(block, { q: [q[0], a1, b1, q[3]], outer: [o[0], -1, o[2], o[3]] }, maxMeters);
    this.cut(block, { q: [a2, q[1], q[2], b2], outer: [o[0], o[1], o[2], -1] }, maxMeters);
  }

  /** Where the gap's centreline (through m and n) meets block edge k, if it does so inside the edge. */
  private roadPoint(block: Block, k: number, m: Vec, n: Vec): Vec | null {
    if (k < 0) return null;
    const a = block.corners[k], b = block.corners[(k + 1) % 4];
    const s = lineCrossParam(a, b, m, n);
    return s !== null && s > 0.03 && s < 0.97 ? lerp(a, b, s) : null;
  }

  /** A lane along a gap between lots: through (street to street) or a dead end into the block. */
  private alley(block: Block, mA: Vec, mB: Vec, edgeA: number, edgeB: number): void {
    const core = block.zone === 'core';
    if (!this.rng.chance(core ? 0.75 : 0.4)) return;
    let rA = this.roadPoint(block, edgeA, mA, mB);
    let rB = this.roadPoint(block, edgeB, mB, mA);
    if (!rA && !rB) return;
    if (!rA) { rA = rB; rB = null; [mA, mB] = [mB, mA]; }
    const net = this.net;
    if (rA && rB) {
      const highway = this.rng.chance(core ? 0.35 : 0.5) ? 'footway' : 'service';
      const name = highway === 'service' && core && this.rng.chance(0.7) ? this.alleyNames.take() : null;
      const gated = !core && highway === 'footway' && !this.privatePathPlaced;
      if (gated) this.privatePathPlaced = true;
      net.addWay([net.node(rA), net.node(rB)], { highway, name, access: gated ? 'private' : null }, block.zone);
    } else if (rA) {
      const end = lerp(mA, mB, this.rng.range(0.45, 0.85));
      const lane = core && this.rng.chance(0.15);
      const highway = lane ? 'residential' : 'service';
      const name = core && (lane || this.rng.chance(0.6)) ? this.alleyNames.take() : null;
      net.addWay([net.node(rA), net.node(end)], { highway, name }, block.zone);
    }
  }
}

export function layoutParcels(net: NetworkBuilder, rng: Rng, blocks: Block[]): ParcelLayout {
  const alleyNames = new NamePool(rng, ALLEY_NAMES, (i) => `${['十字街', '铁街', '珠市', '书院'][i % 4]}${numberZh((Math.floor(i / 4) % 99) + 1)}巷${i >= 396 ? String(i) : ''}`);
  const cutter = new LotCutter(net, rng, alleyNames);
  const ponds: Vec[][] = [];
  for (const block of blocks) {
    const insets = block.edgeHighway.map((h) => (CLEARANCE_METERS[h] ?? 10) + rng.range(0, 3));
    const inset = insetConvex(block.corners, insets);
    if (!inset) continue;
    // The park cell may be split by a street: the pond goes in its first block, the rest is built up.
    if (block.kind === 'park' && ponds.length === 0) { ponds.push(pond(rng, inset)); continue; }
    cutter.cut(block, { q: inset, outer: [0, 1, 2, 3] }, lotMaxMeters(rng, block));
  }
  return { lots: cutter.lots, ponds };
}

/** Sub-quad of a quad in bilinear coordinates. */
export function subQuad(q: readonly Vec[], u0: number, u1: number, v0: number, v1: number): Vec[] {
  return [bilinear(q, u0, v0), bilinear(q, u1, v0), bilinear(q, u1, v1), bilinear(q, u0, v1)];
}
