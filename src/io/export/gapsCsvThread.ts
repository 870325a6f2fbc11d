/**
 * gaps.csv made and written on a worker thread (Node only: the CLI), while the main thread writes the other
 * files. At ×50 the file is 310 000 rows (17.7 MB), 120–150 ms of the main thread's writing; handing it over
 * costs one pass over the gaps into typed arrays (community, category, walk, households) plus the community
 * and category cells as strings. Same bytes as `writeGapsCsv` (test/unit/gaps-csv-thread.test.ts).
 *
 * The thread's code is a self-contained script run with `eval` (no imports of ours): it works the same from
 * the TypeScript sources (tsx, vitest) and from the bundled CLI, where a module of ours would need an entry of
 * its own in vite.cli.config.ts.
 */
import { Worker } from 'node:worker_threads';
import { writerThreadDone } from './writerThread';
import type { CategoryDef } from '../../core/config/categories';
import type { AccessibilityResult } from '../../core/coverage';
import type { Community } from '../../core/types';
import { csvCell, csvHeader } from '../csvWrite';
import { GAP_COLUMNS } from './gaps';

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
 * The thread: UTF-8 rows into a 1 MB buffer written as it fills. walk_m is String(Math.round(m * 10) / 10), the
 * text of roundWalkMeters that writeGapsCsv writes; households String(h); non-finite values an empty cell.
 */
const THREAD_SCRIPT = `
const { workerData: job, parentPort } = require('node:worker_threads');
const { openSync, writeSync, closeSync } = require('node:fs');
const encoder = new TextEncoder();
let fd = -1;
try {
  fd = openSync(job.path, 'w');
  let buf = new Uint8Array(1 << 20), pos = 0;
  const flush = () => { for (let done = 0; done < pos;) done += writeSync(fd, buf, done, pos - done); pos = 0; };
  const put = (b) => {
    const n = b.length;
    if (pos + n > buf.length) { flush(); if (n > buf.length) buf = new Uint8Array(n); }
    for (let i = 0; i < n; i++) buf[pos++] = b[i];
  };
  const ascii = (s) => {
    if (pos + s.length > buf.length) flush();
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
  };
  put(encoder.encode(job.header));
  const leads = job.leads.map((s) => encoder.encode(s));
  const cats = job.categoryCells.map((s) => encoder.encode(s));
  const { community, category, walkMeters, households } = job;
  let lastH = 0, hBytes = null;
  for (let j = 0; j < community.length; j++) {
    put(leads[community[j]]);
    put(cats[category[j]]);
    const w = walkMeters[j];
    if (Number.isFinite(w)) ascii(String(Math.round(w * 10) / 10));
    const h = households[j];
    if (hBytes === null || !Object.is(h, lastH)) { lastH = h; hBytes = encoder.encode(',' + (Number.isFinite(h) ? String(h) : '') + '\\r\\n'); }
    put(hBytes);
  }
  flush();
  closeSync(fd);
  fd = -1;
  parentPort.postMessage({ ok: true });
} catch (e) {
  if (fd >= 0) try { closeSync(fd); } catch {}
  parentPort.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}
`;

/**
 * Run the job on a new thread; resolves once the file is written and closed. Null when no thread could be
 * started: write the file on the main thread then.
 */
export function writeGapsCsvOnThread(job: GapsCsvJob): Promise<void> | null {
  let worker: Worker;
  try {
    worker = new Worker(THREAD_SCRIPT, {
      eval: true,
      workerData: job,
      transferList: [job.community.buffer, job.category.buffer, job.walkMeters.buffer, job.households.buffer] as ArrayBuffer[],
    });
  } catch {
    return null;
  }
  return writerThreadDone(worker, job.path);
}
