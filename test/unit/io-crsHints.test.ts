import type { Feature, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BD09, GCJ02, fromWgs84 } from '../../src/io/crs';
import { detectCrsHints, medianDistanceToRoadsMeters } from '../../src/io/crs/hints';

/** Deterministic pseudo-random numbers (LCG) so the test is repeatable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

// A Nanchang street grid: north-south and east-west streets every ~700 m (irregular), WGS84.
const LON0 = 115.85, LAT0 = 28.64;
const xs = [0, 0.0072, 0.0151, 0.0219, 0.0296, 0.0370];
const ys = [0, 0.0063, 0.0130, 0.0191, 0.0259, 0.0322];
const roads: Feature[] = [
  ...xs.map((x) => ({ type: 'Feature' as const, properties: { highway: 'secondary' }, geometry: { type: 'LineString' as const, coordinates: [[LON0 + x, LAT0], [LON0 + x, LAT0 + 0.0322]] } })),
  ...ys.map((y) => ({ type: 'Feature' as const, properties: { highway: 'secondary' }, geometry: { type: 'LineString' as const, coordinates: [[LON0, LAT0 + y], [LON0 + 0.037, LAT0 + y]] } })),
];

/** Facilities on the street fronts: a random street, a random position along it, 5–15 m to the side. */
function facilitiesOnStreets(n: number): Feature[] {
  const r = rng(42);
  return Array.from({ length: n }, () => {
    const side = (0.00005 + r() * 0.0001) * (r() < 0.5 ? -1 : 1);
    const p: Position = r() < 0.5
      ? [LON0 + xs[Math.floor(r() * xs.length)] + side, LAT0 + r() * 0.0322]
      : [LON0 + r() * 0.037, LAT0 + ys[Math.floor(r() * ys.length)] + side];
    return { type: 'Feature', properties: { category: 'clinic' }, geometry: { type: 'Point', coordinates: p } };
  });
}

describe('GCJ-02 / BD-09 detection from the distance to the streets', () => {
  const wgs = facilitiesOnStreets(200);

  it('measures WGS84 facilities a few metres off the streets', () => {
    const pts = wgs.map((f) => (f.geometry as { coordinates: Position }).coordinates);
    const median = medianDistanceToRoadsMeters(pts, roads);
    expect(median).toBeGreaterThan(4);
    expect(median).toBeLessThan(16);
  });

  it('gives no hint for WGS84 facilities', () => {
    expect(detectCrsHints(wgs, roads)).toEqual([]);
  });

  it('suggests GCJ-02 for facilities taken from Amap', () => {
    const hints = detectCrsHints(fromWgs84(wgs, GCJ02), roads);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ kind: 'offset', suggested: 'gcj02', candidates: ['gcj02', 'bd09'] });
    const [before, after] = (/median (\d+) m .* sit (\d+) m away/.exec(hints[0].message) ?? []).slice(1).map(Number);
    expect(before).toBeGreaterThan(100);
    expect(after).toBeLessThan(16);
  });

  it('suggests BD-09 for facilities taken from Baidu', () => {
    const hints = detectCrsHints(fromWgs84(wgs, BD09), roads);
    expect(hints.map((h) => h.suggested)).toEqual(['bd09']);
  });
});

describe('projected-looking numbers', () => {
  const pt = (x: number, y: number): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] } });
  it('reads the zone from the easting prefix (3° zone 39 → EPSG:4527)', () => {
    const hints = detectCrsHints([pt(39391709, 3173917), pt(39392000, 3174000)]);
    expect(hints).toEqual([{ kind: 'projected', suggested: 'EPSG:4527', candidates: ['EPSG:4527'], message: 'Projected coordinates with zone number 39 in the easting: CGCS2000 Gauss-Krüger EPSG:4527?' }]);
  });
  it('asks for the central meridian when the easting has no zone prefix', () => {
    const hints = detectCrsHints([pt(391709, 3173917)]);
    expect(hints[0]).toMatchObject({ kind: 'projected', suggested: null });
    expect(hints[0].message).toMatch(/choose the Gauss-Krüger central meridian/);
  });
  it('recognises Web Mercator metres', () => {
    const hints = detectCrsHints([pt(12900841, 3334800)]);
    expect(hints[0]).toMatchObject({ kind: 'projected', suggested: 'EPSG:3857' });
  });
});
