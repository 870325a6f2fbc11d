import { defineConfig } from '@playwright/test';

/** Debian's chromium (never `npx playwright install`); flags that give MapLibre WebGL2 via SwiftShader (TESTING.md). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** E2E_PORT lets several checkouts (or a CI run beside a dev session) test at once. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const PREVIEW_URL = `http://127.0.0.1:${PORT}`;

// The build is done before (`npm run build`); this serves dist/ as a user would get it.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: PREVIEW_URL,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: PREVIEW_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
