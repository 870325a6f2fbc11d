/**
 * Editing zones by hand in the built app, as a planner does: merging two zones from the list, splitting a zone
 * by drawing a line across it, and dragging a vertex of a zone outline. Expected members are computed here in
 * Node with the same pure edit functions the store uses, from the sample city's data.
 */
import type { Page } from '@playwright/test';
import type { Polygon } from 'geojson';
import { offsetLngLat, polygonContains } from '../../src/core/geo';
import { leftOfLine } from '../../src/store/zones/edits';
import { DEFAULT_ZONING_SETTINGS } from '../../src/store/zones/settings';
import { runAutoZoning } from '../../src/worker/zoningSession';
import type { LngLat } from './fixtures';
import { expect, openApp, screenPointsOf, test, waitForMapIdle } from './fixtures';
import type { DrawTarget } from './zoneTargets';
import { clearOf, drawTargets, sampleData } from './zoneTargets';

// Each test draws with the mouse and waits for map frames: slow on a loaded 2-core machine with SwiftShader.
test.describe.configure({ timeout: 120_000 });

async function openZonesTab(page: Page) {
  await openApp(page);
  await page.getByTestId('tab-zones').click();
  await expect(page.getByTestId('zones-tab')).toBeVisible();
}

/** Draw the target's square with the mouse (the new zone is selected afterwards). */
async function drawSquare(page: Page, target: DrawTarget) {
  await page.evaluate((c) => window.__map!.jumpTo({ center: c, zoom: 17 }), target.center);
  await waitForMapIdle(page);
  await page.getByTestId('zones-draw').click();
  const px = await screenPointsOf(page, target.corners);
  for (const p of [...px, px[0]]) {
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.mouse.click(p.x, p.y);
  }
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length));
}

test('merge two zones from the list: one zone with both zones\' communities, undo brings both back', async ({ page }) => {
  const data = await sampleData();
  const auto = runAutoZoning(data, { settings: DEFAULT_ZONING_SETTINGS, excludeIds: [] });
  const [a, b] = auto;
  await openZonesTab(page);
  await page.getByTestId('zones-generate').click();
  await expect(page.getByTestId('zones-count')).toHaveText(String(auto.length));

  await page.getByTestId(`zone-row-${a.id}`).click();
  await page.getByTestId('zone-merge').click();
  await expect(page.getByTestId('zone-details')).toContainText(/并入|merge/i);
  await page.getByTestId(`zone-row-${b.id}`).click();

  await expect(page.getByTestId('zones-count')).toHaveText(String(auto.length - 1));
  await expect(page.getByTestId(`zone-row-${b.id}`)).toHaveCount(0);
  await expect(page.getByTestId(`zone-row-${a.id}-members`)).toHaveText(String(a.memberIds.length + b.memberIds.length));
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(a.memberIds.length + b.memberIds.length));
  // The merged zone is drawn as one feature on the map, and is now a hand-edited zone.
  await expect(page.getByTestId(`zone-row-${a.id}`)).toContainText(/手动|manual/i);

  await page.getByTestId('zones-undo').click();
  await expect(page.getByTestId('zones-count')).toHaveText(String(auto.length));
  await expect(page.getByTestId(`zone-row-${b.id}-members`)).toHaveText(String(b.memberIds.length));
});

/** A north–south cut through the square with members on both sides and no member point within 12 m of it. */
function splitLine(t: DrawTarget): LngLat[] | null {
  const memberPts = t.members.map(t.pointOf);
  const lngs = memberPts.map((p) => p[0]).sort((x, y) => x - y);
  for (let i = 1; i < lngs.length; i++) {
    const lng = (lngs[i - 1] + lngs[i]) / 2;
    const north = offsetLngLat(lng, t.corners[2][1], 0, 40) as LngLat, south = offsetLngLat(lng, t.corners[0][1], 0, -40) as LngLat;
    if (clearOf(memberPts, [north, south], 12)) return [north, south];
  }
  return null;
}

