/**
 * Walking distances on the network for every (community, category), on one thread: the job (distanceJob.ts:
 * the network reduced to what these items depend on) and its tasks (distanceTasks.ts) run in turn. The same tasks
 * run on several threads through `computeNetworkDistancesParallel` (parallel.ts).
 */
import type { SnapInfo, WalkNetwork } from '../network';
import type { DijkstraWorkspace } from '../network/dijkstra';
import { prepareDistanceJob } from './distanceJob';
import type { DistanceJob } from './distanceJob';
import { acquireRunner, assembleDistanceTables, releaseRunner } from './distanceTasks';
import type { DistanceTables } from './distanceTasks';

export type { DistanceTables } from './distanceTasks';

/** Facilities per counts unit of work (a progress step, a task for another thread). */
export const COUNT_CHUNK = 64;

/** Called between units of work: reports progress and throws when cancelled. */
export type Checkpoint = (phase: string, done: number, total: number) => void;

/** Seed a search from the split point of item i (edge endpoints at t·L and (1−t)·L plus the connector). */
export function seedItem(ws: DijkstraWorkspace, net: WalkNetwork, snap: SnapInfo, i: number, sourceLabel: number): void {
  const e = snap.edge[i];
  const len = net.edgeMeters[e], t = snap.t[i], c = snap.connectorMeters[i];
  ws.seed(net.edgeFrom[e], c + t * len, sourceLabel);
  ws.seed(net.edgeTo[e], c + (1 - t) * len, sourceLabel);
}

export function computeNetworkDistances(
  net: WalkNetwork, communitySnap: SnapInfo, facilitySnap: SnapInfo, byCategory: readonly Int32Array[],
  maxWalkMeters: Float64Array, searchBoundMeters: Float64Array, checkpoint: Checkpoint,
): DistanceTables {
  // The job's preparation is part of the distance work: report it under the first phase.
  checkpoint('nearest', 0, byCategory.length);
  return runDistanceJob(prepareDistanceJob(net, communitySnap, facilitySnap, byCategory, maxWalkMeters, searchBoundMeters), checkpoint);
}

/** Every task of the job on this thread, in turn. */
export function runDistanceJob(job: DistanceJob, checkpoint: Checkpoint): DistanceTables {
  const runner = acquireRunner(job);
  const columns = [];
  const nCat = job.categoryCount;
  for (let k = 0; k < nCat; k++) {
    checkpoint('nearest', k, nCat);
    columns.push(runner.nearest(k));
  }
  checkpoint('nearest', nCat, nCat);
  const nFac = job.facilities.edge.length;
  for (let f = 0; f < nFac; f += COUNT_CHUNK) {
    checkpoint('counts', f, nFac);
    runner.countFacilities(f, Math.min(nFac, f + COUNT_CHUNK));
  }
  checkpoint('counts', nFac, nFac);
  const tables = assembleDistanceTables(job, columns, [runner.counts]);
  releaseRunner(runner);
  return tables;
}
