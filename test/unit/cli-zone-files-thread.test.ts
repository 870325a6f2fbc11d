/**
 * The zone files written by the zoning thread (src/cli/zoningThread.ts 'write' job, src/cli/write.ts): byte for
 * byte the files of the main-thread path (WGS84 and GCJ-02, every format); the run's zones, made lazily on the
 * main thread, equal the eager ones; a thread that dies at the zone files falls back to writing them on the main
 * thread; a write error on the thread reaches the caller as the error the main thread throws (code, syscall, message).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { startZoneFiles } from '../../src/cli/write';
import { runZoning } from '../../src/cli/zoning';
import { DEFAULT_ZONING } from '../../src/cli/zoningOptions';
import type { ZoningSettings } from '../../src/cli/zoningOptions';
import { beginZoning, startZoningThread } from '../../src/cli/zoningTask';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility } from '../../src/core/coverage';
import type { GeographicCrs } from '../../src/io/crs';
import { GCJ02, WGS84 } from '../../src/io/crs';
import { zoneFeatures } from '../../src/io/export/zones';
import type { ZoneFileFormat } from '../../src/io/export/zonesFiles';
import { ZoneFileWriter } from '../../src/io/export/zonesFiles';
import { generateBenchTown } from '../bench/town';

const ROOT = resolve(__dirname, '../..');
const FORMATS: ZoneFileFormat[] = ['geojson', 'csv', 'fgb'];
const settings = (): ZoningSettings => ({ ...DEFAULT_ZONING, barrierHighways: [...DEFAULT_ZONING.barrierHighways] });
const tmp = mkdtempSync(join(tmpdir(), 'cli-zone-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;
const newDir = (): string => { const d = join(tmp, `d${dirs++}`); mkdirSync(d); return d; };

/** A seeded bench town (×2: ~800 communities) with a repeated id, and its coverage. */
function seededTown() {
  const town = generateBenchTown(7, 2);
  const communities = town.communities.map((c, i) => (i === 5 ? { ...c, id: town.communities[3].id } : c));
  const accessibility = computeAccessibility({ communities, facilities: town.facilities, roads: town.roads, settings: defaultAnalysisSettings() });
  return { communities, roads: town.roads, accessibility };
}
const town = seededTown();
const inline = runZoning(town.communities, town.roads, [], town.accessibility, settings());

/** The files of the main-thread path (ZoneFileWriter from the eager run's features). */
function mainThreadFiles(outCrs: GeographicCrs): Record<string, Buffer> {
  const dir = newDir();
  const writer = new ZoneFileWriter(zoneFeatures(inline.zones, inline.stats), outCrs);
  for (const f of FORMATS) writer.writeFile(dir, f);
  return filesOf(dir);
}
const filesOf = (dir: string): Record<string, Buffer> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

/**
 * The zoning thread started from a .ts wrapper whose `onJob(job)` runs before the real thread's handler gets
 * the job (a listener of its own would start the port and take the first job before the thread listens).
 */
function wrappedThread(onJob: string, onPost = '(m) => m'): URL {
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }\n'); // an ES module: top-level await
  const file = join(tmp, `thread${dirs++}.ts`);
  writeFileSync(file, [
    `import { parentPort } from 'node:worker_threads';`,
    `const onJob = ${onJob};`,
    `const on = parentPort.on.bind(parentPort);`,
    `parentPort.on = (event, handle) => on(event, event === 'message' ? (job) => { onJob(job); handle(job); } : handle);`,
    // onPost(message, transfer): the message to send instead (null: none); globalThis.post sends one as it is.
    `const onPost = ${onPost};`,
    `const post = parentPort.postMessage.bind(parentPort);`,
    `globalThis.post = post;`,
    `parentPort.postMessage = (m, transfer) => { const r = onPost(m, transfer); if (r) post(r, r === m ? transfer : []); };`,
    `await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/cli/zoningThread.ts')).href)});`,
  ].join('\n'));
  return pathToFileURL(file);
}

async function draftedOnThread(entry?: URL) {
  const pending = beginZoning(startZoningThread(0, entry), town.communities, town.roads, [], settings());
  const run = await pending.finish(town.accessibility);
  expect(pending.draftedOn).toBe('thread');
  const onThread = pending.zoneFilesOnThread();
  expect(onThread).not.toBeNull();
  return { run, onThread: onThread! };
}

