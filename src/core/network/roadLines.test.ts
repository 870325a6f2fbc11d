import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { at, multiRoad, road } from '../../../test/fixtures/network/builders';
import { DEFAULT_NETWORK_SETTINGS } from '../config/defaults';
import { roadClassOf } from '../config/roads';
import type { Road } from '../types';
import { buildWalkNetwork, buildWalkNetworkFromLines } from './build';
import { flattenRoads } from './roadLines';
import { EDGE_CLASS_NAMES } from './types';

describe('flattenRoads', () => {
  it('keeps walkable parts in input order with their road, class and vertices; counts dropped ways', () => {
    const broken: Road = { ...road('nan', 'footway', [[0, 0], [10, 0]]) };
    if (broken.geometry?.type === 'LineString') broken.geometry.coordinates.splice(1, 0, [NaN, 28.68]);
    const roads = [
      road('a', 'primary', [[0, 0], [100, 0]]),
      road('m', 'motorway', [[0, 50], [100, 50]]),
      multiRoad('b', 'residential', [[[0, 100], [50, 100], [100, 100]], [[200, 0], [200, 300]]]),
      road('p', 'footway', [[0, 200], [10, 200]], { access: 'private' }),
      broken,
    ];
    const lines = flattenRoads(roads);
    expect(lines.droppedWays).toBe(2); // the motorway and the private footway
    expect(Array.from(lines.partStart)).toEqual([0, 2, 5, 7, 10]);
    expect(Array.from(lines.partRoad)).toEqual([0, 2, 2, 4]);
    const cls = (highway: string): number => EDGE_CLASS_NAMES.indexOf(roadClassOf(highway));
    expect(Array.from(lines.partClass)).toEqual([cls('primary'), cls('residential'), cls('residential'), cls('footway')]);
    expect(lines.partClass[0]).not.toBe(lines.partClass[3]);
    // Vertex 4 of the multi-line's first part is [100, 100] m; the NaN vertex is kept (the build skips it).
    expect([lines.lngLat[8], lines.lngLat[9]]).toEqual(at(100, 100));
    expect(Number.isNaN(lines.lngLat[2 * 8])).toBe(true);
    const [w, s] = at(0, 0), [e, n] = at(200, 300);
    expect(Array.from(lines.bbox)).toEqual([w, s, e, n]);
  });

  it('builds exactly the network of the roads themselves (seeded town, merging on and crossings noded)', () => {
    const t = generateBenchTown(11, 1);
    for (const settings of [DEFAULT_NETWORK_SETTINGS, { ...DEFAULT_NETWORK_SETTINGS, mergeToleranceMeters: 3, nodeAtCrossings: true }]) {
      const direct = buildWalkNetwork(t.roads, settings);
      const viaLines = buildWalkNetworkFromLines(structuredClone(flattenRoads(t.roads)), settings);
      expect(direct.edgeCount).toBeGreaterThan(1000);
      expect(viaLines).toEqual(direct);
    }
  });
});
