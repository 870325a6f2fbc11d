/**
 * `npm run cli -- analyze …`: the headless command. Parses arguments, runs the pipeline, prints progress and
 * problems on stderr, and exits 0 (done), 2 (bad command line), 3 (bad input) or 1 (anything else).
 */
import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runAnalyze } from './analyze';
import { parseArgs } from './args';
import { InputError, UsageError } from './errors';
import { USAGE } from './usage';
import { cliV8Flags, missingV8Flags } from './v8Flags';

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    const { quiet, ...options } = parsed.options;
    const out = await runAnalyze(options, quiet ? undefined : (line) => process.stderr.write(`[analyze] ${line}\n`));
    const s = out.summary;
    process.stderr.write(
      `[analyze] done: ${s.communities.analysed} communities, ${s.mode} mode, ${out.gapCount} gaps, ` +
      `${s.issueCounts.error} skipped input features, ${s.issueCounts.warning} warnings → ${out.outDir}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write('run with --help for usage\n');
      return e.exitCode;
    }
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // Before any code gets hot (see ./v8Flags); V8 flags are process-wide, so the threads started later get them.
  for (const flag of missingV8Flags(process.execArgv, cliV8Flags(availableParallelism()))) setFlagsFromString(flag);
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
