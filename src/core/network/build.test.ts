import { describe, expect, it } from 'vitest';
import { multiRoad, road } from '../../../test/fixtures/network/builders';
import type { NetworkSettings } from '../config/defaults';
import { DEFAULT_NETWORK_SETTINGS } from '../config/defaults';
import { buildWalkNetwork } from './build';
import { EDGE_CLASS_NAMES } from './types';

const settings = (over: Partial<NetworkSettings> = {}): NetworkSettings => ({ ...DEFAULT_NETWORK_SETTINGS, ...over });

describe('buildWalkNetwork', () => {
  it('does not connect lines that cross without a shared vertex (OSM bridge/tunnel semantics)', () => {
    const roads = [road('ew', 'residential', [[0, 0], [100, 0]]), road('ns', 'residential', [[50, -50], [50, 50]])];
    const net = buildWalkNetwork(roads, settings());
    expect(net.stats.components).toBe(2);
    expect(net.nodeCount).toBe(4);
    expect(net.edgeCount).toBe(2);
  });

  it('nodes at geometric crossings when nodeAtCrossings is on (CAD centre lines)', () => {
    const roads = [road('ew', 'residential', [[0, 0], [100, 0]]), road('ns', 'residential', [[50, -50], [50, 50]])];
    const net = buildWalkNetwork(roads, settings({ nodeAtCrossings: true }));
    expect(net.stats.components).toBe(1);
    expect(net.nodeCount).toBe(5);
    expect(net.edgeCount).toBe(4);
    const lengths = Array.from(net.edgeMeters).sort((a, b) => a - b);
    lengths.forEach((m) => expect(m).toBeCloseTo(50, 1));
  });

  it('nodes a whole CAD grid (10 × 10 lines crossing without vertices) into one network', () => {
    const roads = Array.from({ length: 10 }, (_, i) => [
      road(`h${i}`, 'residential', [[-50, i * 100], [950, i * 100]]),
      road(`v${i}`, 'residential', [[i * 100, -50], [i * 100, 950]]),
    ]).flat();
    expect(buildWalkNetwork(roads, settings()).stats.components).toBe(20);
    const net = buildWalkNetwork(roads, settings({ nodeAtCrossings: true }));
    expect(net.stats.components).toBe(1);
    expect(net.nodeCount).toBe(100 + 40); // crossings + line ends
    expect(net.edgeCount).toBe(20 * 11);
    expect(net.stats.walkableKm).toBeCloseTo(20, 2);
  });

  it('connects T-junctions at a shared vertex', () => {
    const roads = [road('main', 'secondary', [[0, 0], [50, 0], [100, 0]]), road('side', 'service', [[50, 0], [50, 80]])];
    const net = buildWalkNetwork(roads, settings());
    expect(net.stats.components).toBe(1);
    expect(net.nodeCount).toBe(4);
    expect(net.edgeCount).toBe(3);
    // The junction node has degree 3.
    const degrees = Array.from({ length: net.nodeCount }, (_, n) => net.offsets[n + 1] - net.offsets[n]).sort();
    expect(degrees).toEqual([1, 1, 1, 3]);
    expect(net.stats.walkableKm).toBeCloseTo(0.18, 3);
  });

  it('merges vertices 0.3 m apart but not 0.8 m apart (tolerance 0.5 m)', () => {
    const near = [road('a', 'residential', [[0, 0], [100, 0]]), road('b', 'residential', [[100.3, 0], [200, 0]])];
    const netNear = buildWalkNetwork(near, settings());
    // One 200 m edge: the merged vertex has degree 2 and is contracted into the edge geometry.
    expect(netNear.stats.components).toBe(1);
    expect(netNear.edgeCount).toBe(1);
    expect(netNear.geomOffsets[1] - netNear.geomOffsets[0]).toBe(3);
    expect(netNear.edgeMeters[0]).toBeCloseTo(200, 0);
    const far = [road('a', 'residential', [[0, 0], [100, 0]]), road('b', 'residential', [[100.8, 0], [200, 0]])];
    const netFar = buildWalkNetwork(far, settings());
    expect(netFar.nodeCount).toBe(4);
    expect(netFar.stats.components).toBe(2);
    // With a 1 m tolerance the 0.8 m gap closes.
    expect(buildWalkNetwork(far, settings({ mergeToleranceMeters: 1 })).stats.components).toBe(1);
  });

  it('drops zero-length segments and duplicate vertices', () => {
    const roads = [road('a', 'residential', [[0, 0], [0, 0], [50, 0], [50.1, 0], [100, 0]]), road('dot', 'footway', [[10, 10], [10, 10]])];
    const net = buildWalkNetwork(roads, settings());
    expect(net.edgeCount).toBe(1);
    expect(net.nodeCount).toBe(2);
    expect(net.geomOffsets[1]).toBe(3); // 0, 50, 100: the repeated and the 0.1 m vertex are gone
    expect(net.edgeMeters[0]).toBeCloseTo(100, 1);
    expect(Array.from(net.geomCumMeters)).toEqual([0, expect.closeTo(50, 1), expect.closeTo(100, 1)]);
  });

  it('drops non-walkable ways and keeps private ways open to pedestrians', () => {
    const roads = [
      road('mw', 'motorway', [[0, 0], [100, 0]]),
      road('nofoot', 'residential', [[0, 10], [100, 10]], { foot: 'no' }),
      road('private', 'service', [[0, 20], [100, 20]], { access: 'private' }),
      road('privateFoot', 'service', [[0, 30], [100, 30]], { access: 'private', foot: 'yes' }),
      road('building', 'construction', [[0, 40], [100, 40]]),
      road('ok', 'footway', [[0, 50], [100, 50]]),
    ];
    const net = buildWalkNetwork(roads, settings());
    expect(net.stats.droppedWays).toBe(4);
    expect(net.edgeCount).toBe(2);
    expect(Array.from(net.edgeRoad).sort()).toEqual([3, 5]);
    expect(Array.from(net.edgeClass).map((c) => EDGE_CLASS_NAMES[c]).sort()).toEqual(['alley', 'footpath']);
  });

  it('reads walkability tags as { highway, ...properties }: a highway property wins, inherited keys do not count', () => {
    const inherited = Object.create({ foot: 'no' }) as Record<string, unknown>;
    const roads = [
      road('propMotorway', 'residential', [[0, 0], [100, 0]], { highway: 'motorway' }),
      road('propFootway', 'motorway', [[0, 10], [100, 10]], { highway: 'footway' }),
      road('undefinedHighway', 'residential', [[0, 20], [100, 20]], { highway: undefined }),
      road('inheritedFoot', 'residential', [[0, 30], [100, 30]], inherited),
      road('nullProps', 'residential', [[0, 40], [100, 40]], null as unknown as Record<string, unknown>),
    ];
    const net = buildWalkNetwork(roads, settings());
    expect(net.stats.droppedWays).toBe(2);
    expect(Array.from(net.edgeRoad).sort()).toEqual([1, 3, 4]);
  });

  it('takes every part of a MultiLineString', () => {
    const net = buildWalkNetwork([multiRoad('m', 'pedestrian', [[[0, 0], [100, 0]], [[0, 100], [100, 100], [100, 200]]])], settings());
    expect(net.edgeCount).toBe(2);
    expect(net.stats.components).toBe(2);
    expect(net.stats.walkableKm).toBeCloseTo(0.3, 3);
    expect(Array.from(net.edgeClass).every((c) => EDGE_CLASS_NAMES[c] === 'footpath')).toBe(true);
  });

  it('reports components, the largest share and tiny islands', () => {
    const roads = [
      road('main', 'residential', [[0, 0], [300, 0], [600, 0], [900, 0]]),
      road('side', 'residential', [[300, 0], [300, 100]]),
      road('island', 'footway', [[0, 500], [50, 500]]),
    ];
    const net = buildWalkNetwork(roads, settings());
    expect(net.stats.components).toBe(2);
    expect(net.stats.largestComponentShare).toBeCloseTo(4 / 6, 9);
    const islandComponent = net.componentOf[net.edgeFrom[Array.from(net.edgeRoad).indexOf(2)]];
    expect(net.componentTiny[islandComponent]).toBe(1);
    expect(net.componentTiny[net.largestComponent]).toBe(0);
    expect(net.componentMeters[islandComponent]).toBeCloseTo(50, 1);
  });

  it('builds a CSR adjacency consistent with the edge list', () => {
    // A loop hanging off a junction becomes a self-loop edge; the tail is a second edge.
    const roads = [road('a', 'residential', [[0, 0], [100, 0], [100, 100], [0, 0]]), road('tail', 'residential', [[0, 0], [-50, 0]])];
    const net = buildWalkNetwork(roads, settings());
    expect(net.nodeCount).toBe(2);
    expect(net.edgeCount).toBe(2);
    expect(net.offsets[net.nodeCount]).toBe(2 * net.edgeCount);
    for (let u = 0; u < net.nodeCount; u++) {
      for (let s = net.offsets[u]; s < net.offsets[u + 1]; s++) {
        const e = net.slotEdge[s];
        expect([net.edgeFrom[e], net.edgeTo[e]]).toContain(u);
        expect(net.slotMeters[s]).toBe(net.edgeMeters[e]);
      }
    }
    const loop = Array.from(net.edgeRoad).indexOf(0);
    expect(net.edgeFrom[loop]).toBe(net.edgeTo[loop]);
    expect(net.edgeMeters[loop]).toBeCloseTo(200 + Math.SQRT2 * 100, 1);
  });

  it('keeps a closed ring of degree-2 vertices as one self-loop edge', () => {
    const ring = buildWalkNetwork([road('ring', 'footway', [[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]])], settings());
    expect([ring.nodeCount, ring.edgeCount]).toEqual([1, 1]);
    expect(ring.edgeFrom[0]).toBe(ring.edgeTo[0]);
    expect(ring.edgeMeters[0]).toBeCloseTo(400, 1);
    expect(ring.geomOffsets[1]).toBe(5);
  });

  it('contracts degree-2 chains but keeps a node where the road class changes', () => {
    const same = buildWalkNetwork([road('a', 'residential', [[0, 0], [100, 0]]), road('b', 'residential', [[100, 0], [200, 0], [200, 50]])], settings());
    expect([same.nodeCount, same.edgeCount]).toEqual([2, 1]);
    expect(same.edgeMeters[0]).toBeCloseTo(250, 1);
    const mixed = buildWalkNetwork([road('a', 'residential', [[0, 0], [100, 0]]), road('b', 'footway', [[100, 0], [200, 0]])], settings());
    expect([mixed.nodeCount, mixed.edgeCount]).toEqual([3, 2]);
    expect(Array.from(mixed.edgeClass).map((c) => EDGE_CLASS_NAMES[c]).sort()).toEqual(['footpath', 'local']);
  });
});
