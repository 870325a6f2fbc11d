/** computeAccessibility: the life-circle accessibility engine (pure, synchronous, cancellable). */
import type { NetworkStats, WalkNetwork } from '../network';
import { buildWalkNetwork, snapPoints } from '../network';
import type { SnapInfo } from '../network';
import { buildWalkNetworkFromLines } from '../network/build';
import { columnsBehind, flattenRoads } from '../network/roadLines';
import type { RoadColumns, RoadLines } from '../network/roadLines';
import type { NetworkSettings } from '../config/defaults';
import type { Road } from '../types';
import { computeEuclideanDistances } from './euclidean';
import { prepareDistanceJob } from './distanceJob';
import type { DistanceTables } from './distanceTasks';
import type { CachedItems } from './cache';
import type { DistanceJob } from './distanceJob';
import { incrementalRerun, rememberTables } from './incremental';
import { runDistanceJob } from './networkDistances';
import type { Checkpoint } from './networkDistances';
import { newJobId, runDistanceJobParallel } from './parallel';
import type { TaskPort } from './parallel';
import { postNetwork, prepareOnPort } from './prepareOnThread';
import type { JobItems, NetworkOnThread } from './prepareOnThread';
import { facilitiesByCategory, representativePoints } from './points';
import { summariseCoverage } from './summary';
import type { AccessibilityInput, AccessibilityResult } from './types';
import { CancelledError, SEARCH_BOUND_FACTOR } from './types';

/** Snap info for Euclidean mode: every item is "on" (its own point), no edges. */
function pointOnlySnap(lngLat: Float64Array): SnapInfo {
  const n = lngLat.length / 2;
  const off = new Uint8Array(n);
  for (let i = 0; i < n; i++) off[i] = Number.isFinite(lngLat[2 * i]) && Number.isFinite(lngLat[2 * i + 1]) ? 0 : 1;
  return {
    edge: new Int32Array(n).fill(-1), t: new Float64Array(n), connectorMeters: new Float64Array(n), offNetwork: off,
    tinyComponent: new Uint8Array(n), pointLngLat: Float64Array.from(lngLat), snappedLngLat: Float64Array.from(lngLat),
  };
}

/**
 * Walking metres from every community to the nearest facility of every category, counts within the max walk,
 * coverage flags, scores and household summaries. Network mode when `network` or non-empty `roads` are given,
 * else straight-line (`mode: 'euclidean'`). The result holds only typed arrays and plain data (transferable).
 *
 * @example
 * ```ts
 * const settings = defaultAnalysisSettings();
 * const r = computeAccessibility({ communities, facilities, roads, settings });
 * const k = r.categoryIds.indexOf('kindergarten');
 * console.log(r.mode, r.walkMeters[0 * r.categoryIds.length + k], r.covered[k], r.score[0]);
 * ```
 * @throws CancelledError when `isCancelled()` returns true between units of work.
 */
export function computeAccessibility(input: AccessibilityInput): AccessibilityResult {
  const run = begin(input);
  let tables: DistanceTables;
  if (run.net) {
    run.checkpoint('nearest', 0, run.byCategory.length); // the job's preparation counts as distance work
    const job = jobFor({ ...run, net: run.net });
    tables = incrementalTables(run, job) ?? runDistanceJob(job, run.checkpoint);
    remember(run, job, tables);
  } else {
    tables = computeEuclideanDistances(run.communityLngLat, run.facilityLngLat, run.byCategory, run.maxWalkMeters, run.searchBoundMeters, run.checkpoint);
  }
  return finish(input, run, tables, 1);
}

/**
 * Below this many search-graph nodes one thread is quicker than sharing out: measured with the calling thread
 * + 1 worker thread, the ×10 bench town (~25k search nodes) took 58 ms alone and 76 ms shared, the ×50 town
 * (125k) 640 ms alone and 466 ms shared (test/bench/README.md).
 */
export const PARALLEL_MIN_NODES = 50_000;

/**
 * `computeAccessibility` with the distance searches shared out over `ports` (threads running
 * `createDistanceThread`): the same result, sooner on a multi-core machine. Small networks, Euclidean mode and
 * an empty `ports` run on this thread, and so does a job whose helper threads fail (`threads` then says 1, `helperThreads` 0).
 * `callerSearches`: this thread searches too when a thread prepared the job (it has a core to itself then).
 */
