/**
 * The fast FlatGeobuf decoder (src/io/fgb/decode.ts) must give exactly what the library reader gave
 * (`readFlatGeobufInBbox`, the reader `readLayers` used before): same features, same property order and values,
 * same CRS and counts — and for anything it does not take, `readLayers` must fall back to the library's messages.
 */
import type { Feature, Geometry } from 'geojson';
import { Builder } from 'flatbuffers';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { Feature as FgbFeature } from 'flatgeobuf/lib/mjs/flat-geobuf/feature.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { geojson as fgb } from 'flatgeobuf';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { buildGeometry } from 'flatgeobuf/lib/mjs/generic/geometry.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { describe, expect, it } from 'vitest';
import { decodeFlatGeobuf } from '../../src/io/fgb/decode';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { readFlatGeobuf } from '../../src/io/flatgeobufRead';
import { readFlatGeobufInBbox } from '../../src/io/flatgeobufBbox';
import { readLayers } from '../../src/io/read';

const feat = (geometry: Geometry, properties: Record<string, unknown> | null = {}): Feature => ({ type: 'Feature', geometry, properties });

/** Deterministic pseudo-random numbers (LCG). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** readLayers (fast path or fallback) against the library reader on the same bytes; returns what was read. */
async function sameAsLibrary(bytes: Uint8Array): Promise<Feature[]> {
  const lib = await readFlatGeobufInBbox(bytes, 'x.fgb');
  const layer = (await readLayers('x.fgb', bytes)).layers[0];
  expect(layer.features).toStrictEqual(lib.features);
  expect(layer.issues).toStrictEqual(lib.issues);
  expect(layer.declaredCrs).toBe(lib.crs);
  expect(layer.featuresInFile).toBe(lib.featuresInFile);
  // Key order too (toStrictEqual ignores it): exports write properties in this order.
  expect(layer.features.map((f) => Object.keys(f.properties ?? {}))).toEqual(lib.features.map((f) => Object.keys(f.properties ?? {})));
  return layer.features;
}

/** Both paths agree, and the fast decoder really took the file. */
async function fastAndSame(bytes: Uint8Array): Promise<Feature[]> {
  const fast = decodeFlatGeobuf(bytes);
  expect(fast).not.toBeNull();
  const read = await sameAsLibrary(bytes);
  expect(fast!.features).toStrictEqual(read);
  return read;
}

const MAGIC = new Uint8Array([0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00]);
const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
};

/** A feature whose property bytes are given as they are (for column types the library cannot write). */
function rawFeature(geometry: Geometry, props: Uint8Array): Uint8Array {
  const b = new Builder(256);
  const p = FgbFeature.createPropertiesVector(b, props);
  const g = buildGeometry(b, parseGeometry(geometry as Parameters<typeof parseGeometry>[0]));
  FgbFeature.startFeature(b);
  FgbFeature.addGeometry(b, g);
  FgbFeature.addProperties(b, p);
  b.finishSizePrefixed(FgbFeature.endFeature(b));
  return b.asUint8Array();
}

const meta = (geometryType: GeometryType, columns: [string, ColumnType][], featuresCount: number): HeaderMeta => ({
  geometryType, featuresCount, indexNodeSize: 0, envelope: null, crs: null, title: null, description: null, metadata: null,
  columns: columns.map(([name, type]) => ({ name, type, title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false })),
});

