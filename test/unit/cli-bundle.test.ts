/**
 * The bundled CLI (`npm run build:cli` → dist-cli/analyze.mjs + its distance and zoning threads) as batch scripts
 * run it: plain `node`, worker threads on request, and exactly the outputs of the TypeScript sources run through
 * tsx; the zoning thread in the bundle and in-process (`--threads 2` drafts the zones on it, `--threads 1` on the
 * main thread, with byte-identical outputs and equal `runAnalyze` values). The bundle is built once for both.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { CLI_V8_FLAGS, cliLauncherLines } from '../../src/cli/v8Flags';

const ROOT = resolve(__dirname, '../..');
const FIX = 'test/fixtures/cli';
const SAMPLE = ['--communities', 'data/sample/communities.fgb', '--facilities', 'data/sample/facilities.fgb', '--roads', 'data/sample/roads.fgb', '--formats', 'geojson,csv,fgb'];
const INPUTS = ['--communities', `${FIX}/town-communities.geojson`, '--facilities', `${FIX}/town-facilities.geojson`, '--roads', `${FIX}/town-roads.geojson`, '--formats', 'geojson,csv,fgb'];
let bundle = '';

beforeAll(() => {
  const outDir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  bundle = join(outDir, 'analyze.mjs');
}, 150_000);

function run(cmd: string, args: string[], extra: string[] = [], inputs = INPUTS) {
  const out = mkdtempSync(join(tmpdir(), 'cli-bundle-run-'));
  const r = spawnSync(cmd, [...args, 'analyze', ...inputs, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const files = Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
  return { code: r.status, stderr: r.stderr, files };
}

describe('dist-cli/analyze.mjs', () => {
  it('runs under plain node, on 2 worker threads when asked, with the outputs of the tsx run byte for byte', () => {
    const tsx = run(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts']);
    const plain = run(process.execPath, [bundle]);
    const threaded = run(process.execPath, [bundle], ['--threads', '2']);
    for (const r of [tsx, plain, threaded]) expect(r.code, r.stderr).toBe(0);
    // A tiny town: one thread by default; --threads 2 shares it out anyway.
    expect(tsx.stderr).toContain('distances computed (network, 1 thread)');
    expect(plain.stderr).toContain('distances computed (network, 1 thread)');
    expect(threaded.stderr).toContain('distances computed (network, 1 worker thread)');
    expect(Object.keys(threaded.files)).toEqual(['communities.csv', 'communities.fgb', 'communities.geojson', 'gaps.csv', 'summary.json', 'zones.csv', 'zones.fgb', 'zones.geojson']);
    expect(plain.files).toEqual(tsx.files);
    expect(threaded.files).toEqual(tsx.files);
  }, 120_000);

  it('is an executable whose first lines start node with the CLI\'s V8 flags on 2 cores; run so, the same outputs', () => {
    const text = readFileSync(bundle, 'utf8');
    expect(text.startsWith(`${cliLauncherLines()}\n`)).toBe(true);
    expect(statSync(bundle).mode & 0o111).toBe(0o111);
    // The launcher's choice, with a stand-in `nproc` and `node` (which prints what it was given) first on PATH.
    const fake = mkdtempSync(join(tmpdir(), 'cli-launcher-'));
    const launch = (cores: number): string => {
      writeFileSync(join(fake, 'nproc'), `#!/bin/sh\necho ${cores}\n`);
      writeFileSync(join(fake, 'node'), '#!/bin/sh\necho "$@"\n');
      for (const f of ['nproc', 'node']) chmodSync(join(fake, f), 0o755);
      const r = spawnSync(bundle, ['analyze', '--help'], { encoding: 'utf8', env: { ...process.env, PATH: `${fake}:${process.env.PATH ?? ''}` } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.trim();
    };
    expect(launch(2)).toBe(`${CLI_V8_FLAGS.join(' ')} ${bundle} analyze --help`);
    expect(launch(1)).toBe(`${CLI_V8_FLAGS.join(' ')} ${bundle} analyze --help`);
    expect(launch(8)).toBe(`${bundle} analyze --help`);
    // Run for real: the same files as under node.
    const direct = run(bundle, [], ['--threads', '2']);
    const plain = run(process.execPath, [bundle], ['--threads', '2']);
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stderr).toContain('distances computed (network, 1 worker thread)');
    expect(Object.keys(direct.files)).toHaveLength(8);
    expect(direct.files).toEqual(plain.files);
  }, 120_000);
});

describe('zoning thread', () => {
  it('is bundled and drafts the sample city\'s zones with --threads 2: outputs byte for byte those of --threads 1', () => {
    expect(existsSync(join(bundle, '../zoningThread.mjs'))).toBe(true);
    const threaded = run(process.execPath, [bundle], ['--threads', '2'], SAMPLE);
    const single = run(process.execPath, [bundle], ['--threads', '1'], SAMPLE);
    for (const r of [threaded, single]) expect(r.code, r.stderr).toBe(0);
    expect(threaded.stderr).toMatch(/zoning: \d+ eligible communities .* in \d+ zones \(drafted on a thread\)/);
    expect(single.stderr).toMatch(/zoning: \d+ eligible communities .* in \d+ zones\n/);
    expect(threaded.stderr).not.toContain('zoning thread failed');
    expect(Object.keys(threaded.files)).toHaveLength(8);
    expect(threaded.files).toEqual(single.files);
  }, 120_000);

  it('is not started with --no-zones: the distances alone, on a distance thread and the main one, with the same gaps', () => {
    const zoned = run(process.execPath, [bundle], ['--threads', '2'], SAMPLE);
    const none = run(process.execPath, [bundle], ['--threads', '2', '--no-zones'], SAMPLE);
    for (const r of [zoned, none]) expect(r.code, r.stderr).toBe(0);
    expect(none.stderr).toContain('distances computed (network, 2 threads)'); // this thread searches too: a core is free
    expect(none.stderr).toContain('zoning: not run (--no-zones)');
    expect(Object.keys(none.files)).toEqual(['communities.csv', 'communities.fgb', 'communities.geojson', 'gaps.csv', 'summary.json']);
    expect(none.files['gaps.csv']).toBe(zoned.files['gaps.csv']);
    // communities.geojson's frames, made while the thread searched (analyze.ts), give the bytes of one thread.
    const single = run(process.execPath, [bundle], ['--threads', '1', '--no-zones'], SAMPLE);
    expect(single.code, single.stderr).toBe(0);
    expect(none.files).toEqual(single.files);
  }, 120_000);

  it('loads no module it does not use: proj4 and the FlatGeobuf reader stay in the main thread\'s file', () => {
    // The bundle names each module it holds in a `// node_modules/…` or `// src/…` comment; follow each thread's
    // static imports through the chunks and collect those names.
    const modulesOf = (entry: string): Set<string> => {
      const seen = new Set<string>(), names = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)) names.add(m[1]);
        for (const m of text.matchAll(/^import .* from "(\.\.?\/[^"]+)";$/gm)) visit(resolve(file, '..', m[1]));
      };
      visit(join(bundle, '..', entry));
      return names;
    };
    const zoning = [...modulesOf('zoningThread.mjs')], main = [...modulesOf('analyze.mjs')];
    expect(zoning).toContain('src/core/zoning/overlay.ts');
    expect(zoning).toContain('src/io/crs/geographic.ts');
    expect(main.some((m) => m.startsWith('node_modules/proj4/'))).toBe(true);
    expect(main).toContain('src/io/fgb/reader.ts');
    for (const [name, modules] of [['zoning', zoning], ['distance', [...modulesOf('distanceThread.mjs')]]] as const) {
      expect(modules.filter((m) => /^node_modules\/(proj4|mgrs|wkt-parser|ol)\//.test(m) || m.startsWith('src/io/fgb/')), name).toEqual([]);
    }
  });

  it('gives runAnalyze the same zoning, zone features and summary in-process', async () => {
    const opts = { communities: join(ROOT, 'data/sample/communities.fgb'), facilities: join(ROOT, 'data/sample/facilities.fgb'), roads: join(ROOT, 'data/sample/roads.fgb') };
    const lines: string[] = [];
    const threaded = await runAnalyze({ ...opts, out: mkdtempSync(join(tmpdir(), 'cli-zt-')), threads: 2 }, (l) => lines.push(l));
    const single = await runAnalyze({ ...opts, out: mkdtempSync(join(tmpdir(), 'cli-zt-')), threads: 1 });
    expect(lines.some((l) => l.endsWith('(drafted on a thread)'))).toBe(true);
    expect(threaded.zoning).toEqual(single.zoning);
    expect(threaded.zoneFeatures).toEqual(single.zoneFeatures);
    expect(threaded.summary).toEqual(single.summary);
    expect(threaded.zoning!.zones.length).toBeGreaterThan(5);
  }, 60_000);
});
