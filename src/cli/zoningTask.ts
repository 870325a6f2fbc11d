/**
 * Zoning off the main thread's critical path: the zones (eligibility, adjacency, grouping, names, outlines and
 * the distance-free statistics, `draftZoning`) need no distances, so a worker thread drafts them while the main
 * thread builds the walking network and searches. The thread keeps its draft and sends only its community side
 * (eligibility, zone ids, summary; `zoningOfCommunities`). Once the distances are known the thread gets the
 * coverage table, adds the gap statistics (`finishZones`) and writes the zone files while the main thread writes
 * the others (write.ts); the main thread drafts the zones itself only when a caller reads them. Without a thread,
 * or when it fails, all of it runs on the main thread: same `ZoningRun`, same bytes.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { AccessibilityResult } from '../core/coverage';
import type { Community, Road } from '../core/types';
import type { BarrierLine } from '../core/zoning';
import { gapInput } from '../core/zoning';
import type { GeographicCrs } from '../io/crs';
import type { ZoneFileFormat } from '../io/export/zonesFiles';
import { failureError } from '../io/export/zonesFiles';
import type { ZoningRun } from './zoning';
import { distinctIds, draftZoning, finishZoning, finishZones, lazyZoningRun, withIds, zoningBarriers, zoningOfCommunities } from './zoning';
import type { ZoningSettings } from './zoningOptions';
import type { PackedDraftSide, ZoneFilesJob, ZoneFilesResponse, ZoningDrafted, ZoningJob, ZoningThreadError, ZoningThreadResponse } from './zoningWire';
import { startThread, threadEntry } from './threadEntry';
import { jobBuffers, packCommunities, packLines, unpackDraftSide, zoneFilesJobBuffers } from './zoningWire';

/**
 * Communities from which the default run drafts on the thread. Below it the thread's start (~40 ms bundled) and
 * the packing are not won back: ×10 town (4 000 communities) drafts in ~250 ms of a ~2 s run.
 */
export const THREAD_MIN_COMMUNITIES = 2000;
/** Communities files from this size on start the thread before reading (it loads while the inputs are read). */
const THREAD_FROM_COMMUNITY_BYTES = 512 * 1024;

export interface ZoningThread {
  worker: Worker;
  /** 0 when the thread was asked for (`--threads`): used whatever the size. */
  minCommunities: number;
  /** Why the thread is gone before its job (its module failed to load, …), else null. */
  failure(): string | null;
  close(): Promise<void>;
}

const defaultEntry = (): URL => threadEntry('zoningThread', import.meta.url);

/** Start the zoning thread (idle, not keeping the process alive until it gets its job). `entry`: tests only. */
export function startZoningThread(minCommunities = 0, entry: URL = defaultEntry()): ZoningThread {
  const worker = startThread(entry);
  // An idle thread's failure (e.g. its module did not load) is kept and reported when the job is sent.
  let failure: string | null = null;
  worker.on('error', (e: Error) => { failure ??= e.message; });
  worker.once('exit', (code) => { failure ??= `thread exited (code ${code})`; });
  worker.unref(); // after the listeners; an idle thread must not keep a failed run's process alive
  return { worker, minCommunities, failure: () => failure, close: async () => { await worker.terminate(); } };
}

/** `--threads N`: N ≥ 2 always drafts on the thread, N ≤ 1 never; by default from a big communities file on. */
export async function zoningThreadFor(threads: number | undefined, communitiesPath: string): Promise<ZoningThread | null> {
  if (threads !== undefined) return threads >= 2 ? startZoningThread(0) : null;
  if (availableParallelism() < 2) return null;
  const bytes = await stat(communitiesPath).then((s) => s.size, () => 0);
  return bytes >= THREAD_FROM_COMMUNITY_BYTES ? startZoningThread(THREAD_MIN_COMMUNITIES) : null;
}

/** The zone files written on the zoning thread (see `PendingZoning.zoneFilesOnThread`). */
export interface ZoneFilesOnThread {
  /**
   * Finish the thread's draft and write the zone files of `formats` (in that order). Resolves 'written', or with
   * why the thread could not (it died, or failed before writing: write them on the main thread then); rejects with
   * the write error (the same kind of error as a write on the main thread: message, code, path) once it stopped.
   */
  write(outDir: string, formats: ZoneFileFormat[], outCrs: GeographicCrs): Promise<'written' | { failed: string }>;
}

export interface PendingZoning {
  /**
   * The zoning run, once the distances are known (waits for the thread if it is still drafting). When the
   * thread drafted, the run's `zones` and `stats` are made on the main thread on first read only.
   */
  finish(accessibility: AccessibilityResult): Promise<ZoningRun>;
  /** Where the zones were drafted (known once `finish` resolved): 'thread' only when the thread's draft was used. */
  readonly draftedOn: 'thread' | 'main';
  /** After `finish`: the thread that keeps the draft and can write the zone files, null when drafted here. */
  zoneFilesOnThread(): ZoneFilesOnThread | null;
}

/**
 * Start zoning `communities`: on `thread` when given and big enough (the thread then keeps its draft for the zone
 * files, and is closed after them), else on the calling thread when `finish` is called. `log` hears why a thread's
 * draft was not used.
 */
