/**
 * Import UI in the built app: drop a GeoJSON and a zipped Shapefile onto the map, check the guessed roles and
 * fields, import, count what the map draws, and read the import report (repaired and skipped features, HTML as text).
 */
import type { Page } from '@playwright/test';
import type { Feature } from 'geojson';
import gcoord from 'gcoord';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { expect, openApp, renderedFeatures, test, waitForMapIdle } from './fixtures';
import type { LngLat } from './files/importFiles';
import { HTML_HOUSEHOLDS, HTML_NAME, clashingCommunitiesGeoJSON, communitiesGeoJSON, facilitiesShapefileZip, gcjFacilitiesGeoJSON } from './files/importFiles';

declare global {
  interface Window { __xss?: number }
}

async function mapCenter(page: Page): Promise<LngLat> {
  return page.evaluate(() => { const c = window.__map!.getCenter(); return [c.lng, c.lat] as [number, number]; });
}

/** Fire dragenter + drop on the map with a DataTransfer holding the files (as a user's drag from the desktop). */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[], checkOverlay = false): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));
  await page.dispatchEvent('[data-testid="map"]', 'dragenter', { dataTransfer });
  if (checkOverlay) await expect(page.getByTestId('import-drop-overlay')).toContainText('松开以导入');
  await page.dispatchEvent('[data-testid="map"]', 'drop', { dataTransfer });
}

// Three map loads and worker round trips per test; the machine is shared with other test runs.
test.describe.configure({ timeout: 120_000 });

const uniqueIds = (fs: { id: string | number | undefined; properties: Record<string, unknown> }[]): number =>
  new Set(fs.map((f) => String(f.properties.id ?? f.id))).size;

test('drop a GeoJSON and a zipped Shapefile, map fields, see them on the map and in the report', async ({ page }) => {
  await openApp(page);
  const center = await mapCenter(page);
  const communities = communitiesGeoJSON(center);
  const facilities = facilitiesShapefileZip(center);
  await dropFiles(page, [communities, facilities], true);

  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-drop-overlay')).toHaveCount(0);
  const cards = dialog.getByTestId('import-layer');
  await expect(cards).toHaveCount(2);
  const commCard = cards.filter({ hasText: '老旧小区.geojson' });
  const facCard = cards.filter({ hasText: 'facilities.zip' });
  await expect(commCard.getByTestId('import-layer-count')).toHaveText('7 个要素');
  await expect(commCard.getByTestId('import-role-select')).toHaveValue('communities');
  await expect(commCard.getByTestId('import-field-name')).toHaveValue('小区名称');
  await expect(commCard.getByTestId('import-field-buildYear')).toHaveValue('建成年代');
  await expect(commCard.getByTestId('import-field-households')).toHaveValue('户数');
  // Unmapped extra attributes are folded away until asked for.
  await expect(commCard.getByTestId('import-field-district')).toHaveCount(0);
  await commCard.getByTestId('import-more-attributes').click();
  await expect(commCard.getByTestId('import-field-district')).toHaveValue('');
  await commCard.getByTestId('import-more-attributes').click();
  // Sample values show the HTML name as literal text.
  await expect(commCard.getByTestId('import-samples-name')).toContainText(HTML_NAME);
  await expect(facCard.getByTestId('import-layer-count')).toHaveText('4 个要素');
  await expect(facCard.getByTestId('import-role-select')).toHaveValue('facilities');
  await expect(facCard.getByTestId('import-field-name')).toHaveValue('名称');
  await expect(facCard.getByTestId('import-field-category')).toHaveValue('类别');
  // The .prj is understood and pre-selected ("as the file declares").
  await expect(facCard.getByTestId('import-crs-select')).toHaveValue('');
  await expect(facCard.getByTestId('import-crs-select').locator('option').first()).toHaveText('按文件声明（CGCS2000 (EPSG:4490)）');
  await page.screenshot({ path: 'test/e2e/artifacts/import-dialog.png' });

  await page.getByTestId('import-confirm').click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('import-report-summary')).toHaveText(new RegExp(`^导入后现有数据：小区 ${communities.keptCount} 个、设施 ${facilities.featureCount} 处、道路 \\d+ 条$`));
  const commReport = report.getByTestId('import-report-layer').filter({ hasText: '老旧小区.geojson' });
  await expect(commReport.getByTestId('import-count-read')).toHaveText(String(communities.featureCount));
  await expect(commReport.getByTestId('import-count-kept')).toHaveText(String(communities.keptCount));
  await expect(commReport.getByTestId('import-count-skipped')).toHaveText('1');
  await expect(commReport.getByTestId('import-count-changed')).toHaveText('1');
  const skippedRow = commReport.getByTestId('import-report-skipped').locator(`tr[data-feature-index="${communities.noGeometryIndex}"]`);
  await expect(skippedRow).toContainText(`第 ${communities.noGeometryIndex} 个`);
  await expect(skippedRow).toContainText('geometry');
  const repairedRow = commReport.getByTestId('import-report-changed').locator(`tr[data-feature-index="${communities.selfIntersectingIndex}"]`);
  await expect(repairedRow).toContainText('自相交多边形');
  // The non-numeric households value containing a script is shown as text in the notes.
  await commReport.locator('details.warnings summary').click();
  await expect(commReport.getByTestId('import-report-warnings').locator('tr[data-feature-index="0"]').filter({ hasText: '不是数字' })).toContainText(HTML_HOUSEHOLDS);
  const facReport = report.getByTestId('import-report-layer').filter({ hasText: 'facilities.zip' });
  await expect(facReport.getByTestId('import-count-kept')).toHaveText('4');
  await expect(facReport).toContainText('CGCS2000 (EPSG:4490)');
  await page.screenshot({ path: 'test/e2e/artifacts/import-report.png' });
  await report.getByTestId('import-report-close').click();
  await expect(report).toHaveCount(0);

  await waitForMapIdle(page);
  const state = await page.evaluate(() => window.__xss);
  expect(state).toBeUndefined();
  expect(uniqueIds(await renderedFeatures(page, ['communities-fill']))).toBe(communities.keptCount);
  expect(uniqueIds(await renderedFeatures(page, ['facilities-circle']))).toBe(facilities.featureCount);

  // The side-panel tab shows the last import and reopens its report.
  await page.getByTestId('tab-import').click();
  await expect(page.getByTestId('import-tab')).toContainText('老旧小区.geojson');
  await page.getByTestId('import-show-report').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
});

