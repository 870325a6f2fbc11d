/**
 * A distance job in shared memory, so that posting it to another thread shares it instead of copying it.
 *
 * Why: the CLI's distance thread prepares the job, searches it, and posts a copy to the main thread (which keeps
 * it to fall back on if the thread fails). A structured clone of the ×50 job (~10 MB of typed arrays) was
 * serialised on the thread and deserialised on the main thread, between the preparation and the first search
 * task, while the other threads waited. Nobody writes to a job once it is prepared, so one copy can serve both.
 */
import type { DistanceJob, GroupedItems, ItemArrays } from './distanceJob';

type Shareable = Int32Array | Float64Array;

/** Whether this runtime can share memory between threads (a browser page only when cross-origin isolated). */
function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function';
}

function shared<T extends Shareable>(a: T): T {
  const copy = (a instanceof Int32Array
    ? new Int32Array(new SharedArrayBuffer(a.byteLength))
    : new Float64Array(new SharedArrayBuffer(a.byteLength))) as T;
  copy.set(a);
  return copy;
}

const sharedGroups = (g: GroupedItems): GroupedItems => ({ offsets: shared(g.offsets), items: shared(g.items) });

const sharedItems = (x: ItemArrays): ItemArrays => ({
  edge: shared(x.edge), nodeA: shared(x.nodeA), nodeB: shared(x.nodeB),
  metersA: shared(x.metersA), metersB: shared(x.metersB), t: shared(x.t), connector: shared(x.connector),
});

/** The same job with every array in shared memory (the job itself when this runtime cannot share memory). */
export function shareJob(job: DistanceJob): DistanceJob {
  if (!canShareMemory()) return job;
  return {
    graph: { nodeCount: job.graph.nodeCount, offsets: shared(job.graph.offsets), targets: shared(job.graph.targets), slotMeters: shared(job.graph.slotMeters) },
    categoryCount: job.categoryCount,
    communityCount: job.communityCount,
    maxWalkMeters: job.maxWalkMeters,
    searchBoundMeters: job.searchBoundMeters,
    edgeMeters: shared(job.edgeMeters),
    communities: { ...sharedItems(job.communities), index: shared(job.communities.index) },
    facilities: sharedItems(job.facilities),
    byCategory: sharedGroups(job.byCategory),
    categoriesOf: sharedGroups(job.categoriesOf),
    facilitiesOnEdge: sharedGroups(job.facilitiesOnEdge),
    communitiesOnEdge: sharedGroups(job.communitiesOnEdge),
    communityEdgesAt: sharedGroups(job.communityEdgesAt),
  };
}