describe('zone files on the zoning thread', () => {
  it('are byte for byte the main thread\'s (WGS84 and GCJ-02; geojson, csv, fgb), and the lazy run equals the eager one', async () => {
    for (const outCrs of [WGS84, GCJ02]) {
      const { run, onThread } = await draftedOnThread();
      const dir = newDir();
      expect(await onThread.write(dir, FORMATS, outCrs)).toBe('written');
      const expected = mainThreadFiles(outCrs);
      expect(Object.keys(filesOf(dir))).toEqual(['zones.csv', 'zones.fgb', 'zones.geojson']);
      for (const [name, bytes] of Object.entries(filesOf(dir))) expect(bytes.equals(expected[name]), `${outCrs.kind} ${name}`).toBe(true);
      const geojson = JSON.parse(expected['zones.geojson'].toString('utf8')) as { features: unknown[]; coordinate_system?: string };
      expect(geojson.features).toHaveLength(inline.zones.length);
      expect(geojson.coordinate_system).toBe(outCrs.kind === 'wgs84' ? undefined : GCJ02.label);
      // Made on the main thread on first read, after the thread finished its own copy.
      expect(run.zones).toEqual(inline.zones);
      expect(run.stats).toEqual(inline.stats);
      expect(JSON.stringify(run)).toBe(JSON.stringify(inline));
    }
    expect(inline.zones.length).toBeGreaterThan(50);
    expect(inline.stats.some((s) => s.householdsInGaps > 0)).toBe(true);
  }, 60_000);

  it('writes only the asked formats, in their order', async () => {
    const { onThread } = await draftedOnThread();
    const dir = newDir();
    expect(await onThread.write(dir, ['csv'], WGS84)).toBe('written');
    expect(Object.keys(filesOf(dir))).toEqual(['zones.csv']);
    expect(filesOf(dir)['zones.csv'].equals(mainThreadFiles(WGS84)['zones.csv'])).toBe(true);
  }, 60_000);

  it('fall back to the main thread when the thread dies at them or fails to finish the zones: same bytes, one warning', async () => {
    const cases = [
      { onJob: `(job) => { if (job.type === 'write') process.exit(4); }`, why: 'thread exited (code 4)' },
      { onJob: `(job) => { if (job.type === 'write') job.categoryIds = null; }`, why: /^TypeError: Cannot read properties of null/ },
    ];
    const expected = mainThreadFiles(GCJ02);
    for (const c of cases) {
      const { onThread } = await draftedOnThread(wrappedThread(c.onJob));
      const heard: string[] = [];
      let made = 0;
      const dir = newDir();
      const features = () => { made++; return zoneFeatures(inline.zones, inline.stats); };
      await startZoneFiles(onThread, features, dir, FORMATS, GCJ02, (why) => heard.push(why));
      expect(heard).toHaveLength(1);
      expect(heard[0]).toMatch(c.why);
      expect(made).toBe(1);
      expect(Object.keys(filesOf(dir))).toHaveLength(3);
      for (const [name, bytes] of Object.entries(filesOf(dir))) expect(bytes.equals(expected[name]), name).toBe(true);
    }
  }, 60_000);

  it('report a write error on the thread as the main thread\'s error (EISDIR, same message), after the thread stopped', async () => {
    const { onThread } = await draftedOnThread();
    const dir = newDir();
    mkdirSync(join(dir, 'zones.csv'));
    const failed = await onThread.write(dir, FORMATS, WGS84).then(() => null, (e: unknown) => e as NodeJS.ErrnoException);
    let expected: NodeJS.ErrnoException | null = null;
    try {
      new ZoneFileWriter(zoneFeatures(inline.zones, inline.stats), WGS84).writeFile(dir, 'csv');
    } catch (e) {
      expected = e as NodeJS.ErrnoException;
    }
    expect(expected?.code).toBe('EISDIR');
    expect(failed).toBeInstanceOf(Error);
    expect({ message: failed!.message, code: failed!.code, syscall: failed!.syscall, errno: failed!.errno, path: failed!.path })
      .toEqual({ message: expected!.message, code: expected!.code, syscall: expected!.syscall, errno: expected!.errno, path: expected!.path });
    // zones.geojson was written before, zones.fgb not after the failure.
    expect(readdirSync(dir).sort()).toEqual(['zones.csv', 'zones.geojson']);
  }, 60_000);
});

describe('analyze with the zone files on the thread', () => {
  const sample = { communities: join(ROOT, 'data/sample/communities.fgb'), facilities: join(ROOT, 'data/sample/facilities.fgb'), roads: join(ROOT, 'data/sample/roads.fgb') };

  it('writes the files of --threads 1 byte for byte with --out-crs gcj02, and lists them in the same order', async () => {
    const run = async (threads: number) => {
      const out = newDir();
      const lines: string[] = [];
      const r = await runAnalyze({ ...sample, out, threads, outCrs: 'gcj02', formats: ['geojson', 'csv', 'fgb'] }, (l) => lines.push(l));
      return { out, lines, r };
    };
    const two = await run(2), one = await run(1);
    expect(two.lines.some((l) => l.endsWith('(drafted on a thread)'))).toBe(true);
    expect(two.lines.some((l) => l.includes('zoning thread failed'))).toBe(false);
    expect(two.r.files.map((f) => f.slice(two.out.length))).toEqual(one.r.files.map((f) => f.slice(one.out.length)));
    const a = filesOf(two.out), b = filesOf(one.out);
    expect(Object.keys(a)).toHaveLength(8);
    for (const name of Object.keys(b)) expect(a[name].equals(b[name]), name).toBe(true);
    expect(two.r.zoneFeatures).toEqual(one.r.zoneFeatures);
    expect(two.r.zoneFeatures.length).toBeGreaterThan(5);
  }, 120_000);

  it('fails with the error of --threads 1 when a zone file cannot be written', async () => {
    const fail = async (threads: number) => {
      const out = newDir();
      mkdirSync(join(out, 'zones.geojson'));
      const e = await runAnalyze({ ...sample, out, threads }).then(() => null, (x: unknown) => x as NodeJS.ErrnoException);
      return { out, e };
    };
    const two = await fail(2), one = await fail(1);
    expect(one.e?.code).toBe('EISDIR');
    expect(two.e?.code).toBe(one.e!.code);
    expect(two.e!.message.replace(two.out, '<out>')).toBe(one.e!.message.replace(one.out, '<out>'));
  }, 120_000);
});

