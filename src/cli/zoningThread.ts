/**
 * The worker_threads thread of `analyze`'s zones. First job ('zone'): draft the zones while the main thread
 * computes distances, and send the draft back packed (the main thread needs its community side). Second job
 * ('write', once the distances are known): finish the kept draft (gap statistics), make the zone features and
 * write the zone files, while the main thread writes the community files. The features never leave the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { ZoneAccessibilityInput, ZoningCommunity } from '../core/zoning';
import { zoneFeatures } from '../io/export/zones';
import { ZoneFileWriter, writeFailure } from '../io/export/zonesFiles';
import type { ZoningDraft } from './zoning';
import { draftZoning, finishZones } from './zoning';
import type { ZoneFilesJob, ZoneFilesResponse, ZoningJob, ZoningThreadResponse } from './zoningWire';
import { draftBuffers, packDraft, unpackCommunities, unpackLines, unpackStats } from './zoningWire';

const port = parentPort;
if (!port) throw new Error('zoningThread.ts must run as a worker thread');

/** The draft of the 'zone' job and its communities (distinct ids), until the 'write' job finishes them. */
let kept: { communities: ZoningCommunity[]; draft: ZoningDraft } | null = null;

const message = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

function draft(job: ZoningJob): ZoningThreadResponse {
  try {
    const communities = unpackCommunities(job.communities);
    const d = draftZoning(communities, unpackLines(job.barriers), job.settings);
    const packed = packDraft(d);
    if (!packed) return { type: 'error', message: 'a zone outline has 3D positions' };
    // Its statistics as the main thread would unpack them (unpackStats says why), before the buffers go.
    kept = { communities, draft: { ...d, stats: unpackStats(packed) } };
    return packed;
  } catch (e) {
    return { type: 'error', message: message(e) };
  }
}

function writeZones(job: ZoneFilesJob): ZoneFilesResponse {
  if (!kept) return { type: 'error', message: 'no zoning draft to finish' };
  const { communities, draft: d } = kept;
  kept = null; // finishZones adds the gaps to the draft's statistics: once only
  let writer: ZoneFileWriter;
  try {
    const { categoryIds, required } = job;
    // walkMeters: the gap statistics read coverage only.
    const acc: ZoneAccessibilityInput = {
      categoryIds, covered: job.covered, walkMeters: new Float64Array(0), score: job.score,
      summary: categoryIds.map((categoryId, c) => ({ categoryId, required: required[c] === 1 })),
    };
    const { zones, stats } = finishZones(d, communities, communities.map((c) => c.id), acc);
    writer = new ZoneFileWriter(zoneFeatures(zones, stats), job.outCrs);
  } catch (e) {
    return { type: 'error', message: message(e) };
  }
  try {
    return { type: 'written', paths: job.formats.map((f) => writer.writeFile(job.outDir, f)) };
  } catch (e) {
    return { type: 'write-error', error: writeFailure(e) };
  }
}

port.on('message', (job: ZoningJob | ZoneFilesJob) => {
  if (job.type === 'zone') {
    const reply = draft(job);
    port.postMessage(reply, reply.type === 'draft' ? draftBuffers(reply) : []);
  } else {
    port.postMessage(writeZones(job));
  }
});
