/**
 * The V8 flags the batch command sets for itself at start (main.ts, `v8.setFlagsFromString`).
 *
 * Why: a run is one cold pass over each phase on three JavaScript threads (main, distance, zoning) sharing
 * two cores, and V8's optimising compiler was a large part of its CPU (~1.9 s of ~8 s at ×50, session 6).
 * - `--max-inlined-bytecode-size-cumulative=300` (V8's default 920): less to compile per optimised function.
 *   Four alternating A/Bs of 8–12 runs (session 6): medians 0.12–0.36 s lower, CPU 0.25–0.6 s lower.
 * - `--no-concurrent-recompilation`: a hot function is optimised at once on its own thread instead of queued for
 *   a helper thread while it goes on in the slower tiers; with both cores taken by the three threads, queued
 *   jobs waited while the slow tiers ran on. V8 fixes this one for an isolate when the isolate starts, so set
 *   from inside the process it reaches the distance and zoning threads, not the main thread. ×50, bundled CLI,
 *   16 alternating runs: median 4.13 → 3.98 s, CPU 7.43 → 6.89 s. On node's command line it reaches the main
 *   thread too: CPU another 0.35–0.55 s lower in three of four alternating comparisons of 14–30 runs (session 8;
 *   the wall-time medians moved by −0.3 to +0.0 s, within this host's noise). A relaunch of the command with it
 *   gave that away to a second node start-up (session 7), so the bundled CLI's first lines start node with both
 *   flags on a 2-core machine (`cliLauncherLines`: run it as `dist-cli/analyze.mjs`); `npm run cli` passes them
 *   to node always (the sources' way, for development).
 * - `--max-inlined-bytecode-size=120` (V8's default 460), `--no-turbo-loop-peeling`, `--no-turbo-escape`: less for
 *   TurboFan to do per function (smaller inlinees, no peeled first loop iteration, no escape analysis). The run's
 *   functions mostly run once over a long loop, so the compile is much of their cost (~1.6 s of CPU in ~360
 *   compilations at ×50, session 9). Four alternating A/Bs of the bundled CLI with all three on node's command
 *   line, 16–20 runs each (session 9): medians −0.11, −0.32, −0.13, −0.14 s, CPU −0.34, −0.50, −0.21, −0.20 s.
 *   Single ones or pairs were not better in every comparison.
 * - `--initial-old-space-size=256`, `--min-semi-space-size=4` (V8 sizes both from 0: small, grown on demand): a
 *   heap that starts bigger. The inputs are read into long-lived objects at once, so each thread's old generation
 *   first grew through a series of full collections (×50: 8 mark-compacts taking ~125–160 ms on the threads plus
 *   ~35–65 ms of incremental marking, against 3–4 taking ~20–35 ms with these). These are limits, not memory taken
 *   up front: peak RSS stayed at ~510 MB. Three alternating A/Bs of the bundled CLI with both on node's command
 *   line, 16–20 runs each (session 10): medians −0.25, −0.19, −0.12 s, CPU −0.39, −0.38, −0.13 s; either alone was
 *   no better, and `--initial-heap-size=256/512` or a minimum semi-space of 8 MB less good.
 * - `--no-memory-reducer`: V8's memory reducer collects garbage to give memory back when an isolate goes quiet,
 *   for long-lived browser tabs and servers. A batch run ends in seconds, and its threads go quiet while they wait
 *   for each other (the main thread for the distance job, the threads for the inputs). Three alternating A/Bs on
 *   top of the flags above, 18–20 runs each (session 10): medians −0.11, −0.09, −0.20 s, CPU −0.15, −0.24, −0.30 s.
 * A value the user gives node for one of these flags, in either form (`--concurrent-recompilation` too), wins.
 */
export const CLI_V8_FLAGS: readonly string[] = [
  '--max-inlined-bytecode-size-cumulative=300', '--no-concurrent-recompilation',
  '--max-inlined-bytecode-size=120', '--no-turbo-loop-peeling', '--no-turbo-escape',
  '--initial-old-space-size=256', '--min-semi-space-size=4', '--no-memory-reducer',
];

/**
 * The flags are for a machine whose cores the run's threads keep busy: measured on 2 cores. With a core to spare,
 * V8's own choice is the better one: with `--threads 1` on the same 2 cores (one JavaScript thread, a core free
 * for V8's helper threads), the flags on node's command line cost 5.21 → 5.46 s (12 alternating runs, session 8)
 * though they saved ~0.9 s of CPU: optimising on the main thread put the compiling on the only path there is.
 */
export const CLI_V8_FLAGS_UP_TO_CORES = 2;

/** The flags for a machine with `cores` cores (none above CLI_V8_FLAGS_UP_TO_CORES). */
export function cliV8Flags(cores: number): readonly string[] {
  return cores <= CLI_V8_FLAGS_UP_TO_CORES ? CLI_V8_FLAGS : [];
}

/**
 * The first lines of the bundled CLI (vite.cli.config.ts), a shell script and JavaScript at once: `sh` runs
 * line 2 (`':'` is its no-op), which starts node on the file with the flags on a machine of at most
 * CLI_V8_FLAGS_UP_TO_CORES cores (the cores the process may use: `nproc`, else `getconf`), without elsewhere;
 * for JavaScript line 2 is a string and a comment. Set from node's command line, the flags reach the main thread
 * too (set from inside they reach only the threads started afterwards); a relaunch of the command for that lost
 * its gain to a second node start-up (session 7).
 */
export function cliLauncherLines(): string {
  const cores = '$( (nproc || getconf _NPROCESSORS_ONLN) 2>/dev/null || echo 99)';
  return [
    '#!/bin/sh',
    `':' //; if [ "${cores}" -le ${CLI_V8_FLAGS_UP_TO_CORES} ] 2>/dev/null; then exec node ${CLI_V8_FLAGS.join(' ')} "$0" "$@"; fi; exec node "$0" "$@"`,
  ].join('\n');
}

/** A flag's name without dashes, `no-` or value, with `_` as `-` (node accepts both spellings). */
function flagName(arg: string): string {
  return arg.split('=')[0].replace(/^--/, '').replace(/_/g, '-').replace(/^no-/, '');
}

/** The flags of `flags` that `execArgv` (node's own arguments) does not set, in either form. */
export function missingV8Flags(execArgv: readonly string[], flags: readonly string[] = CLI_V8_FLAGS): string[] {
  const given = new Set(execArgv.filter((a) => a.startsWith('--')).map(flagName));
  return flags.filter((f) => !given.has(flagName(f)));
}