export async function computeAccessibilityParallel(
  input: AccessibilityInput, ports: readonly TaskPort[], minNodes = PARALLEL_MIN_NODES, callerSearches = false,
): Promise<AccessibilityResult> {
  const onThread = ports.length > 0 ? await beginOnThread(input, ports, minNodes) : null;
  const run = onThread?.run ?? begin(input);
  let tables: DistanceTables;
  let threads = 1, helperThreads = 0;
  if (!run.stats) {
    tables = computeEuclideanDistances(run.communityLngLat, run.facilityLngLat, run.byCategory, run.maxWalkMeters, run.searchBoundMeters, run.checkpoint);
  } else {
    run.checkpoint('nearest', 0, run.byCategory.length); // the job's preparation counts as distance work
    const job = onThread ? onThread.job : jobFor({ ...run, net: run.net as WalkNetwork });
    // A rerun that searches only the changed categories does so here; anything else may be shared out.
    const incremental = onThread ? null : incrementalTables(run, job);
    let shared: DistanceTables | null = null;
    if (incremental) {
      shared = incremental;
    } else if (job.graph.nodeCount >= minNodes && ports.length > 0) {
      try {
        const preloaded = onThread ? { jobId: onThread.jobId, ports: 1 } : undefined;
        // A job prepared on a thread is searched by the threads alone: the one that prepared it holds it with its
        // code already compiled, where the caller would first make a workspace and compile the search code of
        // its own. ×50 CLI on 2 cores, 30 alternating runs: ~0.15 s less CPU (wall −0.06 s on average). Unless
        // the caller has a core of its own (the CLI without zones): ×50, 12 runs, wall −55/−81 ms.
        const selfRuns = !onThread || callerSearches;
        shared = await runDistanceJobParallel(job, ports, run.checkpoint, { preloaded, selfRuns });
        helperThreads = ports.length;
        threads = helperThreads + (selfRuns ? 1 : 0);
      } catch (e) {
        // Cancelled: stop. A helper thread that failed (could not start, ran out of memory): do it here instead,
        // the analysis must not be lost to a thread problem.
        if (e instanceof CancelledError) throw e;
      }
    } else if (onThread) {
      ports[0].post({ type: 'finish', jobId: onThread.jobId }); // end the thread's job (it keeps it only for a 'reuse')
    }
    tables = shared ?? runDistanceJob(job, run.checkpoint);
    remember(run, job, tables);
  }
  return finish(input, run, tables, threads, helperThreads);
}

/**
 * Start building the network from `roads` (or from road lines already flattened, which stay the caller's: a copy
 * is posted) on the first of `ports` right away, e.g. as soon as the roads are read: the thread builds while the
 * caller reads the other inputs. Pass the handle as `networkOnThread` to `computeAccessibilityParallel` with the
 * same roads (as `roads` or `roadLines`), settings and ports. Null (nothing started) without ports or
 * below `minNodes` road vertices (see `computeAccessibilityParallel`).
 */
export function startNetworkOnThread(
  ports: readonly TaskPort[], roads: readonly Road[] | RoadLines, settings: NetworkSettings, minNodes = PARALLEL_MIN_NODES,
): NetworkOnThread | null {
  if (ports.length === 0) return null;
  let lines: RoadLines | RoadColumns;
  let vertices: number;
  const columns = isRoadList(roads) ? undefined : columnsBehind(roads);
  if (isRoadList(roads)) {
    if (roads.length === 0) return null;
    lines = flattenRoads(roads);
    vertices = lines.lngLat.length / 2;
  } else if (columns) {
    // Lines not flattened yet (lazyRoadLines): the columns go, and the thread flattens them.
    lines = columns;
    vertices = columns.lines.xy.length / 2;
  } else {
    // The caller's lines stay the caller's (a thread that fails leaves the build to it): a copy moves.
    lines = { ...roads, lngLat: roads.lngLat.slice(), partStart: roads.partStart.slice(), partRoad: roads.partRoad.slice(), partClass: roads.partClass.slice(), bbox: roads.bbox.slice() };
    vertices = lines.lngLat.length / 2;
  }
  // A search graph has fewer nodes than the roads have vertices: below minNodes the searches stay here anyway.
  // (Columns count the vertices of every road, walkable or not: a bound all the same.)
  if (vertices < minNodes) return null;
  const started: NetworkOnThread = { port: ports[0], jobId: newJobId(), roads, settings: { ...settings } };
  postNetwork(started.port, started.jobId, lines, settings);
  return started;
}

