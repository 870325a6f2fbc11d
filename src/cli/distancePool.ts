/**
 * worker_threads for the distance searches of the CLI (and the Node benchmarks): one thread per core, started
 * early (they load while the inputs are read) and closed when the run ends.
 */
import { availableParallelism } from 'node:os';
import { requestBuffers, threadPort } from '../core/coverage/parallel';
import type { DistanceThreadResponse, TaskPort } from '../core/coverage/parallel';
import type { GapsCsvJob } from '../io/export/gapsCsvThread';
import { gapsCsvJobBuffers } from '../io/export/gapsCsvThread';
import { startThread, threadEntry } from './threadEntry';

export interface DistancePool {
  ports: TaskPort[];
  /**
   * Make and write gaps.csv on a thread of the pool (idle once the searches are done); resolves when the file is
   * written and closed, rejects with the thread's error. Null: the pool has no thread.
   */
  writeGapsCsv(job: GapsCsvJob): Promise<void> | null;
  close(): Promise<void>;
}

/** A gaps.csv job for a distance thread, and its answer. */
export interface GapsCsvRequest { type: 'gaps-csv'; job: GapsCsvJob }
export interface GapsCsvResponse { type: 'gaps-csv'; ok: boolean; message?: string }

/**
 * `threads` worker threads; by default one per core but one (at most 3): the calling thread has its own work (it
 * reads and writes, and searches a job it prepared itself; a job a worker prepared is left to the workers, see
 * computeAccessibilityParallel). A single-core machine gets none: ports empty.
 */
export function startDistancePool(threads = Math.min(4, availableParallelism()) - 1): DistancePool {
  const workers = threads >= 1 ? Array.from({ length: threads }, () => startThread(threadEntry('distanceThread', import.meta.url))) : [];
  // A thread is held (keeps the process alive) while it has a distance job or a file to write.
  const searching = workers.map(() => false);
  const writing = workers.map((): { resolve(): void; reject(e: Error): void }[] => []);
  const hold = (i: number): void => {
    if (searching[i] || writing[i].length) workers[i].ref(); else workers[i].unref();
  };
  const failWrites = (i: number, why: string): void => {
    for (const w of writing[i].splice(0)) w.reject(new Error(why));
  };
  const ports = workers.map((worker, i): TaskPort => {
    const { port, receive, fail } = threadPort((message) => {
      if (message.type === 'job' || message.type === 'reuse' || message.type === 'network') { searching[i] = true; hold(i); }
      worker.postMessage(message, requestBuffers(message));
    }, setImmediate);
    // Idle threads do not keep the process alive (a run that fails before its searches still exits); a thread
    // is held from the moment it gets a job (or roads to build one from) until it hands the job's counts back.
    worker.on('message', (r: DistanceThreadResponse | GapsCsvResponse) => {
      if (r.type === 'gaps-csv') {
        const w = writing[i].shift();
        hold(i);
        if (r.ok) w?.resolve(); else w?.reject(new Error(r.message ?? 'write failed'));
        return;
      }
      if (r.type === 'finished' || r.type === 'error') { searching[i] = false; hold(i); }
      receive(r);
    });
    const lost = (why: string): void => { failWrites(i, why); fail(why); };
    worker.on('error', (e: Error) => lost(`thread ${i + 1} failed: ${e.message}`));
    worker.on('exit', (code) => lost(`thread ${i + 1} exited (code ${code})`));
    worker.unref(); // after the listeners: attaching a 'message' listener refs the worker again
    return port;
  });
  return {
    ports,
    writeGapsCsv(job) {
      // The last thread: with several, the first ones finish their searches' counts first.
      const i = workers.length - 1;
      if (i < 0) return null;
      return new Promise<void>((resolve, reject) => {
        writing[i].push({ resolve, reject: (e) => reject(new Error(`${job.path}: ${e.message}`)) });
        hold(i);
        const request: GapsCsvRequest = { type: 'gaps-csv', job };
        workers[i].postMessage(request, gapsCsvJobBuffers(job));
      });
    },
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
