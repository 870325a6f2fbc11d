import { describe, expect, it } from 'vitest';
import { at, road } from '../../../test/fixtures/network/builders';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { DEFAULT_NETWORK_SETTINGS } from '../config/defaults';
import { buildWalkNetwork } from './build';
import { snapPoints } from './snap';

describe('snapPoints', () => {
  const net = buildWalkNetwork([
    road('long', 'residential', [[0, 0], [1000, 0]]),
    road('spur', 'footway', [[0, 0], [0, 40], [0, 45]]),
  ], DEFAULT_NETWORK_SETTINGS);

  it('snaps to the nearest point on the nearest edge, not the nearest vertex', () => {
    const snap = snapPoints(net, Float64Array.from([...at(600, 25), ...at(-10, 44)]), 300);
    const e = snap.edge[0];
    expect(net.edgeRoad[e]).toBe(0);
    const tAlongRoad = net.nodeLngLat[2 * net.edgeFrom[e]] < net.nodeLngLat[2 * net.edgeTo[e]] ? snap.t[0] : 1 - snap.t[0];
    expect(tAlongRoad).toBeCloseTo(0.6, 4);
    expect(snap.connectorMeters[0]).toBeCloseTo(25, 1); // the nearest vertex would be 400 m away
    expect(net.edgeRoad[snap.edge[1]]).toBe(1);
    expect(snap.connectorMeters[1]).toBeCloseTo(10, 1);
    expect(snap.tinyComponent[0]).toBe(0);
  });

  it('reports items beyond maxSnapMeters as off-network, keeping their slot', () => {
    const snap = snapPoints(net, Float64Array.from([...at(500, 320), ...at(500, 280), NaN, NaN]), 300);
    expect(Array.from(snap.offNetwork)).toEqual([1, 0, 1]);
    expect(snap.edge[0]).toBe(-1);
    expect(snap.connectorMeters[0]).toBeNaN(); // nothing within the search radius
    expect(snap.connectorMeters[1]).toBeCloseTo(280, 0);
  });

  it('gives each point the same answer whatever the other points and their order (queries run in cell order)', () => {
    const rand = mulberry32(9);
    const roads = Array.from({ length: 30 }, (_, i) => road(`r${i}`, 'residential', [[rand() * 2000, rand() * 2000], [rand() * 2000, rand() * 2000], [rand() * 2000, rand() * 2000]]));
    const grid = buildWalkNetwork(roads, DEFAULT_NETWORK_SETTINGS);
    const points = Array.from({ length: 300 }, () => at(rand() * 2400 - 200, rand() * 2400 - 200));
    points.push([NaN, 28.68], [0, 0]);
    const all = snapPoints(grid, Float64Array.from(points.flat()), 300);
    expect(all.offNetwork.filter((o) => o === 0).length).toBeGreaterThan(100);
    const reversed = snapPoints(grid, Float64Array.from([...points].reverse().flat()), 300);
    points.forEach((p, i) => {
      const one = snapPoints(grid, Float64Array.from(p), 300);
      const j = points.length - 1 - i;
      for (const s of [one, reversed]) {
        const k = s === one ? 0 : j;
        expect([s.edge[k], s.t[k], s.offNetwork[k], s.tinyComponent[k]]).toEqual([all.edge[i], all.t[i], all.offNetwork[i], all.tinyComponent[i]]);
        expect(Object.is(s.connectorMeters[k], all.connectorMeters[i])).toBe(true);
      }
    });
  });

  it('finds the right edge among many candidates (more than the first bbox neighbours)', () => {
    // A fan of long diagonal streets whose bboxes all contain the point, plus one short street closest to it.
    const roads = Array.from({ length: 20 }, (_, i) => road(`d${i}`, 'residential', [[-1000, -1000 + i * 5], [1000, 1000 + i * 5]]));
    roads.push(road('near', 'residential', [[500, -200], [500, -100]]));
    const fan = buildWalkNetwork(roads, DEFAULT_NETWORK_SETTINGS);
    const snap = snapPoints(fan, Float64Array.from(at(510, -150)), 300);
    expect(fan.edgeRoad[snap.edge[0]]).toBe(20);
    expect(snap.connectorMeters[0]).toBeCloseTo(10, 1);
  });
});