function isRoadList(roads: readonly Road[] | RoadLines): roads is readonly Road[] {
  return Array.isArray(roads);
}

function sameNetworkSettings(a: NetworkSettings, b: NetworkSettings): boolean {
  return a.mergeToleranceMeters === b.mergeToleranceMeters && a.nodeAtCrossings === b.nodeAtCrossings && a.maxSnapMeters === b.maxSnapMeters;
}

/**
 * `begin` with the network built, the items snapped and the job prepared on the thread behind `ports[0]`
 * (prepareOnThread.ts), which then holds the job. Only for a new network from roads (no `network`, no cache:
 * nothing here needs the network itself) of at least `minNodes` vertices; null when that does not apply or the
 * thread failed (the caller then does it all here). Picks up `input.networkOnThread` when it fits.
 */
async function beginOnThread(
  input: AccessibilityInput, ports: readonly TaskPort[], minNodes: number,
): Promise<{ run: Run; job: DistanceJob; jobId: number } | null> {
  const { communities, facilities, settings } = input;
  const roads = input.roadLines ?? input.roads;
  if (input.network || input.cache || !roads || (isRoadList(roads) && roads.length === 0)) return null;
  const own = categorySettings(input);
  const early = input.networkOnThread;
  const started = early && early.port === ports[0] && early.roads === roads && sameNetworkSettings(early.settings, settings.network)
    ? early : startNetworkOnThread(ports, roads, settings.network, minNodes);
  if (!started) return null;
  own.checkpoint('network', 0, 1);
  // Done here while the thread builds the network.
  const items: JobItems = {
    byCategory: facilitiesByCategory(facilities, own.categoryIds),
    communityLngLat: representativePoints(communities),
    facilityLngLat: representativePoints(facilities),
    maxWalkMeters: own.maxWalkMeters,
    searchBoundMeters: own.searchBoundMeters,
    maxSnapMeters: settings.network.maxSnapMeters,
  };
  let prepared;
  try {
    prepared = await prepareOnPort(started.port, started.jobId, items);
  } catch {
    return null;
  }
  own.checkpoint('network', 1, 1);
  for (let k = 0; k <= 2; k++) own.checkpoint('snap', k, 2);
  const { communitySnap, facilitySnap, stats, job } = prepared;
  return {
    run: {
      ...own, byCategory: items.byCategory, communityLngLat: items.communityLngLat, facilityLngLat: items.facilityLngLat,
      net: null, stats, communitySnap, facilitySnap, cached: null,
    },
    job,
    jobId: started.jobId,
  };
}

interface Run {
  checkpoint: Checkpoint;
  categoryIds: string[];
  maxWalkMeters: Float64Array;
  searchBoundMeters: Float64Array;
  byCategory: Int32Array[];
  communityLngLat: Float64Array;
  facilityLngLat: Float64Array;
  /** Null in Euclidean mode and when the network was built on another thread (`beginOnThread`). */
  net: WalkNetwork | null;
  /** The network's figures; null in Euclidean mode. */
  stats: NetworkStats | null;
  communitySnap: SnapInfo;
  facilitySnap: SnapInfo;
  /** The cache entry this run reads or fills (null without `input.cache` or without a network). */
  cached: CachedItems | null;
}