export function beginZoning(
  thread: ZoningThread | null, communities: readonly Community[], roads: readonly Pick<Road, 'highway' | 'geometry'>[], otherBarriers: readonly BarrierLine[],
  settings: ZoningSettings, log: (line: string) => void = () => {},
): PendingZoning {
  const ids = distinctIds(communities);
  const barriers = zoningBarriers(roads, otherBarriers, settings);
  const inline = (accessibility: AccessibilityResult): ZoningRun =>
    finishZoning(draftZoning(withIds(communities, ids), barriers.lines, settings), communities, ids, barriers.counts, accessibility, settings);

  const packed = thread && communities.length >= thread.minCommunities ? packCommunities(communities, ids.ids) : null;
  if (!thread || !packed) {
    void thread?.close();
    return { finish: async (accessibility) => inline(accessibility), draftedOn: 'main', zoneFilesOnThread: () => null };
  }
  const job: ZoningJob = { type: 'zone', communities: packed, barriers: packLines(barriers.lines), settings };
  // The thread answers twice: the community side as soon as the zones are grouped, then word that the whole draft
  // is made. The main thread goes on with the side (writing the community files) while the thread makes the outlines.
  let resolveSide: (r: PackedDraftSide | ZoningDrafted | ZoningThreadError) => void = () => {};
  const side = new Promise<PackedDraftSide | ZoningDrafted | ZoningThreadError>((resolve) => { resolveSide = resolve; });
  let zoneFailure: string | null = null;
  const reply = ask<ZoningThreadResponse>(thread, job, jobBuffers(job), (r) => {
    if (r.type === 'side') { resolveSide(r); return true; }
    return false;
  });
  void reply.then((r) => {
    if (r.type === 'error') zoneFailure = r.message.split('\n')[0];
    resolveSide(r); // an error (or a draft without its side), when no side came first
  });
  let draftedOn: 'thread' | 'main' = 'main';
  let files: ZoneFilesOnThread | null = null;
  return {
    async finish(accessibility) {
      const r = await side;
      if (r.type !== 'side') {
        void thread.close();
        const why = r.type === 'error' ? r.message.split('\n')[0] : 'its draft came without the communities\' side';
        log(`warning: zoning thread failed (${why}); zoning on the main thread`);
        return inline(accessibility);
      }
      draftedOn = 'thread';
      files = zoneFilesOn(thread, accessibility, () => zoneFailure);
      const run = zoningOfCommunities(unpackDraftSide(r), communities, ids, barriers.counts, settings);
      // The zones on first read only (the CLI writes them on the thread and never reads them here): drafted here,
      // the thread's draft to the bit.
      return lazyZoningRun(run, () => finishZones(draftZoning(withIds(communities, ids), barriers.lines, settings), communities, ids.ids, accessibility));
    },
    get draftedOn() { return draftedOn; },
    zoneFilesOnThread: () => files,
  };
}

/**
 * `zoneFailure()`: why the 'zone' job failed, once known (null: not failed, or not known yet). The files are asked
 * for at once, not after the thread's whole draft came: the main thread, busy writing the community files
 * (synchronous writes), would see that answer late and leave the thread idle meanwhile (×50: ~0.4 s). Their
 * listener passes over the draft's messages; an error of the 'zone' job it hears first is the answer too.
 */
function zoneFilesOn(thread: ZoningThread, accessibility: AccessibilityResult, zoneFailure: () => string | null): ZoneFilesOnThread {
  let asked = false;
  return {
    async write(outDir, formats, outCrs) {
      if (asked) throw new Error('the zone files were already asked of the zoning thread');
      asked = true;
      const failed = zoneFailure();
      if (failed !== null) {
        void thread.close();
        return { failed };
      }
      const job: ZoneFilesJob = {
        type: 'write', categoryIds: accessibility.categoryIds, required: Uint8Array.from(gapInput(accessibility).required, (b) => (b ? 1 : 0)),
        covered: accessibility.covered.slice(), score: accessibility.score.slice(), outDir, formats, outCrs,
      };
      const r = await ask<ZoneFilesResponse | ZoningThreadResponse>(thread, job, zoneFilesJobBuffers(job), (m) => m.type === 'side' || m.type === 'drafted');
      void thread.close();
      if (r.type === 'write-error') throw failureError(r.error);
      return r.type === 'written' ? 'written' : { failed: r.type === 'error' ? r.message.split('\n')[0] : `unexpected answer ${r.type}` };
    },
  };
}

/** Jobs waiting for their answer, per thread: the thread is held (ref) while there is one. */
const waiting = new WeakMap<ZoningThread['worker'], number>();

/**
 * Post a job; resolves (never rejects) with the thread's answer or an error reply when it died or was gone
 * already. `early` sees every message first: true takes it as a message ahead of the answer. The thread is held
 * (ref) from a job until its answer (and while another job waits): the main thread may wait for it with nothing
 * else to do; in between it is not (an idle thread must not keep a failed run's process alive).
 */
function ask<R>(
  thread: ZoningThread, job: ZoningJob | ZoneFilesJob, transfer: ArrayBuffer[], early: (r: R) => boolean = () => false,
): Promise<R | ZoningThreadError> {
  const { worker } = thread;
  const gone = thread.failure();
  if (gone !== null) return Promise.resolve({ type: 'error', message: gone });
  return new Promise<R | ZoningThreadError>((resolve) => {
    let settled = false;
    const onMessage = (r: R): void => { if (!early(r)) settle(r); };
    const onError = (e: Error): void => settle({ type: 'error', message: e.message });
    const onExit = (code: number): void => settle({ type: 'error', message: `thread exited (code ${code})` });
    function settle(r: R | ZoningThreadError): void {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      const left = (waiting.get(worker) ?? 1) - 1;
      waiting.set(worker, left);
      if (left === 0) worker.unref();
      resolve(r);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    waiting.set(worker, (waiting.get(worker) ?? 0) + 1);
    worker.ref();
    worker.postMessage(job, transfer);
  });
}
