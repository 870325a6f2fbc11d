/**
 * The zoning thread in the bundled CLI (dist-cli/zoningThread.mjs, started by analyze.mjs) and in-process:
 * `--threads 2` drafts the zones on it, `--threads 1` on the main thread, with byte-identical outputs and equal
 * `runAnalyze` values.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = ['--communities', 'data/sample/communities.fgb', '--facilities', 'data/sample/facilities.fgb', '--roads', 'data/sample/roads.fgb', '--formats', 'geojson,csv,fgb'];
let bundle = '';

beforeAll(() => {
  const outDir = mkdtempSync(join(tmpdir(), 'cli-bundle-zoning-'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  bundle = join(outDir, 'analyze.mjs');
}, 150_000);

function run(extra: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'cli-bundle-zoning-run-'));
  const r = spawnSync(process.execPath, [bundle, 'analyze', ...SAMPLE, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const files = Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
  return { code: r.status, stderr: r.stderr, files };
}

describe('zoning thread', () => {
  it('is bundled and drafts the sample city\'s zones with --threads 2: outputs byte for byte those of --threads 1', () => {
    expect(existsSync(join(bundle, '../zoningThread.mjs'))).toBe(true);
    const threaded = run(['--threads', '2']);
    const single = run(['--threads', '1']);
    for (const r of [threaded, single]) expect(r.code, r.stderr).toBe(0);
    expect(threaded.stderr).toMatch(/zoning: \d+ eligible communities .* in \d+ zones \(drafted on a thread\)/);
    expect(single.stderr).toMatch(/zoning: \d+ eligible communities .* in \d+ zones\n/);
    expect(threaded.stderr).not.toContain('zoning thread failed');
    expect(Object.keys(threaded.files)).toHaveLength(8);
    expect(threaded.files).toEqual(single.files);
  }, 120_000);

  it('gives runAnalyze the same zoning, zone features and summary in-process', async () => {
    const opts = { communities: join(ROOT, 'data/sample/communities.fgb'), facilities: join(ROOT, 'data/sample/facilities.fgb'), roads: join(ROOT, 'data/sample/roads.fgb') };
    const lines: string[] = [];
    const threaded = await runAnalyze({ ...opts, out: mkdtempSync(join(tmpdir(), 'cli-zt-')), threads: 2 }, (l) => lines.push(l));
    const single = await runAnalyze({ ...opts, out: mkdtempSync(join(tmpdir(), 'cli-zt-')), threads: 1 });
    expect(lines.some((l) => l.endsWith('(drafted on a thread)'))).toBe(true);
    expect(threaded.zoning).toEqual(single.zoning);
    expect(threaded.zoneFeatures).toEqual(single.zoneFeatures);
    expect(threaded.summary).toEqual(single.summary);
    expect(threaded.zoning.zones.length).toBeGreaterThan(5);
  }, 60_000);
});
