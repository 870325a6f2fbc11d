import { clippedElements } from './layout';
import { expect, openApp, test } from './fixtures';

test('switching language changes the UI text and persists after reload', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('app-title')).toHaveText('老旧小区改造规划');
  await expect(page.getByTestId('tab-layers')).toHaveText('图层与图例');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('legend-category-kindergarten')).toHaveText('幼儿园');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('app-title')).toHaveText('Renovation Planner');
  await expect(page.getByTestId('tab-layers')).toHaveText('Map layers');
  await expect(page.getByTestId('legend-category-kindergarten')).toHaveText('Kindergarten');
  await expect(page.getByTestId('legend-year-to1980')).toHaveText('1980 or earlier');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // No Chinese left in the side panel except the language button itself.
  const sideText = await page.getByTestId('side-panel').innerText();
  expect(sideText).not.toMatch(/[\u4e00-\u9fff]/);

  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('app-title')).toHaveText('Renovation Planner');
  await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('lang-zh-CN').click();
  await expect(page.getByTestId('app-title')).toHaveText('老旧小区改造规划');
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('tab-summary')).toHaveText('数据概况');
});

test('no side-panel tab has controls or table cells cut off, in English or Chinese', async ({ page }) => {
  await openApp(page);
  // Zones and the analysis exist, so the zone list, details and dashboard are on screen too.
  await page.getByTestId('tab-zones').click();
  await page.getByTestId('zones-generate').click();
  await expect(page.getByTestId('zones-count')).not.toHaveText('0');
  await page.locator('[data-testid^="zone-row-"]').first().click();
  const found: string[] = [];
  for (const lang of ['en', 'zh-CN']) {
    await page.getByTestId(`lang-${lang}`).click();
    for (const tab of ['layers', 'summary', 'analysis', 'zones', 'import', 'export']) {
      await page.getByTestId(`tab-${tab}`).click();
      await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
      found.push(...(await clippedElements(page, '[data-testid="side-panel"]')).map((c) => `${lang} ${tab}: ${c}`));
    }
  }
  expect(found).toEqual([]);
});
