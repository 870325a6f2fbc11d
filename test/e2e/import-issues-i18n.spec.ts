/**
 * The import report gives each row's reason in the UI language: drop a GeoJSON with a broken ring and a feature
 * without geometry in the default Chinese UI, read the Chinese reasons, switch to English and read them again
 * (the English ones are the CLI's messages without their "Feature n: " label).
 */
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

async function mapCenter(page: Page): Promise<[number, number]> {
  return page.evaluate(() => { const c = window.__map!.getCenter(); return [c.lng, c.lat] as [number, number]; });
}

/** Two good communities, one whose ring has only 3 positions (index 1) and one without geometry (index 2). */
function brokenCommunities([x, y]: [number, number]): { name: string; bytes: Uint8Array } {
  const d = 0.001;
  const square = (x0: number): number[][][] => [[[x0, y], [x0 + d, y], [x0 + d, y + d], [x0, y + d], [x0, y]]];
  const feature = (name: string, geometry: unknown) => ({ type: 'Feature', properties: { 小区名称: name, 建成年代: 1990, 户数: 100 }, geometry });
  const fc = {
    type: 'FeatureCollection',
    features: [
      feature('好小区甲', { type: 'Polygon', coordinates: square(x) }),
      feature('坏环小区', { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x, y]]] }),
      feature('无几何小区', null),
      feature('好小区乙', { type: 'Polygon', coordinates: square(x + 3 * d) }),
    ],
  };
  return { name: '问题小区.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) };
}

async function dropFile(page: Page, file: { name: string; bytes: Uint8Array }): Promise<void> {
  const dataTransfer = await page.evaluateHandle((f) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return dt;
  }, { name: file.name, bytes: [...file.bytes] });
  await page.dispatchEvent('[data-testid="map"]', 'dragenter', { dataTransfer });
  await page.dispatchEvent('[data-testid="map"]', 'drop', { dataTransfer });
}

test.describe.configure({ timeout: 120_000 });

test('the import report shows each reason in Chinese, and in English after switching language', async ({ page }) => {
  await openApp(page);
  await dropFile(page, brokenCommunities(await mapCenter(page)));
  const card = page.getByTestId('import-layer');
  await expect(card.getByTestId('import-role-select')).toHaveValue('communities');
  await page.getByTestId('import-confirm').click();

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  const skipped = report.getByTestId('import-report-skipped');
  const ringRow = skipped.locator('tr[data-feature-index="1"]');
  const noGeometryRow = skipped.locator('tr[data-feature-index="2"]');
  await expect(ringRow.locator('td[data-issue-code="geomRingTooShort"]')).toHaveText('多边形的环只有 3 个点，至少需要 4 个');
  await expect(ringRow).toContainText('第 1 个');
  await expect(noGeometryRow.locator('td[data-issue-code="geojsonNoGeometry"]')).toHaveText('要素 2 没有几何');
  await expect(report.getByTestId('import-count-skipped')).toHaveText('2');
  await page.screenshot({ path: 'test/e2e/artifacts/import-report-issues-zh.png' });
  await report.getByTestId('import-report-close').click();

  await page.getByTestId('lang-en').click();
  await page.getByTestId('tab-import').click();
  await page.getByTestId('import-show-report').click();
  await expect(report).toBeVisible();
  await expect(ringRow.locator('td[data-issue-code="geomRingTooShort"]')).toHaveText('polygon ring has 3 positions, at least 4 needed');
  await expect(noGeometryRow.locator('td[data-issue-code="geojsonNoGeometry"]')).toHaveText('Feature 2 has no geometry');
  // The file column keeps the file's (Chinese) name; no reason is left in Chinese.
  await expect(skipped).not.toContainText('多边形的环');
  await expect(skipped).not.toContainText('没有几何');
  await page.screenshot({ path: 'test/e2e/artifacts/import-report-issues-en.png' });
});
