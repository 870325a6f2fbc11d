/**
 * The CLI's roads read as columns (io/fgb/roadTable, cli/roadsInput) against the same file read as features:
 * a file takes the columns only when the feature path would have nothing to say about it, and then every reader
 * (walk network, zoning barriers, coordinate-system hints, summary, `roads`) gets exactly the same; any other file
 * falls back to the features.
 */
import type { Feature, Geometry } from 'geojson';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { InputReader, crsOption } from '../../src/cli/inputs';
import type { RoadsInput } from '../../src/cli/roadsInput';
import { readRoadsAsFeatures, readRoadsAsTable } from '../../src/cli/roadsInput';
import { zoningBarriers } from '../../src/cli/zoning';
import { packLines } from '../../src/cli/zoningWire';
import { DEFAULT_BARRIER_HIGHWAY } from '../../src/core/config/roads';
import { flattenRoads } from '../../src/core/network/roadLines';
import type { ZoningSettings } from '../../src/cli/zoningOptions';
import { streetLinesOf } from '../../src/io/crs/streetLines';
import { isStreetLines } from '../../src/io/crs/streetLines';
import { firstFeatureOffset, simpleHeader } from '../../src/io/fgb/reader';
import { readRoadTable } from '../../src/io/fgb/roadTable';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import type { WriteFlatGeobufOptions } from '../../src/io/flatgeobuf';
import { generateBenchTown } from '../bench/town';

const dir = mkdtempSync(join(tmpdir(), 'rp-roads-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const HIGHWAYS = ['residential', 'footway', 'primary', 'motorway', 'service', 'steps', 'trunk', '主干路'];

/** Clean roads: ids, names (some Chinese), foot and access tags on some, times with ":" (not markup). */
function roads(n: number, seed: number): Feature[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i): Feature => {
    const coordinates = Array.from({ length: 2 + (i % 5) }, () => [115.8 + r() * 0.2, 28.6 + r() * 0.2]);
    const properties: Record<string, unknown> = { id: `R${i}`, highway: HIGHWAYS[i % HIGHWAYS.length], name: i % 3 ? `路${i}` : 'Main St', lanes: i % 4 };
    if (i % 7 === 0) properties.foot = i % 14 ? 'no' : 'yes';
    if (i % 5 === 0) properties.access = 'private';
    if (i % 11 === 0) properties.opening_hours = '08:00-20:00';
    return { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties };
  });
}

let fileNo = 0;
function fgbFile(features: Feature[], options: WriteFlatGeobufOptions = {}): string {
  const path = join(dir, `roads-${fileNo++}.fgb`);
  writeFileSync(path, writeFlatGeobuf(features, options));
  return path;
}

const settings = { barrierHighways: [...DEFAULT_BARRIER_HIGHWAY] } as unknown as ZoningSettings;

async function both(path: string): Promise<{ table: RoadsInput | null; features: RoadsInput }> {
  return {
    table: await readRoadsAsTable(new InputReader(), path, undefined, settings.barrierHighways),
    features: await readRoadsAsFeatures(new InputReader(), path, undefined),
  };
}

/** Everything the analysis reads of the roads, in comparable form. */
function seen(input: RoadsInput): unknown {
  const lines = 'roadLines' in input.network ? input.network.roadLines : flattenRoads(input.network.roads);
  const barriers = zoningBarriers(input.barrierRoads, input.railAndWater, settings);
  const streets = isStreetLines(input.streets) ? input.streets : streetLinesOf(input.streets);
  return {
    count: input.count, counts: input.counts, issues: input.issues, lines,
    barriers: { counts: barriers.counts, packed: packLines(barriers.lines) },
    streets: { xy: streets.xy, lineStart: streets.lineStart },
    roads: JSON.parse(JSON.stringify(input.roads())) as unknown,
  };
}