test('the dialog remembers a changed mapping per schema, and is fully English after switching language', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('lang-en').click();
  const center = await mapCenter(page);
  const communities = communitiesGeoJSON(center);
  await dropFiles(page, [communities]);
  const card = page.getByTestId('import-layer');
  await expect(card.getByTestId('import-layer-count')).toHaveText('7 features');
  await expect(page.getByTestId('import-dialog')).toContainText('Import data: layer roles, fields and coordinate system');
  await card.getByTestId('import-field-households').selectOption('');
  await card.getByTestId('import-crs-select').selectOption('gcj02');
  await page.screenshot({ path: 'test/e2e/artifacts/import-dialog-en.png' });
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  // Cancelled: nothing saved. Now confirm with the change, then drop again: the change is remembered.
  await dropFiles(page, [communities]);
  await expect(card.getByTestId('import-field-households')).toHaveValue('户数');
  await card.getByTestId('import-field-households').selectOption('');
  await card.getByTestId('import-crs-select').selectOption('gcj02');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-report')).toBeVisible();
  await page.screenshot({ path: 'test/e2e/artifacts/import-report-en.png' });
  await expect(page.getByTestId('import-report-summary')).toHaveText(new RegExp(`^Data now loaded: ${communities.keptCount} communities, \\d+ facilities, \\d+ roads$`));
  await expect(page.getByTestId('import-report')).toContainText('GCJ-02');
  await page.getByTestId('import-report-close').click();
  await dropFiles(page, [communities]);
  await expect(card.getByTestId('import-field-households')).toHaveValue('');
  await expect(card.getByTestId('import-field-name')).toHaveValue('小区名称');
  await page.getByTestId('import-cancel').click();
});

