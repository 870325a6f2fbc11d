import { Worker } from 'node:worker_threads';

/**
 * Where a CLI thread's entry module is. From the TypeScript sources (tsx) it sits next to the module starting it.
 * In the bundle (`npm run build:cli`) the entries (`distanceThread.mjs`, `zoningThread.mjs`) sit at the
 * bundle's root beside `analyze.mjs`, while the code starting them may land in a shared chunk under `chunks/`
 * (as it did when the analysis was tried as a module loaded on demand: both threads silently fell back, the
 * distances to one thread and the zoning to the main thread, ~1.5 s slower at ×50).
 */
export type ThreadName = 'distanceThread' | 'zoningThread';

/** `from`: the `import.meta.url` of the module starting the thread. */
export function threadEntry(name: ThreadName, from: string): URL {
  if (from.endsWith('.ts')) return new URL(`./${name}.ts`, from);
  return new URL(/\/chunks\/[^/]*$/.test(new URL(from).pathname) ? `../${name}.mjs` : `./${name}.mjs`, from);
}

/**
 * Start the thread whose entry is `entry`. Under tsx (the CLI run from its TypeScript sources) a worker does not
 * inherit the loader: it starts from a tiny module that registers tsx and then imports the thread; from the
 * bundle, directly.
 */
export function startThread(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}
