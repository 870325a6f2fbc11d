/**
 * Analysis tab in the real browser: the gap table's CSV equals the CLI's gaps.csv; a planned kindergarten placed by a
 * map click in a kindergarten gap changes the figures by exactly what the core computes; a settings edit through the
 * UI updates the figures to the core's numbers; turning the scenario off restores the baseline. Screenshots zh/en.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { runAnalyze } from '../../src/cli/analyze';
import type { AnalysisSettings } from '../../src/core/config/defaults';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility, listGaps } from '../../src/core/coverage';
import { representativePoint } from '../../src/core/geo/pointOnSurface';
import type { Facility } from '../../src/core/types';
import { toCommunities, toFacilities, toRoads } from '../../src/io/domain';
import { readFeatureFile } from '../../src/io/read';
import { expect, openApp, screenPointsOf, test, waitForMapIdle } from './fixtures';

// Several analysis runs per test (two per run with a scenario) on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });

const SAMPLE = resolve('data/sample');
const OUT = 'test/e2e/artifacts';

async function sampleData() {
  const read = async (name: string) => (await readFeatureFile(`${name}.fgb`, new Uint8Array(readFileSync(join(SAMPLE, `${name}.fgb`))))).features;
  return {
    communities: toCommunities(await read('communities'), 'communities.fgb').items,
    facilities: toFacilities(await read('facilities'), 'facilities.fgb').items,
    roads: toRoads(await read('roads'), 'roads.fgb').items,
  };
}

type Data = Awaited<ReturnType<typeof sampleData>>;

function nodeFigures(data: Data, settings: AnalysisSettings, planned: Facility[] = []) {
  const result = computeAccessibility({ ...data, facilities: [...data.facilities, ...planned], settings });
  const gaps = listGaps(result, data.communities, settings);
  const kg = result.summary.find((s) => s.categoryId === 'kindergarten')!;
  return { kgCovered: kg.householdsCovered, kgGaps: gaps.filter((g) => g.categoryId === 'kindergarten').length, totalGaps: gaps.length, gaps };
}

async function uiFigures(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="coverage-bar-kindergarten"]')!;
    return {
      kgCovered: Number(bar.getAttribute('data-households-covered')),
      kgGained: Number(bar.getAttribute('data-households-gained')),
      totalGaps: Number(document.querySelector('[data-testid="dash-gaps-value"]')!.getAttribute('data-gaps')),
      tableRows: Number(document.querySelector('[data-testid="gap-count"]')!.getAttribute('data-count')),
    };
  });
}

async function waitForRun(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => {
    // Only the count: a late progress message of the finished run can flip the status back to 'running'.
    return window.__store!.getState().analysisRunCount > n;
  }, after, { timeout: 120_000 });
  // Let React render the new result.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const runCount = (page: Page) => page.evaluate(() => window.__store!.getState().analysisRunCount);

async function openAnalysis(page: Page): Promise<void> {
  await openApp(page);
  await waitForRun(page, 0);
  await page.getByTestId('tab-analysis').click();
  await page.getByTestId('analysis-dashboard').waitFor();
}

test('the gap table CSV equals the CLI gaps.csv for the sample city', async ({ page }) => {
  const out = mkdtempSync(join(tmpdir(), 'gaps-cli-'));
  await runAnalyze({
    communities: join(SAMPLE, 'communities.fgb'), facilities: join(SAMPLE, 'facilities.fgb'), roads: join(SAMPLE, 'roads.fgb'), out,
  }, () => undefined);
  const cliCsv = readFileSync(join(out, 'gaps.csv'));
  await openAnalysis(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('gap-export').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('gaps.csv');
  const uiCsv = readFileSync(await download.path());
  // Byte-identical, BOM included; and a real table (hundreds of rows), not an empty header.
  expect(uiCsv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(uiCsv.toString('utf8').split('\r\n').length).toBeGreaterThan(100);
  expect(uiCsv.equals(cliCsv)).toBe(true);
  // The table shows the same number of rows, paginated.
  const rows = cliCsv.toString('utf8').trimEnd().split('\r\n').length - 1;
  await expect(page.getByTestId('gap-count')).toHaveAttribute('data-count', String(rows));
  expect(await page.getByTestId('gap-row').count()).toBe(50);
});

test('a planned kindergarten, a settings edit and the scenario toggle change the figures exactly as the core does', async ({ page }) => {
  const data = await sampleData();
  const defaults = defaultAnalysisSettings();
  const base = nodeFigures(data, defaults);
  await openAnalysis(page);
  expect(await uiFigures(page)).toEqual({ kgCovered: base.kgCovered, kgGained: 0, totalGaps: base.totalGaps, tableRows: base.totalGaps });

  // The kindergarten gap with the most households (listGaps ranks by households).
  const target = base.gaps.find((g) => g.categoryId === 'kindergarten')!;
  const community = data.communities[target.communityIndex];
  await page.getByTestId('gap-filter').selectOption('kindergarten');
  await expect(page.getByTestId('gap-count')).toHaveAttribute('data-count', String(base.kgGaps));
  // The first row of the kindergarten filter is that community: clicking it selects and reveals it on the map.
  await expect(page.getByTestId('gap-row').first()).toHaveAttribute('data-community-id', community.id);
  await page.getByTestId('gap-row').first().click();
  await page.waitForFunction((id) => window.__store!.getState().selection?.id === id, community.id);
  await page.waitForTimeout(1200); // the reveal animation
  await waitForMapIdle(page);

  const before = await runCount(page);
  await page.getByTestId('scenario-category').selectOption('kindergarten');
  await page.getByTestId('scenario-add').click();
  await expect(page.getByTestId('scenario-placing')).toBeVisible();
  const [pt] = await screenPointsOf(page, [representativePoint(community.geometry)]);
  await page.mouse.click(pt.x, pt.y);
  await waitForRun(page, before);
  await expect(page.getByTestId('scenario-placing')).toHaveCount(0);
  const planned = await page.evaluate(() => window.__store!.getState().scenario.planned);
  expect(planned.length).toBe(1);
  expect(planned[0].categories).toEqual(['kindergarten']);
  // The click landed at the community (within a few metres of the representative point at this zoom).
  const [rx, ry] = representativePoint(community.geometry);
  const [px, py] = planned[0].geometry.coordinates as number[];
  expect(Math.hypot((px - rx) * 111_320 * Math.cos((ry * Math.PI) / 180), (py - ry) * 110_540)).toBeLessThan(15);
  // The planned facility is drawn in its own layer.
  const drawn = await page.evaluate(([x, y]) => {
    const m = window.__map!, r = m.getCanvas().getBoundingClientRect();
    return m.queryRenderedFeatures([x - r.left, y - r.top], { layers: ['planned-ring'] }).map((f) => f.properties.id);
  }, [pt.x, pt.y]);
  expect(drawn).toEqual([planned[0].id]);

  const withPlanned = nodeFigures(data, defaults, planned as Facility[]);
  const ui = await uiFigures(page);
  expect(withPlanned.kgGaps).toBeLessThan(base.kgGaps);
  expect(ui.kgCovered).toBe(withPlanned.kgCovered);
  expect(ui.kgGained).toBe(withPlanned.kgCovered - base.kgCovered);
  expect(ui.kgGained).toBeGreaterThanOrEqual(target.households ?? 0);
  expect(ui.totalGaps).toBe(withPlanned.totalGaps);
  expect(ui.tableRows).toBe(withPlanned.kgGaps); // the filtered table shrank
  await expect(page.getByTestId('dash-scenario-gain')).toHaveAttribute('data-households-gained', String(withPlanned.kgCovered - base.kgCovered));
  await page.getByTestId('analysis-dashboard').screenshot({ path: `${OUT}/analysis-dashboard-scenario-zh.png` });
  await page.screenshot({ path: `${OUT}/analysis-1280x800-zh.png` });

  // Scenario off: the baseline figures come back, the planned facility stays listed.
  let n = await runCount(page);
  await page.getByTestId('scenario-enabled').uncheck();
  await waitForRun(page, n);
  expect(await uiFigures(page)).toEqual({ kgCovered: base.kgCovered, kgGained: 0, totalGaps: base.totalGaps, tableRows: base.kgGaps });
  await expect(page.getByTestId('planned-item')).toHaveCount(1);

  // Kindergarten max walk 300 → 500 m through the input.
  const wider = defaultAnalysisSettings();
  wider.categories = wider.categories.map((c) => (c.id === 'kindergarten' ? { ...c, maxWalkMeters: 500 } : c));
  const at500 = nodeFigures(data, wider);
  n = await runCount(page);
  const input = page.getByTestId('setting-max-walk-kindergarten');
  await expect(input).toHaveValue('300');
  await input.fill('500');
  await input.press('Enter');
  await waitForRun(page, n);
  expect(at500.kgCovered).toBeGreaterThan(base.kgCovered);
  expect(await uiFigures(page)).toEqual({ kgCovered: at500.kgCovered, kgGained: 0, totalGaps: at500.totalGaps, tableRows: at500.kgGaps });

  // Reset to defaults restores the 300 m figures.
  n = await runCount(page);
  await page.getByTestId('settings-reset').click();
  await waitForRun(page, n);
  expect(await uiFigures(page)).toEqual({ kgCovered: base.kgCovered, kgGained: 0, totalGaps: base.totalGaps, tableRows: base.kgGaps });
  await expect(page.getByTestId('analysis-mode')).toHaveAttribute('data-mode', 'network');
});

test('English dashboard with a scenario (screenshot)', async ({ page }) => {
  await openAnalysis(page);
  await page.getByTestId('lang-en').click();
  const n = await runCount(page);
  const c = await page.evaluate(() => {
    const s = window.__store!.getState();
    const r = s.analysisResult!;
    // A community with a kindergarten gap: plant one there (placement by click is tested above).
    const k = r.categoryIds.indexOf('kindergarten');
    const i = r.communityIds.findIndex((_, j) => !r.covered[j * r.categoryIds.length + k] && !Number.isNaN(r.score[j]));
    const ring = (s.communities[i].geometry.type === 'Polygon' ? s.communities[i].geometry.coordinates[0] : s.communities[i].geometry.coordinates[0][0]) as number[][];
    return [ring[0][0], ring[0][1]] as [number, number];
  });
  await page.evaluate((ll) => window.__store!.getState().addPlannedFacility('kindergarten', ll), c);
  await waitForRun(page, n);
  await expect(page.getByTestId('dash-scenario-gain')).toContainText('Planned facilities newly cover');
  await expect(page.getByTestId('analysis-tab')).not.toContainText('幼儿园');
  await page.screenshot({ path: `${OUT}/analysis-1280x800-en.png` });
});