describe('fast FlatGeobuf decoder = library reader', () => {
  it('points, with and without the spatial index', async () => {
    const r = rng(1);
    const pts = Array.from({ length: 300 }, (_, i) => feat({ type: 'Point', coordinates: [115.8 + r() * 0.3, 28.6 + r() * 0.3] }, { id: `P${i}`, n: i }));
    const indexed = await fastAndSame(writeFlatGeobuf(pts));
    expect(indexed).toHaveLength(300);
    const plain = await fastAndSame(writeFlatGeobuf(pts, { spatialIndex: false }));
    expect(plain.map((f) => f.geometry)).toEqual(pts.map((f) => f.geometry)); // no index: input order
    expect(plain[7].properties).toEqual({ id: 'P7', n: 7 });
  });

  it('lines and multilines (mixed in one layer become MultiLineString)', async () => {
    const r = rng(2);
    const line = (n: number): number[][] => Array.from({ length: n }, () => [116 + r(), 29 + r()]);
    const lines = Array.from({ length: 50 }, (_, i) => (i % 3 === 0
      ? feat({ type: 'MultiLineString', coordinates: [line(2), line(5), line(3)] }, { highway: 'residential' })
      : feat({ type: 'LineString', coordinates: line(2 + (i % 7)) }, { highway: i % 2 ? 'footway' : '步行街' })));
    const read = await fastAndSame(writeFlatGeobuf(lines, { spatialIndex: false }));
    expect(read[0].geometry.type).toBe('MultiLineString');
    expect((read[0].geometry as { coordinates: number[][][] }).coordinates.map((l) => l.length)).toEqual([2, 5, 3]);
    expect(read[1].properties).toEqual({ highway: 'footway' });
    expect(read[2].properties).toEqual({ highway: '步行街' });
  });

  it('polygons with holes and multipolygons', async () => {
    const ring = (x: number, y: number, d: number): number[][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
    const polys = [
      feat({ type: 'Polygon', coordinates: [ring(116, 29, 0.01), ring(116.002, 29.002, 0.001).reverse(), ring(116.005, 29.005, 0.001).reverse()] }, { name: 'a' }),
      feat({ type: 'Polygon', coordinates: [ring(116.1, 29, 0.01)] }, { name: 'b' }),
    ];
    const readPolys = await fastAndSame(writeFlatGeobuf(polys));
    expect(readPolys.find((f) => f.properties?.name === 'a')!.geometry).toEqual(polys[0].geometry);
    const multi = [
      feat({ type: 'MultiPolygon', coordinates: [[ring(116, 29, 0.01), ring(116.002, 29.002, 0.001).reverse()], [ring(116.2, 29, 0.01)]] }, { name: 'm' }),
      feat({ type: 'MultiPolygon', coordinates: [[ring(116.4, 29, 0.01)]] }, { name: 'one' }),
    ];
    const readMulti = await fastAndSame(writeFlatGeobuf(multi, { spatialIndex: false }));
    expect(readMulti.map((f) => f.geometry)).toEqual(multi.map((f) => f.geometry));
  });

  it('null properties (absent values) and features without properties', async () => {
    const fs = [
      feat({ type: 'Point', coordinates: [116, 29] }, { a: 1, b: null, c: 'x' }),
      feat({ type: 'Point', coordinates: [116.1, 29] }, { a: null, b: null, c: null }),
      feat({ type: 'Point', coordinates: [116.2, 29] }, null),
    ];
    const read = await fastAndSame(writeFlatGeobuf(fs, { spatialIndex: false }));
    expect(read.map((f) => f.properties)).toEqual([{ a: 1, c: 'x' }, {}, {}]);
  });

  it('every column type the writer makes: Int, Long, Real, String, Boolean, Json', async () => {
    const fs = [
      feat({ type: 'Point', coordinates: [116, 29] }, { i: -5, l: 2 ** 40, r: 1.25, s: 'long text '.repeat(10), b: true, j: { k: [1, 2] } }),
      feat({ type: 'Point', coordinates: [116, 29.1] }, { i: 7, l: -(2 ** 41), r: -0.5, s: '\ufeffBOM first', b: false, j: [3] }),
    ];
    const read = await fastAndSame(writeFlatGeobuf(fs, { spatialIndex: false }));
    expect(read[0].properties).toEqual(fs[0].properties);
    expect(read[1].properties).toEqual({ ...fs[1].properties, s: 'BOM first' }); // TextDecoder drops a leading BOM
  });

  it('every FlatGeobuf column type, including those the library cannot write', async () => {
    const cols: [string, ColumnType][] = [
      ['bool', ColumnType.Bool], ['short', ColumnType.Short], ['ushort', ColumnType.UShort], ['int', ColumnType.Int], ['uint', ColumnType.UInt],
      ['long', ColumnType.Long], ['float', ColumnType.Float], ['double', ColumnType.Double], ['when', ColumnType.DateTime], ['str', ColumnType.String],
      ['json', ColumnType.Json], ['bin', ColumnType.Binary], ['byte', ColumnType.Byte], ['ubyte', ColumnType.UByte], ['ulong', ColumnType.ULong],
    ];
    const h = meta(GeometryType.Point, cols, 2);
    const props: IProperties = { bool: true, short: -300, ushort: 60000, int: -70000, uint: 4000000000, long: -(2 ** 50), float: 1.5, double: Math.PI, when: '2024-05-01T00:00:00Z', str: '小区', json: { a: 1 }, bin: new Uint8Array([1, 2, 3]), byte: null, ubyte: null, ulong: null };
    const first = buildFeature(parseGeometry({ type: 'Point', coordinates: [116, 29] }), props, h);
    // Byte (-2), UByte (250), ULong (2^60) by hand: column index (uint16) then the value, little-endian.
    const tail = new DataView(new ArrayBuffer(2 + 1 + 2 + 1 + 2 + 8));
    tail.setUint16(0, 12, true); tail.setInt8(2, -2);
    tail.setUint16(3, 13, true); tail.setUint8(5, 250);
    tail.setUint16(6, 14, true); tail.setBigUint64(8, 2n ** 60n, true);
    const second = rawFeature({ type: 'Point', coordinates: [116.5, 29.5] }, new Uint8Array(tail.buffer));
    const read = await fastAndSame(concat([MAGIC, buildHeader(h), first, second]));
    expect(read[0].properties).toEqual({ bool: true, short: -300, ushort: 60000, int: -70000, uint: 4000000000, long: -(2 ** 50), float: 1.5, double: Math.PI, when: '2024-05-01T00:00:00Z', str: '小区', json: { a: 1 }, bin: new Uint8Array([1, 2, 3]) });
    expect(read[1].properties).toEqual({ byte: -2, ubyte: 250, ulong: 2 ** 60 });
  });

  it('Z coordinates', async () => {
    const fs = [
      feat({ type: 'LineString', coordinates: [[116, 29, 10], [116.1, 29.1, 12.5]] }, { n: 1 }),
      feat({ type: 'LineString', coordinates: [[116.2, 29, 0], [116.3, 29.1, -3]] }, { n: 2 }),
    ];
    const read = await fastAndSame(writeFlatGeobuf(fs, { spatialIndex: false }));
    expect(read.map((f) => f.geometry)).toEqual(fs.map((f) => f.geometry));
  });

  it('a layer of mixed types (header Unknown): each feature keeps its own type', async () => {
    const fs = [feat({ type: 'Point', coordinates: [116, 29] }, { k: 'p' }), feat({ type: 'LineString', coordinates: [[116, 29], [116.1, 29]] }, { k: 'l' })];
    const read = await fastAndSame(writeFlatGeobuf(fs, { spatialIndex: false }));
    expect(read.map((f) => f.geometry.type)).toEqual(['Point', 'LineString']);
  });

  it('an empty file', async () => {
    const read = await fastAndSame(writeFlatGeobuf([]));
    expect(read).toEqual([]);
  });

  it('buffers that do not start at byte 0 of their ArrayBuffer (8-aligned: fast; unaligned: the library decides)', async () => {
    const bytes = writeFlatGeobuf([feat({ type: 'Point', coordinates: [116, 29] }, { a: 'x' })], { spatialIndex: false });
    for (const shift of [8, 1]) {
      const host = new Uint8Array(bytes.length + shift);
      host.set(bytes, shift);
      const view = host.subarray(shift);
      expect(decodeFlatGeobuf(view) === null).toBe(shift === 1);
      await sameAsLibrary(view);
    }
  });
});

describe('fast FlatGeobuf decoder: broken files fall back with the same messages', () => {
  const ten = Array.from({ length: 10 }, (_, i) => feat({ type: 'Point', coordinates: [116 + i * 0.01, 29] }, { i }));

  it('a truncated file: the library reader reports it, as before', async () => {
    const whole = writeFlatGeobuf(ten, { spatialIndex: false });
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    expect(decodeFlatGeobuf(cut)).toBeNull();
    const layer = (await readLayers('x.fgb', cut)).layers[0];
    const lib = await readFlatGeobufInBbox(cut, 'x.fgb');
    expect(layer.issues).toStrictEqual(lib.issues);
    expect(layer.features).toStrictEqual(lib.features);
    expect(layer.issues[0].message).toMatch(/^FlatGeobuf is truncated or corrupt after feature 5; 5 of 10 features not read \(/);
    expect(layer.features).toHaveLength(5);
  });

  it('a file cut inside its last feature: not decoded fast, read as the library reads it', async () => {
    const whole = writeFlatGeobuf(ten, { spatialIndex: false });
    const cut = whole.subarray(0, whole.length - 30);
    expect(decodeFlatGeobuf(cut)).toBeNull();
    await sameAsLibrary(cut);
  });

  it('a garbage header and a truncated index keep their messages', async () => {
    const garbage = new Uint8Array([0x66, 0x67, 0x62, 3, 0x66, 0x67, 0x62, 0, 0xff, 0xff, 0xff, 0x7f, 0, 0, 0]);
    expect((await readLayers('g.fgb', garbage)).layers[0].issues.map((i) => i.message)).toEqual(['Not a readable FlatGeobuf file: header claims 2147483647 bytes but the file has 15']);
    const indexed = writeFlatGeobuf(ten);
    const cut = indexed.subarray(0, 200);
    expect(decodeFlatGeobuf(cut)).toBeNull();
    await sameAsLibrary(cut);
  });
});

describe('readFlatGeobuf (every header column back as null) on the fast decoder', () => {
  /** What readFlatGeobuf did before: the library's features, every header column first set to null. */
  async function libraryRead(bytes: Uint8Array): Promise<Feature[]> {
    const out: Feature[] = [];
    let names: string[] = [];
    for await (const f of fgb.deserialize(bytes, { headerMetaFn: (m: HeaderMeta) => { names = (m.columns ?? []).map((c) => c.name); } })) {
      const properties: Record<string, unknown> = {};
      for (const c of names) properties[c] = null;
      Object.assign(properties, f.properties ?? {});
      out.push({ type: 'Feature', geometry: f.geometry as Geometry, properties });
    }
    return out;
  }

  it('gives the same features, nulls included, in the same key order', async () => {
    const r = rng(3);
    const fs = Array.from({ length: 120 }, (_, i) => feat({ type: 'Polygon', coordinates: [[[116 + r(), 29], [116.01 + r(), 29], [116.01, 29.01], [116, 29]]] }, { seq: i, name: i % 3 ? `小区${i}` : null, share: i / 8, ok: i % 2 === 0 }));
    const bytes = writeFlatGeobuf(fs);
    expect(decodeFlatGeobuf(bytes)).not.toBeNull();
    const read = await readFlatGeobuf(bytes, 'x.fgb');
    const reference = await libraryRead(bytes);
    expect(read.issues).toEqual([]);
    expect(read.features).toStrictEqual(reference);
    expect(read.features.map((f) => Object.keys(f.properties!))).toEqual(reference.map((f) => Object.keys(f.properties!)));
    expect(read.features.filter((f) => f.properties!.name === null)).toHaveLength(40);
  });
});
