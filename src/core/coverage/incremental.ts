/**
 * Reruns that search only what changed. When a planner edits one category's max walk, the other categories'
 * walks and counts cannot change (the job and its items are the same, cache.ts), so only the edited categories
 * are searched again: one nearest search and the counts from that category's facilities instead of 19 searches
 * and 5 000 (×50 bench town: ~10–60 ms instead of ~300–450 ms, see test/bench/README.md). A change of `required`
 * alone searches nothing. The tables are exactly those of a full run (tested against one).
 */
import type { DistanceJob } from './distanceJob';
import type { DistanceTables } from './distanceTasks';
import { acquireRunner, assembleDistanceTables, releaseRunner } from './distanceTasks';
import type { Checkpoint } from './networkDistances';
import { COUNT_CHUNK } from './networkDistances';

/** The tables of the last run of a cached job, with the category settings they were computed for (copies). */
export interface LastTables {
  maxWalkMeters: Float64Array;
  searchBoundMeters: Float64Array;
  tables: DistanceTables;
}

/**
 * Above this share of changed categories the whole job runs (it can be shared out over threads; a partial run
 * stays on the calling thread).
 */
export const INCREMENTAL_MAX_SHARE = 0.5;

export function rememberTables(job: DistanceJob, tables: DistanceTables): LastTables {
  return {
    maxWalkMeters: job.maxWalkMeters.slice(),
    searchBoundMeters: job.searchBoundMeters.slice(),
    tables: { walkMeters: tables.walkMeters.slice(), nearestFacility: tables.nearestFacility.slice(), countWithin: tables.countWithin.slice() },
  };
}

/**
 * The tables for `job` searching only what changed since `last`, or null when there is no last run or too many
 * categories changed (then run the whole job).
 */
export function incrementalRerun(job: DistanceJob, last: LastTables | null, checkpoint: Checkpoint): DistanceTables | null {
  if (!last) return null;
  const changed = changedCategories(last, job);
  return changed.length > job.categoryCount * INCREMENTAL_MAX_SHARE ? null : rerunChanged(job, last, changed, checkpoint);
}

/** Categories whose max walk or search bound differ from the last run's. */
export function changedCategories(last: LastTables, job: DistanceJob): number[] {
  const changed: number[] = [];
  for (let k = 0; k < job.categoryCount; k++) {
    if (last.maxWalkMeters[k] !== job.maxWalkMeters[k] || last.searchBoundMeters[k] !== job.searchBoundMeters[k]) changed.push(k);
  }
  return changed;
}

/** The tables for `job` from `last`, searching only the `changed` categories again (on this thread). */
export function rerunChanged(job: DistanceJob, last: LastTables, changed: readonly number[], checkpoint: Checkpoint): DistanceTables {
  const nCat = job.categoryCount;
  const only = new Uint8Array(nCat);
  for (const k of changed) only[k] = 1;
  const runner = acquireRunner(job);
  const columns = [];
  for (let i = 0; i < changed.length; i++) {
    checkpoint('nearest', i, changed.length);
    columns.push(runner.nearest(changed[i]));
  }
  checkpoint('nearest', changed.length, changed.length);
  const nFac = job.facilities.edge.length;
  if (changed.length > 0) {
    for (let f = 0; f < nFac; f += COUNT_CHUNK) {
      checkpoint('counts', f, nFac);
      runner.countFacilities(f, Math.min(nFac, f + COUNT_CHUNK), only);
    }
  }
  checkpoint('counts', nFac, nFac);
  const tables = assembleDistanceTables(job, columns, [runner.counts]);
  releaseRunner(runner);
  // Every other category from the last run (its columns were not searched: NaN / −1 / 0 in `tables` so far).
  const old = last.tables;
  for (let row = 0; row < tables.walkMeters.length; row += nCat) {
    for (let k = 0; k < nCat; k++) {
      if (only[k] === 1) continue;
      tables.walkMeters[row + k] = old.walkMeters[row + k];
      tables.nearestFacility[row + k] = old.nearestFacility[row + k];
      tables.countWithin[row + k] = old.countWithin[row + k];
    }
  }
  return tables;
}
