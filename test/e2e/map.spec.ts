import { BASE_COLORS, BUILD_YEAR_CLASSES, COMMUNITY_FILL_OPACITY, buildYearClassOf } from '../../src/map/palette';
import { blend, colorDistance, expect, hexToRgb, mapPixelAt, openApp, renderedFeatures, screenPointOf, test, waitForMapIdle } from './fixtures';
import { cleanCommunityProbe } from './probes';
import { buildYearOf, oldCommunitiesLargestFirst, readSampleLayer } from './sample-data';

test('a pre-2000 community is painted in its build-year class colour', async ({ page }) => {
  const candidates = oldCommunitiesLargestFirst(await readSampleLayer('communities'));
  await openApp(page);
  const probe = await cleanCommunityProbe(page, candidates);
  const year = buildYearOf(probe.feature)!;
  const cls = buildYearClassOf(year)!;
  expect(year).toBeLessThanOrEqual(2000);

  const bg = hexToRgb(BASE_COLORS.background);
  const expected = blend(hexToRgb(cls.color), bg, COMMUNITY_FILL_OPACITY);
  const px = await mapPixelAt(page, probe.lngLat);
  expect(colorDistance(px, expected), `pixel ${px} vs expected ${expected} for ${year}`).toBeLessThan(12);
  // And it is not confused with any other class: the nearest class colour is the right one.
  const nearest = [...BUILD_YEAR_CLASSES].sort((a, b) =>
    colorDistance(px, blend(hexToRgb(a.color), bg, COMMUNITY_FILL_OPACITY)) - colorDistance(px, blend(hexToRgb(b.color), bg, COMMUNITY_FILL_OPACITY)))[0];
  expect(nearest.id).toBe(cls.id);
  // Pre-2000 stands out warm: red channel clearly above blue.
  expect(px[0] - px[2]).toBeGreaterThan(60);
});

test('hovering a community sets its hover feature-state and highlights it', async ({ page }) => {
  const candidates = oldCommunitiesLargestFirst(await readSampleLayer('communities'));
  await openApp(page);
  const probe = await cleanCommunityProbe(page, candidates);
  const before = await mapPixelAt(page, probe.lngLat);
  const hoverState = () => page.evaluate((id) => window.__map!.getFeatureState({ source: 'communities', id }).hover === true, probe.id);
  expect(await hoverState()).toBe(false);

  const p = await screenPointOf(page, probe.lngLat);
  await page.mouse.move(p.x, p.y);
  await expect.poll(hoverState).toBe(true);
  await waitForMapIdle(page);
  const after = await mapPixelAt(page, probe.lngLat);
  // Hover raises the fill opacity: the colour moves away from the background.
  const bg = hexToRgb(BASE_COLORS.background);
  expect(colorDistance(after, bg)).toBeGreaterThan(colorDistance(before, bg) + 5);
  await expect(page.locator('.maplibregl-canvas')).toHaveCSS('cursor', 'pointer');
  await expect(page.getByTestId('hover-tooltip')).toContainText(String(probe.feature.properties?.name));
  await expect(page.getByTestId('hover-tooltip')).toContainText(String(buildYearOf(probe.feature)));
  // The status bar shows the pointer position, within a few metres of the probe point.
  const coords = (await page.getByTestId('pointer-coords').innerText()).match(/[\d.]+/g)!.map(Number);
  expect(Math.abs(coords[0] - probe.lngLat[0])).toBeLessThan(0.0002);
  expect(Math.abs(coords[1] - probe.lngLat[1])).toBeLessThan(0.0002);

  await page.mouse.move(5, 400); // over the side panel: leaves the map
  await expect.poll(hoverState).toBe(false);
  await expect(page.getByTestId('hover-tooltip')).toHaveCount(0);
});

for (const [group, layers] of [
  ['communities', ['communities-fill']],
  ['facilities', ['facilities-circle']],
  ['roads', ['roads-arterial', 'roads-secondary', 'roads-local', 'roads-alley', 'roads-footpath']],
] as const) {
  test(`toggling the ${group} layer off removes its rendered features, on brings them back`, async ({ page }) => {
    await openApp(page);
    const count = async () => (await renderedFeatures(page, layers)).length;
    const initial = await count();
    expect(initial).toBeGreaterThan(0);
    await page.getByTestId(`layer-toggle-${group}`).uncheck();
    await waitForMapIdle(page);
    expect(await count()).toBe(0);
    await page.getByTestId(`layer-toggle-${group}`).check();
    await waitForMapIdle(page);
    expect(await count()).toBe(initial);
  });
}

test('hiding a facility category in the legend removes only that category from the map', async ({ page }) => {
  await openApp(page);
  const byCategory = async () => {
    const fs = await renderedFeatures(page, ['facilities-circle']);
    return fs.reduce<Record<string, number>>((acc, f) => { const c = String(f.properties.category); acc[c] = (acc[c] ?? 0) + 1; return acc; }, {});
  };
  const before = await byCategory();
  expect(before.market ?? 0).toBeGreaterThan(0);
  await page.getByTestId('legend-category-market').click();
  await waitForMapIdle(page);
  const after = await byCategory();
  expect(after.market ?? 0).toBe(0);
  expect(after.convenience).toBe(before.convenience);
});
