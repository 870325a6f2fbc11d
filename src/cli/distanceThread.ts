/** A worker_threads thread that runs distance tasks for the CLI (see src/core/coverage/parallel.ts). */
import { parentPort } from 'node:worker_threads';
import { createDistanceThread, responseBuffers } from '../core/coverage/parallel';
import type { DistanceThreadRequest } from '../core/coverage/parallel';
import type { SpeculateRoads } from './distancePool';
import { readSpeculativeRoadLines } from './speculativeRoads';

const port = parentPort;
if (!port) throw new Error('distanceThread.ts must run as a worker thread');
const handle = createDistanceThread((r) => port.postMessage(r, responseBuffers(r)));
port.on('message', (m: DistanceThreadRequest | SpeculateRoads) => {
  if (m.type !== 'speculateRoads') {
    handle(m);
    return;
  }
  // Read here, beside the main thread's reading of the same file: a guess at the lines it will send.
  const lines = readSpeculativeRoadLines(m.path);
  if (lines) handle({ type: 'speculate', jobId: -1, lines, settings: m.settings });
});
