/**
 * The writers' fast paths give the bytes of the plain way they stand in for: walking metres formatted digit by
 * digit (vs String(Math.round(m * 10) / 10)), the JS UTF-8 encoder (vs TextEncoder), pooled byte copies (vs text), gaps.csv made from a thread's job (vs writeGapsCsv), on seeded values
 * with the awkward ones: negative, tiny, huge, integers, -0, NaN, ±Infinity, long fractions, lone surrogates.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { gapsOfCells } from '../../src/core/coverage';
import type { Community } from '../../src/core/types';
import { csvCell } from '../../src/io/csvWrite';
import { collectBytes, collectText, utf8 } from '../../src/io/export/byteChunks';
import { writeGapsCsv } from '../../src/io/export/gapsCsv';
import { gapsCsvJobOfCells, writeGapsCsvJob } from '../../src/io/export/gapsCsvThread';
import { WalkTexts, writeDecimetres } from '../../src/io/export/walkText';
import { mulberry32 } from '../fixtures/network/prng';

const rand = mulberry32(7);
const AWKWARD_METRES = [0, -0, 0.04, 0.05, 0.05000001, 0.15, 1, 2.5, 1239, 268.05, 999.95, 1e-7, -0.04, -0.06, -12.34, -1e6,
  123456789.123, 214748364.7, 214748364.8, 214748364.6, 1e13 + 0.3, 99999999999999.9, 1e14, 1e15, 1e16, 1e21, 1.79e307, 1e308, 5e-324, 1 / 3, 2 / 3, Math.PI * 1e5,
  NaN, Infinity, -Infinity];
const seededMetres = (n: number): number[] => [
  ...AWKWARD_METRES,
  ...Array.from({ length: n }, (_, i) => {
    const r = rand();
    if (i % 5 === 0) return Math.floor(r * 5000); // whole metres
    if (i % 7 === 0) return (r - 0.5) * 10 ** Math.floor(rand() * 30 - 10); // any sign and size
    return r * 3000 + rand() * 1e-9; // long fractions
  }),
];

describe('walking metres as text', () => {
  const metres = seededMetres(20000);
  it('writeDecimetres writes String(dm / 10) for every rounded value, fast path or not', () => {
    const pool = new Uint8Array(64);
    let checked = 0;
    for (const m of metres) {
      const dm = Math.round(m * 10);
      const end = writeDecimetres(dm, pool, 0);
      expect(String.fromCharCode(...pool.subarray(0, end))).toBe(String(dm / 10));
      checked++;
    }
    expect(checked).toBe(metres.length);
  });

  it('WalkTexts holds the text of roundWalkMeters (null when not finite) and copies it into the output', () => {
    const walks = new WalkTexts(Float64Array.from(metres), metres.length);
    for (let i = 0; i < metres.length; i++) {
      const m = metres[i];
      const expected = Number.isFinite(m) ? String(Math.round(m * 10) / 10) : null;
      expect(walks.textAt(i)).toBe(expected);
      expect(walks.has(i)).toBe(expected !== null);
    }
    const written = collectText((out) => { for (let i = 0; i < metres.length; i++) { walks.write(i, out); out.byte(59); } });
    expect(written).toBe(metres.map((m) => (Number.isFinite(m) ? String(Math.round(m * 10) / 10) : '')).join(';') + ';');
    expect(walks.textAt(8)).toBe('1239');
    expect(walks.textAt(0)).toBe('0');
    expect(walks.textAt(1)).toBe('0'); // -0
  });
});

describe('ByteChunks fast paths', () => {
  const strings = ['', 'a', 'C123', '小区0', '社区卫生服务中心', 'é', '😀 emoji', 'x\uD800y', '\uDC00', 'end\uD83D', '\uD83D\uDE00\uD83D',
    'a'.repeat(47), `${'中'.repeat(48)}`, `${'b'.repeat(49)}é`, 'tab\there', 'say "hi"', 'a,b', ' lead', 'trail ', 'two\nlines', '\u3000全角', '~!@#$%^&*()'];
  it('utf8 equals TextEncoder.encode, lone surrogates as U+FFFD', () => {
    const encoder = new TextEncoder();
    for (const s of strings) expect(Array.from(utf8(s))).toEqual(Array.from(encoder.encode(s)));
    expect(Array.from(utf8('\uD800'))).toEqual([0xef, 0xbf, 0xbd]);
  });

  it('copy and byte write what text writes, dropping a leading comma once', () => {
    const pool = utf8(',walk,"m":小区');
    expect(collectText((out) => { out.copy(pool, 0, pool.length); out.copy(pool, 1, 5); out.byte(44); out.copy(pool, 5, 5); })).toBe(',walk,"m":小区walk,');
    expect(collectText((out) => { out.omitNextComma(); out.copy(pool, 0, 5); out.copy(pool, 0, 1); })).toBe('walk,');
    expect(collectText((out) => { out.omitNextComma(); out.byte(44); out.byte(44); out.byte(65); })).toBe(',A');
    // A chunk boundary inside a copy: all bytes arrive in order.
    const chunks: number[] = [];
    const bytes = collectBytes((out) => { for (let i = 0; i < 5000; i++) out.copy(pool, 0, pool.length); });
    for (const b of bytes.subarray(0, pool.length)) chunks.push(b);
    expect(bytes.length).toBe(5000 * pool.length);
    expect(chunks).toEqual(Array.from(pool));
  });
});

describe('gaps.csv on a thread', () => {
  const settings = defaultAnalysisSettings();
  const categories = settings.categories;
  const categoryIds = [...categories.map((c) => c.id), 'not_a_category'];
  const nCat = categoryIds.length;
  const names = ['小区', 'a,b', 'say "hi"', ' lead', 'plain', '😀', 'x\r\ny'];
  const householdValues = [null, 0, -0, 1520, 183, 2.5, NaN, 1e21];
  const communities = Array.from({ length: 300 }, (_, i) => ({
    id: i % 17 === 3 ? `C,${i}` : `C${i}`, name: `${names[i % names.length]}${i}`, households: householdValues[i % householdValues.length],
  }) as unknown as Community);
  // Result cells with the awkward metres (NaN: none within the bound), listed in a shuffled order.
  const metres = seededMetres(3000).filter((m) => !(Math.abs(m) >= 1e300));
  const walkMeters = new Float64Array(communities.length * nCat).fill(NaN);
  const cellSet = new Set<number>();
  metres.forEach((m, j) => {
    const cell = Math.floor(rand() * walkMeters.length);
    if (j % 9) walkMeters[cell] = m;
    cellSet.add(cell);
  });
  const cells = Float64Array.from([...cellSet].sort(() => rand() - 0.5));
  const result = { categoryIds, walkMeters };
  const dir = mkdtempSync(join(tmpdir(), 'gaps-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the bytes of writeGapsCsv on the gap objects', () => {
    const path = join(dir, 'gaps.csv');
    const job = gapsCsvJobOfCells(path, cells, result, communities, categories);
    expect(job).not.toBeNull();
    writeGapsCsvJob(job!);
    const gaps = gapsOfCells(cells, result, communities);
    expect(gaps.length).toBe(cellSet.size);
    const expected = collectBytes((out) => writeGapsCsv(gaps, communities, categories, out));
    const got = readFileSync(path);
    expect(got.length).toBe(expected.length);
    expect(got.equals(Buffer.from(expected))).toBe(true);
    const text = got.toString('utf8');
    expect(text.startsWith('\uFEFFcommunity_id,community,category,category_zh,walk_m,households\r\n')).toBe(true);
    const g = gaps[1];
    const row = `${csvCell(g.communityId)},${csvCell(communities[g.communityIndex].name)},${g.categoryId},`;
    expect(text).toContain(row);
  });

  it('leaves unusual values to the main thread (metres past 1e300, households not a number) and reports a failed write', () => {
    const huge = Float64Array.from(walkMeters);
    huge[cells[0]] = 1e308;
    expect(gapsCsvJobOfCells('x', cells, { categoryIds, walkMeters: huge }, communities, categories)).toBeNull();
    const odd = communities.map((c, i) => (i === Math.floor(cells[0] / nCat) ? { ...c, households: '12' as unknown as number } : c));
    expect(gapsCsvJobOfCells('x', cells, result, odd, categories)).toBeNull();
    const job = gapsCsvJobOfCells(join(dir, 'no-such-folder', 'gaps.csv'), cells, result, communities, categories);
    expect(() => writeGapsCsvJob(job!)).toThrow(/no-such-folder/);
  });
});
