/**
 * Network build, snapping and the distance job on a helper thread (the thread then holds the job for its
 * searches, the caller gets a copy for its own).
 *
 * Why: the build allocates ~180 MB of typed arrays at ×50. On the CLI's main thread, whose heap holds every
 * input feature (~140 MB), that set off two or three full garbage collections of 100–400 ms each, plus the
 * snapping's and the job's; a helper thread's heap is nearly empty, so there the same collections take a few
 * ms. The caller meanwhile computes the items' points. Results are identical: the same functions run on the
 * same numbers (the roads go over as `RoadLines`, plain doubles).
 */
import type { NetworkSettings } from '../config/defaults';
import { snapPoints } from '../network';
import type { NetworkStats, SnapInfo, WalkNetwork } from '../network';
import { buildWalkNetworkFromLines } from '../network/build';
import type { RoadColumns, RoadLines } from '../network/roadLines';
import { flattenRoadColumns, isRoadColumns } from '../network/roadLines';
import type { Road } from '../types';
import { prepareDistanceJob } from './distanceJob';
import type { DistanceJob } from './distanceJob';
import type { TaskPort } from './parallel';

/** What the job needs besides the network (all typed arrays: posted to the thread). */
export interface JobItems {
  communityLngLat: Float64Array;
  facilityLngLat: Float64Array;
  byCategory: Int32Array[];
  maxWalkMeters: Float64Array;
  searchBoundMeters: Float64Array;
  maxSnapMeters: number;
}

/** What the caller gets back: everything of a network run but the network itself (it stays on the thread). */
export interface PreparedJob {
  stats: NetworkStats;
  communitySnap: SnapInfo;
  facilitySnap: SnapInfo;
  job: DistanceJob;
}

/** Snap the items and prepare the job (the same calls, in the same order, as a run on the calling thread). */
export function prepareJob(net: WalkNetwork, items: JobItems): PreparedJob {
  const communitySnap = snapPoints(net, items.communityLngLat, items.maxSnapMeters);
  const facilitySnap = snapPoints(net, items.facilityLngLat, items.maxSnapMeters);
  const job = prepareDistanceJob(net, communitySnap, facilitySnap, items.byCategory, items.maxWalkMeters, items.searchBoundMeters);
  return { stats: net.stats, communitySnap, facilitySnap, job };
}

/** Thread side: keeps the network between the 'network' and the 'items' message of one job. */
export class ThreadPreparation {
  private net: WalkNetwork | null = null;
  private jobId = -1;

  network(jobId: number, lines: RoadLines | RoadColumns, settings: NetworkSettings): void {
    this.net = null;
    this.jobId = jobId;
    this.net = buildWalkNetworkFromLines(isRoadColumns(lines) ? flattenRoadColumns(lines) : lines, settings);
  }

  /** The prepared job of `jobId`; the network is let go (only the job is searched from here on). */
  items(jobId: number, items: JobItems): PreparedJob {
    const net = this.net;
    if (!net || jobId !== this.jobId) throw new Error(`no network built for job ${jobId}`);
    this.net = null;
    return prepareJob(net, items);
  }
}

/** Buffers of a prepared job's snap info (the thread does not keep them: they move, the job is copied). */
export function snapBuffers(p: Pick<PreparedJob, 'communitySnap' | 'facilitySnap'>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const s of [p.communitySnap, p.facilitySnap]) {
    for (const a of [s.edge, s.t, s.connectorMeters, s.offNetwork, s.tinyComponent, s.pointLngLat, s.snappedLngLat]) out.push(a.buffer as ArrayBuffer);
  }
  return out;
}

/** Buffers of road lines (the caller does not need them after posting). */
export function lineBuffers(lines: RoadLines): ArrayBuffer[] {
  return [lines.lngLat, lines.partStart, lines.partRoad, lines.partClass, lines.bbox].map((a) => a.buffer as ArrayBuffer);
}

/** A network build started early on a helper thread (`startNetworkOnThread`), to be picked up by the analysis. */
export interface NetworkOnThread {
  port: TaskPort;
  jobId: number;
  /** What it was started from: the analysis uses it only for these very roads (or lines) and settings. */
  roads: readonly Road[] | RoadLines;
  settings: NetworkSettings;
}

/** Post the roads to `port` for a network build under `jobId` (flattened lines move to the thread, columns are copied). */
export function postNetwork(port: TaskPort, jobId: number, lines: RoadLines | RoadColumns, settings: NetworkSettings): void {
  port.post({ type: 'network', jobId, lines, settings: { ...settings } });
}

/**
 * Caller side, after `postNetwork`: post the items and resolve with the prepared job. Rejects with the thread's
 * message when it fails (the caller then builds on its own thread). The port's listener is replaced.
 */
export function prepareOnPort(port: TaskPort, jobId: number, items: JobItems): Promise<PreparedJob> {
  return new Promise<PreparedJob>((resolve, reject) => {
    port.listen((r) => {
      if (r.jobId !== jobId) return;
      if (r.type === 'prepared') resolve(r);
      else if (r.type === 'error') reject(new Error(`distance thread: ${r.message}`));
    });
    try {
      port.post({ type: 'items', jobId, items });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
