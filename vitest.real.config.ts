// vitest's reporter (main process) needs Map.groupBy on Node 20; the setupFiles entry covers the test workers.
import './test/setup-node20';
import { defineConfig } from 'vitest/config';

// Real OpenStreetMap extracts from ../shared/data/real, read in place (never copied into the repo).
export default defineConfig({
  test: { include: ['test/real/**/*.test.ts'], environment: 'node', setupFiles: ['test/setup-node20.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
