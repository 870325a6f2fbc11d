import { expect, openApp, renderedFeatures, screenPointOf, test, waitForMapIdle } from './fixtures';
import { cleanCommunityProbe } from './probes';
import { buildYearOf, oldCommunitiesLargestFirst, readSampleLayer } from './sample-data';

test('clicking a community opens the details panel with its name, build year and every original property', async ({ page }) => {
  const candidates = oldCommunitiesLargestFirst(await readSampleLayer('communities'));
  await openApp(page);
  await expect(page.getByTestId('details-panel')).toHaveCount(0);
  const probe = await cleanCommunityProbe(page, candidates);
  const props = probe.feature.properties ?? {};
  const p = await screenPointOf(page, probe.lngLat);
  await page.mouse.click(p.x, p.y);

  const panel = page.getByTestId('details-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('details-name')).toHaveText(String(props.name));
  await expect(panel.getByTestId('details-buildYear-value')).toHaveText(String(buildYearOf(probe.feature)));
  await expect(panel.getByTestId('details-households-value')).toHaveText(Number(props.households).toLocaleString('zh-CN'));
  await expect(panel.getByTestId('badge-pre2000')).toBeVisible();
  // Raw table: one row per original property, values as in the file.
  const keys = Object.keys(props);
  await expect(panel.getByTestId('raw-properties').locator('tbody tr')).toHaveCount(keys.length);
  await expect(panel.getByTestId('raw-district').locator('td').nth(1)).toHaveText(String(props.district));
  // Selection outline is drawn for that community.
  expect(await page.evaluate((id) => window.__map!.getFeatureState({ source: 'communities', id }).selected, probe.id)).toBe(true);

  await panel.getByTestId('details-close').click();
  await expect(page.getByTestId('details-panel')).toHaveCount(0);
  expect(await page.evaluate((id) => window.__map!.getFeatureState({ source: 'communities', id }).selected, probe.id)).toBe(false);
});

test('clicking a facility shows its name and category', async ({ page }) => {
  const facilities = await readSampleLayer('facilities');
  await openApp(page);
  // A facility circle with nothing else drawn on top of it nearby.
  const drawn = await renderedFeatures(page, ['facilities-circle']);
  let target: { id: string; lngLat: [number, number] } | null = null;
  for (const d of drawn.slice(0, 200)) {
    const src = facilities.find((f) => String(f.properties?.id) === String(d.id));
    if (!src || src.geometry.type !== 'Point') continue;
    const lngLat = src.geometry.coordinates as [number, number];
    const near = await renderedFeatures(page, ['facilities-circle'], lngLat, 8);
    if (near.length === 1) { target = { id: String(d.id), lngLat }; break; }
  }
  expect(target, 'an isolated facility').not.toBeNull();
  const src = facilities.find((f) => String(f.properties?.id) === target!.id)!;
  const p = await screenPointOf(page, target!.lngLat);
  await page.mouse.click(p.x, p.y);
  const panel = page.getByTestId('details-panel');
  await expect(panel.getByTestId('details-name')).toHaveText(String(src.properties?.name));
  const category = String(src.properties?.category);
  const { DEFAULT_CATEGORIES } = await import('../../src/core/config/categories');
  const def = DEFAULT_CATEGORIES.find((c) => c.id === category)!;
  await expect(panel.getByTestId('details-categories-value')).toHaveText(def.zh);
  await page.getByTestId('lang-en').click();
  await expect(panel.getByTestId('details-categories-value')).toHaveText(def.en);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('details-panel')).toHaveCount(0);
});

test('selecting a community under the details panel pans it into the visible part of the map', async ({ page }) => {
  const candidates = oldCommunitiesLargestFirst(await readSampleLayer('communities'));
  await openApp(page);
  // Right edge of the canvas: where the details panel is about to open.
  const probe = await cleanCommunityProbe(page, candidates, 5, (at) => at.x > at.width - 300);
  const p = await screenPointOf(page, probe.lngLat);
  await page.mouse.click(p.x, p.y);
  await expect(page.getByTestId('details-name')).toHaveText(String(probe.feature.properties?.name));
  await waitForMapIdle(page);
  const panel = (await page.getByTestId('details-panel').boundingBox())!;
  // The whole community (its east edge) ends up left of the panel.
  const coords = probe.feature.geometry.type === 'Polygon' ? probe.feature.geometry.coordinates.flat() : probe.feature.geometry.coordinates.flat(2);
  const east = coords.reduce((best, c) => (c[0] > best[0] ? c : best));
  await expect.poll(async () => (await screenPointOf(page, [east[0], east[1]])).x).toBeLessThan(panel.x);
});
