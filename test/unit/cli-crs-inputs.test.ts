/**
 * Issue-6 CLI items not covered by cli-crs.test.ts: BD-09 facilities, Gauss-Krüger roads by flag, a Shapefile's
 * .prj (used when no flag; the flag wins over it) and --formats choosing the files. Projected coordinates come from
 * an independent transverse Mercator (helpers/tmerc.ts), so a wrong proj4 definition would show.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import type { AnalyzeOutputs } from '../../src/cli/analyze';
import { BD09, fromWgs84 } from '../../src/io/crs';
import { shapefileFiles, zipFiles } from './helpers/shpWriter';
import { tmercForward } from './helpers/tmerc';
import { townCommunities, townFacilities, townRoads } from '../fixtures/cli/town';

const FIX = join(__dirname, '../fixtures/cli');
const files = { communities: join(FIX, 'town-communities.geojson'), facilities: join(FIX, 'town-facilities.geojson'), roads: join(FIX, 'town-roads.geojson') };
const tmp = (): string => mkdtempSync(join(tmpdir(), 'cli-crs-in-'));

/** ESRI WKT of CGCS2000 3° GK with the given central meridian (EPSG:4548 = 117E, EPSG:4549 = 120E). */
const prjGk = (cm: number): string => `PROJCS["CGCS2000_3_Degree_GK_CM_${cm}E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const gk117 = (p: Position): [number, number] => tmercForward(p[0], p[1], 117, 500000);

/** Walk columns of the analysed communities, by id. */
function walks(out: AnalyzeOutputs): Record<string, Record<string, number | null>> {
  return Object.fromEntries(out.communityFeatures.filter((f) => f.properties!.coverage_score !== null).map((f) => [
    f.properties!.id, Object.fromEntries(Object.entries(f.properties!).filter(([k]) => k.startsWith('walk_m_'))),
  ])) as Record<string, Record<string, number | null>>;
}

/** Same walks within 1 m; returns how many finite values were compared. */
function expectSameWalks(a: AnalyzeOutputs, b: AnalyzeOutputs): number {
  const wa = walks(a), wb = walks(b);
  expect(Object.keys(wa).sort()).toEqual(Object.keys(wb).sort());
  let n = 0;
  for (const [id, row] of Object.entries(wa)) {
    for (const [k, v] of Object.entries(row)) {
      if (v === null) { expect(wb[id][k], `${id} ${k}`).toBeNull(); continue; }
      expect(Math.abs(v - (wb[id][k] as number)), `${id} ${k}`).toBeLessThanOrEqual(1);
      n++;
    }
  }
  return n;
}

/** The town's polygon communities as a zipped Shapefile in GK CM 117E, with the given .prj (or none). */
function communitiesZip(dir: string, prj: string | undefined): string {
  const polys = townCommunities().features.filter((f): f is Feature<Polygon> => f.geometry.type === 'Polygon');
  const zip = zipFiles(shapefileFiles({
    name: 'communities',
    // Shapefile outer rings are clockwise: reverse the GeoJSON (counter-clockwise) ring.
    geometries: polys.map((f) => ({ type: 'Polygon', coordinates: [[...f.geometry.coordinates[0]].reverse().map(gk117)] })),
    fields: [{ name: 'id', type: 'C', length: 10 }, { name: '户数', type: 'N', length: 8 }],
    records: polys.map((f) => ({ id: f.properties!.id as string, 户数: Number(f.properties!['户数'] ?? f.properties!.households) })),
    encoding: 'utf-8', cpg: 'UTF-8', prj,
  }));
  const path = join(dir, `communities-${prj ? 'prj' : 'noprj'}.zip`);
  writeFileSync(path, zip);
  return path;
}

describe('coordinate systems per input (issue 6)', () => {
  let wgs: AnalyzeOutputs;
  beforeAll(async () => { wgs = await runAnalyze({ ...files, out: tmp() }); });

  it('--crs-facilities bd09 reads Baidu coordinates (walks within 1 m of the WGS84 run)', async () => {
    const dir = tmp();
    const f = join(dir, 'f-bd09.geojson');
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: fromWgs84(townFacilities().features, BD09) }));
    const out = await runAnalyze({ ...files, facilities: f, crsFacilities: 'bd09', out: join(dir, 'out') });
    expect(out.summary.inputs.facilities.crs).toEqual({ label: 'BD-09 (Baidu)', source: 'flag' });
    expect(expectSameWalks(out, wgs)).toBe(9);
  });

  it('--crs-roads EPSG:4548 reads Gauss-Krüger road lines', async () => {
    const dir = tmp();
    const roads = townRoads();
    const projected: FeatureCollection = { ...roads, features: roads.features.map((f) => ({ ...f, geometry: { type: 'LineString', coordinates: (f.geometry as LineString).coordinates.map(gk117) } })) };
    expect((projected.features[0].geometry as LineString).coordinates[0][0]).toBeGreaterThan(400000); // metres, not degrees
    const r = join(dir, 'roads-gk.geojson');
    writeFileSync(r, JSON.stringify(projected));
    const out = await runAnalyze({ ...files, roads: r, crsRoads: 'EPSG:4548', out: join(dir, 'out') });
    expect(out.summary.inputs.roads!.crs).toEqual({ label: 'CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4548)', source: 'flag' });
    expect(out.summary.network).toMatchObject({ nodes: 6, edges: 5, components: 1 });
    expect(out.summary.network!.walkableKm).toBeCloseTo(wgs.summary.network!.walkableKm, 2);
    expect(expectSameWalks(out, wgs)).toBe(9);
  });

  it('uses a Shapefile .prj when no flag is given', async () => {
    const dir = tmp();
    const out = await runAnalyze({ ...files, communities: communitiesZip(dir, prjGk(117)), out: join(dir, 'out') });
    expect(out.summary.inputs.communities).toMatchObject({ format: 'shapefile', crs: { label: 'CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4548)', source: 'file' }, read: 4, used: 4 });
    expect(expectSameWalks(out, wgs)).toBe(9);
  });

  it('the flag wins over a wrong .prj', async () => {
    const dir = tmp();
    const wrong = communitiesZip(dir, prjGk(120)); // says CM 120E: read as such, the squares land ~250 km east
    const trusted = await runAnalyze({ ...files, communities: wrong, out: join(dir, 'a') });
    expect(trusted.summary.inputs.communities.crs.source).toBe('file');
    expect(trusted.communities[0].geometry.coordinates[0][0][0]).toBeGreaterThan(118);
    expect(trusted.summary.communities.offNetwork).toBe(4);
    const flagged = await runAnalyze({ ...files, communities: wrong, crsCommunities: 'EPSG:4548', out: join(dir, 'b') });
    expect(flagged.summary.inputs.communities.crs).toEqual({ label: 'CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4548)', source: 'flag' });
    expect(expectSameWalks(flagged, wgs)).toBe(9);
  });
});

describe('--formats chooses the files (summary.json always)', () => {
  const names = (out: AnalyzeOutputs): string[] => out.files.map((f) => f.slice(out.outDir.length + 1));
  it('csv only, fgb only, all three', async () => {
    expect(names(await runAnalyze({ ...files, out: tmp(), formats: ['csv'] }))).toEqual(['gaps.csv', 'communities.csv', 'zones.csv', 'summary.json']);
    expect(names(await runAnalyze({ ...files, out: tmp(), formats: ['fgb'] }))).toEqual(['communities.fgb', 'zones.fgb', 'summary.json']);
    expect(names(await runAnalyze({ ...files, out: tmp(), formats: ['geojson', 'fgb', 'csv'] }))).toEqual([
      'communities.geojson', 'zones.geojson', 'gaps.csv', 'communities.csv', 'zones.csv', 'communities.fgb', 'zones.fgb', 'summary.json',
    ]);
  });
});
