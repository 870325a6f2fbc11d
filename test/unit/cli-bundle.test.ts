/**
 * The bundled CLI (`npm run build:cli` → dist-cli/analyze.mjs + its distance thread) as batch scripts run it:
 * plain `node`, worker threads on request, and exactly the outputs of the TypeScript sources run through tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIX = 'test/fixtures/cli';
const INPUTS = ['--communities', `${FIX}/town-communities.geojson`, '--facilities', `${FIX}/town-facilities.geojson`, '--roads', `${FIX}/town-roads.geojson`, '--formats', 'geojson,csv,fgb'];
let bundle = '';

beforeAll(() => {
  const outDir = mkdtempSync(join(tmpdir(), 'cli-bundle-'));
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.cli.config.ts', '--outDir', outDir, '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  bundle = join(outDir, 'analyze.mjs');
}, 150_000);

function run(cmd: string, args: string[], extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'cli-bundle-run-'));
  const r = spawnSync(cmd, [...args, 'analyze', ...INPUTS, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
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
    expect(threaded.stderr).toContain('distances computed (network, 2 threads)');
    expect(Object.keys(threaded.files)).toEqual(['communities.csv', 'communities.fgb', 'communities.geojson', 'gaps.csv', 'summary.json', 'zones.csv', 'zones.fgb', 'zones.geojson']);
    expect(plain.files).toEqual(tsx.files);
    expect(threaded.files).toEqual(tsx.files);
  }, 120_000);
});
