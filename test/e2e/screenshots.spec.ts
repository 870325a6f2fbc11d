import { mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { expect, openApp, screenPointOf, test, waitForMapIdle } from './fixtures';
import { cleanCommunityProbe } from './probes';
import { oldCommunitiesLargestFirst, readSampleLayer } from './sample-data';

const OUT = 'test/e2e/artifacts';

for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
  test(`screenshot at ${width}×${height}: layout fits and the map is drawn`, async ({ page }) => {
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width, height });
    const candidates = oldCommunitiesLargestFirst(await readSampleLayer('communities'));
    await openApp(page);
    // The layout fills the window without page scrollbars; the map takes the rest.
    const scroll = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(scroll).toEqual({ w: width, h: height });
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    expect(mapBox.width).toBeGreaterThan(width * 0.6);
    expect(mapBox.height).toBeGreaterThan(height - 80);
    await page.screenshot({ path: `${OUT}/app-${width}x${height}.png` });
    // The end of the legend (road classes), scrolled into view: artefact for a visual check.
    await page.getByTestId('legend-road-footpath').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('legend-road-footpath')).toBeInViewport();
    await page.getByTestId('side-panel').screenshot({ path: `${OUT}/legend-${width}x${height}.png` });

    const probe = await cleanCommunityProbe(page, candidates);
    const p = await screenPointOf(page, probe.lngLat);
    await page.mouse.click(p.x, p.y);
    await expect(page.getByTestId('details-panel')).toBeVisible();
    await page.getByTestId('tab-summary').click();
    await waitForMapIdle(page);
    const shot = await page.screenshot({ path: `${OUT}/app-${width}x${height}-selected.png` });
    // The map area is not blank: many distinct colours in the screenshot.
    const img = PNG.sync.read(shot);
    const colours = new Set<number>();
    for (let y = Math.round(mapBox.y); y < mapBox.y + mapBox.height; y += 7) {
      for (let x = Math.round(mapBox.x); x < mapBox.x + mapBox.width; x += 7) {
        const i = (y * img.width + x) * 4;
        colours.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
      }
    }
    expect(colours.size).toBeGreaterThan(50);

    await page.getByTestId('lang-en').click();
    await page.screenshot({ path: `${OUT}/app-${width}x${height}-en.png` });
  });
}
