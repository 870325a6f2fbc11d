import { expect, openApp, renderedFeatures, test } from './fixtures';
import { buildYearOf, readSampleLayer } from './sample-data';

const ROAD_LAYERS = ['roads-arterial', 'roads-secondary', 'roads-local', 'roads-alley', 'roads-footpath'];

test('loads the sample city and shows its figures in the data summary', async ({ page }) => {
  const communities = await readSampleLayer('communities');
  const facilities = await readSampleLayer('facilities');
  const oldCount = communities.filter((f) => (buildYearOf(f) ?? 9999) <= 2000).length;
  const households = communities.reduce((sum, f) => sum + (Number(f.properties?.households) || 0), 0);
  expect(communities.length).toBeGreaterThan(50);

  await openApp(page);
  await page.getByTestId('tab-summary').click();
  const num = async (id: string) => Number((await page.getByTestId(`${id}-value`).innerText()).replace(/[^\d.]/g, ''));
  expect(await num('summary-communities')).toBe(communities.length);
  expect(await num('summary-old-communities')).toBe(oldCount);
  expect(await num('summary-households')).toBe(households);
  expect(await num('summary-facilities')).toBe(facilities.length);
  expect(await num('summary-road-km')).toBeGreaterThan(1);
  // Every category row of the table shows the count found in the file.
  const marketCount = facilities.filter((f) => String(f.properties?.category).split(/[;,]/).includes('market')).length;
  await expect(page.getByTestId('summary-category-market').locator('td.num')).toHaveText(String(marketCount));
});

test('queryRenderedFeatures finds communities, facilities and roads from the sample files', async ({ page }) => {
  const communityIds = new Set((await readSampleLayer('communities')).map((f) => String(f.properties?.id)));
  const facilityIds = new Set((await readSampleLayer('facilities')).map((f) => String(f.properties?.id)));
  const roadFeatures = await readSampleLayer('roads');
  await openApp(page);

  const cs = await renderedFeatures(page, ['communities-fill']);
  const drawnCommunityIds = new Set(cs.map((f) => String(f.id)));
  // Fit to data: (nearly) every community is in view.
  expect(drawnCommunityIds.size).toBeGreaterThan(communityIds.size * 0.9);
  for (const id of drawnCommunityIds) expect(communityIds.has(id), `community ${id} is in the file`).toBe(true);

  const fs = await renderedFeatures(page, ['facilities-circle']);
  expect(new Set(fs.map((f) => String(f.id))).size).toBeGreaterThan(facilityIds.size * 0.9);
  for (const f of fs) expect(facilityIds.has(String(f.id))).toBe(true);

  const rs = await renderedFeatures(page, ROAD_LAYERS);
  const drawnRoadLayers = new Set(rs.map((f) => f.layer));
  const classesInFile = new Set(roadFeatures.map((f) => String(f.properties?.highway)));
  expect(rs.length).toBeGreaterThan(0);
  if (classesInFile.has('primary') || classesInFile.has('trunk')) expect(drawnRoadLayers.has('roads-arterial')).toBe(true);
  if (classesInFile.has('footway') || classesInFile.has('path')) expect(drawnRoadLayers.has('roads-footpath')).toBe(true);
  // Each road feature sits in the layer of its class.
  for (const r of rs) expect(r.layer).toBe(`roads-${String(r.properties.roadClass)}`);
});