test('points ~500 m off the loaded streets get a GCJ-02 hint and conversion pre-selected', async ({ page }) => {
  await openApp(page);
  // Every 7th vertex of the sample city's streets (WGS84), as the positions of shops along them.
  const street = await page.evaluate(() => {
    const out: [number, number][] = [];
    for (const f of window.__map!.querySourceFeatures('roads')) {
      const g = f.geometry;
      const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
      for (const l of lines) for (const p of l) out.push([p[0], p[1]]);
    }
    return out.filter((_, i) => i % 7 === 0).slice(0, 60);
  });
  expect(street.length).toBeGreaterThanOrEqual(20);
  const file = gcjFacilitiesGeoJSON(street, (p) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as LngLat);
  await dropFiles(page, [file]);
  const card = page.getByTestId('import-layer');
  await expect(card.getByTestId('import-crs-hint')).toHaveText('点位与已加载道路存在数百米的系统性偏移，像是 GCJ-02 坐标，建议转换。');
  await expect(card.getByTestId('import-crs-select')).toHaveValue('gcj02');
  await expect(card.getByTestId('import-role-select')).toHaveValue('facilities');
  await page.getByTestId('import-mode-add').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-report')).toContainText('GCJ-02 (Amap/Tencent) (用户指定)');
  await page.getByTestId('import-report-close').click();
  // Converted back onto the streets: every imported shop is within 15 m of the street vertex it came from.
  const offsets = await page.evaluate((pts) => {
    const fs = window.__map!.querySourceFeatures('facilities').filter((f) => String(f.properties.name).startsWith('便利店'));
    const byName = new Map(fs.map((f) => [String(f.properties.name), (f.geometry as GeoJSON.Point).coordinates]));
    return pts.map((p, i) => {
      const c = byName.get(`便利店${i + 1}`);
      if (!c) return Infinity;
      return Math.hypot((c[0] - p[0]) * 111_320 * Math.cos((p[1] * Math.PI) / 180), (c[1] - p[1]) * 111_320);
    });
  }, street);
  expect(Math.max(...offsets)).toBeLessThan(15);
});

test('"add to loaded data" keeps ids unique: an added community with a loaded id is renamed and reported', async ({ page }) => {
  await openApp(page);
  const before = await page.evaluate(() => window.__store!.getState().communities.map((c) => ({ id: c.id, name: c.name })));
  const taken = before[0];
  await dropFiles(page, [clashingCommunitiesGeoJSON(await mapCenter(page), taken.id)]);
  const card = page.getByTestId('import-layer');
  await expect(card.getByTestId('import-role-select')).toHaveValue('communities');
  await page.getByTestId('import-mode-add').check();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-report')).toContainText(`编号“${taken.id}”已被已加载的小区使用；改为“${taken.id}-2”`);
  await page.getByTestId('import-report-close').click();
  const after = await page.evaluate(() => window.__store!.getState().communities.map((c) => ({ id: c.id, name: c.name })));
  expect(after).toHaveLength(before.length + 2);
  expect(new Set(after.map((c) => c.id)).size).toBe(after.length);
  expect(after.find((c) => c.id === taken.id)?.name).toBe(taken.name);
  expect(after.find((c) => c.id === `${taken.id}-2`)?.name).toBe('新增小区甲');
  expect(after.find((c) => c.id === 'NEW-0001')?.name).toBe('新增小区乙');
});

test('a large FlatGeobuf shows only the features in the map view first; "读取全部" reads the whole file', async ({ page }) => {
  await openApp(page);
  // A 20 MB fixture would be slow to pass around: the threshold is lowered for this page only.
  await page.evaluate(() => { (window as unknown as Record<string, unknown>).__importLargeFileBytes = 100; });
  const view = await page.evaluate(() => { const b = window.__map!.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; });
  const [w, s, e, n] = view;
  // 5 × 5 points inside the view (middle half) and 15 far outside it.
  const features: Feature[] = [];
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
    const lng = w + (e - w) * (0.25 + 0.1 * i);
    const lat = s + (n - s) * (0.25 + 0.1 * j);
    features.push({ type: 'Feature', properties: { 名称: `幼儿园${i}-${j}`, 类别: '幼儿园' }, geometry: { type: 'Point', coordinates: [lng, lat] } });
  }
  for (let k = 0; k < 15; k++) features.push({ type: 'Feature', properties: { 名称: `远处${k}`, 类别: '幼儿园' }, geometry: { type: 'Point', coordinates: [e + 1 + k * 0.01, n + 1] } });
  await dropFiles(page, [{ name: 'big.fgb', bytes: writeFlatGeobuf(features, { spatialIndex: true }) }]);

  const card = page.getByTestId('import-dialog').getByTestId('import-layer');
  await expect(card.getByTestId('import-partial')).toHaveText(/大文件：仅读取当前视图范围内的 25 个要素（共 40 个）/);
  await expect(card.getByTestId('import-layer-count')).toHaveText('25 个要素');
  await card.getByTestId('import-read-all').click();
  await expect(card.getByTestId('import-partial')).toHaveCount(0);
  await expect(card.getByTestId('import-layer-count')).toHaveText('40 个要素');
});
