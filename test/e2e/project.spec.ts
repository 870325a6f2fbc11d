/**
 * Saved projects in the built app: autosave to IndexedDB and restore on reload, "save project" download,
 * "open project" of that file after a reset, and a broken or newer file explained without touching the project.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, openApp, test, waitForMapIdle } from './fixtures';

const ARTIFACTS = 'test/e2e/artifacts';

/** Wait until the autosave indicator shows a save newer than `after` (ISO time, '' = any). */
async function waitForAutosave(page: Page, after: string): Promise<string> {
  const status = page.getByTestId('autosave-status');
  await expect(status).toHaveAttribute('data-saved-at', /\d{4}-/);
  await expect.poll(async () => (await status.getAttribute('data-saved-at')) ?? '').not.toBe(after);
  return (await status.getAttribute('data-saved-at')) ?? '';
}

async function zoneState(page: Page) {
  return page.evaluate(() => {
    const s = window.__store!.getState();
    return { zoneIds: s.zones.map((z) => z.id), members: s.zones.map((z) => z.memberIds.length), gapMeters: s.zoningSettings.gapMeters, walk: s.analysisSettings.walkSpeedMetersPerMinute };
  });
}

/** Open the app after a reload, when a restored project may not be the sample city (no badge to wait for). */
async function reopen(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => window.__store?.getState().loadStatus === 'ready' && window.__map?.loaded(), null, { timeout: 30_000 });
  await waitForMapIdle(page);
}

test.setTimeout(120_000);

test('autosave restores zones and settings after a reload; a saved file reopens the project after a reset', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('autosave-status')).toBeVisible(); // the sample start is saved (as a reference)
  const first = await waitForAutosave(page, '');

  // Persisted changes: zoning gap and walking speed, then generate zones with the real button.
  await page.evaluate(() => { const s = window.__store!.getState(); s.setZoningSettings({ gapMeters: 45 }); s.setWalkSpeed(65); });
  await page.getByTestId('tab-zones').click();
  await page.getByTestId('zones-generate').click();
  await expect.poll(async () => Number(await page.getByTestId('zones-count').textContent()), { timeout: 45_000 }).toBeGreaterThan(0);
  const before = await zoneState(page);
  expect(before.gapMeters).toBe(45);
  expect(before.walk).toBe(65);
  await waitForAutosave(page, first);
  await page.waitForTimeout(700); // the debounce after the last change

  await reopen(page);
  expect(await zoneState(page)).toEqual(before);
  await expect(page.getByTestId('dataset-badge')).toBeVisible(); // the sample city came back from its reference

  // Save project → a .rpproj zip with the envelope and every part.
  await expect(page.getByTestId('save-project')).toHaveText(/保存项目/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-project').click()]);
  expect(download.suggestedFilename()).toMatch(/^renovation-project-\d{8}-\d{4}\.rpproj$/);
  const filePath = test.info().outputPath('project-saved.rpproj');
  await download.saveAs(filePath);
  const project = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(filePath)))['project.json'])) as {
    format: string; version: number; parts: Record<string, { version: number; data: Record<string, unknown> }>;
  };
  expect(project.format).toBe('renovation-planner-project');
  expect(project.version).toBe(1);
  expect(Object.keys(project.parts).sort()).toEqual(['analysis', 'data', 'settings', 'zones']);
  expect(project.parts.data.data).toEqual({ sample: true });
  expect((project.parts.zones.data.zones as unknown[]).length).toBe(before.zoneIds.length);

  // Reset: forget the autosave, reload → a fresh sample project with defaults.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('renovation-planner');
    req.onsuccess = () => { const tx = req.result.transaction('project', 'readwrite'); tx.objectStore('project').clear(); tx.oncomplete = () => { req.result.close(); resolve(); }; };
    req.onerror = () => reject(req.error);
  }));
  await reopen(page);
  const reset = await zoneState(page);
  expect(reset.zoneIds).toEqual([]);
  expect(reset.gapMeters).not.toBe(45);

  // Open project with the downloaded file → the same zones and settings.
  await page.getByTestId('open-project-input').setInputFiles(filePath);
  await expect(page.getByTestId('project-notice')).toContainText('已打开项目');
  await expect.poll(() => zoneState(page)).toEqual(before);
  await waitForMapIdle(page);
  await page.screenshot({ path: `${ARTIFACTS}/project-opened.png` });
});

test('a broken or newer project file shows a clear error and leaves the project as it was', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => window.__store!.getState().setZoningSettings({ gapMeters: 25 }));
  const communities = await page.evaluate(() => window.__store!.getState().communities.length);

  const broken = test.info().outputPath('broken.json');
  writeFileSync(broken, '{"format": "renovation-planner-project", "version": 1, "parts": ');
  await page.getByTestId('open-project-input').setInputFiles(broken);
  await expect(page.getByTestId('project-error')).toBeVisible();
  await expect(page.getByTestId('project-error-message')).toHaveText('文件内容既不是有效的 JSON，也不是项目压缩包（.rpproj）。');
  await expect(page.getByTestId('project-error')).toContainText('当前项目未作任何改动。');
  await page.screenshot({ path: `${ARTIFACTS}/project-error-zh.png` });
  await page.getByTestId('project-error-close').click();
  await expect(page.getByTestId('project-error')).toHaveCount(0);

  // A valid envelope with one part of the wrong type: nothing of it is applied.
  const wrongType = test.info().outputPath('wrong-type.json');
  writeFileSync(wrongType, JSON.stringify({ format: 'renovation-planner-project', version: 1, savedAt: '2026-11-26T00:00:00Z', app: { version: '0.1.0' },
    parts: { data: { version: 1, data: { sample: true } }, settings: { version: 1, data: { oldBuildYearThreshold: 'two thousand', categories: [] } },
      zones: { version: 1, data: { zones: [], settings: { gapMeters: 99 } } } } }));
  await page.getByTestId('open-project-input').setInputFiles(wrongType);
  await expect(page.getByTestId('project-error-message')).toHaveText('项目文件无效：parts.settings.data.oldBuildYearThreshold 的类型不正确。');
  await expect(page.getByTestId('project-error-details')).toHaveText('Invalid project file: parts.settings.data.oldBuildYearThreshold should be a number, found a string ("two thousand").');
  await page.getByTestId('project-error-close').click();

  // A newer file, in English.
  await page.getByTestId('lang-en').click();
  const newer = test.info().outputPath('newer.json');
  writeFileSync(newer, JSON.stringify({ format: 'renovation-planner-project', version: 3, savedAt: '2027-01-01T00:00:00Z', app: { version: '2.0.0' }, parts: {} }));
  await page.getByTestId('open-project-input').setInputFiles(newer);
  await expect(page.getByTestId('project-error-message')).toHaveText('This project was saved by a newer version of the app (project file version 3); this app reads project files up to version 1. Please update the app.');
  await expect(page.getByTestId('save-project')).toHaveText(/Save project/);
  await page.screenshot({ path: `${ARTIFACTS}/project-error-en.png` });
  await page.getByTestId('project-error-close').click();

  const after = await page.evaluate(() => ({ gap: window.__store!.getState().zoningSettings.gapMeters, n: window.__store!.getState().communities.length, name: window.__store!.getState().datasetName }));
  expect(after).toEqual({ gap: 25, n: communities, name: 'sample' });
});
