/**
 * Zones (区块) in the built app: automatic zoning equals the core's `autoZone` on the same sample data (computed
 * here in Node from data/sample), drawing a zone with the mouse, removing a member by click, Ctrl+Z.
 */
import type { Page } from '@playwright/test';
import { evaluateEligibility } from '../../src/core/zoning';
import { DEFAULT_ZONING_SETTINGS } from '../../src/store/zones/settings';
import { runAutoZoning } from '../../src/worker/zoningSession';
import { expect, openApp, screenPointsOf, test, waitForMapIdle } from './fixtures';
import { drawTargets, sampleData } from './zoneTargets';

async function openZonesTab(page: Page) {
  await openApp(page);
  await page.getByTestId('tab-zones').click();
  await expect(page.getByTestId('zones-tab')).toBeVisible();
}

test('generating zones on the sample city gives the same zones as the core', async ({ page }) => {
  const data = await sampleData();
  const expected = runAutoZoning(data, { settings: DEFAULT_ZONING_SETTINGS, excludeIds: [] });
  const eligible = evaluateEligibility(data.communities, DEFAULT_ZONING_SETTINGS.rules).summary.eligible;
  expect(expected.length).toBeGreaterThan(5);
  await openZonesTab(page);
  await expect(page.getByTestId('zones-eligible-count')).toContainText(eligible.communities.toLocaleString('zh-CN'));
  await expect(page.getByTestId('zones-count')).toHaveText('0');
  await page.getByTestId('zones-generate').click();
  await expect(page.getByTestId('zones-count')).toHaveText(String(expected.length));
  // Same membership per zone id.
  for (const z of [expected[0], expected[expected.length - 1]]) {
    await expect(page.getByTestId(`zone-row-${z.id}-members`)).toHaveText(String(z.memberIds.length));
  }
  await waitForMapIdle(page);
  const drawn = await page.evaluate(() => new Set(window.__map!.queryRenderedFeatures({ layers: ['zones-fill'] }).map((f) => f.properties.id)).size);
  expect(drawn).toBe(expected.length);
  await page.screenshot({ path: (process.env.ZONES_SHOTS ?? 'test-results') + '/zones-generated.png' });
});

test('draw a zone with the mouse, remove a member by click, Ctrl+Z restores it', async ({ page }) => {
  const { communities } = await sampleData();
  const target = drawTargets(communities);
  await openZonesTab(page);
  await page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 17 }), target.center);
  await waitForMapIdle(page);

  await page.getByTestId('zones-draw').click();
  await expect(page.getByTestId('zones-tool-hint')).toBeVisible();
  const px = await screenPointsOf(page, target.corners);
  for (const p of px) {
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.mouse.click(p.x, p.y);
  }
  await page.mouse.move(px[0].x, px[0].y, { steps: 4 });
  await page.mouse.click(px[0].x, px[0].y);

  await expect(page.getByTestId('zones-count')).toHaveText('1');
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length));
  await expect(page.getByTestId('details-panel')).toHaveCount(0);
  await waitForMapIdle(page);
  await page.screenshot({ path: (process.env.ZONES_SHOTS ?? 'test-results') + '/zones-drawn.png' });

  // Remove one member by clicking it in add/remove mode.
  await page.getByTestId('zone-tool-members').click();
  const removed = target.members[0];
  const [mp] = await screenPointsOf(page, [target.pointOf(removed)]);
  await page.mouse.click(mp.x, mp.y);
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length - 1));
  await expect(page.getByTestId('details-panel')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length));
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length - 1));
  await page.getByTestId('zones-undo').click();
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length));
  await waitForMapIdle(page);
  await page.screenshot({ path: (process.env.ZONES_SHOTS ?? 'test-results') + '/zones-edit.png' });
});

test('the zones tab is fully translated in English', async ({ page }) => {
  await openZonesTab(page);
  await page.getByTestId('zones-generate').click();
  await expect(page.getByTestId('zones-count')).not.toHaveText('0');
  await page.locator('[data-testid^="zone-row-"]').first().click();
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('tab-zones')).toHaveText('Zones');
  const text = await page.getByTestId('zones-tab').innerText();
  // Zone and street names are data (Chinese); every label must be English.
  const labels = text.split('\n').filter((l) => !/区块|街道|小区/.test(l));
  expect(labels.filter((l) => /[\u4e00-\u9fff]/.test(l))).toEqual([]);
  await page.screenshot({ path: (process.env.ZONES_SHOTS ?? 'test-results') + '/zones-en.png' });
});
