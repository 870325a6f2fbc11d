import { booleanClockwise, booleanValid, area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { at, rect, row } from '../../../test/fixtures/zoning/builders';
import { autoZone, zoneGeometry } from './index';

const outerRings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]));
const holeRings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates.slice(1) : g.coordinates.flatMap((p) => p.slice(1)));
const sumArea = (gs: readonly Polygon[]): number => gs.reduce((s, g) => s + turfArea(g), 0);

function expectRfc7946(g: Polygon | MultiPolygon): void {
  expect(booleanValid(g)).toBe(true);
  for (const r of outerRings(g)) expect(booleanClockwise(r)).toBe(false);
  for (const r of holeRings(g)) expect(booleanClockwise(r)).toBe(true);
}

describe('zoneGeometry', () => {
  it('closes 10 m gaps between a row of compounds into one valid polygon', () => {
    const members = row('a', [10, 10]).map((c) => c.geometry as Polygon); // three 100 × 80 m, 10 m apart
    const g = zoneGeometry(members, 30);
    expect(g.type).toBe('Polygon');
    expectRfc7946(g);
    // Members (3 × 8000 m²) plus the two 10 × 80 m strips between them.
    expect(turfArea(g)).toBeGreaterThanOrEqual(sumArea(members));
    expect(turfArea(g)).toBeCloseTo(24_000 + 1_600, -1);
  });

  it('keeps members farther apart than the gap as separate parts', () => {
    const members = row('b', [45]).map((c) => c.geometry as Polygon);
    const g = zoneGeometry(members, 30);
    expect(g.type).toBe('MultiPolygon');
    expect((g as MultiPolygon).coordinates.length).toBe(2);
    expectRfc7946(g);
    expect(turfArea(g)).toBeCloseTo(sumArea(members), -1);
  });

  it('fills only a small wedge at a corner-to-corner contact, not the whole bbox', () => {
    const members = [rect(0, 0, 100, 100), rect(110, 110, 100, 100)]; // corners 14 m apart diagonally
    const g = zoneGeometry(members, 30);
    expect(g.type).toBe('Polygon');
    expectRfc7946(g);
    const extra = turfArea(g) - sumArea(members);
    expect(extra).toBeGreaterThan(100);
    expect(extra).toBeLessThan(2_000); // the bbox gap region would be > 20 000 m²
  });

  it('drops a pin-hole under 50 m² but keeps a real courtyard', () => {
    // Pinwheel of four compounds around a 5 × 5 m hole (gap 0: no bridging).
    const pin = [rect(0, 0, 105, 100), rect(105, 0, 100, 105), rect(100, 105, 105, 100), rect(0, 100, 100, 105)];
    const small = zoneGeometry(pin, 0);
    expect(small.type).toBe('Polygon');
    expect((small as Polygon).coordinates.length).toBe(1);
    expectRfc7946(small);
    // The same pinwheel around a 60 × 60 m courtyard: wider than the 30 m gap, so it stays a hole.
    const yard = [rect(0, 0, 160, 100), rect(160, 0, 100, 160), rect(100, 160, 160, 100), rect(0, 100, 100, 160)];
    const big = zoneGeometry(yard, 30);
    expect(big.type).toBe('Polygon');
    expect((big as Polygon).coordinates.length).toBe(2);
    expectRfc7946(big);
    expect(turfArea({ type: 'Polygon', coordinates: [(big as Polygon).coordinates[1]] })).toBeCloseTo(3_600, -1);
  });

  it('accepts clockwise input and multipolygon members and still returns RFC 7946 winding', () => {
    const cw: Polygon = { type: 'Polygon', coordinates: [[at(0, 0), at(0, 80), at(100, 80), at(100, 0), at(0, 0)]] };
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [rect(120, 0, 50, 80).coordinates, rect(300, 0, 50, 80).coordinates] };
    const g = zoneGeometry([cw, multi], 30);
    expect(g.type).toBe('MultiPolygon');
    expectRfc7946(g);
    expect(turfArea(g)).toBeCloseTo(8_000 + 4_000 + 4_000 + 20 * 80, -1);
  });

  it('gives every auto zone a valid outline covering its members', () => {
    const cs = [...row('r', [0, 12, 25, 0, 8, 40, 5])];
    const r = autoZone(cs, { gapMeters: 30, maxHouseholds: 1300 });
    expect(r.zones.length).toBeGreaterThan(1);
    for (const z of r.zones) {
      expectRfc7946(z.geometry);
      const memberArea = sumArea(z.memberIds.map((id) => cs.find((c) => c.id === id)!.geometry as Polygon));
      expect(turfArea(z.geometry)).toBeGreaterThanOrEqual(memberArea - 1e-6);
    }
  });
});
