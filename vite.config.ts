// vitest's reporter (main process) needs Map.groupBy on Node 20; the setupFiles entry covers the test workers.
import './test/setup-node20';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Static SPA: everything (sample city included) is served from this origin, nothing is fetched elsewhere.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-node20.ts'],
    testTimeout: 60_000,
  },
});
