/**
 * zones.geojson and zones.csv made and written on a worker thread (Node only: the CLI) from a structured clone
 * of the zone features, while the main thread writes the community files. At ×50 (14 600 zones) the two files
 * took 200–250 ms of the main thread; the clone costs it about a fifth of that. Same bytes as
 * `streamGeoJSON(features, out, extra)` and `writeZonesCsv(features, out)` (test/unit/write-fast-paths.test.ts):
 * the thread runs JSON.stringify on the same values, and zones.csv with a copy of csvCell (csvWrite.ts).
 *
 * Like gapsCsvThread.ts the thread is a self-contained script run with `eval`, so it works the same from the
 * TypeScript sources and from the bundled CLI.
 */
import type { Feature } from 'geojson';
import { Worker } from 'node:worker_threads';
import { writerThreadDone } from './writerThread';
import { csvHeader } from '../csvWrite';
import { featureCollectionFrame } from '../geojsonWrite';
import { ZONE_COLUMNS } from './zones';

export interface ZonesFilesJob {
  /** zones.geojson path and the FeatureCollection text around the features (null: not written). */
  geojson: { path: string; head: string; tail: string } | null;
  /** zones.csv path (null: not written). */
  csv: { path: string; header: string; columns: string[]; joined: boolean[] } | null;
}

const THREAD_SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads');
const { openSync, writeSync, closeSync } = require('node:fs');
const { job, features } = workerData;
const encoder = new TextEncoder();
// csvCell of src/io/csvWrite.ts (kept equal by the tests).
const NEEDS_QUOTES = /[",\\r\\n]|^\\s|\\s$/;
function csvCell(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (s === undefined) return '';
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function writeFile(path, produce) {
  const fd = openSync(path, 'w');
  try {
    let buf = new Uint8Array(1 << 20), pos = 0;
    const flush = () => { for (let done = 0; done < pos;) done += writeSync(fd, buf, done, pos - done); pos = 0; };
    const put = (s) => {
      if (pos + 3 * s.length > buf.length) { flush(); if (3 * s.length > buf.length) buf = new Uint8Array(3 * s.length); }
      pos += encoder.encodeInto(s, buf.subarray(pos)).written;
    };
    produce(put);
    flush();
  } finally {
    closeSync(fd);
  }
}
try {
  if (job.geojson) {
    writeFile(job.geojson.path, (put) => {
      put(job.geojson.head);
      for (let i = 0; i < features.length; i++) { if (i) put(','); put(JSON.stringify(features[i])); }
      put(job.geojson.tail);
    });
  }
  if (job.csv) {
    const { columns, joined } = job.csv;
    writeFile(job.csv.path, (put) => {
      put(job.csv.header);
      for (const f of features) {
        const row = f.properties ?? {};
        let line = '';
        for (let c = 0; c < columns.length; c++) {
          const v = row[columns[c]];
          line += (c ? ',' : '') + csvCell(joined[c] && Array.isArray(v) ? v.join(';') : v);
        }
        put(line + '\\r\\n');
      }
    });
  }
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}
`;

export function zonesFilesJob(geojsonPath: string | null, csvPath: string | null, extra: Record<string, unknown>): ZonesFilesJob {
  const names = ZONE_COLUMNS.map((c) => c.name);
  const [head, tail] = featureCollectionFrame(extra);
  return {
    geojson: geojsonPath === null ? null : { path: geojsonPath, head, tail },
    csv: csvPath === null ? null : { path: csvPath, header: csvHeader(names), columns: names, joined: ZONE_COLUMNS.map((c) => c.kind === 'Json') },
  };
}

/**
 * Start the thread: the features are cloned now (the caller may change them afterwards). Returns null when
 * they cannot be cloned (a function or symbol among the values): write them on the main thread then.
 * `csvFeatures` are the WGS84 features zones.csv is made of (only their properties are sent).
 */
export function writeZonesFilesOnThread(job: ZonesFilesJob, features: readonly Feature[], csvFeatures: readonly Feature[] = features): Promise<void> | null {
  // Only one feature list crosses: zones.csv reads the properties, which the output-CRS copies share.
  if (job.csv && job.geojson && features !== csvFeatures && !features.every((f, i) => f.properties === csvFeatures[i]?.properties)) return null;
  let worker: Worker;
  try {
    worker = new Worker(THREAD_SCRIPT, { eval: true, workerData: { job, features: job.geojson ? features : csvFeatures } });
  } catch {
    return null;
  }
  return writerThreadDone(worker, 'zones files');
}
