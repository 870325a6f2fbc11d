/**
 * The distance tasks on several threads. The core knows no thread API: a `TaskPort` is anything that posts
 * messages to a thread running `createDistanceThread` (a Web Worker in the browser, worker_threads in Node; see
 * src/worker/distancePool.ts and src/cli/distancePool.ts).
 *
 * Why: the 19 category searches and the 5k facility searches are independent, and one thread had them at
 * ~430 ms on the ×50 bench town against the 300 ms; two threads share them out (test/bench/README.md).
 * The job (~8 MB at ×50) is copied to each thread once; tasks are handed out one or two at a time per thread,
 * the largest first (the 2 km searches), so a slow thread never holds the tail; results are identical to one
 * thread's, because every task computes exactly what it computes there.
 */
import type { NetworkSettings } from '../config/defaults';
import type { RoadColumns, RoadLines } from '../network/roadLines';
import { isRoadColumns } from '../network/roadLines';
import type { DistanceJob } from './distanceJob';
import { sameJobItems } from './distanceJob';
import { acquireRunner, DistanceRunner, DistanceTablesBuilder, releaseRunner } from './distanceTasks';
import { shareJob } from './sharedJob';
import type { DistanceTables, NearestColumn } from './distanceTasks';
import { lineBuffers, snapBuffers, ThreadPreparation } from './prepareOnThread';
import type { JobItems, PreparedJob } from './prepareOnThread';

export type DistanceThreadRequest =
  | { type: 'job'; jobId: number; job: DistanceJob }
  // The job the thread holds from `heldJobId` with new category settings: only these cross (see `sameJobItems`).
  | { type: 'reuse'; jobId: number; heldJobId: number; maxWalkMeters: Float64Array; searchBoundMeters: Float64Array }
  // Build the network on the thread, then snap the items and prepare the job there (prepareOnThread.ts).
  // `lines` as columns: flattened on the thread (see lazyRoadLines); copied, not moved (the caller reads them too).
  | { type: 'network'; jobId: number; lines: RoadLines | RoadColumns; settings: NetworkSettings }
  | { type: 'items'; jobId: number; items: JobItems }
  | { type: 'nearest'; jobId: number; category: number }
  | { type: 'counts'; jobId: number; from: number; to: number }
  | { type: 'finish'; jobId: number };

export type DistanceThreadResponse =
  | ({ type: 'prepared'; jobId: number } & PreparedJob)
  | { type: 'nearest'; jobId: number; column: NearestColumn }
  | { type: 'counts'; jobId: number }
  | { type: 'finished'; jobId: number; counts: Int32Array }
  | { type: 'error'; jobId: number; message: string };

export interface TaskPort {
  post(message: DistanceThreadRequest): void;
  /** Replace the handler of this port's responses (one job at a time per port). */
  listen(handler: (response: DistanceThreadResponse) => void): void;
}

/**
 * The bookkeeping of a thread wrapper (Node worker_threads, Web Workers): `send` posts to the thread, `receive`
 * and `fail` are wired to its message and error events. A thread that failed answers every later message with its
 * failure, on a later turn (`later`), so the coordinator rejects and the job runs on the caller.
 */
export function threadPort(
  send: (message: DistanceThreadRequest) => void, later: (f: () => void) => void,
): { port: TaskPort; receive: (r: DistanceThreadResponse) => void; fail: (message: string) => void } {
  let lastJobId = -1;
  let failure: string | null = null;
  let handler: (r: DistanceThreadResponse) => void = () => {};
  const fail = (message: string): void => {
    failure ??= message;
    handler({ type: 'error', jobId: lastJobId, message: failure });
  };
  return {
    receive: (r) => handler(r),
    fail,
    port: {
      post(message) {
        lastJobId = message.jobId;
        if (failure !== null) later(() => fail(failure ?? ''));
        else send(message);
      },
      listen(h) {
        handler = h;
      },
    },
  };
}

/** Transferable buffers of a response (results move, they are not copied). */
export function responseBuffers(r: DistanceThreadResponse): ArrayBuffer[] {
  if (r.type === 'nearest') return [r.column.walkMeters.buffer as ArrayBuffer, r.column.nearestFacility.buffer as ArrayBuffer];
  if (r.type === 'finished') return [r.counts.buffer as ArrayBuffer];
  if (r.type === 'prepared') return snapBuffers(r);
  return [];
}

/** Transferable buffers of a request: road lines move (the caller is done with them); a job is copied, the caller searches it too. */
export function requestBuffers(m: DistanceThreadRequest): ArrayBuffer[] {
  return m.type === 'network' && !isRoadColumns(m.lines) ? lineBuffers(m.lines) : [];
}

