import { booleanValid, area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { syntheticCity } from '../../../test/fixtures/zoning/syntheticCity';
import { evaluateEligibility, findAdjacency, zoneGeometry } from './index';
import { unionMetric, withinMerge } from './overlay';
import { clusterZones } from './zones';
import { packPolygons } from './polygons';

const square = (x: number, y: number, s: number): number[] => [x, y, x + s, y, x + s, y + s, x, y + s, x, y];
const areaOf = (polys: number[][][]): number => polys.reduce((sum, rings) => sum + rings.reduce((s, r, i) => {
  let a = 0;
  for (let k = 0; k + 3 < r.length; k += 2) a += r[k] * r[k + 3] - r[k + 2] * r[k + 1];
  return s + (i === 0 ? 1 : -1) * Math.abs(a / 2);
}, 0), 0);

describe('unionMetric (edge overlay)', () => {
  it('merges overlapping and edge-sharing squares into one ring with the right area', () => {
    const out = unionMetric([[square(0, 0, 10)], [square(5, 5, 10)], [square(15, 5, 10)]]);
    expect(out.length).toBe(1);
    expect(out[0].length).toBe(1);
    expect(areaOf(out)).toBeCloseTo(100 + 100 - 25 + 100, 6);
  });

  it('keeps a courtyard as a hole and separate squares as separate polygons', () => {
    const ringOf4 = [[square(0, 0, 30).slice(0, 0).concat([0, 0, 30, 0, 30, 10, 0, 10, 0, 0])],
      [[20, 0, 30, 0, 30, 30, 20, 30, 20, 0]], [[0, 20, 30, 20, 30, 30, 0, 30, 0, 20]], [[0, 0, 10, 0, 10, 30, 0, 30, 0, 0]]];
    const out = unionMetric([...ringOf4, [square(100, 100, 5)]]);
    expect(out.length).toBe(2);
    const yard = out.find((p) => p.length === 2)!;
    expect(areaOf([yard])).toBeCloseTo(900 - 100, 6);
    expect(areaOf(out)).toBeCloseTo(800 + 25, 6);
  });

  it('gives the same rings far from the origin (hash cells beyond 32 bits) and after a call that grew the pool', () => {
    const shapes = (dx: number, dy: number): number[][][] => [
      [square(dx, dy, 10)], [square(dx + 5, dy + 5, 10)], [square(dx + 15, dy + 5, 10)],
      [[dx, dy + 40, dx + 30, dy + 40, dx + 30, dy + 70, dx, dy + 70, dx, dy + 40], [dx + 10, dy + 50, dx + 10, dy + 60, dx + 20, dy + 60, dx + 20, dy + 50, dx + 10, dy + 50]],
    ];
    const near = unionMetric(shapes(0, 0));
    const shape = (polys: number[][][]) => polys.map((rings) => rings.map((r) => r.length)).sort();
    expect(near.length).toBe(2);
    expect(areaOf(near)).toBeCloseTo(275 + 900 - 100, 6);
    // ~3 000 km east and 20 000 km north: cell numbers of 6e8 and 4e9 (past int32).
    for (const [dx, dy] of [[3e6, -2e6], [1e5, 2e7]]) {
      const far = unionMetric(shapes(dx, dy));
      expect(shape(far)).toEqual(shape(near));
      expect(areaOf(far)).toBeCloseTo(areaOf(near), 3);
    }
    // A union with thousands of vertices grows the reused pool; the small one still comes out the same.
    const many: number[][][] = [];
    for (let i = 0; i < 400; i++) many.push([square((i % 20) * 11, Math.floor(i / 20) * 11, 10)]);
    expect(unionMetric(many).length).toBe(400);
    expect(unionMetric(shapes(0, 0))).toEqual(near);
  });

  it('agrees with polyclip (turf.union) on 150 zones of the synthetic city', () => {
    const city = syntheticCity(3_000, 11);
    const { eligible } = evaluateEligibility(city.communities);
    const P = packPolygons(city.communities.map((c) => c.geometry), eligible);
    const adj = findAdjacency(city.communities, eligible, { gapMeters: 30, barriers: city.barriers });
    const zones = clusterZones(city.communities, P, adj).zones.filter((z) => z.length > 1).slice(0, 150);
    expect(zones.length).toBe(150);
    let worst = 0, typeDiffers = 0, fallbacks = 0;
    for (const z of zones) {
      const members = z.map((i) => city.communities[i].geometry);
      const ours = zoneGeometry(members, 30, { onFallback: () => { fallbacks++; } });
      const ref = zoneGeometry(members, 30, { engine: 'polyclip' });
      expect(booleanValid(ours)).toBe(true);
      worst = Math.max(worst, Math.abs(turfArea(ours) - turfArea(ref)) / turfArea(ref));
      if (ours.type !== ref.type) typeDiffers++;
    }
    expect(worst).toBeLessThan(1e-4);
    // Parts touching at a single vertex (or within the 1 mm snap) may come out as one ring or two.
    expect(typeDiffers).toBeLessThanOrEqual(3);
    // The overlay itself made (nearly) all of them; polyclip only stepped in where it gave up.
    expect(fallbacks).toBeLessThanOrEqual(3);
  });
});

describe('withinMerge (vertex merging without Math.hypot)', () => {
  it('answers Math.hypot(dx, dy) <= 5 mm for random offsets, offsets at the very limit and tiny ones', () => {
    let seed = 17;
    const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    let inside = 0, atLimit = 0;
    for (let i = 0; i < 20000; i++) {
      const a = rnd() * 2 * Math.PI;
      // Radii spread around 5 mm, a quarter of them within a few ulps of it.
      const r = i % 4 === 0 ? 5e-3 * (1 + (rnd() - 0.5) * 1e-15) : rnd() * 1.5e-2;
      const dx = r * Math.cos(a), dy = r * Math.sin(a);
      const want = Math.hypot(dx, dy) <= 5e-3;
      expect(withinMerge(dx, dy)).toBe(want);
      if (want) inside++;
      if (i % 4 === 0) atLimit++;
    }
    expect(inside).toBeGreaterThan(5000);
    expect(atLimit).toBe(5000);
    expect(withinMerge(5e-3, 0)).toBe(true);
    expect(withinMerge(0, -5e-3)).toBe(true);
    expect(withinMerge(5e-3 + 1e-18, 0)).toBe(Math.hypot(5e-3 + 1e-18, 0) <= 5e-3);
    expect(withinMerge(1e-200, 1e-200)).toBe(true);
    expect(withinMerge(3e-3, 4e-3)).toBe(Math.hypot(3e-3, 4e-3) <= 5e-3);
  });
});
