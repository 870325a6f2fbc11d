/**
 * The V8 flags the CLI sets at start (src/cli/v8Flags.ts): flags this Node's V8 knows (`setFlagsFromString`
 * ignores an unknown one without a word), only on machines of at most 2 cores, a user's own value wins, and
 * `npm run cli` passes them to node.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_V8_FLAGS, cliV8Flags, missingV8Flags } from '../../src/cli/v8Flags';

const ROOT = resolve(__dirname, '../..');

describe('CLI V8 flags', () => {
  const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;

  it('are flags this V8 knows, each set away from its default', () => {
    expect(CLI_V8_FLAGS).toEqual([
      '--max-inlined-bytecode-size-cumulative=300', '--no-concurrent-recompilation',
      '--max-inlined-bytecode-size=120', '--no-turbo-loop-peeling', '--no-turbo-escape',
      '--initial-old-space-size=256', '--min-semi-space-size=4', '--no-memory-reducer',
    ]);
    for (const flag of CLI_V8_FLAGS) expect(known).toContain(`  ${flag.split('=')[0].replace(/^--no-/, '--')} (`);
    expect(known).toContain('default: --max-inlined-bytecode-size-cumulative=920');
    expect(known).toContain('default: --concurrent-recompilation\n');
    expect(known).toContain('default: --max-inlined-bytecode-size=460');
    expect(known).toContain('default: --turbo-loop-peeling\n');
    expect(known).toContain('default: --turbo-escape\n');
    expect(known).toContain('default: --initial-old-space-size=0\n');
    expect(known).toContain('default: --min-semi-space-size=0\n');
    expect(known).toContain('default: --memory-reducer\n');
  });

  it('are accepted by node itself (an unknown one makes node exit with "bad option")', () => {
    const r = spawnSync(process.execPath, [...CLI_V8_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok');
  });

  it('a flag the user gave node, in either form or spelling, is not set over it', () => {
    expect(missingV8Flags([])).toEqual(CLI_V8_FLAGS);
    expect(missingV8Flags(['--concurrent-recompilation'])).toEqual(CLI_V8_FLAGS.filter((f) => f !== '--no-concurrent-recompilation'));
    expect(missingV8Flags(['--max_inlined_bytecode_size_cumulative=500', '--no-concurrent-recompilation', '--turbo_loop_peeling']))
      .toEqual(['--max-inlined-bytecode-size=120', '--no-turbo-escape', '--initial-old-space-size=256', '--min-semi-space-size=4', '--no-memory-reducer']);
    expect(missingV8Flags(['--initial_old_space_size=64', '--min-semi-space-size=2', '--memory-reducer'])).toEqual(CLI_V8_FLAGS.slice(0, 5));
    expect(missingV8Flags(['--import', 'file:///x/loader.mjs', '--no-warnings'])).toEqual(CLI_V8_FLAGS);
  });

  it('are for machines of at most 2 cores (with a core to spare V8\'s own choice is better)', () => {
    expect(cliV8Flags(1)).toEqual(CLI_V8_FLAGS);
    expect(cliV8Flags(2)).toEqual(CLI_V8_FLAGS);
    expect(cliV8Flags(3)).toEqual([]);
    expect(cliV8Flags(16)).toEqual([]);
    expect(missingV8Flags([], cliV8Flags(8))).toEqual([]);
  });

  it('npm run cli passes them to node (there they reach the main thread too)', () => {
    const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.cli).toBe(`tsx ${CLI_V8_FLAGS.join(' ')} src/cli/main.ts`);
  });
});
