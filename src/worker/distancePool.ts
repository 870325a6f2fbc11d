/**
 * Helper Workers for the distance searches, started by the analysis Worker (nested dedicated workers) the first
 * time a network is big enough to share out (see PARALLEL_MIN_NODES). One per core but one (the analysis Worker
 * searches too), at most 3; none where the browser has a single core or no nested Worker support.
 */
import { requestBuffers, threadPort } from '../core/coverage/parallel';
import type { DistanceThreadResponse, TaskPort } from '../core/coverage/parallel';

export function createDistancePorts(threads = Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 1) - 1): TaskPort[] {
  if (threads < 1 || typeof Worker === 'undefined') return [];
  return Array.from({ length: threads }, (_, i): TaskPort => {
    const worker = new Worker(new URL('./distance.worker.ts', import.meta.url), { type: 'module', name: `distances-${i + 1}` });
    const { port, receive, fail } = threadPort((message) => worker.postMessage(message, requestBuffers(message)), (f) => setTimeout(f, 0));
    worker.onmessage = (ev: MessageEvent<DistanceThreadResponse>) => receive(ev.data);
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault(); // reported through the analysis, which then runs on its own thread
      fail(`distance worker ${i + 1} failed: ${ev.message}`);
    };
    return port;
  });
}