test('split a zone by drawing a line across it: members on each side form the two zones', async ({ page }) => {
  const { communities } = await sampleData();
  const target = drawTargets(communities, (t) => splitLine(t) !== null);
  const line = splitLine(target)!;
  // Walking north to south, "left" is east: the east members keep the zone, the west ones form the new zone.
  const sides = leftOfLine(line, target.members.map(target.pointOf));
  const kept = target.members.filter((_, k) => sides[k]), moved = target.members.filter((_, k) => !sides[k]);
  expect(kept.length).toBeGreaterThan(0);
  expect(moved.length).toBeGreaterThan(0);

  await openZonesTab(page);
  await drawSquare(page, target);
  await page.getByTestId('zone-tool-split').click();
  await expect(page.getByTestId('zones-tool-hint')).toBeVisible();
  const [n, s] = await screenPointsOf(page, line);
  await page.mouse.move(n.x, n.y, { steps: 4 });
  await page.mouse.click(n.x, n.y);
  await page.mouse.move(s.x, s.y, { steps: 8 });
  // A double-click ends the line (the hint says so): its first click adds the last point, the second finishes.
  await page.mouse.dblclick(s.x, s.y);

  await expect(page.getByTestId('zones-count')).toHaveText('2');
  await expect(page.getByTestId('zone-row-Z001-members')).toHaveText(String(kept.length));
  await expect(page.getByTestId('zone-row-Z002-members')).toHaveText(String(moved.length));
  await expect(page.getByTestId('zones-tool-hint')).toHaveCount(0);
  // The double-click neither opens a community's details nor zooms the map.
  await expect(page.getByTestId('details-panel')).toHaveCount(0);
  expect(await page.evaluate(() => window.__map!.getZoom())).toBeCloseTo(17, 5);
  await waitForMapIdle(page);
  const drawn = await page.evaluate(() => [...new Set(window.__map!.queryRenderedFeatures({ layers: ['zones-fill'] }).map((f) => String(f.properties.id)))]);
  expect(drawn.sort()).toEqual(['Z001', 'Z002']);
  await page.screenshot({ path: (process.env.ZONES_SHOTS ?? 'test-results') + '/zones-split.png' });
});

/** The square with its SW corner pulled inwards so that some members fall outside, edges clear of every point. */
function pulledCorner(t: DrawTarget): { to: LngLat; members: string[] } | null {
  const [sw, se, ne, nw] = t.corners;
  for (const f of [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2]) {
    const to: LngLat = [sw[0] + (ne[0] - sw[0]) * f * 0.5, sw[1] + (ne[1] - sw[1]) * f * 0.5];
    const outline: Polygon = { type: 'Polygon', coordinates: [[to, se, ne, nw, to]] };
    const members = t.members.filter((id) => polygonContains(outline, t.pointOf(id)));
    // Eligible points outside the square never join; the new edges must not pass close to any member.
    if (members.length > 0 && members.length < t.members.length && clearOf(t.eligiblePoints, [se, to, nw], 10)) return { to, members };
  }
  return null;
}

test('drag an outline vertex: the zone\'s members follow the new outline', async ({ page }) => {
  const { communities } = await sampleData();
  const target = drawTargets(communities, (t) => pulledCorner(t) !== null);
  const pull = pulledCorner(target)!;

  await openZonesTab(page);
  await drawSquare(page, target);
  await page.getByTestId('zone-tool-outline').click();
  await expect(page.getByTestId('zones-tool-hint')).toBeVisible();
  await waitForMapIdle(page);
  const [from, to] = await screenPointsOf(page, [target.corners[0], pull.to]);
  await page.mouse.move(from.x, from.y, { steps: 4 });
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();

  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(pull.members.length));
  await expect(page.getByTestId('zones-count')).toHaveText('1');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('zone-detail-communities')).toHaveText(String(target.members.length));
  await page.screenshot({ path: (process.env.ZONES_SHOTS ?? 'test-results') + '/zones-outline.png' });
});

test('typing a new value into a zoning setting is one undo step', async ({ page }) => {
  await openZonesTab(page);
  const gap = page.getByTestId('zones-gap');
  await expect(gap).toHaveValue(String(DEFAULT_ZONING_SETTINGS.gapMeters));
  await expect(page.getByTestId('zones-undo')).toBeDisabled();
  await gap.click();
  await gap.press('Control+a');
  await gap.pressSequentially('125');
  await expect(gap).toHaveValue('125');
  await page.getByTestId('zones-undo').click();
  await expect(gap).toHaveValue(String(DEFAULT_ZONING_SETTINGS.gapMeters));
  await expect(page.getByTestId('zones-undo')).toBeDisabled();
  await page.getByTestId('zones-redo').click();
  await expect(gap).toHaveValue('125');
});