describe('roads read as columns', () => {
  it('give the walk network, barriers, street lines, counts and roads of the feature path', async () => {
    for (const spatialIndex of [false, true]) {
      const path = fgbFile(roads(300, 7), { spatialIndex });
      const { table, features } = await both(path);
      expect(table).not.toBeNull();
      expect('roadLines' in table!.network).toBe(true);
      expect(features.issues).toEqual([]);
      expect(seen(table!)).toEqual(seen(features));
      // Real values, not two empty answers: 300 roads, the motorways (every 8th) not walked, the primaries and trunks barriers.
      expect(table!.count).toBe(300);
      const lines = (table!.network as { roadLines: { droppedWays: number; partRoad: Int32Array } }).roadLines;
      expect(lines.droppedWays).toBe(features.roads().filter((r) => r.highway === 'motorway' || (r.properties.foot === 'no') || (r.properties.access === 'private' && r.properties.foot !== 'yes')).length);
      expect(lines.partRoad.length).toBe(300 - lines.droppedWays);
      expect(table!.barrierRoads.map((r) => r.highway).sort()).toEqual(features.roads().filter((r) => ['motorway', 'trunk', 'primary'].includes(r.highway)).map((r) => r.highway).sort());
    }
  });

  it('say which coordinate system: the file\'s WGS84 declaration, or the flag', async () => {
    const declared = fgbFile(roads(20, 3), { crs: 'EPSG:4326' });
    const { table, features } = await both(declared);
    expect(table!.counts.crs).toEqual({ label: 'WGS84 (EPSG:4326)', source: 'file' });
    expect(seen(table!)).toEqual(seen(features));
  });

  const bad: [string, (f: Feature[]) => Feature[]][] = [
    ['a road without highway (an unclassified road, noted)', (f) => f.map((x, i) => (i === 5 ? { ...x, properties: { id: 'R5' } } : x))],
    ['an empty highway', (f) => f.map((x, i) => (i === 5 ? { ...x, properties: { ...x.properties, highway: '' } } : x))],
    ['a railway (a zoning barrier, not a road)', (f) => [...f, { type: 'Feature', geometry: { type: 'LineString', coordinates: [[115.8, 28.6], [115.9, 28.7]] }, properties: { railway: 'rail' } }]],
    ['a repeated vertex (repaired)', (f) => f.map((x, i) => (i === 2 ? { ...x, geometry: { type: 'LineString', coordinates: [[115.8, 28.6], [115.8, 28.6], [115.9, 28.7]] } } : x))],
    ['a projected coordinate (skipped)', (f) => f.map((x, i) => (i === 2 ? { ...x, geometry: { type: 'LineString', coordinates: [[115.8, 28.6], [500000, 3200000]] } } : x))],
    ['a one-point line (skipped)', (f) => f.map((x, i) => (i === 2 ? { ...x, geometry: { type: 'LineString', coordinates: [[115.8, 28.6]] } } : x))],
    ['markup in a name (warned)', (f) => f.map((x, i) => (i === 4 ? { ...x, properties: { ...x.properties, name: '<b>路</b>' } } : x))],
    ['a lone surrogate in a name (U+FFFD when read, warned)', (f) => f.map((x, i) => (i === 4 ? { ...x, properties: { ...x.properties, name: 'a\ud800b' } } : x))],
    ['a number too large to be exact (warned)', (f) => f.map((x, i) => (i === 4 ? { ...x, properties: { ...x.properties, lanes: 2 ** 60 } } : x))],
    ['a number in the foot tag', (f) => f.map((x, i) => ({ ...x, properties: { ...x.properties, foot: i } }))],
    ['a MultiLineString layer', (f) => f.map((x) => ({ ...x, geometry: { type: 'MultiLineString', coordinates: [(x.geometry as Extract<Geometry, { type: 'LineString' }>).coordinates] } }))],
  ];
  for (const [what, change] of bad) {
    it(`leave a file with ${what} to the feature path`, async () => {
      const path = fgbFile(change(roads(40, 11)));
      const { table, features } = await both(path);
      expect(table).toBeNull();
      expect(features.count).toBeGreaterThan(0);
    });
  }

  it('leave a file with two columns of one name to the feature path', async () => {
    const path = fgbFile(roads(10, 4), { columns: [{ name: 'highway', kind: 'String' }, { name: 'id', kind: 'String' }, { name: 'highway', kind: 'String' }] });
    expect(await readRoadsAsTable(new InputReader(), path, undefined, settings.barrierHighways)).toBeNull();
    expect((await readRoadsAsFeatures(new InputReader(), path, undefined)).count).toBe(10);
  });

  it('leave a file flagged as another coordinate system to the feature path', async () => {
    const plain = fgbFile(roads(10, 5));
    expect(await readRoadsAsTable(new InputReader(), plain, crsOption('--crs-roads', 'gcj02'), settings.barrierHighways)).toBeNull();
    expect(await readRoadsAsTable(new InputReader(), plain, crsOption('--crs-roads', 'EPSG:4527'), settings.barrierHighways)).toBeNull();
    expect((await readRoadsAsTable(new InputReader(), plain, crsOption('--crs-roads', 'wgs84'), settings.barrierHighways))!.counts.crs.source).toBe('flag');
  });

  it('leave a broken file to the feature path without reading garbage sizes', () => {
    const bytes = writeFlatGeobuf(roads(50, 9), { spatialIndex: false });
    expect(readRoadTable(bytes)).not.toBeNull();
    // The lines in shared memory (the distance thread reads them as they are), 50 lines of real vertices.
    const table = readRoadTable(bytes)!;
    expect(table.lines.xy.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(table.lines.lineStart.length).toBe(51);
    expect(table.lines.xy.length).toBe(2 * table.lines.lineStart[50]);
    expect(readRoadTable(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toBeNull();
    // A huge length or table offset in the first feature: no table, no throw, no allocation of what they claim.
    const header = simpleHeader(bytes)!;
    const first = firstFeatureOffset(header.header, header.headerLength);
    for (const at of [first, first + 4]) {
      const broken = bytes.slice();
      new DataView(broken.buffer).setInt32(at, 0x7ffffff0, true);
      expect(() => readRoadTable(broken)).not.toThrow();
      expect(readRoadTable(broken)).toBeNull();
    }
  });

  it('leave GeoJSON roads to the feature path', async () => {
    const path = join(dir, 'roads.geojson');
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: roads(10, 2) }));
    expect(await readRoadsAsTable(new InputReader(), path, undefined, settings.barrierHighways)).toBeNull();
  });
});

