/**
 * The V8 flags the CLI sets at start (src/cli/main.ts) must exist in this Node's V8: `setFlagsFromString`
 * ignores an unknown flag without a word, so a typo or a flag V8 dropped would silently do nothing.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_V8_FLAGS } from '../../src/cli/main';

describe('CLI V8 flags', () => {
  const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;

  it('are flags this V8 knows, with a value of the right kind', () => {
    expect(CLI_V8_FLAGS.length).toBeGreaterThan(0);
    for (const flag of CLI_V8_FLAGS) {
      const [name, value] = flag.split('=');
      expect(known).toContain(`  ${name} (`);
      expect(Number(value)).toBeGreaterThan(0);
      expect(Number(value)).toBeLessThan(920); // below V8's default: the point is a smaller budget
    }
  });

  it('are accepted by node itself (an unknown one makes node exit with "bad option")', () => {
    const r = spawnSync(process.execPath, [...CLI_V8_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok');
  });
});
