/** A worker_threads thread that runs distance tasks for the CLI (see src/core/coverage/parallel.ts). */
import { parentPort } from 'node:worker_threads';
import { createDistanceThread, responseBuffers } from '../core/coverage/parallel';
import type { DistanceThreadRequest } from '../core/coverage/parallel';

const port = parentPort;
if (!port) throw new Error('distanceThread.ts must run as a worker thread');
const handle = createDistanceThread((r) => port.postMessage(r, responseBuffers(r)));
port.on('message', (m: DistanceThreadRequest) => handle(m));
