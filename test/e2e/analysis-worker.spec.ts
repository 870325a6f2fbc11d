/**
 * The analysis Worker in the real browser returns the same numbers as the core run in Node on the same files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility } from '../../src/core/coverage';
import { toCommunities, toFacilities, toRoads } from '../../src/io/domain';
import { readFeatureFile } from '../../src/io/read';
import { expect, openApp, test } from './fixtures';

async function nodeResult(settings = defaultAnalysisSettings()) {
  const read = async (name: string) => (await readFeatureFile(`${name}.fgb`, new Uint8Array(readFileSync(resolve('data/sample', `${name}.fgb`))))).features;
  const communities = toCommunities(await read('communities'), 'communities.fgb').items;
  const facilities = toFacilities(await read('facilities'), 'facilities.fgb').items;
  const roads = toRoads(await read('roads'), 'roads.fgb').items;
  return computeAccessibility({ communities, facilities, roads, settings });
}

for (const variant of [{ name: 'on its own thread', path: '/' }, { name: 'shared out to helper Workers (?threads=always)', path: '/?threads=always' }]) test(`the Worker analysis of the sample city, ${variant.name}, equals the Node run`, async ({ page }) => {
  await openApp(page, variant.path);
  await page.waitForFunction(() => (window.__store?.getState().analysisRunCount ?? 0) >= 1, null, { timeout: 60_000 });
  const browser = await page.evaluate(() => {
    const r = window.__store!.getState().analysisResult!;
    return {
      mode: r.mode,
      categoryIds: r.categoryIds,
      communityIds: r.communityIds,
      // NaN does not survive JSON: send -1 for "none within the search bound".
      walkMeters: Array.from(r.walkMeters, (v) => (Number.isNaN(v) ? -1 : v)),
      nearestFacility: Array.from(r.nearestFacility),
      countWithin: Array.from(r.countWithin),
      covered: Array.from(r.covered),
      offNetworkCommunities: r.offNetworkCommunities,
      summary: r.summary.map((s) => ({ id: s.categoryId, covered: s.householdsCovered, total: s.householdsTotal, gaps: s.gaps })),
      isFloat64: r.walkMeters instanceof Float64Array,
      threads: r.threads,
      cores: navigator.hardwareConcurrency,
    };
  });
  const node = await nodeResult();
  // The sample city is below the parallel threshold: by default one thread; `?threads=always` uses one helper per
  // core but one, plus the analysis Worker itself.
  expect(browser.threads).toBe(variant.path === '/' || browser.cores < 2 ? 1 : Math.min(4, browser.cores));
  expect(browser.isFloat64).toBe(true);
  expect(browser.mode).toBe('network');
  expect(browser.categoryIds).toEqual(node.categoryIds);
  expect(browser.communityIds).toEqual(node.communityIds);
  expect(browser.communityIds.length).toBe(460);
  // Node's V8 and chromium's V8 may differ in the last bit of Math.sin/cos: compare to a micrometre.
  const nodeWalk = Array.from(node.walkMeters, (v) => (Number.isNaN(v) ? -1 : v));
  expect(browser.walkMeters.length).toBe(nodeWalk.length);
  const worst = browser.walkMeters.reduce((m, v, i) => Math.max(m, Math.abs(v - nodeWalk[i])), 0);
  expect(worst).toBeLessThan(1e-6);
  expect(browser.walkMeters.filter((v) => v < 0).length).toBe(nodeWalk.filter((v) => v < 0).length);
  expect(browser.nearestFacility).toEqual(Array.from(node.nearestFacility));
  expect(browser.countWithin).toEqual(Array.from(node.countWithin));
  expect(browser.covered).toEqual(Array.from(node.covered));
  expect(browser.offNetworkCommunities).toEqual(node.offNetworkCommunities);
  expect(browser.summary).toEqual(node.summary.map((s) => ({ id: s.categoryId, covered: s.householdsCovered, total: s.householdsTotal, gaps: s.gaps })));
  // Real distances, not placeholders: some covered, some gaps.
  const kg = node.categoryIds.indexOf('kindergarten');
  const kgSummary = node.summary[kg];
  expect(kgSummary.householdsCovered).toBeGreaterThan(0);
  expect(kgSummary.gaps).toBeGreaterThan(0);
});

for (const variant of [{ name: '', path: '/' }, { name: ', also shared out to helper Workers', path: '/?threads=always' }]) test(`changing a setting reruns the analysis in the Worker with the new max walk${variant.name}`, async ({ page }) => {
  await openApp(page, variant.path);
  await page.waitForFunction(() => (window.__store?.getState().analysisRunCount ?? 0) >= 1, null, { timeout: 60_000 });
  const before = await page.evaluate(() => window.__store!.getState().analysisResult!.summary.find((s) => s.categoryId === 'kindergarten')!.householdsCovered);
  await page.evaluate(() => window.__store!.getState().updateCategory('kindergarten', { maxWalkMeters: 500 }));
  await page.waitForFunction(() => (window.__store?.getState().analysisRunCount ?? 0) >= 2, null, { timeout: 60_000 });
  const after = await page.evaluate(() => window.__store!.getState().analysisResult!.summary.find((s) => s.categoryId === 'kindergarten')!.householdsCovered);
  // Late progress messages must not flip a finished run back to "running".
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__store!.getState().analysisStatus)).toBe('done');
  const settings = defaultAnalysisSettings();
  settings.categories = settings.categories.map((c) => (c.id === 'kindergarten' ? { ...c, maxWalkMeters: 500 } : c));
  const kgCovered = (r: Awaited<ReturnType<typeof nodeResult>>) => r.summary.find((s) => s.categoryId === 'kindergarten')!.householdsCovered;
  expect(before).toBe(kgCovered(await nodeResult()));
  expect(after).toBe(kgCovered(await nodeResult(settings)));
  expect(after).toBeGreaterThan(before);
  // One category changed: only it is searched again, on the analysis Worker itself.
  expect(await page.evaluate(() => window.__store!.getState().analysisResult!.threads)).toBe(1);
  if (variant.path === '/') return;
  // Every max walk changed (as a reset or a settings import does): all categories are searched again, shared out
  // to the helper Workers, which still hold the job of the first run and get only the new max walks.
  await page.evaluate(() => {
    const s = window.__store!.getState();
    window.__store!.setState({ analysisSettings: { ...s.analysisSettings, categories: s.analysisSettings.categories.map((c) => ({ ...c, maxWalkMeters: c.maxWalkMeters + 100 })) } });
  });
  await page.waitForFunction(() => (window.__store?.getState().analysisRunCount ?? 0) >= 3, null, { timeout: 60_000 });
  const all = await page.evaluate(() => ({ r: window.__store!.getState().analysisResult!, cores: navigator.hardwareConcurrency }))
    .then(({ r, cores }) => ({ threads: r.threads, cores, covered: r.summary.map((x) => x.householdsCovered) }));
  const wider = defaultAnalysisSettings();
  wider.categories = wider.categories.map((c) => ({ ...c, maxWalkMeters: (c.id === 'kindergarten' ? 500 : c.maxWalkMeters) + 100 }));
  expect(all.covered).toEqual((await nodeResult(wider)).summary.map((x) => x.householdsCovered));
  expect(all.threads).toBe(all.cores < 2 ? 1 : Math.min(4, all.cores));
});
