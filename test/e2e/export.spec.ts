/**
 * Export in the built app: zones as GeoJSON (WGS84 and GCJ-02) and FlatGeobuf, communities/gaps as CSV, the map as
 * PNG, and the printable report. Downloads are checked in Node (counts, properties, geometry, BOM, PNG size), with
 * `ogrinfo` when GDAL is installed, and the GeoJSON is re-imported through the import UI (round trip).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { booleanValid, distance } from '@turf/turf';
import { geojson as fgb } from 'flatgeobuf';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { PNG } from 'pngjs';
import { expect, openApp, test } from './fixtures';

/** The parts of the store this test reads (window.__store is exposed in every build). */
interface StoreView {
  zones: { id: string; name: string; memberIds: string[]; geometry: Polygon | MultiPolygon }[];
  communities: { id: string; households: number | null; buildYear: number | null; geometry: Polygon | MultiPolygon; properties: Record<string, unknown> }[];
  analysisResult: { summary: { required: boolean; gaps: number }[] } | null;
  datasetName: string | null;
}
type StoreWindow = Window & { __store?: { getState: () => StoreView & Record<string, unknown> } };

const ARTIFACTS = 'test/e2e/artifacts';
const hasOgrinfo = (() => { try { execFileSync('ogrinfo', ['--version']); return true; } catch { return false; } })();

async function storeView(page: Page): Promise<StoreView> {
  return page.evaluate(() => {
    const s = (window as StoreWindow).__store!.getState();
    return { zones: s.zones, communities: s.communities, analysisResult: s.analysisResult ? { summary: s.analysisResult.summary } : null, datasetName: s.datasetName };
  });
}

/** Zones drawn through the store's hand-edit action over a 3×3 grid of the city (the zones UI does the same call). */
async function drawGridZones(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = (window as StoreWindow).__store!.getState() as unknown as StoreView & { addDrawnZone: (p: Polygon, name: string) => string | null };
    const xs: number[] = [], ys: number[] = [];
    for (const c of s.communities) {
      const ring = c.geometry.type === 'Polygon' ? c.geometry.coordinates[0] : c.geometry.coordinates[0][0];
      for (const [x, y] of ring) { xs.push(x); ys.push(y); }
    }
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    let made = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const a = x0 + ((x1 - x0) * i) / 3, b = x0 + ((x1 - x0) * (i + 1)) / 3, c = y0 + ((y1 - y0) * j) / 3, d = y0 + ((y1 - y0) * (j + 1)) / 3;
      const id = s.addDrawnZone({ type: 'Polygon', coordinates: [[[a, c], [b, c], [b, d], [a, d], [a, c]]] }, `测试<i>区块</i>${made + 1}`);
      if (id) made++;
    }
    return made;
  });
}

async function download(page: Page, testId: string, dir: string): Promise<{ path: string; name: string }> {
  const [dl]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { path, name: dl.suggestedFilename() };
}

function ogrinfo(path: string): string {
  return execFileSync('ogrinfo', ['-so', '-al', path], { encoding: 'utf8' });
}

