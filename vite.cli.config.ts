/**
 * The CLI as bundled Node modules (`npm run build:cli` → dist-cli/): `analyze.mjs` and the distance and
 * zoning threads it starts. Same sources as `npm run cli`, but no TypeScript compiled at start-up and only the code it uses:
 * ~0.3 s to start instead of ~2 s through tsx, which matters for batch scripts running it once per city.
 *
 * `analyze.mjs` is executable and its first lines start node with the CLI's V8 flags on a 2-core machine
 * (src/cli/v8Flags.ts `cliLauncherLines`), so run as `dist-cli/analyze.mjs …` they reach the main thread too,
 * which setting them from inside the process cannot (`node dist-cli/analyze.mjs …` works the same everywhere,
 * with the flags on the other threads only).
 */
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { cliLauncherLines } from './src/cli/v8Flags.ts';

/**
 * The entry with the launcher lines on top (added to the written code, as they are: as a `banner` the bundler
 * re-printed them as code and dropped the part JavaScript reads as a comment), made executable.
 */
function executableEntry(): Plugin {
  return {
    name: 'renovation-planner-executable-cli',
    generateBundle(_options, bundle) {
      const entry = bundle['analyze.mjs'];
      if (entry?.type === 'chunk') entry.code = `${cliLauncherLines()}\n${entry.code}`;
    },
    writeBundle(options) {
      const entry = join(options.dir ?? 'dist-cli', 'analyze.mjs');
      if (existsSync(entry)) chmodSync(entry, 0o755);
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [executableEntry()],
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: { analyze: 'src/cli/main.ts', distanceThread: 'src/cli/distanceThread.ts', zoningThread: 'src/cli/zoningThread.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
