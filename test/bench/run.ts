/**
 * `npm run bench [filter]`: runs every `run…Bench` function exported by the `*.bench.ts` files in this folder
 * (accessibility, zoning, …), in file-name order; `filter` keeps only files whose name contains it.
 * Figures are printed, not asserted (apart from result-equality checks against baselines inside a bench).
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`no benchmark matches "${filter}" (have: ${readdirSync(here).filter((f) => f.endsWith('.bench.ts')).join(', ')})`);
  process.exit(1);
}
const { hostReferenceMs } = await import('./hostSpeed');
console.log(`host reference: ${hostReferenceMs().toFixed(0)} ms (fixed workload, hostSpeed.ts: compare runs by their ratio to it)`);
const started = performance.now();
for (const file of files) {
  const mod = (await import(pathToFileURL(`${here}/${file}`).href)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!/^run\w*Bench$/.test(name) || typeof fn !== 'function') continue;
    console.log(`\n=== ${file} · ${name} ===`);
    await (fn as () => unknown)();
  }
}
console.log(`\nall benchmarks: ${((performance.now() - started) / 1000).toFixed(1)} s`);
