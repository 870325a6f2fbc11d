/**
 * Shared browser-test fixture. `test` fails any test whose page throws, logs a console error, gets an HTTP status
 * >= 400, or requests anything outside the page's own origin (blob:/data: allowed): the app must work offline and
 * resident data must never leave the machine. Helpers read the live map via `window.__map`.
 */
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Map as MlMap, MapGeoJSONFeature } from 'maplibre-gl';

declare global {
  interface Window { __map?: MlMap }
}

export type LngLat = [number, number];
export interface ScreenPoint { x: number; y: number }

export interface PageGuard {
  errors: string[];
  offOrigin: string[];
  /** Allow requests to these origins for the rest of the test (e.g. after the user opts in to the OSM basemap). */
  allowOrigin: (origin: string) => void;
}

export const test = base.extend<{ guard: PageGuard }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
      const allowed = new Set([origin]);
      const errors: string[] = [];
      const offOrigin: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
      page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
      page.on('requestfailed', (r) => {
        const u = r.url(), why = r.failure()?.errorText ?? '';
        // ERR_ABORTED: the page navigated away (reload) while the request was in flight; not an app failure.
        if (!u.startsWith('blob:') && !u.startsWith('data:') && !why.includes('ERR_ABORTED')) errors.push(`request failed: ${u} (${why})`);
      });
      page.on('request', (r) => {
        const u = r.url();
        if (u.startsWith('blob:') || u.startsWith('data:')) return;
        if (!allowed.has(new URL(u).origin)) offOrigin.push(u);
      });
      const guard: PageGuard = { errors, offOrigin, allowOrigin: (o) => { allowed.add(new URL(o).origin); } };
      await use(guard);
      expect(errors, 'page errors, console errors or HTTP >= 400').toEqual([]);
      expect(offOrigin, 'requests that left the page origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the app and wait until the sample city is drawn (map loaded, data in, one idle frame). */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  const webgl2 = await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
  if (!webgl2) throw new Error('No WebGL2 in this chromium: check the launch flags in playwright.config.ts (TESTING.md)');
  await page.waitForFunction(() => window.__map?.loaded() && window.__map.getSource('communities') !== undefined, null, { timeout: 30_000 });
  await page.getByTestId('dataset-badge').waitFor();
  await waitForMapIdle(page);
}

/** Force a frame and wait for maplibre's `idle` (all sources loaded, nothing animating). */
export async function waitForMapIdle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const m = window.__map!;
    m.once('idle', () => resolve());
    m.triggerRepaint();
  }));
}

/** Page (CSS px) coordinates of lng/lat points, for page.mouse. */
export async function screenPointsOf(page: Page, lngLats: LngLat[]): Promise<ScreenPoint[]> {
  return page.evaluate((lls) => {
    const m = window.__map!, r = m.getCanvas().getBoundingClientRect();
    return lls.map((ll) => { const p = m.project(ll); return { x: r.left + p.x, y: r.top + p.y }; });
  }, lngLats);
}

export async function screenPointOf(page: Page, lngLat: LngLat): Promise<ScreenPoint> {
  return (await screenPointsOf(page, [lngLat]))[0];
}

/** RGBA read back from the WebGL canvas at lng/lat (the map is created with preserveDrawingBuffer). */
export async function mapPixelAt(page: Page, lngLat: LngLat): Promise<[number, number, number, number]> {
  return page.evaluate((ll) => {
    const m = window.__map!, c = m.getCanvas(), r = c.getBoundingClientRect(), p = m.project(ll);
    const dpr = c.width / r.width;
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
    const out = new Uint8Array(4);
    gl.readPixels(Math.round(p.x * dpr), Math.round(c.height - p.y * dpr), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
    return [out[0], out[1], out[2], out[3]] as [number, number, number, number];
  }, lngLat);
}

export interface RenderedFeature { layer: string; id: string | number | undefined; properties: Record<string, unknown> }

/** queryRenderedFeatures over the whole viewport (no point) or at a lng/lat, limited to layer ids. */
export async function renderedFeatures(page: Page, layers: readonly string[], at?: LngLat, radiusPx = 0): Promise<RenderedFeature[]> {
  return page.evaluate(({ layers, at, radiusPx }) => {
    const m = window.__map!;
    const existing = layers.filter((l) => m.getLayer(l));
    const toOut = (fs: MapGeoJSONFeature[]) => fs.map((f) => ({ layer: f.layer.id, id: f.id, properties: { ...f.properties } }));
    if (!at) return toOut(m.queryRenderedFeatures({ layers: existing }));
    const p = m.project(at);
    const box: [[number, number], [number, number]] = [[p.x - radiusPx, p.y - radiusPx], [p.x + radiusPx, p.y + radiusPx]];
    return toOut(m.queryRenderedFeatures(box, { layers: existing }));
  }, { layers: [...layers], at, radiusPx });
}

/** Parse "#rrggbb". */
export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Colour of `fg` at `opacity` over `bg`. */
export function blend(fg: [number, number, number], bg: [number, number, number], opacity: number): [number, number, number] {
  return [0, 1, 2].map((i) => Math.round(fg[i] * opacity + bg[i] * (1 - opacity))) as [number, number, number];
}

export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