describe('analyze with roads read as columns', () => {
  it('writes what it writes with the same roads read as features (GeoJSON), on one thread and on two', async () => {
    const town = generateBenchTown(20241126, 1);
    const communities = join(dir, 'town-communities.geojson'), facilities = join(dir, 'town-facilities.geojson');
    writeFileSync(communities, JSON.stringify({ type: 'FeatureCollection', features: town.communities.map((c) => ({ type: 'Feature', geometry: c.geometry, properties: { id: c.id, name: c.name, build_year: c.buildYear, households: c.households } })) }));
    writeFileSync(facilities, JSON.stringify({ type: 'FeatureCollection', features: town.facilities.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.id, category: f.categories.join(';') } })) }));
    const roadFeatures: Feature[] = town.roads.map((r) => ({ type: 'Feature', geometry: r.geometry, properties: { id: r.id, highway: r.highway, ...r.properties } }));
    const fgb = fgbFile(roadFeatures, { spatialIndex: false }); // in input order, as the GeoJSON
    const geojson = join(dir, 'town-roads.geojson');
    writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features: roadFeatures }));
    expect(await readRoadsAsTable(new InputReader(), fgb, undefined, settings.barrierHighways)).not.toBeNull();
    for (const threads of [1, 2]) {
      const outs = [];
      for (const roadsFile of [fgb, geojson]) {
        const out = join(dir, `out-${threads}-${roadsFile.endsWith('.fgb') ? 'fgb' : 'geojson'}`);
        outs.push({ dir: out, result: await runAnalyze({ communities, facilities, roads: roadsFile, out, threads }) });
      }
      const [table, features] = outs;
      for (const name of ['communities.geojson', 'zones.geojson', 'gaps.csv', 'communities.csv', 'zones.csv']) {
        expect(readFileSync(join(table.dir, name)).equals(readFileSync(join(features.dir, name))), name).toBe(true);
      }
      const summary = (d: string): Record<string, unknown> => {
        const s = JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as { inputs: { roads: Record<string, unknown> } };
        // The files differ in name and format, and the FlatGeobuf one declares EPSG:4326 (GeoJSON: the default).
        s.inputs.roads = { ...s.inputs.roads, file: null, format: null, crs: null };
        return s;
      };
      expect(summary(table.dir)).toEqual(summary(features.dir));
      // The network is there and the roads as objects too, on request.
      expect(table.result.summary.network!.edges).toBeGreaterThan(5000);
      expect(table.result.roads.length).toBe(features.result.roads.length);
      expect(JSON.parse(JSON.stringify(table.result.roads))).toEqual(JSON.parse(JSON.stringify(features.result.roads)));
    }
  }, 60_000);
});
