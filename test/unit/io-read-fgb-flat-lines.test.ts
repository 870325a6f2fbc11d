/**
 * Road lines read with flat coordinates (`readLayers(…, { flatLines: true })`, core/geo/flatLine): the features
 * must be the library reader's features in every way a reader can see, and the readers that walk the numbers
 * (validation, `flattenRoads`) must give exactly what they give on ordinary coordinates.
 */
import type { Feature, Geometry, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { flatLineOf, flatLineString, wholeFlatLines } from '../../src/core/geo/flatLine';
import type { FlatLines } from '../../src/core/geo/flatLine';
import { flattenRoads } from '../../src/core/network/roadLines';
import { toRoads } from '../../src/io/domain';
import { knownCounts } from '../../src/io/fgb/known';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { readFlatGeobufInBbox } from '../../src/io/flatgeobufBbox';
import { readLayers } from '../../src/io/read';
import { validateFeatures } from '../../src/io/validate';

const feat = (geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({ type: 'Feature', geometry, properties });

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const HIGHWAYS = ['residential', 'footway', 'primary', 'motorway', 'service', 'steps'];

function roadFeatures(n: number, seed: number): Feature[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const coordinates = Array.from({ length: 2 + (i % 6) }, () => [115.8 + r() * 0.2, 28.6 + r() * 0.2]);
    return feat({ type: 'LineString', coordinates }, { id: `R${i}`, highway: HIGHWAYS[i % HIGHWAYS.length], ...(i % 9 === 0 ? { foot: 'no' } : {}) });
  });
}

async function readBoth(bytes: Uint8Array): Promise<{ flat: Feature[]; plain: Feature[] }> {
  const flat = (await readLayers('roads.fgb', bytes, { flatLines: true })).layers[0].features;
  const plain = (await readLayers('roads.fgb', bytes)).layers[0].features;
  return { flat, plain };
}

