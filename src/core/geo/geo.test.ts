import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createLocalProjection, fromLocalX, fromLocalY, haversineMeters, offsetLngLat, toLocalX, toLocalY } from './metres';
import { pointOnSurface, polygonCentroid, polygonContains, representativePoint } from './pointOnSurface';
import { projectToSegment } from './segment';

describe('metres', () => {
  it('haversine: one degree of latitude is ~111.195 km; Nanchang → Beijing ~1 250 km', () => {
    expect(haversineMeters(115.89, 28.0, 115.89, 29.0)).toBeCloseTo(111_195, -1);
    const km = haversineMeters(115.89, 28.68, 116.397, 39.909) / 1000;
    expect(km).toBeGreaterThan(1245);
    expect(km).toBeLessThan(1255);
  });

  it('local projection agrees with haversine within 0.2 % over 10 km and round-trips', () => {
    const p = createLocalProjection(115.89, 28.68);
    const [lng, lat] = offsetLngLat(115.89, 28.68, 6000, -8000);
    const local = Math.hypot(toLocalX(p, lng), toLocalY(p, lat));
    expect(local).toBeCloseTo(10_000, 6);
    expect(Math.abs(haversineMeters(115.89, 28.68, lng, lat) - local) / local).toBeLessThan(0.002);
    expect(fromLocalX(p, toLocalX(p, lng))).toBeCloseTo(lng, 12);
    expect(fromLocalY(p, toLocalY(p, lat))).toBeCloseTo(lat, 12);
  });

  it('projects onto the nearest point of a segment, clamped to its ends', () => {
    const out = { t: 0, dist2: 0 };
    projectToSegment(3, 4, 0, 0, 10, 0, out);
    expect(out.t).toBeCloseTo(0.3, 12);
    expect(out.dist2).toBeCloseTo(16, 12);
    projectToSegment(-3, 4, 0, 0, 10, 0, out);
    expect(out.t).toBe(0);
    expect(out.dist2).toBeCloseTo(25, 12);
  });
});

describe('representative points', () => {
  // A "C" shape: its centroid falls in the notch, outside the polygon.
  const cShape: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]] };

  it('uses the centroid when it is inside', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]] };
    expect(polygonCentroid(square)).toEqual([2, 1]);
    expect(representativePoint(square)).toEqual([2, 1]);
  });

  it('falls back to a point on the surface when the centroid is outside', () => {
    const c = polygonCentroid(cShape);
    expect(polygonContains(cShape, c)).toBe(false);
    const p = pointOnSurface(cShape);
    expect(polygonContains(cShape, p)).toBe(true);
    expect(representativePoint(cShape)).toEqual(p);
  });

  it('subtracts holes and never returns a point inside a hole', () => {
    const donut: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]],
    };
    const c = polygonCentroid(donut);
    expect(c[0]).toBeCloseTo(5, 12);
    expect(polygonContains(donut, c)).toBe(false);
    expect(polygonContains(donut, representativePoint(donut))).toBe(true);
  });
});