/** Everything up to the distance searches: points, network, snapping. */
function begin(input: AccessibilityInput): Run {
  const { communities, facilities, settings } = input;
  const own = categorySettings(input);
  const { checkpoint, categoryIds } = own;
  if (input.network && input.cache) {
    const hit = input.cache.lookup(input.network, communities, facilities, settings.network.maxSnapMeters, categoryIds.join('\n'));
    if (hit) {
      return {
        ...own, byCategory: hit.byCategory, communityLngLat: hit.communityLngLat, facilityLngLat: hit.facilityLngLat,
        net: hit.network, stats: hit.network.stats, communitySnap: hit.communitySnap, facilitySnap: hit.facilitySnap, cached: hit,
      };
    }
  }
  const byCategory = facilitiesByCategory(facilities, categoryIds);
  const communityLngLat = representativePoints(communities);
  const facilityLngLat = representativePoints(facilities);

  let net: WalkNetwork | null = input.network ?? null;
  if (!net && (input.roadLines || (input.roads && input.roads.length > 0))) {
    checkpoint('network', 0, 1);
    net = input.roadLines ? buildWalkNetworkFromLines(input.roadLines, settings.network) : buildWalkNetwork(input.roads ?? [], settings.network);
    checkpoint('network', 1, 1);
  }
  let communitySnap: SnapInfo, facilitySnap: SnapInfo;
  if (net) {
    checkpoint('snap', 0, 2);
    communitySnap = snapPoints(net, communityLngLat, settings.network.maxSnapMeters);
    checkpoint('snap', 1, 2);
    facilitySnap = snapPoints(net, facilityLngLat, settings.network.maxSnapMeters);
    checkpoint('snap', 2, 2);
  } else {
    communitySnap = pointOnlySnap(communityLngLat);
    facilitySnap = pointOnlySnap(facilityLngLat);
  }
  const run: Run = { ...own, byCategory, communityLngLat, facilityLngLat, net, stats: net ? net.stats : null, communitySnap, facilitySnap, cached: null };
  if (net && input.cache) {
    run.cached = input.cache.entry = {
      network: net, communities, facilities, maxSnapMeters: settings.network.maxSnapMeters, categoryKey: categoryIds.join('\n'),
      communityLngLat, facilityLngLat, communitySnap, facilitySnap, byCategory, job: null, last: null,
    };
  }
  return run;
}

/** What every run derives from its own settings: progress/cancel checkpoint, category columns and bounds. */
function categorySettings(input: AccessibilityInput): Pick<Run, 'checkpoint' | 'categoryIds' | 'maxWalkMeters' | 'searchBoundMeters'> {
  const { settings, onProgress, isCancelled } = input;
  const categories = settings.categories;
  return {
    checkpoint: (phase, done, total) => {
      if (isCancelled?.()) throw new CancelledError();
      onProgress?.(phase, done, total);
    },
    categoryIds: categories.map((c) => c.id),
    maxWalkMeters: Float64Array.from(categories, (c) => c.maxWalkMeters),
    searchBoundMeters: Float64Array.from(categories, (c) => SEARCH_BOUND_FACTOR * c.maxWalkMeters),
  };
}

/** The tables of a rerun of the cached job that only searched the changed categories, or null (run the whole job). */
function incrementalTables(run: Run, job: DistanceJob): DistanceTables | null {
  return run.cached?.job ? incrementalRerun(job, run.cached.last, run.checkpoint) : null;
}

/** Keep this run's tables with the cached job for the next rerun. */
function remember(run: Run, job: DistanceJob, tables: DistanceTables): void {
  if (run.cached && run.cached.job !== null) run.cached.last = rememberTables(job, tables);
}

/** The search job of a network run: the cached one with this run's category settings, or a new one (then cached). */
function jobFor(run: Run & { net: WalkNetwork }): DistanceJob {
  const cachedJob = run.cached?.job;
  if (cachedJob) return { ...cachedJob, maxWalkMeters: run.maxWalkMeters, searchBoundMeters: run.searchBoundMeters };
  const job = prepareDistanceJob(run.net, run.communitySnap, run.facilitySnap, run.byCategory, run.maxWalkMeters, run.searchBoundMeters);
  if (run.cached) run.cached.job = job;
  return job;
}

function finish(input: AccessibilityInput, run: Run, tables: DistanceTables, threads: number, helperThreads = 0): AccessibilityResult {
  const { communities, facilities, settings } = input;
  const { stats, communitySnap, facilitySnap } = run;
  const coverage = summariseCoverage(communities, settings.categories, tables.walkMeters, communitySnap.offNetwork, run.byCategory);
  return {
    mode: stats ? 'network' : 'euclidean',
    categoryIds: run.categoryIds,
    communityIds: communities.map((c) => c.id),
    ...tables,
    ...coverage,
    communitySnap,
    facilitySnap,
    offNetworkCommunities: communities.filter((_, i) => communitySnap.offNetwork[i]).map((c) => c.id),
    offNetworkFacilities: facilities.filter((_, i) => facilitySnap.offNetwork[i]).map((f) => f.id),
    network: stats,
    searchBoundMeters: run.searchBoundMeters,
    threads,
    helperThreads,
  };
}