/** The thread side: returns the message handler; `reply` posts a response (with its transferables). */
export function createDistanceThread(reply: (response: DistanceThreadResponse) => void): (request: DistanceThreadRequest) => void {
  let jobId = -1;
  let runner: DistanceRunner | null = null;
  // The runner (and its job) stays after 'finished': a rerun with new category settings sends only those ('reuse').
  let held: { jobId: number; runner: DistanceRunner } | null = null;
  const preparation = new ThreadPreparation();
  return (request) => {
    try {
      if (request.type === 'job') {
        jobId = request.jobId;
        runner = new DistanceRunner(request.job);
        held = { jobId, runner };
        return;
      }
      if (request.type === 'reuse') {
        jobId = request.jobId;
        if (!held || held.jobId !== request.heldJobId) {
          runner = null;
          throw new Error(`job ${request.heldJobId} is not held here`);
        }
        runner = held.runner;
        runner.retarget({ ...runner.currentJob, maxWalkMeters: request.maxWalkMeters, searchBoundMeters: request.searchBoundMeters });
        held.jobId = jobId;
        return;
      }
      if (request.type === 'network') {
        runner = null;
        held = null;
        preparation.network(request.jobId, request.lines, request.settings);
        return;
      }
      if (request.type === 'items') {
        const prepared = preparation.items(request.jobId, request.items);
        // In shared memory: the caller's copy (to fall back on) is then this very job, not a clone (sharedJob.ts).
        const job = shareJob(prepared.job);
        jobId = request.jobId;
        runner = new DistanceRunner(job);
        held = { jobId, runner };
        reply({ type: 'prepared', jobId, ...prepared, job });
        return;
      }
      if (request.jobId !== jobId || !runner) return; // a task of a job given up on
      if (request.type === 'nearest') reply({ type: 'nearest', jobId, column: runner.nearest(request.category) });
      else if (request.type === 'counts') {
        runner.countFacilities(request.from, request.to);
        reply({ type: 'counts', jobId });
      } else {
        reply({ type: 'finished', jobId, counts: runner.counts }); // the counts move (a reuse allocates new ones)
        runner = null;
      }
    } catch (e) {
      reply({ type: 'error', jobId: request.jobId, message: e instanceof Error ? e.message : String(e) });
    }
  };
}

type Task = { type: 'nearest'; category: number } | { type: 'counts'; from: number; to: number };

/** Tasks, largest first: nearest searches by bound (area ~ bound²), then facility ranges for the counts. */
export function planDistanceTasks(job: DistanceJob, threads: number): Task[] {
  const categories = Array.from({ length: job.categoryCount }, (_, k) => k);
  const size = (k: number): number => (job.byCategory.offsets[k + 1] > job.byCategory.offsets[k] ? job.searchBoundMeters[k] : 0);
  categories.sort((a, b) => size(b) - size(a) || a - b);
  const tasks: Task[] = categories.map((category) => ({ type: 'nearest', category }));
  const nFac = job.facilities.edge.length;
  const chunk = Math.max(64, Math.ceil(nFac / (8 * threads)));
  for (let from = 0; from < nFac; from += chunk) tasks.push({ type: 'counts', from, to: Math.min(nFac, from + chunk) });
  return tasks;
}

let nextJobId = 1;

/** The job each port's thread holds (posted, or prepared there), to send a rerun of it as a 'reuse'. */
const heldByPort = new WeakMap<TaskPort, { jobId: number; job: DistanceJob }>();

/** Hand `job` to the thread behind `port` under `jobId`: the whole job, or only new settings for the job it holds. */
function postJob(port: TaskPort, jobId: number, job: DistanceJob): void {
  const held = heldByPort.get(port);
  if (held && sameJobItems(held.job, job)) {
    port.post({ type: 'reuse', jobId, heldJobId: held.jobId, maxWalkMeters: job.maxWalkMeters, searchBoundMeters: job.searchBoundMeters });
  } else {
    port.post({ type: 'job', jobId, job });
  }
  heldByPort.set(port, { jobId, job });
}

/** A fresh job id (ids tell a thread's answers to an abandoned job from the current one's). */
export function newJobId(): number {
  return nextJobId++;
}

/**
 * Run every task of `job` on the ports and assemble the tables (input order).
 * `checkpoint` is called as results arrive (phases 'nearest' and 'counts'); when it throws (cancelled), the
 * promise rejects with that error and the threads' late answers are ignored.
 */
