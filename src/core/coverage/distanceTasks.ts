/**
 * The two kinds of distance task, run on any thread against one `DistanceJob`:
 * - nearest(k): one multi-source bounded Dijkstra from the split points of category k's facilities, then a scan
 *   of the communities (scan order) for the walk and the nearest facility;
 * - countFacilities(from, to): one small bounded Dijkstra per facility (radius = the largest max walk among its
 *   categories), adding 1 to every community within that category's max walk. Measured on the ×50 bench town:
 *   the 5k facility searches touch 0.4 M search nodes, one 1 km search per community (20k) would touch ~6 M,
 *   so the facility side it is. Counts are additive, so facility ranges can run on different threads.
 * Split points: an item at fraction t of edge (u, v) of length L reaches u after t·L and v after (1−t)·L, plus
 * its straight connector; two items on the same edge also get the direct |t1 − t2|·L.
 */
import { DijkstraWorkspace } from '../network/dijkstra';
import type { DistanceJob } from './distanceJob';
import { sameJobItems } from './distanceJob';
import { WALK_EPSILON_METERS } from './types';

/** One category's results in scan order (NaN / −1 when nothing is within the search bound). */
export interface NearestColumn {
  category: number;
  walkMeters: Float64Array;
  nearestFacility: Int32Array;
}

export interface DistanceTables {
  walkMeters: Float64Array;
  nearestFacility: Int32Array;
  countWithin: Int32Array;
}

export class DistanceRunner {
  /** Counts within the max walk, scan order × category, accumulated over every `countFacilities` call. */
  counts: Int32Array;
  private readonly ws: DijkstraWorkspace;
  /** Scratch: = k on compact edges / facilities of category k during nearest(k). */
  private readonly edgeCategory: Int32Array;
  private readonly facilityCategory: Int32Array;
  /** Scratch: last facility that counted each community (each community once per facility). */
  private readonly stamp: Int32Array;

  constructor(private job: DistanceJob) {
    this.ws = new DijkstraWorkspace(job.graph);
    this.edgeCategory = new Int32Array(job.edgeMeters.length).fill(-1);
    this.facilityCategory = new Int32Array(job.facilities.edge.length).fill(-1);
    this.stamp = new Int32Array(job.communities.index.length).fill(-1);
    this.counts = new Int32Array(job.communities.index.length * job.categoryCount);
  }

  /** The job this runner searches. */
  get currentJob(): DistanceJob {
    return this.job;
  }

  /**
   * Start over on `job`, which must differ from the current one at most in its category settings
   * (`sameJobItems`): the workspace and scratch arrays (~12 MB at ×50) are kept, so a rerun after a max-walk
   * change allocates only its results. Allocating them anew every run made V8 collect the whole heap during the
   * searches (external memory pressure), its marking thread taking a core from the searches.
   */
  retarget(job: DistanceJob): void {
    if (!sameJobItems(this.job, job)) throw new Error('retarget: the job has other items or another graph');
    this.job = job;
    this.ws.reset();
    this.edgeCategory.fill(-1);
    this.facilityCategory.fill(-1);
    this.stamp.fill(-1);
    // The counts may have been transferred to another thread (detached, length 0).
    if (this.counts.length === job.communities.index.length * job.categoryCount) this.counts.fill(0);
    else this.counts = new Int32Array(job.communities.index.length * job.categoryCount);
  }

  private seedFacility(f: number): void {
    const { facilities: fa } = this.job;
    const c = fa.connector[f];
    this.ws.seed(fa.nodeA[f], c + fa.metersA[f], f);
    this.ws.seed(fa.nodeB[f], c + fa.metersB[f], f);
  }

  nearest(k: number): NearestColumn {
    const { job, ws, edgeCategory, facilityCategory } = this;
    const fa = job.facilities;
    const count = job.communities.index.length;
    const column: NearestColumn = { category: k, walkMeters: new Float64Array(count).fill(NaN), nearestFacility: new Int32Array(count).fill(-1) };
    const boundMeters = job.searchBoundMeters[k];
    ws.reset();
    let seeded = 0;
    for (let p = job.byCategory.offsets[k]; p < job.byCategory.offsets[k + 1]; p++) {
      const f = job.byCategory.items[p];
      if (fa.edge[f] < 0) continue;
      this.seedFacility(f);
      edgeCategory[fa.edge[f]] = k;
      facilityCategory[f] = k;
      seeded++;
    }
    if (seeded === 0) return column;
    ws.run(boundMeters);
    const { dist, label } = ws;
    const { offsets: onEdgeOffsets, items: onEdge } = job.facilitiesOnEdge;
    const { edge, nodeA, nodeB, metersA, metersB, t: ct, connector } = job.communities;
    const { walkMeters, nearestFacility } = column;
    for (let j = 0; j < count; j++) {
      const u = nodeA[j], v = nodeB[j];
      let best = dist[u] + metersA[j], bestF = label[u];
      const viaV = dist[v] + metersB[j];
      if (viaV < best || (viaV === best && label[v] < bestF)) {
        best = viaV;
        bestF = label[v];
      }
      const e = edge[j];
      if (edgeCategory[e] === k) {
        // Facilities of this category on the community's own edge: the direct walk along it.
        const len = job.edgeMeters[e], t = ct[j];
        for (let p = onEdgeOffsets[e]; p < onEdgeOffsets[e + 1]; p++) {
          const f = onEdge[p];
          if (facilityCategory[f] !== k) continue;
          const d = fa.connector[f] + Math.abs(fa.t[f] - t) * len;
          if (d < best || (d === best && f < bestF)) {
            best = d;
            bestF = f;
          }
        }
      }
      const walk = best + connector[j];
      if (walk <= boundMeters) {
        walkMeters[j] = walk;
        nearestFacility[j] = bestF;
      }
    }
    return column;
  }

