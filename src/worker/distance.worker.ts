/// <reference lib="webworker" />
/**
 * A helper thread of the analysis Worker: runs distance tasks (src/core/coverage/parallel.ts) on its own core.
 */
import { createDistanceThread, responseBuffers } from '../core/coverage/parallel';
import type { DistanceThreadRequest } from '../core/coverage/parallel';

declare const self: DedicatedWorkerGlobalScope;

const handle = createDistanceThread((r) => self.postMessage(r, responseBuffers(r)));
self.onmessage = (ev: MessageEvent<DistanceThreadRequest>) => handle(ev.data);
