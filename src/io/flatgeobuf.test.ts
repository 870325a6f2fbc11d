import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteBuffer } from 'flatbuffers';
import { geojson as fgb } from 'flatgeobuf';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeFlatGeobuf } from './flatgeobuf';
import { readFlatGeobuf } from './flatgeobufRead';

const square = (x: number, y: number, id: number, extra: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] },
  properties: { seq: id, name: `小区${id}`, share: id / 4, ok: id % 2 === 0, note: null, ...extra },
});

// A 10 × 10 grid of squares, 0.01° apart: enough leaves for a two-level tree with node size 16.
const grid = (): Feature[] => Array.from({ length: 100 }, (_, i) => square(116 + (i % 10) * 0.01, 39 + Math.floor(i / 10) * 0.01, i));

function header(bytes: Uint8Array): { name: string | null; indexNodeSize: number; columns: [string, number][] } {
  const h = Header.getSizePrefixedRootAsHeader(new ByteBuffer(bytes.subarray(8)));
  const columns: [string, number][] = [];
  for (let i = 0; i < h.columnsLength(); i++) columns.push([h.columns(i)!.name()!, h.columns(i)!.type()]);
  return { name: h.name(), indexNodeSize: h.indexNodeSize(), columns };
}

describe('writeFlatGeobuf', () => {
  it('writes the layer name, typed columns (Int, Double, String, Bool) and an index node size', () => {
    const bytes = writeFlatGeobuf(grid(), { layerName: 'communities' });
    const h = header(bytes);
    expect(h.name).toBe('communities');
    expect(h.indexNodeSize).toBe(16);
    // ColumnType: Int = 5, Double = 10, String = 11, Bool = 2; an all-null column is a String.
    expect(h.columns).toEqual([['seq', 5], ['name', 11], ['share', 10], ['ok', 2], ['note', 11]]);
  });

  it('round-trips every property and geometry (features come back in Hilbert order)', async () => {
    const input = grid();
    const back = await readFlatGeobuf(writeFlatGeobuf(input), 'x.fgb');
    expect(back.issues).toEqual([]);
    expect(back.features).toHaveLength(100);
    const bySeq = new Map(back.features.map((f) => [f.properties!.seq as number, f]));
    for (const f of input) {
      const got = bySeq.get(f.properties!.seq as number)!;
      expect(got.geometry).toEqual(f.geometry);
      expect(got.properties).toEqual(f.properties); // including note: null
      expect(Object.keys(got.properties!)).toEqual(Object.keys(f.properties!));
    }
  });

  it('answers a bbox query through its spatial index with exactly the features inside', async () => {
    const bytes = writeFlatGeobuf(grid());
    const rect = { minX: 116.0305, minY: 39.0205, maxX: 116.0505, maxY: 39.0405 }; // columns 3–5, rows 2–4 intersect
    const seqs: number[] = [];
    for await (const f of fgb.deserialize(bytes, { rect })) seqs.push((f as Feature).properties!.seq as number);
    const expected = [23, 24, 25, 33, 34, 35, 43, 44, 45];
    expect(seqs.sort((a, b) => a - b)).toEqual(expected);
  });

  it('widens Int to Double when a later feature has a fraction, and mixes of text and numbers to String', () => {
    const fs = [square(0, 0, 1, { v: 3, w: 5 }), square(1, 1, 2, { v: 3.5, w: 'five' })];
    const cols = Object.fromEntries(header(writeFlatGeobuf(fs)).columns);
    expect(cols.v).toBe(10);
    expect(cols.w).toBe(11);
  });

  it('writes Polygon and MultiPolygon together as MultiPolygon, and honours column type hints', async () => {
    const multi: Feature = { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [(square(2, 2, 3).geometry as { coordinates: number[][][] }).coordinates] }, properties: { seq: 3, walk: null } };
    let meta: HeaderMeta | null = null;
    const bytes = writeFlatGeobuf([square(0, 0, 1, { walk: null }), multi], { columnKinds: { walk: 'Real' } });
    for await (const _ of fgb.deserialize(bytes, { headerMetaFn: (m: HeaderMeta) => { meta = m; } })) { /* drain */ }
    expect(meta!.geometryType).toBe(6); // MultiPolygon
    expect(Object.fromEntries(header(bytes).columns).walk).toBe(10);
  });

  it('writes EPSG:4326 by default, and a name without a code for systems EPSG lacks (GCJ-02)', () => {
    const crsOf = (bytes: Uint8Array): [string | null, string | null, number] => {
      const c = Header.getSizePrefixedRootAsHeader(new ByteBuffer(bytes.subarray(8))).crs()!;
      return [c.org(), c.name(), c.code()];
    };
    expect(crsOf(writeFlatGeobuf(grid()))).toEqual(['EPSG', null, 4326]);
    expect(crsOf(writeFlatGeobuf(grid(), { crs: { name: 'GCJ-02 (Amap/Tencent)' } }))).toEqual([null, 'GCJ-02 (Amap/Tencent)', 0]);
  });

  it('is read by GDAL with layer name, field types and count (skipped when ogrinfo is not installed)', (ctx) => {
    let ogr = '';
    try { ogr = execFileSync('which', ['ogrinfo']).toString().trim(); } catch { ctx.skip(); }
    const dir = mkdtempSync(join(tmpdir(), 'fgb-'));
    const file = join(dir, 'grid.fgb');
    writeFileSync(file, writeFlatGeobuf(grid(), { layerName: 'grid_cells' }));
    const info = execFileSync(ogr, ['-so', file, 'grid_cells']).toString();
    expect(info).toContain('Layer name: grid_cells');
    expect(info).toContain('Feature Count: 100');
    expect(info).toMatch(/seq: Integer \(/);
    expect(info).toMatch(/share: Real \(/);
    expect(info).toMatch(/ok: Integer\(Boolean\)/);
    expect(info).toContain('ID["EPSG",4326]');
    const hits = execFileSync(ogr, ['-q', file, 'grid_cells', '-spat', '116.0305', '39.0205', '116.0505', '39.0405']).toString();
    expect(hits.match(/OGRFeature\(grid_cells\)/g)).toHaveLength(9);
  });
});
