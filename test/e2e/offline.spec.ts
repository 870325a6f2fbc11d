import { PNG } from 'pngjs';
import { expect, openApp, screenPointOf, test, waitForMapIdle } from './fixtures';

test('works offline: every request stays on the page origin while the user works', async ({ page, guard, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page);
  // Interact: pan, zoom, switch tabs and language; the guard fixture fails on any off-origin request.
  const map = page.getByTestId('map');
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  await page.getByTestId('tab-summary').click();
  await page.getByTestId('lang-en').click();
  await waitForMapIdle(page);
  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(3);
  // The sample city is fetched from the same origin (bundled assets).
  expect(requests.some((u) => u.startsWith(origin) && /communities[^/]*\.fgb/.test(u))).toBe(true);
  expect(guard.offOrigin).toEqual([]);
  expect(await page.evaluate(() => window.__map!.getSource('osm-raster') === undefined)).toBe(true);
});

test('the OSM basemap is off by default and requests tiles only after the user switches it on', async ({ page, guard }) => {
  // Serve tiles locally: the test machine has no internet, and this checks the opt-in, not OSM.
  const png = new PNG({ width: 256, height: 256 });
  png.data.fill(220);
  const tile = PNG.sync.write(png);
  let tileRequests = 0;
  await page.route('https://tile.openstreetmap.org/**', (route) => { tileRequests++; return route.fulfill({ status: 200, contentType: 'image/png', body: tile }); });

  await openApp(page);
  await expect(page.getByTestId('basemap-offline')).toBeChecked();
  expect(tileRequests).toBe(0);

  guard.allowOrigin('https://tile.openstreetmap.org');
  await page.getByTestId('basemap-osm').check();
  await waitForMapIdle(page);
  expect(tileRequests).toBeGreaterThan(0);
  // Drawn below the data: the first layers are background then the raster.
  const order = await page.evaluate(() => window.__map!.getStyle().layers.map((l) => l.id));
  expect(order.slice(0, 2)).toEqual(['background', 'osm-raster']);

  await page.getByTestId('basemap-offline').check();
  expect(await page.evaluate(() => window.__map!.getSource('osm-raster') === undefined)).toBe(true);
  const p = await screenPointOf(page, [115.89, 28.68]);
  expect(p.x).toBeGreaterThan(0);
});
