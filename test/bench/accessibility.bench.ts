/**
 * Accessibility engine benchmark: the seeded bench town ×1, ×10, ×50 (≥ 20k communities, ≥ 300k graph edges,
 * ≥ 5k facilities, all 19 categories). Per phase: time and memory; then the same nearest searches through
 * graphology as the baseline, with a sampled equality check (throws on any mismatch).
 */
import type { Feature } from 'geojson';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { DEFAULT_CATEGORIES } from '../../src/core/config/categories';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { AccessibilityCache, computeAccessibility, computeAccessibilityParallel } from '../../src/core/coverage';
import { startDistancePool } from '../../src/cli/distancePool';
import type { DistancePool } from '../../src/cli/distancePool';
import type { AccessibilityResult } from '../../src/core/coverage';
import { facilitiesByCategory } from '../../src/core/coverage/points';
import { buildWalkNetwork, DijkstraWorkspace } from '../../src/core/network';
import type { WalkNetwork } from '../../src/core/network';
import { seedItem } from '../../src/core/coverage/networkDistances';
import { toCommunities, toFacilities, toRoads } from '../../src/io/domain';
import { buildGraphologyGraph, graphologyNearest } from './graphologyBaseline';
import { collectGarbage, gcAvailable, PhaseRecorder, printTable } from './measure';
import { generateBenchTown } from './town';
import { mulberry32 } from '../fixtures/network/prng';

/** `BENCH_SCALES=1,10 npm run bench accessibility` for a quicker run. */
const SCALES = (process.env.BENCH_SCALES ?? '1,10,50').split(',').map(Number);
const SEED = 20241126;
/** Stop the baseline for a town once it has spent this long (remaining categories are extrapolated). */
const BASELINE_CAP_MS = 25_000;
const SAMPLE_PER_CATEGORY = 100;

interface ScaleFigures {
  scale: number;
  communities: number;
  facilities: number;
  roads: number;
  nodes: number;
  edges: number;
  /** Bytes held by the network's typed arrays (exact, unlike the sampled heap figures). */
  networkMB: number;
  phases: PhaseRecorder['phases'];
  totalMs: number;
  totalCpuMs: number;
  distancesMs: number;
  distancesCpuMs: number;
  nearestMs: number;
  oursUnboundedMs: number;
  baselineBuildMs: number | null;
  baselineMs: number | null;
  baselineCategories: number;
  checked: number;
  /** Warm all-category distances (job preparation + nearest + counts), best of 3: one thread, then the pool. */
  warmOneThreadMs: number;
  warmPoolMs: number;
  poolThreads: number;
  /** A rerun after a category setting change (cached points, snapping and job), threads, whole run: best of 3. */
  rerunMs: number;
  /** The searches alone (nearest + counts) of that rerun: with the pool, and on one thread (best of 5). */
  rerunSearchMs: number;
  rerunSearchOneMs: number;
  /**
   * Whole run from the roads with the pool, best of 2: network built here (a cache keeps it on this thread) vs
   * built, snapped and the job prepared on a helper thread; wall and this thread's CPU ms (NaN off Linux).
   */
  fromRoads: { hereMs: number; hereMainCpuMs: number; threadMs: number; threadMainCpuMs: number };
}

/** CPU ms of the calling thread (Linux /proc, 10 ms ticks; NaN elsewhere): what the main thread itself spent. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Wall ms from the first 'nearest' progress event to the end of the run (the distance work, job prep included). */
async function timeDistances(run: (onProgress: (phase: string) => void) => Promise<unknown>): Promise<number> {
  let start = 0;
  await run((phase) => { if (phase === 'nearest' && start === 0) start = performance.now(); });
  return performance.now() - start;
}

