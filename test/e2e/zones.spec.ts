/**
 * Zones (区块) in the built app: automatic zoning equals the core's `autoZone` on the same sample data (computed
 * here in Node from data/sample), drawing a zone with the mouse, removing a member by click, Ctrl+Z.
 */
import type { Page } from '@playwright/test';
import type { MultiPolygon, Polygon } from 'geojson';
import { offsetLngLat, polygonContains, representativePoint } from '../../src/core/geo';
import type { Community } from '../../src/core/types';
import { evaluateEligibility } from '../../src/core/zoning';
import { toCommunities, toRoads } from '../../src/io/domain';
import { DEFAULT_ZONING_SETTINGS } from '../../src/store/zones/settings';
import { runAutoZoning } from '../../src/worker/zoningSession';
import type { LngLat } from './fixtures';
import { expect, openApp, screenPointsOf, test, waitForMapIdle } from './fixtures';
import { readSampleLayer } from './sample-data';

async function sampleData() {
  const communities = toCommunities(await readSampleLayer('communities'), 'communities.fgb').items;
  const roads = toRoads(await readSampleLayer('roads'), 'roads.fgb').items;
  const water = (await readSampleLayer('water')).map((f, i) => ({
    id: String(f.properties?.id ?? i), name: null, kind: null, geometry: f.geometry as Polygon | MultiPolygon, properties: {},
  }));
  return { communities, roads, water };
}

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

/** An eligible community with 2–5 eligible neighbours whose representative points fall in a square around its own. */
function drawTarget(communities: Community[]) {
  const elig = evaluateEligibility(communities, DEFAULT_ZONING_SETTINGS.rules).eligible;
  const pts = communities.map((c) => representativePoint(c.geometry));
  const halfMeters = 70;
  for (let i = 0; i < communities.length; i++) {
    if (!elig[i]) continue;
    const [lng, lat] = pts[i];
    const corners: LngLat[] = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([e, n]) => offsetLngLat(lng, lat, e * halfMeters, n * halfMeters));
    const square: Polygon = { type: 'Polygon', coordinates: [[...corners, corners[0]]] };
    const members = communities.filter((_, k) => elig[k] && polygonContains(square, pts[k])).map((c) => c.id);
    // No community point close to the square's edge (a click could fall either side).
    const nearEdge = pts.some((p) => {
      const d = (a: number, b: number) => Math.abs(Math.abs(a) - b);
      const e = (p[0] - lng) * 111320 * Math.cos((lat * Math.PI) / 180), n = (p[1] - lat) * 110540;
      return (d(e, halfMeters) < 8 && Math.abs(n) < halfMeters + 8) || (d(n, halfMeters) < 8 && Math.abs(e) < halfMeters + 8);
    });
    if (members.length >= 3 && members.length <= 6 && !nearEdge) return { center: pts[i], corners, members, pointOf: (id: string) => pts[communities.findIndex((c) => c.id === id)] };
  }
  throw new Error('no suitable community in the sample');
}

test('draw a zone with the mouse, remove a member by click, Ctrl+Z restores it', async ({ page }) => {
  const { communities } = await sampleData();
  const target = drawTarget(communities);
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
