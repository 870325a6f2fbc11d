/**
 * A worker_threads thread that runs distance tasks for the CLI (see src/core/coverage/parallel.ts) and, once the
 * searches are done, writes gaps.csv (`DistancePool.writeGapsCsv`).
 */
import { parentPort } from 'node:worker_threads';
import { createDistanceThread, responseBuffers } from '../core/coverage/parallel';
import type { DistanceThreadRequest } from '../core/coverage/parallel';
import { writeGapsCsvJob } from '../io/export/gapsCsvThread';
import type { GapsCsvRequest, GapsCsvResponse } from './distancePool';

const port = parentPort;
if (!port) throw new Error('distanceThread.ts must run as a worker thread');
const handle = createDistanceThread((r) => port.postMessage(r, responseBuffers(r)));
port.on('message', (m: DistanceThreadRequest | GapsCsvRequest) => {
  if (m.type !== 'gaps-csv') { handle(m); return; }
  let reply: GapsCsvResponse;
  try {
    writeGapsCsvJob(m.job);
    reply = { type: 'gaps-csv', ok: true };
  } catch (e) {
    reply = { type: 'gaps-csv', ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
