import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { syntheticCity } from '../../../test/fixtures/zoning/syntheticCity';
import { geodesicArea, geodesicRingArea } from './area';

describe('geodesicArea (turf replica)', () => {
  it('equals turf area to the bit on every compound of a seeded city, both windings', () => {
    const { communities } = syntheticCity(300);
    let checked = 0;
    for (const c of communities) {
      const g = c.geometry as Polygon;
      expect(geodesicArea(g)).toBe(turfArea(g));
      const reversed: Polygon = { type: 'Polygon', coordinates: g.coordinates.map((r) => [...r].reverse()) };
      expect(geodesicArea(reversed)).toBe(turfArea(reversed));
      expect(Math.abs(geodesicRingArea(g.coordinates[0]))).toBe(turfArea({ type: 'Polygon', coordinates: [g.coordinates[0]] }));
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('subtracts holes and sums parts as turf does (a 100 m square with a 40 m courtyard, plus a second part)', () => {
    const sq = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
    const withHole: Polygon = { type: 'Polygon', coordinates: [sq(115.9, 28.68, 0.001), sq(115.9003, 28.6803, 0.0004).reverse()] };
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [withHole.coordinates, [sq(115.91, 28.68, 0.0005)]] };
    expect(geodesicArea(withHole)).toBe(turfArea(withHole));
    expect(geodesicArea(multi)).toBe(turfArea(multi));
    // Real values, not only equal ones: ~97.7 m × 111.2 m minus ~39 m × 44.5 m at this latitude.
    expect(geodesicArea(withHole)).toBeGreaterThan(9000);
    expect(geodesicArea(withHole)).toBeLessThan(9300);
    expect(geodesicRingArea([[0, 0], [1, 1], [0, 0]])).toBe(0);
  });
});
