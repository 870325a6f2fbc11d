/**
 * gaps.csv made and written on a worker thread (Node only: the CLI), while the main thread writes the other
 * files. At ×50 the file is 310 000 rows (17.7 MB), 120–150 ms of the main thread's writing; handing it over
 * costs one pass over the gaps into typed arrays (community, category, walk, households) plus the community
 * and category cells as strings. Same bytes as `writeGapsCsv` (test/unit/write-fast-paths.test.ts).
 */
import { closeSync, writeSync } from 'node:fs';
import type { CategoryDef } from '../../core/config/categories';
import type { AccessibilityResult } from '../../core/coverage';
import type { Community } from '../../core/types';
import { csvCell, csvHeader } from '../csvWrite';
import { utf8 } from './byteChunks';
import { GAP_COLUMNS } from './gaps';
import { openReplacing } from './replaceFile';
import { writeDecimetres } from './walkText';

/** What the thread needs: one entry per gap in the typed arrays, cells as text. */
export interface GapsCsvJob {
  path: string;
  header: string;
  /** `community_id,community,` per community index. */
  leads: string[];
  /** `category,category_zh,` per entry of `category`. */
  categoryCells: string[];
  community: Int32Array;
  category: Int32Array;
  /** Walking metres, NaN when null (both write an empty cell). */
  walkMeters: Float64Array;
  /** Households, NaN when null (both write an empty cell). */
  households: Float64Array;
}

/**
 * The job for the gaps given as result cells (`gapCells`, listing order), without a Gap object each: the bytes
 * are those of `writeGapsCsv(gapsOfCells(cells, result, communities), …)`. Null for values the thread would
 * write differently (metres past 1e300, never real; households that are not a number): write those files on
 * the main thread.
 */
export function gapsCsvJobOfCells(
  path: string, cells: Float64Array, result: Pick<AccessibilityResult, 'categoryIds' | 'walkMeters'>, communities: readonly Community[], categories: readonly CategoryDef[],
): GapsCsvJob | null {
  const n = cells.length;
  const nCat = result.categoryIds.length;
  const community = new Int32Array(n);
  const category = new Int32Array(n);
  const walkMeters = new Float64Array(n);
  const households = new Float64Array(n);
  const zhOf = new Map(categories.map((c) => [c.id, c.zh]));
  const categoryCells = result.categoryIds.map((id) => `${csvCell(id)},${csvCell(zhOf.get(id) ?? '')},`);
  const householdsOf = communities.map((c) => c.households);
  for (let j = 0; j < n; j++) {
    const cell = cells[j];
    const i = Math.floor(cell / nCat);
    const w = result.walkMeters[cell], h: unknown = householdsOf[i];
    if (Math.abs(w) >= 1e300) return null;
    if (h !== null && typeof h !== 'number') return null;
    community[j] = i;
    category[j] = cell - i * nCat;
    walkMeters[j] = w;
    households[j] = h ?? NaN;
  }
  const leads = communities.map((c) => `${csvCell(c.id)},${csvCell(c.name)},`);
  return { path, header: csvHeader(GAP_COLUMNS), leads, categoryCells, community, category, walkMeters, households };
}

/**
 * Make and write the job's file (synchronously; throws on a failed write). walk_m is the text of Math.round(m * 10) / 10,
 * the text of roundWalkMeters that writeGapsCsv writes; households String(h); non-finite values an empty cell. Run
 * on one of the CLI's distance threads, idle once the searches are done (`DistancePool.writeGapsCsv`): a thread of
 * its own for this file cost a worker start-up (~55 ms CPU) and a compile of its own, on a machine whose two cores
 * are busy to the end of the run.
 */
export function writeGapsCsvJob(job: GapsCsvJob): void {
  const fd = openReplacing(job.path);
  try {
    // The first chunk is small, so the loop's flush has run before the loop gets optimised: a first flush after
    // that sent the optimised loop back to the interpreter to be compiled again (`--trace-deopt`: 2 compiles,
    // ~15–30 ms a run).
    let buf = new Uint8Array(1 << 12), pos = 0;
    const flush = (): void => {
      for (let done = 0; done < pos;) done += writeSync(fd, buf, done, pos - done);
      pos = 0;
      if (buf.length < 1 << 20) buf = new Uint8Array(1 << 20);
    };
    const header = new TextEncoder().encode(job.header);
    if (header.length > buf.length) buf = new Uint8Array(header.length);
    buf.set(header);
    pos = header.length;
    // One loop writes every row: the cells' bytes copied from pools, the metres as digits (writeDecimetres). The
    // closures it used per cell and an encoder call per households value were about half of this function's time
    // (310 000 rows at ×50, one cold run, profiled: 202 → 110 ms).
    const leads = new TextPool(job.leads), cats = new TextPool(job.categoryCells);
    const { community, category, walkMeters, households } = job;
    let lastH = 0, hText = '';
    for (let j = 0; j < community.length; j++) {
      const h = households[j];
      // String(h) of a number is ASCII: written char by char, no encoder call per community (~20 000).
      if (j === 0 || !Object.is(h, lastH)) { lastH = h; hText = Number.isFinite(h) ? String(h) : ''; }
      const lead = community[j], cat = category[j];
      // Room for the pieces, 32 bytes of walking metres (writeDecimetres) and ',' households '\r\n'.
      const need = leads.length(lead) + cats.length(cat) + hText.length + 35;
      if (pos + need > buf.length) { flush(); if (need > buf.length) buf = new Uint8Array(need); }
      pos = leads.copyTo(lead, buf, pos);
      pos = cats.copyTo(cat, buf, pos);
      const w = walkMeters[j];
      if (Number.isFinite(w)) pos = writeDecimetres(Math.round(w * 10), buf, pos);
      buf[pos++] = 44;
      for (let i = 0; i < hText.length; i++) buf[pos++] = hText.charCodeAt(i);
      buf[pos++] = 13;
      buf[pos++] = 10;
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/** The UTF-8 of a few texts written many times, in one array. */
class TextPool {
  private readonly bytes: Uint8Array;
  private readonly at: Int32Array;

  constructor(texts: readonly string[]) {
    const encoded = texts.map(utf8);
    this.at = new Int32Array(texts.length + 1);
    for (let k = 0; k < encoded.length; k++) this.at[k + 1] = this.at[k] + encoded[k].length;
    this.bytes = new Uint8Array(this.at[texts.length]);
    for (let k = 0; k < encoded.length; k++) this.bytes.set(encoded[k], this.at[k]);
  }

  length(k: number): number {
    return this.at[k + 1] - this.at[k];
  }

  /** Text k into `buf` at `p` (room checked by the caller); returns the end. */
  copyTo(k: number, buf: Uint8Array, p: number): number {
    const bytes = this.bytes, end = this.at[k + 1];
    let q = p;
    for (let i = this.at[k]; i < end; i++) buf[q++] = bytes[i];
    return q;
  }
}

/** The typed arrays a job moves to the thread that writes it. */
export const gapsCsvJobBuffers = (job: GapsCsvJob): ArrayBuffer[] =>
  [job.community.buffer, job.category.buffer, job.walkMeters.buffer, job.households.buffer] as ArrayBuffer[];
