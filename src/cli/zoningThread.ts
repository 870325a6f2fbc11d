/**
 * The worker_threads thread of `analyze`'s zones. First job ('zone'): draft the zones while the main thread
 * computes distances, and send back its community side (members, eligibility), packed, as soon as the zones are
 * grouped (all the main thread needs to write the community files), then, once the outlines and statistics are
 * made, word that the draft is done (the draft itself stays here). Second job
 * ('write', once the distances are known): finish the kept draft (gap statistics), make the zone features and
 * write the zone files, while the main thread writes the community files. The features never leave the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { ZoneAccessibilityInput, ZoneStats, ZoningCommunity } from '../core/zoning';
import { zoneFeatures } from '../io/export/zones';
import { ZoneFileWriter, writeFailure } from '../io/export/zonesFiles';
import type { ZoningDraft } from './zoning';
import { draftZoning, finishZones } from './zoning';
import type { ZoneFilesJob, ZoneFilesResponse, ZoningJob, ZoningThreadResponse } from './zoningWire';
import { packDraftSide, sideBuffers, unpackCommunities, unpackLines } from './zoningWire';

const port = parentPort ?? ((): never => { throw new Error('zoningThread.ts must run as a worker thread'); })();

/** What the 'write' job finishes: the 'zone' job's communities (distinct ids) and draft. */
let kept: { communities: ZoningCommunity[]; draft: ZoningDraft } | null = null;

/**
 * Copies of the drafted statistics, made just before the gaps are added to them. Adding the gaps to the drafted
 * objects themselves, or to objects unpacked from the packed draft, cost the thread 300–460 ms of CPU at ×50;
 * to these copies 150–180 ms (thread CPU time from /proc/thread-self/stat, 3 runs each; why is V8's business:
 * the objects' field representations and maps). Same keys in the same order, so the same output.
 */
const freshStats = (stats: readonly ZoneStats[]): ZoneStats[] =>
  stats.map((s) => ({ ...s, missingCategoryIds: [], householdsInGaps: 0, gapHouseholdsByCategory: {} }));

const message = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

function draft(job: ZoningJob): ZoningThreadResponse {
  try {
    const communities = unpackCommunities(job.communities);
    // ×50: the side goes ~0.4 s into the ~1.2 s draft; the main thread, done with the distances before the
    // outlines are, used to wait ~0.5 s for them with one core idle.
    const d = draftZoning(communities, unpackLines(job.barriers), job.settings, (side) => {
      const packed = packDraftSide(side);
      port.postMessage(packed, sideBuffers(packed));
    });
    kept = { communities, draft: d };
    return { type: 'drafted' };
  } catch (e) {
    return { type: 'error', message: message(e) };
  }
}

function writeZones(job: ZoneFilesJob): ZoneFilesResponse {
  if (!kept) return { type: 'error', message: 'no zoning draft to finish' };
  const { communities, draft: drafted } = kept;
  kept = null; // one write job per draft
  let writer: ZoneFileWriter;
  try {
    const { categoryIds, required } = job;
    // walkMeters: the gap statistics read coverage only.
    const acc: ZoneAccessibilityInput = {
      categoryIds, covered: job.covered, walkMeters: new Float64Array(0), score: job.score,
      summary: categoryIds.map((categoryId, c) => ({ categoryId, required: required[c] === 1 })),
    };
    // The statistics only feed the zone files here, which have no households per missing category: that object per
    // zone is not made (×50: ~14 600 objects of ~15 keys, most of the gap statistics' time).
    const { zones, stats } = finishZones({ layout: drafted.layout, stats: freshStats(drafted.stats) }, communities, communities.map((c) => c.id), acc, { householdsByCategory: false });
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
    port.postMessage(draft(job));
  } else {
    port.postMessage(writeZones(job));
  }
});