test('export zones, tables, map and report; re-import the GeoJSON', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'rp-export-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  await openApp(page);
  await page.waitForFunction(() => (window as StoreWindow).__store!.getState().analysisResult !== null, null, { timeout: 60_000 });

  // No zones yet: the zone exports are disabled and say why.
  await page.getByTestId('tab-export').click();
  await expect(page.getByTestId('export-no-zones')).toContainText('尚未划定区块');
  await expect(page.getByTestId('export-zones-geojson')).toBeDisabled();
  await expect(page.getByTestId('export-zones-fgb')).toBeDisabled();

  const made = await drawGridZones(page);
  const store = await storeView(page);
  expect(made).toBeGreaterThanOrEqual(3);
  expect(store.zones).toHaveLength(made);
  await expect(page.getByTestId('export-no-zones')).toHaveCount(0);
  await page.getByTestId('export-tab').screenshot({ path: `${ARTIFACTS}/export-panel.png` });

  // GeoJSON (WGS84): one feature per zone, the store's members and household sums, valid geometry.
  const gj = await download(page, 'export-zones-geojson', dir);
  expect(gj.name).toBe('zones.geojson');
  const fc = JSON.parse(readFileSync(gj.path, 'utf8')) as FeatureCollection;
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.features).toHaveLength(store.zones.length);
  const hhOf = new Map(store.communities.map((c) => [c.id, c.households ?? 0]));
  for (const f of fc.features) {
    const z = store.zones.find((x) => x.id === f.properties?.zone_id);
    expect(z, `zone ${String(f.properties?.zone_id)} in the store`).toBeDefined();
    expect(f.properties?.community_ids).toEqual(z!.memberIds);
    expect(f.properties?.communities).toBe(z!.memberIds.length);
    expect(f.properties?.households).toBe(z!.memberIds.reduce((s, id) => s + (hhOf.get(id) ?? 0), 0));
    expect(f.properties?.zone_name).toBe(z!.name);
    expect(f.geometry).toEqual(z!.geometry);
    expect(booleanValid(f as Feature)).toBe(true);
  }

  // GCJ-02: the same zones shifted by the GCJ offset (a few hundred metres in Nanchang), and labelled as such.
  await page.getByTestId('export-gcj02').check();
  const gcj = await download(page, 'export-zones-geojson', dir);
  expect(gcj.name).toBe('zones_gcj02.geojson');
  const gcjFc = JSON.parse(readFileSync(gcj.path, 'utf8')) as FeatureCollection & { coordinate_system?: string };
  expect(gcjFc.coordinate_system).toContain('GCJ-02');
  expect(gcjFc.features).toHaveLength(fc.features.length);
  const firstRing = (g: Feature['geometry']) => (g.type === 'Polygon' ? g.coordinates[0] : (g as MultiPolygon).coordinates[0][0]);
  const p = firstRing(fc.features[0].geometry)[0], q = firstRing(gcjFc.features[0].geometry)[0];
  const shiftM = distance(p, q, { units: 'meters' });
  expect(shiftM).toBeGreaterThan(300);
  expect(shiftM).toBeLessThan(700);
  // The same choice applies to FlatGeobuf and Shapefile: same shifted coordinates, the file names say GCJ-02.
  const gcjFgb = await download(page, 'export-zones-fgb', dir);
  expect(gcjFgb.name).toBe('zones_gcj02.fgb');
  const gcjFgbFeatures: Feature[] = [];
  for await (const f of fgb.deserialize(new Uint8Array(readFileSync(gcjFgb.path)))) gcjFgbFeatures.push(f as Feature);
  const gcjById = new Map(gcjFc.features.map((f) => [f.properties?.zone_id, f.geometry]));
  for (const f of gcjFgbFeatures) {
    const ring = firstRing(f.geometry), want = firstRing(gcjById.get(f.properties?.zone_id)!);
    expect(ring[0][0]).toBeCloseTo(want[0][0], 9);
    expect(ring[0][1]).toBeCloseTo(want[0][1], 9);
  }
  const gcjShp = await download(page, 'export-zones-shp', dir);
  expect(gcjShp.name).toBe('zones_gcj02.zip');
  await page.getByTestId('export-gcj02').uncheck();

  // FlatGeobuf: same count and properties, read with the flatgeobuf package.
  const fg = await download(page, 'export-zones-fgb', dir);
  expect(fg.name).toBe('zones.fgb');
  const fgbFeatures: Feature[] = [];
  for await (const f of fgb.deserialize(new Uint8Array(readFileSync(fg.path)))) fgbFeatures.push(f as Feature);
  expect(fgbFeatures).toHaveLength(store.zones.length);
  for (const f of fgbFeatures) {
    const src = fc.features.find((x) => x.properties?.zone_id === f.properties?.zone_id)!;
    expect(f.properties?.households).toBe(src.properties?.households);
    // A Json column: the flatgeobuf package parses it back to the array (GDAL shows it as a JSON string).
    const ids: unknown = f.properties?.community_ids;
    expect(typeof ids === 'string' ? JSON.parse(ids) : ids).toEqual(src.properties?.community_ids);
  }

  const shp = await download(page, 'export-zones-shp', dir);
  expect(shp.name).toBe('zones.zip');
  expect([...readFileSync(shp.path).subarray(0, 2)]).toEqual([0x50, 0x4b]);

  // ogrinfo (CI installs gdal-bin): what a GIS user's tools will see.
  if (hasOgrinfo) {
    const fgbInfo = ogrinfo(fg.path);
    expect(fgbInfo).toContain('Layer name: zones');
    expect(fgbInfo).toContain(`Feature Count: ${store.zones.length}`);
    expect(fgbInfo).toMatch(/zone_id: String/);
    expect(fgbInfo).toMatch(/households: Integer/);
    expect(fgbInfo).toMatch(/area_sqm: Real/);
    expect(fgbInfo).toMatch(/ID\["EPSG",4326\]/);
    const gjInfo = ogrinfo(gj.path);
    expect(gjInfo).toContain(`Feature Count: ${store.zones.length}`);
    expect(gjInfo).toMatch(/zone_id: String/);
    expect(gjInfo).toMatch(/households: Integer/);
    expect(gjInfo).toMatch(/ID\["EPSG",4326\]/);
    const shpInfo = ogrinfo(`/vsizip/${shp.path}`);
    expect(shpInfo).toContain('Layer name: zones');
    expect(shpInfo).toContain(`Feature Count: ${store.zones.length}`);
    expect(shpInfo).toMatch(/comm_ids: String/);
    expect(shpInfo).toMatch(/households: Integer/);
    expect(shpInfo).toMatch(/ID\["EPSG",4326\]/);
  } else {
    console.log('ogrinfo not found: skipping the GDAL check of zones.fgb / zones.geojson (apt-get install gdal-bin)');
  }

  // CSV: UTF-8 with BOM, the communities' original (Chinese) columns first, one row per community.
  const cc = await download(page, 'export-communities-csv', dir);
  const ccBytes = readFileSync(cc.path);
  expect([...ccBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const ccLines = ccBytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  const header = ccLines[0].split(',');
  // Same columns as the CLI's communities.csv: the original properties, then walk_m_*/covered_*, then zoning.
  for (const k of Object.keys(store.communities[0].properties)) expect(header).toContain(k);
  expect(header).toContain('walk_m_kindergarten');
  expect(header).toContain('covered_kindergarten');
  // Chinese names survive as UTF-8 (what the BOM is for).
  const zhName = store.communities.map((c) => String(c.properties.name ?? '')).find((n) => /[\u4e00-\u9fff]/.test(n));
  expect(zhName, 'a community with a Chinese name in the sample').toBeDefined();
  expect(ccLines.some((l) => l.includes(zhName!))).toBe(true);
  expect(header.slice(-3)).toEqual(['eligible', 'excluded_reason', 'zone_id']);
  expect(ccLines).toHaveLength(store.communities.length + 1);
  const gc = await download(page, 'export-gaps-csv', dir);
  const gapText = readFileSync(gc.path, 'utf8');
  expect(gapText.startsWith('\uFEFFcommunity_id,community,category,category_zh,walk_m,households\r\n')).toBe(true);
  const totalGaps = store.analysisResult!.summary.reduce((s, c) => s + (c.required ? c.gaps : 0), 0);
  expect(gapText.trimEnd().split('\r\n')).toHaveLength(totalGaps + 1);
  expect(gapText).toMatch(/[\u4e00-\u9fff]/);

  // PNG of the map, at the canvas size.
  const canvasSize = await page.evaluate(() => ({ w: window.__map!.getCanvas().width, h: window.__map!.getCanvas().height }));
  const png = await download(page, 'export-png', dir);
  const img = PNG.sync.read(readFileSync(png.path));
  expect([img.width, img.height]).toEqual([canvasSize.w, canvasSize.h]);

  // Report: zone rows, figures equal to the store's, gap heading with the total, names as text.
  await page.getByTestId('export-report').click();
  const report = page.getByTestId('report');
  await expect(report.getByTestId('report-zone-row')).toHaveCount(store.zones.length);
  const fmt = (v: number) => new Intl.NumberFormat('zh-CN').format(v);
  await expect(report.getByTestId('report-figure-communities')).toContainText(fmt(store.communities.length));
  await expect(report.getByTestId('report-figure-zones')).toContainText(fmt(store.zones.length));
  await expect(report.getByTestId('report-figure-households')).toContainText(fmt(store.communities.reduce((s, c) => s + (c.households ?? 0), 0)));
  const zoned = store.zones.reduce((s, z) => s + z.memberIds.reduce((t, id) => t + (hhOf.get(id) ?? 0), 0), 0);
  await expect(report.getByTestId('report-figure-householdsZoned')).toContainText(fmt(zoned));
  await expect(report.getByTestId('report-gaps-title')).toContainText(`共 ${totalGaps} 条`);
  await expect(report.getByTestId('report-gap-row')).toHaveCount(Math.min(20, totalGaps));
  await expect(report.getByTestId('report-dataset')).toHaveText(store.datasetName === 'sample' ? '示例城市（南昌老城区，模拟数据）' : store.datasetName ?? '—');
  await expect(report.getByTestId('report-zone-row').first()).toContainText('<i>区块</i>');
  await expect(report.locator('i')).toHaveCount(0);
  await expect(report.getByTestId('report-map')).toBeVisible();
  // Scale bar: its share of the image equals the share of the map that its length covers, measured with the map's
  // own projection (two points that many metres apart at the centre).
  const scaleText = (await report.getByTestId('report-scale').innerText()).trim();
  const m = /^(\d+) (米|公里)$/.exec(scaleText);
  expect(m, scaleText).not.toBeNull();
  const barMeters = Number(m![1]) * (m![2] === '公里' ? 1000 : 1);
  const mapShare = await page.evaluate((meters) => {
    const map = window.__map!, c = map.getCenter();
    const dLng = meters / (111_320 * Math.cos((c.lat * Math.PI) / 180));
    const a = map.project([c.lng - dLng / 2, c.lat]), b = map.project([c.lng + dLng / 2, c.lat]);
    return (b.x - a.x) / map.getContainer().clientWidth;
  }, barMeters);
  const barBox = (await report.getByTestId('report-scale').boundingBox())!, imgBox = (await report.getByTestId('report-map').boundingBox())!;
  expect(barBox.width / imgBox.width).toBeCloseTo(mapShare, 2);
  expect(mapShare).toBeGreaterThan(0.08);
  expect(mapShare).toBeLessThanOrEqual(0.25);
  // Legend: zones (drawn), and one entry per facility category shown on the map.
  await expect(report.getByTestId('report-legend-zones')).toContainText('改造区块');
  const shownCategories = await page.evaluate(() => { const s = window.__store!.getState(); return s.layerVisibility.facilities ? s.categories.filter((c) => !s.hiddenCategories.includes(c.id)).length : 0; });
  await expect(report.getByTestId('report-legend-categories').locator('li')).toHaveCount(shownCategories);
  await page.screenshot({ path: `${ARTIFACTS}/report-zh.png`, fullPage: false });
  await report.locator('.report-map-section').screenshot({ path: `${ARTIFACTS}/report-map-zh.png` });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${ARTIFACTS}/report-zh.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // English by the current language.
  await report.getByTestId('report-close').click();
  await page.getByTestId('lang-en').click();
  await page.getByTestId('export-report').click();
  await expect(report.locator('h1')).toHaveText('Old Residential Community Renovation Plan');
  await expect(report.getByTestId('report-gaps-title')).toContainText(`of ${totalGaps}`);
  await page.screenshot({ path: `${ARTIFACTS}/report-en.png` });
  await report.getByTestId('report-close').click();
  await page.getByTestId('lang-zh-CN').click();

  // Round trip: the downloaded GeoJSON through the import UI gives the same features and properties.
  await page.getByTestId('import-file-input').setInputFiles(gj.path);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-layer')).toHaveCount(1);
  await dialog.getByTestId('import-role-select').selectOption('communities');
  await dialog.getByTestId('import-mode-replace').check();
  await dialog.getByTestId('import-confirm').click();
  await page.getByTestId('import-report-close').click();
  const after = await storeView(page);
  expect(after.communities).toHaveLength(fc.features.length);
  for (const f of fc.features) {
    const c = after.communities.find((x) => x.properties.zone_id === f.properties?.zone_id);
    expect(c, `re-imported zone ${String(f.properties?.zone_id)}`).toBeDefined();
    expect(c!.properties).toEqual(f.properties);
    expect(c!.geometry).toEqual(f.geometry);
  }
});