function typedBytes(obj: object): number {
  return Object.values(obj).reduce<number>((sum, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
}

function timeEngine(net: WalkNetwork, r: AccessibilityResult, byCategory: Int32Array[], bounded: boolean): number {
  const ws = new DijkstraWorkspace(net);
  const start = performance.now();
  byCategory.forEach((facs, k) => {
    ws.reset();
    for (const f of facs) if (r.facilitySnap.edge[f] >= 0) seedItem(ws, net, r.facilitySnap, f, f);
    ws.run(bounded ? r.searchBoundMeters[k] : Infinity);
  });
  return performance.now() - start;
}

async function benchScale(scale: number, pool: DistancePool): Promise<ScaleFigures> {
  const town = generateBenchTown(SEED, scale);
  const settings = defaultAnalysisSettings();
  collectGarbage();
  const rec = new PhaseRecorder();
  const names: Record<string, string> = { network: 'graph build', snap: 'snapping', nearest: 'nearest (19 cat.)', counts: 'counts within' };
  let current = '';
  const t0 = performance.now();
  rec.begin('prepare (points)');
  const result = computeAccessibility({
    ...town, settings,
    onProgress: (phase) => {
      if (phase !== current) {
        current = phase;
        rec.begin(names[phase] ?? phase);
      }
      rec.sample();
    },
  });
  rec.end();
  const totalMs = performance.now() - t0;
  const totalCpuMs = rec.phases.reduce((sum, p) => sum + p.cpuMs, 0);
  const ms = (name: string) => rec.phases.find((p) => p.name === name)?.ms ?? 0;
  const cpuMs = (name: string) => rec.phases.find((p) => p.name === name)?.cpuMs ?? 0;

  // Rebuild (untimed) for the engine-only and baseline comparisons on the very same graph.
  const net = buildWalkNetwork(town.roads, settings.network);
  const byCategory = facilitiesByCategory(town.facilities, result.categoryIds);
  const oursUnboundedMs = timeEngine(net, result, byCategory, false);

  const rand = mulberry32(scale);
  const onNet = result.communityIds.map((_, i) => i).filter((i) => !result.communitySnap.offNetwork[i]);
  const sample = Array.from({ length: Math.min(SAMPLE_PER_CATEGORY, onNet.length) }, () => onNet[Math.floor(rand() * onNet.length)]);
  collectGarbage();
  let baselineCategories = 0, checked = 0;
  const b0 = performance.now();
  const g = buildGraphologyGraph(net);
  const baselineBuildMs = performance.now() - b0;
  let spent = 0;
  const nCat = result.categoryIds.length;
  for (let k = 0; k < nCat && spent < BASELINE_CAP_MS; k++) {
    const { ms: libMs, meters } = graphologyNearest(g, net, result.communitySnap, result.facilitySnap, byCategory[k], sample);
    spent += libMs;
    baselineCategories++;
    sample.forEach((i, j) => {
      const ours = result.walkMeters[i * nCat + k];
      const theirs = meters[j];
      const bound = result.searchBoundMeters[k];
      const same = Number.isNaN(ours) ? theirs === null || theirs > bound - 1e-6 : theirs !== null && Math.abs(theirs - ours) < 1e-6;
      if (!same) throw new Error(`baseline mismatch ×${scale} ${result.categoryIds[k]} community ${i}: ours ${ours}, graphology ${theirs}`);
      checked++;
    });
  }
  const baselineMs = (spent / baselineCategories) * nCat;
  // Warm distance runs on the same network: one thread, then shared out to the pool (identical tables checked).
  let warmOneThreadMs = Infinity, warmPoolMs = Infinity;
  const base = { communities: town.communities, facilities: town.facilities, network: net, settings };
  for (let rep = 0; rep < 3; rep++) {
    collectGarbage();
    warmOneThreadMs = Math.min(warmOneThreadMs, await timeDistances(async (onProgress) => computeAccessibility({ ...base, onProgress })));
    collectGarbage();
    let shared: AccessibilityResult | null = null;
    warmPoolMs = Math.min(warmPoolMs, await timeDistances(async (onProgress) => {
      shared = await computeAccessibilityParallel({ ...base, onProgress }, pool.ports, 0);
    }));
    const r = shared as AccessibilityResult | null;
    if (!r || r.walkMeters.some((w, i) => !Object.is(w, result.walkMeters[i])) || r.countWithin.some((c, i) => c !== result.countWithin[i])) {
      throw new Error(`×${scale}: the pool's tables differ from one thread's`);
    }
  }
  // Reruns on the same data (points, snapping and the job come from the cache). (a) Every max walk moved by a few
  // decimetres: all 19 categories are searched again, the threads already hold the job ('reuse'); the searches
  // alone (nearest + counts, first 'nearest' event to the last 'counts' one) are what the issue's 300 ms target
  // is about. (b) Then one max walk changed, the app's usual case: only that category is searched (incremental.ts).
  const cache = new AccessibilityCache(), cacheOne = new AccessibilityCache();
  await computeAccessibilityParallel({ ...base, cache }, pool.ports, 0);
  computeAccessibility({ ...base, cache: cacheOne });
  let rerunMs = Infinity, rerunSearchMs = Infinity, rerunSearchOneMs = Infinity;
  const searchSpan = (): { onProgress: (phase: string, done: number, total: number) => void; ms: () => number } => {
    let start = 0, end = 0;
    return {
      onProgress: (phase, done, total) => {
        if (phase === 'nearest' && start === 0) start = performance.now();
        if (phase === 'counts' && done === total) end = performance.now();
      },
      ms: () => end - start,
    };
  };
  const sameTables = (a: AccessibilityResult, b: AccessibilityResult): boolean =>
    a.walkMeters.every((w, i) => Object.is(w, b.walkMeters[i])) && a.countWithin.every((c, i) => c === b.countWithin[i]);
  for (let rep = 0; rep < 5; rep++) {
    const allMoved = { ...settings, categories: settings.categories.map((c) => ({ ...c, maxWalkMeters: c.maxWalkMeters + 0.1 * (rep + 1) })) };
    collectGarbage();
    const span = searchSpan();
    const shared = await computeAccessibilityParallel({ ...base, settings: allMoved, cache, onProgress: span.onProgress }, pool.ports, 0);
    rerunSearchMs = Math.min(rerunSearchMs, span.ms());
    collectGarbage();
    const spanOne = searchSpan();
    const one = computeAccessibility({ ...base, settings: allMoved, cache: cacheOne, onProgress: spanOne.onProgress });
    rerunSearchOneMs = Math.min(rerunSearchOneMs, spanOne.ms());
    if (!sameTables(shared, one)) throw new Error(`×${scale}: the pool's rerun tables differ from one thread's`);
    const oneMoved = { ...allMoved, categories: allMoved.categories.map((c) => (c.id === 'kindergarten' ? { ...c, maxWalkMeters: 400 + 100 * rep } : c)) };
    collectGarbage();
    const r0 = performance.now();
    const incremental = await computeAccessibilityParallel({ ...base, settings: oneMoved, cache }, pool.ports, 0);
    rerunMs = Math.min(rerunMs, performance.now() - r0);
    if (incremental.threads !== 1) throw new Error(`×${scale}: the one-category rerun was not incremental`);
    if (!sameTables(incremental, computeAccessibility({ ...base, settings: oneMoved, cache: cacheOne }))) {
      throw new Error(`×${scale}: the incremental rerun's tables differ`);
    }
  }
  if (cache.hits !== 10 || cacheOne.hits !== 10) throw new Error(`×${scale}: the reruns did not use the cache (${cache.hits}, ${cacheOne.hits} hits)`);
  // From the roads: the whole begin-to-end run, built here vs prepared on a helper thread (identical tables checked).
  const fromRoads = { hereMs: Infinity, hereMainCpuMs: Infinity, threadMs: Infinity, threadMainCpuMs: Infinity };
  const roadsInput = { communities: town.communities, facilities: town.facilities, roads: town.roads, settings };
  for (let rep = 0; rep < 2; rep++) {
    for (const onThread of [false, true]) {
      collectGarbage();
      const w0 = performance.now(), c0 = threadCpuMs();
      const r = await computeAccessibilityParallel({ ...roadsInput, cache: onThread ? undefined : new AccessibilityCache() }, pool.ports, 0);
      const wall = performance.now() - w0, cpu = threadCpuMs() - c0;
      if (r.walkMeters.some((w, i) => !Object.is(w, result.walkMeters[i])) || r.countWithin.some((c, i) => c !== result.countWithin[i])) {
        throw new Error(`×${scale}: the run from roads (${onThread ? 'on a thread' : 'here'}) differs from one thread's`);
      }
      if (onThread) {
        fromRoads.threadMs = Math.min(fromRoads.threadMs, wall);
        fromRoads.threadMainCpuMs = Math.min(fromRoads.threadMainCpuMs, cpu);
      } else {
        fromRoads.hereMs = Math.min(fromRoads.hereMs, wall);
        fromRoads.hereMainCpuMs = Math.min(fromRoads.hereMainCpuMs, cpu);
      }
    }
  }
  return {
    warmOneThreadMs, warmPoolMs, poolThreads: pool.ports.length, rerunMs, rerunSearchMs, rerunSearchOneMs, fromRoads,
    scale, communities: town.communities.length, facilities: town.facilities.length, roads: town.roads.length,
    nodes: net.nodeCount, edges: net.edgeCount, networkMB: typedBytes(net) / 1024 / 1024, phases: rec.phases, totalMs, totalCpuMs,
    nearestMs: ms(names.nearest), distancesMs: ms(names.nearest) + ms(names.counts),
    distancesCpuMs: cpuMs(names.nearest) + cpuMs(names.counts), oursUnboundedMs,
    baselineBuildMs, baselineMs, baselineCategories, checked,
  };
}

/** The sample city (scripts/sample-city, written separately) when present: phases on a realistic street layout. */
async function benchSampleCity(): Promise<void> {
  let city: { roads: { features: Feature[] }; communities: { features: Feature[] }; facilities: { features: Feature[] } };
  try {
    const mod = (await import('../../scripts/sample-city/city')) as { generateSampleCity: (seed?: number) => typeof city };
    city = mod.generateSampleCity();
  } catch (err) {
    console.log(`sample city skipped (${err instanceof Error ? err.message : String(err)})`);
    return;
  }
  const communities = toCommunities(city.communities.features, 'sample').items;
  const facilities = toFacilities(city.facilities.features, 'sample').items;
  const roads = toRoads(city.roads.features, 'sample').items;
  collectGarbage();
  const rec = new PhaseRecorder();
  let current = '';
  const t0 = performance.now();
  rec.begin('prepare (points)');
  const r = computeAccessibility({ communities, facilities, roads, settings: defaultAnalysisSettings(), onProgress: (phase) => {
    if (phase !== current) rec.begin((current = phase));
    rec.sample();
  } });
  rec.end();
  const totalMs = performance.now() - t0;
  const s = r.network!;
  printTable(`sample city: ${communities.length} communities, ${facilities.length} facilities, ${roads.length} roads → ${s.nodes} nodes, ` +
    `${s.edges} edges, ${s.components} components, ${r.offNetworkCommunities.length + r.offNetworkFacilities.length} items off-network`,
  ['phase', 'wall ms', 'cpu ms'], [...rec.phases.map((p) => [p.name, p.ms, p.cpuMs]), ['total', totalMs, rec.phases.reduce((a, p) => a + p.cpuMs, 0)]]);
}

export async function runAccessibilityBench(): Promise<void> {
  const load = loadavg()[0];
  console.log(`load average ${load.toFixed(1)} on ${availableParallelism()} cores${load > availableParallelism() ? ' — machine busy: wall times inflated, see cpu ms' : ''}`);
  console.log(`seeded bench town (seed ${SEED}), ${DEFAULT_CATEGORIES.length} categories, gc ${gcAvailable ? 'on' : 'unavailable'}, node ${process.version}`);
  const pool = startDistancePool();
  await benchScale(1, pool); // warm-up: JIT
  const all: ScaleFigures[] = [];
  for (const scale of SCALES) {
    const f = await benchScale(scale, pool);
    all.push(f);
    printTable(`×${scale}: ${f.communities} communities, ${f.facilities} facilities, ${f.roads} roads → ${f.nodes} nodes, ${f.edges} edges (network arrays ${f.networkMB.toFixed(1)} MB)`,
      ['phase', 'wall ms', 'cpu ms', 'heap peak MB', 'heap retained MB', 'rss peak Δ MB'],
      [...f.phases.map((p) => [p.name, p.ms, p.cpuMs, p.heapPeakMB, p.heapRetainedMB, p.rssPeakMB]), ['total', f.totalMs, f.totalCpuMs, '', '', '']]);
  }
  console.log('heap/rss peaks are sampled at progress events (none inside the graph build): indicative only.');
  printTable('all-category distances vs graphology-shortest-path (same graph, same seeds; sampled results equal)',
    ['town', 'nodes', 'edges', 'nearest ms', 'nearest+counts ms', 'n+c cpu ms', 'ours unbounded ms', 'graphology ms', 'cats run', 'ratio nearest', 'ratio unbounded', 'checked'],
    all.map((f) => [`×${f.scale}`, f.nodes, f.edges, f.nearestMs, f.distancesMs, f.distancesCpuMs, f.oursUnboundedMs,
      f.baselineMs === null ? 'skipped' : f.baselineMs, `${f.baselineCategories}/19`,
      f.baselineMs === null ? '' : `${(f.baselineMs / f.nearestMs).toFixed(0)}×`,
      f.baselineMs === null ? '' : `${(f.baselineMs / f.oursUnboundedMs).toFixed(0)}×`, f.checked]));
  console.log('graphology ms: library time for all 19 categories (extrapolated from "cats run" when capped); graph build not included ' +
    `(${all.map((f) => `×${f.scale} ${f.baselineBuildMs?.toFixed(0)} ms`).join(', ')}).`);
  printTable(`all-category distances, warm, best of 3 (job preparation + nearest + counts): one thread vs the calling thread + ${all[0]?.poolThreads ?? 0} worker thread(s)`,
    ['town', 'one thread ms', 'threads ms', 'speed-up', 'target', 'rerun after one max-walk change (only it searched), whole run ms'],
    all.map((f) => [`×${f.scale}`, f.warmOneThreadMs, f.warmPoolMs, `${(f.warmOneThreadMs / f.warmPoolMs).toFixed(2)}×`, f.scale === 50 ? '< 300 ms' : '', f.rerunMs]));
  printTable(`all-category searches of a cached job (rerun after every max walk changed), best of 5: nearest + counts only, one thread vs the calling thread + ${all[0]?.poolThreads ?? 0} worker thread(s) holding the job`,
    ['town', 'one thread ms', 'threads ms', 'speed-up', 'target'],
    all.map((f) => [`×${f.scale}`, f.rerunSearchOneMs, f.rerunSearchMs, `${(f.rerunSearchOneMs / f.rerunSearchMs).toFixed(2)}×`, f.scale === 50 ? '< 300 ms' : '']));
  printTable('whole run from the roads with the pool, best of 2: network built on this thread vs on a helper thread (prepareOnThread.ts)',
    ['town', 'built here ms', 'main-thread cpu ms', 'on a helper thread ms', 'main-thread cpu ms '],
    all.map((f) => [`×${f.scale}`, f.fromRoads.hereMs, f.fromRoads.hereMainCpuMs, f.fromRoads.threadMs, f.fromRoads.threadMainCpuMs]));
  await pool.close();
  await benchSampleCity();
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/accessibility.json', import.meta.url), JSON.stringify(all, null, 2));
}
