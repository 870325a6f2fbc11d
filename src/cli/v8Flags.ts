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
 *   gave that away to a second node start-up (session 7), so the bundled CLI's first line starts node with both
 *   flags (vite.cli.config.ts: run it as `dist-cli/analyze.mjs`); `npm run cli` passes them to node too.
 * A value the user gives node for one of these flags, in either form (`--concurrent-recompilation` too), wins.
 */
export const CLI_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=300', '--no-concurrent-recompilation'];

/** A flag's name without dashes, `no-` or value, with `_` as `-` (node accepts both spellings). */
function flagName(arg: string): string {
  return arg.split('=')[0].replace(/^--/, '').replace(/_/g, '-').replace(/^no-/, '');
}

/** The flags of `flags` that `execArgv` (node's own arguments) does not set, in either form. */
export function missingV8Flags(execArgv: readonly string[], flags: readonly string[] = CLI_V8_FLAGS): string[] {
  const given = new Set(execArgv.filter((a) => a.startsWith('--')).map(flagName));
  return flags.filter((f) => !given.has(flagName(f)));
}
