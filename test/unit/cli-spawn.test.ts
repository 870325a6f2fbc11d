/** The CLI as users' batch scripts run it: a separate process, exit codes, stdout/stderr. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIX = 'test/fixtures/cli';
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npx tsx src/cli/main.ts', () => {
  it('analyze exits 0, writes the outputs and reports progress on stderr only', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-spawn-'));
    const r = cli(['analyze', '--communities', `${FIX}/town-communities.geojson`, '--facilities', `${FIX}/town-facilities.geojson`, '--roads', `${FIX}/town-roads.geojson`, '--out', out]);
    expect(r.stderr).toContain('[analyze] done: 4 communities, network mode, 50 gaps, 2 skipped input features');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('skipped: test/fixtures/cli/town-facilities.geojson feature F4 (field category): unknown category "咖啡馆"');
    for (const f of ['communities.geojson', 'gaps.csv', 'communities.csv', 'summary.json']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).communities.analysed).toBe(4);
  });

  it('bad input exits 3 with a message naming the file', () => {
    const r = cli(['analyze', '--communities', `${FIX}/broken.geojson`, '--facilities', `${FIX}/town-facilities.geojson`, '--out', mkdtempSync(join(tmpdir(), 'cli-bad-'))]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: --communities test\/fixtures\/cli\/broken\.geojson: Not valid JSON/m);
  });

  it('a missing file exits 3; an unknown option exits 2; --help prints usage and exits 0', () => {
    const missing = cli(['analyze', '--communities', 'no/such.geojson', '--facilities', `${FIX}/town-facilities.geojson`, '--out', mkdtempSync(join(tmpdir(), 'cli-bad-'))]);
    expect(missing.code).toBe(3);
    expect(missing.stderr.endsWith('error: --communities no/such.geojson: file not found\n')).toBe(true);
    const unknown = cli(['analyze', '--communitys', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: unknown option "--communitys" (see --help)\nrun with --help for usage\n');
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:\n  npm run cli -- analyze --communities FILE --facilities FILE [--roads FILE] [--config FILE.json] --out DIR');
  });
});
