/**
 * The distance thread's guess at the road lines (read straight from a FlatGeobuf file) equals, bit for bit, the
 * lines of the main thread's reading (InputReader → splitRoadLayer → toRoads → flattenRoads) on clean files, and a
 * guessed network is used only for the very same lines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { InputReader } from '../../src/cli/inputs';
import { speculativeRoadLines } from '../../src/cli/speculativeRoads';
import { splitRoadLayer } from '../../src/cli/zoning';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { ThreadPreparation, sameRoadLines } from '../../src/core/coverage/prepareOnThread';
import { buildWalkNetworkFromLines } from '../../src/core/network/build';
import type { RoadLines } from '../../src/core/network/roadLines';
import { flattenRoads } from '../../src/core/network/roadLines';
import { toRoads } from '../../src/io/domain';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { generateBenchTown } from '../bench/town';

const dir = mkdtempSync(join(tmpdir(), 'spec-roads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (props: Record<string, unknown>, coords: number[][]): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });
const at = (i: number, j: number): number[] => [115.89 + i * 0.001, 28.68 + j * 0.001];

/** Streets with every rule the reading applies: barriers, non-walkable ways, aliases, parts, other geometry. */
function awkwardRoads(): Feature[] {
  return [
    line({ highway: 'residential', name: 'A' }, [at(0, 0), at(1, 0), at(2, 0)]),
    line({ highway: 'motorway' }, [at(0, 1), at(3, 1)]), // not walkable
    line({ highway: 'footway', foot: 'no' }, [at(0, 2), at(1, 2)]), // not walkable
    line({ highway: 'service', access: 'private' }, [at(1, 2), at(2, 2)]), // not walkable
    line({ highway: 'service', access: 'private', foot: 'yes' }, [at(2, 2), at(3, 2)]), // walkable
    line({ railway: 'rail' }, [at(0, 3), at(5, 3)]), // barrier
    line({ waterway: 'river' }, [at(0, 4), at(5, 4)]), // barrier
    line({ railway: 'rail', tunnel: 'yes' }, [at(0, 5), at(5, 5)]), // no barrier: a road without highway
    line({ fclass: 'primary' }, [at(0, 6), at(2, 6)]), // highway from an alias field
    line({ highway: '', class: 'path' }, [at(2, 6), at(4, 6)]),
    line({ name: 'no class' }, [at(4, 6), at(5, 6)]), // unclassified
    { type: 'Feature', properties: { highway: 'tertiary' }, geometry: { type: 'MultiLineString', coordinates: [[at(0, 7), at(1, 7)], [at(1, 7), at(1, 8), at(2, 8)]] } },
    { type: 'Feature', properties: { highway: 'bus_stop' }, geometry: { type: 'Point', coordinates: at(3, 3) } }, // not a line
    line({ highway: 'construction' }, [at(5, 0), at(5, 5)]), // not walkable
  ];
}

async function readTheUsualWay(path: string): Promise<RoadLines> {
  const layer = await new InputReader().read('roads', path);
  const split = splitRoadLayer(layer.features);
  return flattenRoads(toRoads(split.roadIndex.map((i) => layer.features[i]), path).items);
}

describe('speculativeRoadLines', () => {
  it('gives the lines of the usual reading for every rule (barriers, access, aliases, parts, points)', async () => {
    const path = join(dir, 'awkward.fgb');
    writeFileSync(path, writeFlatGeobuf(awkwardRoads(), { spatialIndex: false }));
    const expected = await readTheUsualWay(path);
    const guess = speculativeRoadLines(writeFlatGeobuf(awkwardRoads(), { spatialIndex: false }));
    expect(guess).not.toBeNull();
    // motorway, foot=no, access=private, construction, and highway "" (an own empty tag wins over the alias)
    expect(expected.droppedWays).toBe(5);
    expect(guess!.droppedWays).toBe(5);
    expect(Array.from(guess!.partRoad)).toEqual(Array.from(expected.partRoad));
    expect(Array.from(guess!.partClass)).toEqual(Array.from(expected.partClass));
    expect(Array.from(guess!.lngLat)).toEqual(Array.from(expected.lngLat));
    expect(guess!.partStart.length - 1).toBe(7); // 6 walkable line roads, one of them in two parts
    expect(sameRoadLines(guess!, expected)).toBe(true);
  });

  it('gives the lines of the usual reading on the bench town (indexed file, 2 000+ roads)', async () => {
    const town = generateBenchTown(7, 1);
    const bytes = writeFlatGeobuf(town.roads.map((r) => ({ type: 'Feature', properties: r.properties, geometry: r.geometry })));
    const path = join(dir, 'town.fgb');
    writeFileSync(path, bytes);
    const expected = await readTheUsualWay(path);
    expect(expected.partStart.length).toBeGreaterThan(500);
    expect(sameRoadLines(speculativeRoadLines(bytes)!, expected)).toBe(true);
  });

  it('makes no guess for another format or a broken file', () => {
    const roads = awkwardRoads();
    expect(speculativeRoadLines(new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: roads })))).toBeNull();
    const bytes = writeFlatGeobuf(roads, { spatialIndex: false });
    expect(speculativeRoadLines(bytes.subarray(0, bytes.length - 7))).toBeNull();
  });
});

describe('ThreadPreparation with a guessed network', () => {
  const settings = defaultAnalysisSettings().network;
  const lines = (): RoadLines => flattenRoads(toRoads(awkwardRoads(), 'x').items);

  it('uses the guess for the very same lines and settings, and builds again otherwise', () => {
    const prep = new ThreadPreparation();
    prep.speculate(lines(), settings);
    prep.network(1, lines(), settings);
    expect(prep.lastNetwork).toBe('guessed');

    prep.speculate(lines(), settings);
    const moved = lines();
    moved.lngLat[0] += 1e-9;
    prep.network(2, moved, settings);
    expect(prep.lastNetwork).toBe('built');

    prep.speculate(lines(), settings);
    prep.network(3, lines(), { ...settings, mergeToleranceMeters: 2 });
    expect(prep.lastNetwork).toBe('built');

    // No guess left after a network request: the next one builds.
    prep.network(4, lines(), settings);
    expect(prep.lastNetwork).toBe('built');
  });

  it('prepares the same job from a guessed network as from a built one', () => {
    const items = {
      communityLngLat: Float64Array.from([...at(0.5, 0.1), ...at(1.5, 7.2)]), facilityLngLat: Float64Array.from([...at(2, 0.2)]),
      byCategory: [Int32Array.of(0)], maxWalkMeters: Float64Array.of(500), searchBoundMeters: Float64Array.of(1000), maxSnapMeters: 300,
    };
    const guessed = new ThreadPreparation();
    guessed.speculate(lines(), settings);
    guessed.network(1, lines(), settings);
    const a = guessed.items(1, items);
    const built = new ThreadPreparation();
    built.network(1, lines(), settings);
    const b = built.items(1, items);
    expect(guessed.lastNetwork).toBe('guessed');
    expect(a.stats).toEqual(b.stats);
    expect(Array.from(a.job.graph.slotMeters)).toEqual(Array.from(b.job.graph.slotMeters));
    expect(Array.from(a.communitySnap.connectorMeters)).toEqual(Array.from(b.communitySnap.connectorMeters));
    expect(a.stats.nodes).toBe(buildWalkNetworkFromLines(lines(), settings).stats.nodes);
  });
});