describe('FlatGeobuf lines with flat coordinates', () => {
  it('are the library reader\'s features: same coordinates, properties, JSON, position counts', async () => {
    for (const spatialIndex of [true, false]) {
      const bytes = writeFlatGeobuf(roadFeatures(120, 3), { spatialIndex });
      const { flat, plain } = await readBoth(bytes);
      const lib = (await readFlatGeobufInBbox(bytes, 'roads.fgb')).features;
      expect(flat).toHaveLength(120);
      expect(flat.every((f) => flatLineOf(f.geometry) !== undefined)).toBe(true);
      expect(plain.some((f) => flatLineOf(f.geometry) !== undefined)).toBe(false);
      expect(flat.map((f) => (f.geometry as LineString).coordinates)).toStrictEqual(lib.map((f) => (f.geometry as LineString).coordinates));
      expect(flat.map((f) => f.properties)).toStrictEqual(lib.map((f) => f.properties));
      expect(flat.map((f) => f.geometry.type)).toEqual(lib.map((f) => f.geometry.type));
      expect(JSON.parse(JSON.stringify(flat))).toStrictEqual(JSON.parse(JSON.stringify(lib)));
      expect(Object.keys(flat[0].geometry)).toEqual(['type']);
      expect(knownCounts(flat)).toEqual(knownCounts(plain));
      expect(knownCounts(flat)!.total).toBe(lib.reduce((s, f) => s + (f.geometry as LineString).coordinates.length, 0));
    }
  });

  it('coordinates are made once and kept (the same array on every read)', async () => {
    const { flat } = await readBoth(writeFlatGeobuf(roadFeatures(5, 4), { spatialIndex: false }));
    const g = flat[2].geometry as LineString;
    expect(g.coordinates).toBe(g.coordinates);
    expect(g.coordinates.length).toBe(4);
  });

  it('only LineString layers without z: z lines, points and multilines decode as usual', async () => {
    const z = writeFlatGeobuf([feat({ type: 'LineString', coordinates: [[116, 29, 10], [116.1, 29.1, 12.5]] })], { spatialIndex: false });
    const pts = writeFlatGeobuf([feat({ type: 'Point', coordinates: [116, 29] })], { spatialIndex: false });
    const multi = writeFlatGeobuf([feat({ type: 'MultiLineString', coordinates: [[[116, 29], [116.1, 29]], [[116.2, 29], [116.3, 29.1]]] })], { spatialIndex: false });
    for (const bytes of [z, pts, multi]) {
      const { flat, plain } = await readBoth(bytes);
      expect(flat.some((f) => flatLineOf(f.geometry) !== undefined)).toBe(false);
      expect(flat).toStrictEqual(plain);
    }
    expect(((await readBoth(z)).flat[0].geometry as LineString).coordinates[1]).toEqual([116.1, 29.1, 12.5]);
  });

  it('validation keeps clean flat lines as they are and gives the same result as on ordinary lines', async () => {
    const fs = roadFeatures(40, 5);
    // Dirty lines the full check repairs or skips: a repeated vertex, one out of range, one vertex only, a zero-length line.
    (fs[3].geometry as LineString).coordinates.splice(1, 0, [...(fs[3].geometry as LineString).coordinates[1]]);
    (fs[7].geometry as LineString).coordinates[1] = [190, 28.7];
    (fs[11].geometry as LineString).coordinates = [[116, 29]];
    (fs[13].geometry as LineString).coordinates = [[116, 29], [116, 29]];
    const { flat, plain } = await readBoth(writeFlatGeobuf(fs, { spatialIndex: false }));
    const a = validateFeatures(flat.slice(), { fileName: 'roads.fgb' });
    const b = validateFeatures(plain.slice(), { fileName: 'roads.fgb' });
    expect(a.issues).toStrictEqual(b.issues);
    expect(a.issues.map((i) => i.featureIndex)).toEqual([3, 7, 11, 13]);
    expect(a.keptIndex).toEqual(b.keptIndex);
    expect(JSON.parse(JSON.stringify(a.features))).toStrictEqual(JSON.parse(JSON.stringify(b.features)));
    // Clean lines: the feature itself, still flat; the repaired one a new, ordinary geometry.
    expect(a.features[0]).toBe(flat[0]);
    expect(flatLineOf(a.features[0].geometry)).toBeDefined();
    const repaired = a.features[a.keptIndex.indexOf(3)];
    expect(flatLineOf(repaired.geometry)).toBeUndefined();
    expect((repaired.geometry as LineString).coordinates).toHaveLength((fs[3].geometry as LineString).coordinates.length - 1);
  });

  it('flattenRoads copies flat lines to the same numbers as ordinary ones, mixed with multilines', async () => {
    const fs = roadFeatures(60, 6);
    const { flat, plain } = await readBoth(writeFlatGeobuf(fs, { spatialIndex: false }));
    const multi = feat({ type: 'MultiLineString', coordinates: [[[116, 29], [116.01, 29]], [[116.02, 29], [116.03, 29.01]]] }, { id: 'M', highway: 'footway' });
    const roadsFlat = toRoads([...flat.slice(0, 30), multi, ...flat.slice(30)], 'r').items;
    const roadsPlain = toRoads([...plain.slice(0, 30), multi, ...plain.slice(30)], 'r').items;
    const a = flattenRoads(roadsFlat);
    const b = flattenRoads(roadsPlain);
    expect(a).toStrictEqual(b);
    // Motorways (i % 6 = 3: 10) and foot=no (i % 9 = 0: 7), 3 roads both.
    expect(a.droppedWays).toBe(14);
    expect(a.partStart.length - 1).toBe(60 - 14 + 2);
  });

  it('wholeFlatLines: the shared arrays only for the whole layer in order', async () => {
    const { flat } = await readBoth(writeFlatGeobuf(roadFeatures(10, 7), { spatialIndex: false }));
    const lines = wholeFlatLines(flat) as FlatLines;
    expect(lines.lineStart.length).toBe(11);
    expect(lines.xy.length).toBe(2 * lines.lineStart[10]);
    expect(Array.from(lines.xy.subarray(0, 2))).toEqual((flat[0].geometry as LineString).coordinates[0]);
    expect(wholeFlatLines(flat.slice(1))).toBeNull();
    expect(wholeFlatLines([flat[1], flat[0], ...flat.slice(2)])).toBeNull();
    expect(wholeFlatLines([])).toBeNull();
    const other = flatLineString(lines, 0);
    expect(JSON.stringify(other)).toBe(JSON.stringify(flat[0].geometry));
  });
});