export function runDistanceJobParallel(
  job: DistanceJob, ports: readonly TaskPort[], checkpoint: (phase: string, done: number, total: number) => void,
  options: { selfRuns?: boolean; preloaded?: { jobId: number; ports: number } } = {},
): Promise<DistanceTables> {
  // By default the calling thread takes tasks too (between handling the threads' messages): on the ×50 town a
  // worker thread ran the same job ~1.4× slower than the main thread (784–958 vs 558–770 ms; not understood), so
  // the caller is the fastest executor there is, and it would otherwise only wait. `selfRuns: false` leaves the
  // job to the threads (the CLI's job prepared on its distance thread: see computeAccessibilityParallel).
  const selfRuns = options.selfRuns ?? true;
  // `preloaded`: ports[0 .. ports) already hold this job under jobId (they prepared it, prepareOnThread.ts).
  const jobId = options.preloaded?.jobId ?? newJobId();
  const loaded = options.preloaded?.ports ?? 0;
  const tasks = planDistanceTasks(job, ports.length);
  const nearestTotal = job.categoryCount, countTotal = job.facilities.edge.length;
  return new Promise<DistanceTables>((resolve, reject) => {
    // Each column goes into the tables as it comes in, while the threads search on (see DistanceTablesBuilder).
    const tables = new DistanceTablesBuilder(job);
    let columns = 0;
    let next = 0, pending = 0, countsDone = 0, finished = 0, failed = false, finishing = false;
    const self = selfRuns ? acquireRunner(job) : null;
    const inFlight = ports.map(() => [] as Task[]);
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      // A thread may have lost its job (failed, or a job of another caller replaced it): post it whole next time.
      for (const port of ports) heldByPort.delete(port);
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const dispatch = (p: number): void => {
      while (!failed && inFlight[p].length < 2 && next < tasks.length) {
        const task = tasks[next++];
        inFlight[p].push(task);
        pending++;
        ports[p].post({ ...task, jobId });
      }
      maybeFinish();
    };
    const maybeFinish = (): void => {
      if (failed || finishing || pending > 0 || next < tasks.length) return;
      finishing = true;
      if (self) tables.addCounts(self.counts);
      if (ports.length === 0) done();
      else ports.forEach((port) => port.post({ type: 'finish', jobId }));
    };
    const done = (): void => {
      checkpoint('counts', countTotal, countTotal);
      if (self) releaseRunner(self);
      resolve(tables.tables);
    };
    const record = (task: Task, column: NearestColumn | null): void => {
      if (column) {
        tables.addColumn(column);
        columns++;
        checkpoint('nearest', columns, nearestTotal);
      } else if (task.type === 'counts') {
        countsDone += task.to - task.from;
        // Phases are reported in order: counts progress once every nearest search is in.
        if (columns === nearestTotal && countsDone < countTotal) checkpoint('counts', countsDone, countTotal);
      }
    };
    /** One task at a time here, then back to the event loop so the threads' answers get handed more work. */
    const runHere = async (): Promise<void> => {
      while (self && !failed && next < tasks.length) {
        const task = tasks[next++];
        pending++;
        try {
          const column = task.type === 'nearest' ? self.nearest(task.category) : (self.countFacilities(task.from, task.to), null);
          pending--;
          record(task, column);
        } catch (e) {
          fail(e);
          return;
        }
        await nextMacrotask();
      }
      maybeFinish();
    };
    ports.forEach((port, p) => {
      port.listen((r) => {
        if (r.jobId !== jobId || failed) return;
        try {
          if (r.type === 'error') throw new Error(`distance thread ${p + 1}: ${r.message}`);
          if (r.type === 'prepared') return; // the answer to prepareOnPort, not a task's
          if (r.type === 'finished') {
            tables.addCounts(r.counts);
            if (++finished === ports.length) done();
            return;
          }
          const task = inFlight[p].shift();
          pending--;
          if (task) record(task, r.type === 'nearest' ? r.column : null);
          dispatch(p);
        } catch (e) {
          fail(e);
        }
      });
    });
    try {
      checkpoint('nearest', 0, nearestTotal);
      ports.forEach((port, p) => {
        if (p >= loaded) postJob(port, jobId, job);
        else heldByPort.set(port, { jobId, job });
      });
      ports.forEach((_, p) => dispatch(p));
    } catch (e) {
      fail(e);
    }
    void runHere();
  });
}

/** Resolve after pending events (thread messages) had their turn: setImmediate in Node, a MessageChannel elsewhere. */
function nextMacrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => void };
  if (g.setImmediate) return new Promise((r) => g.setImmediate?.(r));
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { ch.port1.close(); r(); };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}
