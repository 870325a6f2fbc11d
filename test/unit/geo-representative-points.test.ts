/**
 * representativePoints (the batch the distance search starts from) must give, to the bit, what
 * representativePoint gives one geometry at a time — its inline one-ring path included — and NaN where that
 * throws.
 */
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { representativePoints } from '../../src/core/coverage/points';
import { polygonCentroid, polygonContains, representativePoint } from '../../src/core/geo/pointOnSurface';
import type { Community } from '../../src/core/types';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function one(g: unknown): [number, number] {
  try {
    const p = representativePoint(g as Community['geometry']);
    return [Float64Array.of(p[0])[0], Float64Array.of(p[1])[0]];
  } catch {
    return [NaN, NaN];
  }
}

function randomGeometry(r: () => number): Geometry {
  const n = 3 + Math.floor(r() * 9), cx = 100 + r() * 20, cy = 20 + r() * 10;
  const ring: number[][] = [];
  // Star-shaped, sometimes with reflex vertices (centroid outside), either winding, closed or not.
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2, rad = (r() < 0.3 ? 0.1 + r() : 1) * 0.01;
    ring.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
  }
  if (r() < 0.5) ring.reverse();
  if (r() < 0.7) ring.push(ring[0]);
  const k = r();
  if (k < 0.6) return { type: 'Polygon', coordinates: [ring] };
  if (k < 0.7) return { type: 'Point', coordinates: ring[0] };
  if (k < 0.8) return { type: 'MultiPolygon', coordinates: [[ring]] };
  if (k < 0.9) return { type: 'Polygon', coordinates: [ring, ring.slice(0, 4).map((p) => [p[0] * 0.5 + cx * 0.5, p[1] * 0.5 + cy * 0.5])] };
  // A C shape: the centroid lies outside, the point comes from the scan line.
  return { type: 'Polygon', coordinates: [[[cx, cy], [cx + 0.04, cy], [cx + 0.04, cy + 0.01], [cx + 0.01, cy + 0.01], [cx + 0.01, cy + 0.03], [cx + 0.04, cy + 0.03], [cx + 0.04, cy + 0.04], [cx, cy + 0.04], [cx, cy]]] };
}

describe('representativePoints', () => {
  it('equals representativePoint bit for bit on 5000 seeded geometries and odd input', () => {
    const r = rng(11);
    const geometries: unknown[] = Array.from({ length: 5000 }, () => randomGeometry(r));
    geometries.push(
      { type: 'Polygon', coordinates: [[]] },
      { type: 'Polygon', coordinates: [[[1, 1], [1, 1], [1, 1], [1, 1]]] }, // zero area: vertex mean
      { type: 'Polygon', coordinates: [[[0, 0], [NaN, 0], [1, 1], [0, 0]]] },
      { type: 'Point', coordinates: ['116', 28] },
      null,
    );
    const items = geometries.map((geometry) => ({ geometry }) as unknown as Community);
    const batch = representativePoints(items);
    let outside = 0;
    geometries.forEach((g, i) => {
      const [x, y] = one(g);
      expect(Object.is(batch[2 * i], x) && Object.is(batch[2 * i + 1], y), `geometry ${i}`).toBe(true);
    });
    // The scan-line path (centroid outside) was exercised, and real numbers came out.
    for (let i = 0; i < 5000; i++) {
      const g = geometries[i] as Geometry;
      if (g.type === 'Polygon' && !polygonContains(g, polygonCentroid(g))) outside++;
    }
    expect(outside).toBeGreaterThan(300);
    expect(Number.isFinite(batch[0])).toBe(true);
    expect(batch[2 * 5001]).toBe(1); // zero area: the vertex mean
    expect(batch[2 * 5002]).toBeNaN(); // NaN vertex
    expect(batch[2 * 5003]).toBe(116); // a text number, as the Float64Array stores it
    expect(batch[2 * 5004]).toBeNaN(); // null geometry
  });
});
