/**
 * The shortcuts of checkGeometry (clean points, lines, polygons) must give exactly what the thorough check gives,
 * on clean and on broken input alike.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkGeometry, checkGeometryThorough } from '../../src/io/validate/geometry';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const feature = (geometry: Geometry): Feature => ({ type: 'Feature', properties: {}, geometry });

/** Positions with occasional defects: repeats, out-of-range or non-finite numbers, strings. */
function position(r: () => number, prev: Position | null): unknown {
  const x = r();
  if (prev && x < 0.05) return prev; // repeated point
  if (x < 0.06) return [200, 29]; // out of range
  if (x < 0.065) return [Number.NaN, 29];
  if (x < 0.07) return ['116', 29];
  return [116 + r() * 0.01, 28 + r() * 0.01];
}

function line(r: () => number, n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(position(r, i ? (out[i - 1] as Position) : null));
  return out;
}

/** Square rings (either winding), sometimes unclosed, sometimes twisted into a figure-eight, sometimes too short. */
function ring(r: () => number, cx: number, cy: number, d: number, ccw: boolean): unknown[] {
  let pts: Position[] = [[cx, cy], [cx + d, cy], [cx + d, cy + d], [cx, cy + d]];
  if (!ccw) pts = pts.reverse();
  const x = r();
  if (x < 0.1) pts = [pts[0], pts[2], pts[1], pts[3]]; // figure-eight
  if (x > 0.1 && x < 0.15) pts = pts.slice(0, 2);
  if (x > 0.15 && x < 0.2) pts = [pts[0], pts[0], ...pts.slice(1)];
  if (x > 0.2 && x < 0.25) pts = [[cx, cy], [cx + d, cy], [cx + 2 * d, cy]]; // zero area
  return r() < 0.1 ? pts : [...pts, pts[0]];
}

function geometry(r: () => number): Geometry {
  const k = r();
  const cx = 116 + r() * 0.1, cy = 28 + r() * 0.1;
  if (k < 0.2) return { type: 'Point', coordinates: position(r, null) as Position };
  if (k < 0.5) return { type: 'LineString', coordinates: line(r, Math.floor(r() * 6)) as Position[] };
  const holes = Math.floor(r() * 3);
  const rings = [ring(r, cx, cy, 0.01, r() < 0.8), ...Array.from({ length: holes }, (_, i) => ring(r, cx + 0.002 + i * 0.004, cy + 0.002, 0.002, r() < 0.2))];
  return { type: 'Polygon', coordinates: rings as Position[][] };
}

describe('checkGeometry shortcuts = thorough check', () => {
  it('on 5000 random points, lines and polygons (with holes, wrong windings, repeats, bad numbers)', () => {
    const r = rng(11);
    let kept = 0, repaired = 0, skipped = 0;
    for (let i = 0; i < 5000; i++) {
      const f = feature(geometry(r));
      const fast = checkGeometry(f), thorough = checkGeometryThorough(f);
      expect(fast).toStrictEqual(thorough);
      if (!fast.geometry) skipped++; else if (fast.repairs.length) repaired++; else kept++;
    }
    // The sample covers all three outcomes in numbers.
    expect(kept).toBeGreaterThan(1000);
    expect(repaired).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(300);
  });

  it('a clean plain polygon with a hole comes back as itself; with other members as a new polygon of copies', () => {
    const outer: Position[] = [[116, 28], [116.01, 28], [116.01, 28.01], [116, 28.01], [116, 28]];
    const hole: Position[] = [[116.002, 28.002], [116.002, 28.004], [116.004, 28.004], [116.004, 28.002], [116.002, 28.002]];
    const g: Geometry = { type: 'Polygon', coordinates: [outer, hole] };
    const res = checkGeometry(feature(g));
    expect(res.geometry).toBe(g);
    expect(res.repairs).toEqual([]);
    expect(res.geometry).toStrictEqual(checkGeometryThorough(feature(g)).geometry);
    const withBbox = { type: 'Polygon', coordinates: [outer, hole], bbox: [116, 28, 116.01, 28.01] } as Geometry;
    const copied = checkGeometry(feature(withBbox));
    expect(copied.geometry).not.toBe(withBbox);
    expect(copied.geometry).toStrictEqual({ type: 'Polygon', coordinates: [outer, hole] });
    expect((copied.geometry as { coordinates: Position[][] }).coordinates[0]).not.toBe(outer);
  });
});
