/**
 * `npm run cli -- analyze …`: the headless command. Parses arguments, runs the pipeline, prints progress and
 * problems on stderr, and exits 0 (done), 2 (bad command line), 3 (bad input) or 1 (anything else).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runAnalyze } from './analyze';
import { parseArgs } from './args';
import { InputError, UsageError } from './errors';
import { USAGE } from './usage';

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

/**
 * A smaller inlining budget for V8's optimising compiler, for this process and its threads (V8 flags are
 * process-wide; set before any code got hot). Why: a run is one cold pass over each phase, and optimising
 * compilation on V8's helper threads took ~1.9 s of its ~8 s CPU at ×50 (per-thread CPU with and without
 * `--no-opt`, session 6). With a cumulative budget of 300 bytecodes instead of 920, four alternating A/Bs of the
 * bundled CLI gave medians 0.12–0.36 s lower and 0.25–0.6 s less CPU (8–12 runs each). Not for the app or the
 * in-process benchmarks: warm repeated searches were no faster, one-thread reruns a little slower. A value the
 * user passes to node wins.
 */
export const CLI_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=300'];

if (invokedDirectly) {
  for (const flag of CLI_V8_FLAGS) {
    if (!process.execArgv.some((a) => a.startsWith(flag.split('=')[0]))) setFlagsFromString(flag);
  }
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
