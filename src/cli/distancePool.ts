/**
 * worker_threads for the distance searches of the CLI (and the Node benchmarks): one thread per core, started
 * early (they load while the inputs are read) and closed when the run ends.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { requestBuffers, threadPort } from '../core/coverage/parallel';
import type { DistanceThreadResponse, TaskPort } from '../core/coverage/parallel';
import { threadEntry } from './threadEntry';

export interface DistancePool {
  ports: TaskPort[];
  close(): Promise<void>;
}

/**
 * Under tsx (the CLI runs from TypeScript sources) a worker does not inherit the loader: start it from a tiny
 * module that registers tsx and then imports the thread; from compiled JavaScript, start the thread directly.
 */
function spawnThread(): Worker {
  const entry = threadEntry('distanceThread', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/**
 * `threads` worker threads; by default one per core but one (at most 3), since the calling thread searches too
 * (a single-core machine gets none: ports empty).
 */
export function startDistancePool(threads = Math.min(4, availableParallelism()) - 1): DistancePool {
  const workers = threads >= 1 ? Array.from({ length: threads }, spawnThread) : [];
  const ports = workers.map((worker, i): TaskPort => {
    const { port, receive, fail } = threadPort((message) => {
      if (message.type === 'job' || message.type === 'reuse' || message.type === 'network') worker.ref();
      worker.postMessage(message, requestBuffers(message));
    }, setImmediate);
    // Idle threads do not keep the process alive (a run that fails before its searches still exits); a thread
    // is held from the moment it gets a job (or roads to build one from) until it hands the job's counts back.
    worker.on('message', (r: DistanceThreadResponse) => {
      if (r.type === 'finished' || r.type === 'error') worker.unref();
      receive(r);
    });
    worker.on('error', (e: Error) => fail(`thread ${i + 1} failed: ${e.message}`));
    worker.on('exit', (code) => fail(`thread ${i + 1} exited (code ${code})`));
    worker.unref(); // after the listeners: attaching a 'message' listener refs the worker again
    return port;
  });
  return {
    ports,
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
