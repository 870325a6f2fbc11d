/** The worker_threads thread that drafts the zones of `analyze` while the main thread computes distances. */
import { parentPort } from 'node:worker_threads';
import { draftZoning } from './zoning';
import type { ZoningJob, ZoningThreadResponse } from './zoningWire';
import { draftBuffers, packDraft, unpackCommunities, unpackLines } from './zoningWire';

const port = parentPort;
if (!port) throw new Error('zoningThread.ts must run as a worker thread');
port.on('message', (job: ZoningJob) => {
  let reply: ZoningThreadResponse;
  try {
    const draft = draftZoning(unpackCommunities(job.communities), unpackLines(job.barriers), job.settings);
    reply = packDraft(draft) ?? { type: 'error', message: 'a zone outline has 3D positions' };
  } catch (e) {
    reply = { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply, reply.type === 'draft' ? draftBuffers(reply) : []);
});