describe('the zoning thread\'s two answers (community side first, then word that the whole draft is made)', () => {
  const sideOf = (r: { eligible: Uint8Array; reasons: unknown; zoneIdOf: unknown; summary: unknown; duplicateIds: unknown }) =>
    JSON.stringify({ ...r, eligible: Array.from(r.eligible), zones: undefined, stats: undefined });

  it('finish needs only the side: a thread whose whole draft never comes still gives the run\'s community side', async () => {
    const thread = startZoningThread(0, wrappedThread('() => {}', `(m) => (m.type === 'drafted' ? null : m)`));
    try {
      const pending = beginZoning(thread, town.communities, town.roads, [], settings());
      const run = await pending.finish(town.accessibility);
      expect(pending.draftedOn).toBe('thread');
      expect(sideOf(run)).toBe(sideOf(inline));
      expect(run.zoneIdOf.filter((z) => z !== null).length).toBeGreaterThan(100);
    } finally {
      await thread.close();
    }
  }, 60_000);

  it('the zone files are asked for before the whole draft comes (the thread goes on without waiting for the main thread)', async () => {
    // The wrapped thread holds its whole draft back until it gets the zone files job: had that job waited for the
    // draft, this would never finish.
    const entry = wrappedThread(
      `(job) => { if (job.type === 'write' && globalThis.heldDraft) { const d = globalThis.heldDraft; globalThis.heldDraft = null; globalThis.post(d.m, d.t); } }`,
      `(m, t) => { if (m.type === 'drafted') { globalThis.heldDraft = { m, t }; return null; } return m; }`,
    );
    const pending = beginZoning(startZoningThread(0, entry), town.communities, town.roads, [], settings());
    const run = await pending.finish(town.accessibility);
    const dir = newDir();
    expect(await pending.zoneFilesOnThread()!.write(dir, FORMATS, WGS84)).toBe('written');
    const expected = mainThreadFiles(WGS84);
    for (const [name, bytes] of Object.entries(filesOf(dir))) expect(bytes.equals(expected[name]), name).toBe(true);
    expect(JSON.stringify(run.zones)).toBe(JSON.stringify(inline.zones)); // drafted on this thread when read
  }, 30_000);

  it('a thread whose draft comes without its side: zoned on the main thread, with a warning', async () => {
    const log: string[] = [];
    const pending = beginZoning(startZoningThread(0, wrappedThread('() => {}', `(m) => (m.type === 'side' ? null : m)`)),
      town.communities, town.roads, [], settings(), (l) => log.push(l));
    const run = await pending.finish(town.accessibility);
    expect(pending.draftedOn).toBe('main');
    expect(pending.zoneFilesOnThread()).toBeNull();
    expect(log).toEqual(['warning: zoning thread failed (its draft came without the communities\' side); zoning on the main thread']);
    expect(sideOf(run)).toBe(sideOf(inline));
  }, 60_000);

  it('a thread that fails after its side: zones made on the main thread, zone files written there, same bytes', async () => {
    const log: string[] = [];
    const pending = beginZoning(startZoningThread(0, wrappedThread('() => {}', `(m) => (m.type === 'drafted' ? { type: 'error', message: 'lost the outlines' } : m)`)),
      town.communities, town.roads, [], settings(), (l) => log.push(l));
    const run = await pending.finish(town.accessibility);
    expect(pending.draftedOn).toBe('thread');
    const heard: string[] = [];
    const dir = newDir();
    await startZoneFiles(pending.zoneFilesOnThread(), () => zoneFeatures(run.zones, run.stats), dir, FORMATS, WGS84, (why) => heard.push(why));
    expect(heard).toEqual(['lost the outlines']);
    expect(log).toEqual([]);
    const expected = mainThreadFiles(WGS84);
    for (const [name, bytes] of Object.entries(filesOf(dir))) expect(bytes.equals(expected[name]), name).toBe(true);
    expect(JSON.stringify({ ...run, eligible: Array.from(run.eligible) })).toBe(JSON.stringify({ ...inline, eligible: Array.from(inline.eligible) }));
  }, 60_000);
});