  /**
   * Counts for facilities [from, to) (input indices), added into `counts`. `only` (per category, 1 = wanted):
   * count only those categories, searching only from facilities serving one (an incremental rerun, incremental.ts).
   * The search radius is the facility's largest max walk over all its categories, plus the comparison's epsilon,
   * whatever `only` says: distances are then exact up to every threshold compared, so a category's counts do not
   * depend on its facility's other categories, and a partial count equals the full one.
   */
  countFacilities(from: number, to: number, only: Uint8Array | null = null): void {
    const { job, ws, stamp, counts } = this;
    const fa = job.facilities, cm = job.communities;
    const nCat = job.categoryCount;
    const { offsets: catOffsets, items: cats } = job.categoriesOf;
    const { offsets: atOffsets, items: atEdges } = job.communityEdgesAt;
    const { offsets: onOffsets, items: onEdge } = job.communitiesOnEdge;
    const { dist, touched } = ws;
    for (let f = from; f < to; f++) {
      const fe = fa.edge[f];
      const c0 = catOffsets[f], c1 = catOffsets[f + 1];
      if (fe < 0 || c0 === c1) continue;
      let radius = -Infinity, wanted = only === null;
      for (let c = c0; c < c1; c++) {
        radius = Math.max(radius, job.maxWalkMeters[cats[c]]);
        if (only !== null && only[cats[c]] === 1) wanted = true;
      }
      if (radius < 0 || !wanted) continue; // no count wanted (grid cells pass −1)
      ws.reset();
      this.seedFacility(f);
      ws.run(radius + WALK_EPSILON_METERS);
      const ft = fa.t[f], fc = fa.connector[f];
      for (let n = 0; n < ws.touchedCount; n++) {
        const node = touched[n];
        for (let q = atOffsets[node]; q < atOffsets[node + 1]; q++) {
          const e = atEdges[q];
          const len = job.edgeMeters[e];
          for (let p = onOffsets[e]; p < onOffsets[e + 1]; p++) {
            const j = onEdge[p];
            if (stamp[j] === f) continue;
            stamp[j] = f;
            let d = Math.min(dist[cm.nodeA[j]] + cm.metersA[j], dist[cm.nodeB[j]] + cm.metersB[j]);
            if (e === fe) d = Math.min(d, fc + Math.abs(ft - cm.t[j]) * len);
            const walk = d + cm.connector[j];
            for (let c = c0; c < c1; c++) {
              const k = cats[c];
              if (only !== null && only[k] === 0) continue;
              if (walk <= job.maxWalkMeters[k] + WALK_EPSILON_METERS) counts[j * nCat + k]++;
            }
          }
        }
      }
    }
  }
}

/** Input-order tables from the columns of every category and the counts of every facility range. */
export function assembleDistanceTables(job: DistanceJob, columns: readonly NearestColumn[], countParts: readonly Int32Array[]): DistanceTables {
  const builder = new DistanceTablesBuilder(job);
  for (const col of columns) builder.addColumn(col);
  for (const part of countParts) builder.addCounts(part);
  return builder.tables;
}

/**
 * The input-order tables, filled column by column as the categories' searches come in. Why: with the searches
 * on worker threads (runDistanceJobParallel), the calling thread waits between their answers; putting each
 * column in place then leaves only the counts for after the last answer, when every other thread waits for the
 * tables (×50 CLI: the whole assembly was ~35–50 ms of the main thread there, the other threads idle).
 */
export class DistanceTablesBuilder {
  readonly tables: DistanceTables;

  constructor(private readonly job: DistanceJob) {
    const cells = job.communityCount * job.categoryCount;
    this.tables = {
      walkMeters: new Float64Array(cells).fill(NaN),
      nearestFacility: new Int32Array(cells).fill(-1),
      countWithin: new Int32Array(cells),
    };
  }

  /** The column of one category (scan order) into its input-order places. */
  addColumn(col: NearestColumn): void {
    const nCat = this.job.categoryCount, k = col.category;
    const { index } = this.job.communities;
    const walk = this.tables.walkMeters, nearest = this.tables.nearestFacility;
    const w = col.walkMeters, n = col.nearestFacility;
    for (let j = 0; j < index.length; j++) {
      const cell = index[j] * nCat + k;
      walk[cell] = w[j];
      nearest[cell] = n[j];
    }
  }

  /** One part of the counts (scan order × category), added. */
  addCounts(part: Int32Array): void {
    const nCat = this.job.categoryCount;
    const { index } = this.job.communities;
    const countWithin = this.tables.countWithin;
    for (let j = 0; j < index.length; j++) {
      const row = index[j] * nCat, from = j * nCat;
      for (let k = 0; k < nCat; k++) countWithin[row + k] += part[from + k];
    }
  }
}

/** Idle runners of this thread, one per search graph (weakly held: dropped with the graph). */
const idleRunners = new WeakMap<DistanceJob['graph'], DistanceRunner>();

/**
 * A runner for `job`: the idle one of an earlier run of the same job (other category settings allowed),
 * retargeted, else a new one. Give it back with `releaseRunner` once its results are read; until then a run
 * running at the same time gets a runner of its own.
 */
export function acquireRunner(job: DistanceJob): DistanceRunner {
  const idle = idleRunners.get(job.graph);
  if (idle && sameJobItems(idle.currentJob, job)) {
    idleRunners.delete(job.graph);
    idle.retarget(job);
    return idle;
  }
  return new DistanceRunner(job);
}

export function releaseRunner(runner: DistanceRunner): void {
  idleRunners.set(runner.currentJob.graph, runner);
}
