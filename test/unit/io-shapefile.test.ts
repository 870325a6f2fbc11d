import { describe, expect, it } from 'vitest';
import { parseCrs, positionFromWgs84 } from '../../src/io/crs';
import { importLayer } from '../../src/io/importLayer';
import { readLayers } from '../../src/io/read';
import { encodeGbk } from './helpers/gbk';
import { shapefileFiles, zipFiles } from './helpers/shpWriter';
import type { ShapefileSpec } from './helpers/shpWriter';

// ESRI WKT of EPSG:4548 as written by `gdalsrsinfo EPSG:4548 -o wkt_esri` (GDAL 3.6.2) — what ArcGIS puts in a .prj.
const PRJ_4548 = 'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

function meters(a: number[], b: number[]): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r, dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

// Three Nanchang communities, drawn in WGS84 and projected to GK CM 117E for the file.
const toGk = positionFromWgs84(parseCrs('EPSG:4548')!);
const NAMES = ['青山湖小区', '八一大道宿舍', '洪都新村'];
const CORNERS_WGS = [[115.8921, 28.6765], [115.9002, 28.6801], [115.8755, 28.6650]];
const square = (lon: number, lat: number): [number, number][] => {
  const d = 0.002;
  // Clockwise, as shapefiles store outer rings.
  return [[lon, lat], [lon, lat + d], [lon + d, lat + d], [lon + d, lat], [lon, lat]].map((p) => toGk(p) as [number, number]);
};

function spec(over: Partial<ShapefileSpec> = {}): ShapefileSpec {
  return {
    name: '老旧小区',
    geometries: CORNERS_WGS.map(([lon, lat]) => ({ type: 'Polygon', coordinates: [square(lon, lat)] })),
    fields: [{ name: '小区名称', type: 'C', length: 40 }, { name: '户数', type: 'N', length: 8 }, { name: '建成年代', type: 'N', length: 4 }],
    records: NAMES.map((n, i) => ({ 小区名称: n, 户数: 120 + i * 10, 建成年代: 1988 + i })),
    encoding: 'gbk',
    prj: PRJ_4548,
    cpg: 'GBK',
    ...over,
  };
}

async function importZip(s: ShapefileSpec, crs?: string) {
  const set = await readLayers('小区.zip', zipFiles(shapefileFiles(s)));
  expect(set.format).toBe('shapefile');
  expect(set.layers).toHaveLength(1);
  return importLayer(set.layers[0], crs ? { crs } : {});
}

describe('Shapefile in GBK with a CGCS2000 Gauss-Krüger .prj', () => {
  it('the test encoder really writes GBK (青 = C7 E0)', () => {
    expect([...encodeGbk('青')]).toEqual([0xc7, 0xe0]);
  });

  it('reads Chinese names and puts the corners within 1 m of where they were drawn', async () => {
    const out = await importZip(spec());
    expect(out.report.crs).toEqual({ label: 'CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4548)', source: 'file' });
    expect(out.features.map((f) => f.properties?.['小区名称'])).toEqual(NAMES);
    expect(out.features.map((f) => f.properties?.['户数'])).toEqual([120, 130, 140]);
    out.features.forEach((f, i) => {
      if (f.geometry.type !== 'Polygon') throw new Error(f.geometry.type);
      const ring = f.geometry.coordinates[0];
      // Rewound to counter-clockwise: the first corner is kept, the second is now the east one.
      expect(meters(ring[0], CORNERS_WGS[i])).toBeLessThan(1);
      expect(meters(ring[1], [CORNERS_WGS[i][0] + 0.002, CORNERS_WGS[i][1]])).toBeLessThan(1);
    });
    expect(out.report.featuresRead).toBe(3);
    expect(out.report.featuresKept).toBe(3);
    expect(out.report.skipped).toEqual([]);
    expect(out.report.changed.map((c) => c.message)).toEqual([0, 1, 2].map((i) => `Feature ${i}: rewound rings to RFC 7946 winding`));
  });

  it('decodes GBK without a .cpg (not valid UTF-8 → GBK) and says so', async () => {
    const out = await importZip(spec({ cpg: undefined }));
    expect(out.features.map((f) => f.properties?.['小区名称'])).toEqual(NAMES);
    expect(out.report.warnings.map((w) => w.message)).toContain('No .cpg file and the text is not valid UTF-8: decoded as GBK');
  });

  it('reads a UTF-8 .dbf with a UTF-8 .cpg (field names ≤ 10 bytes: 名称 is 6 in UTF-8)', async () => {
    const out = await importZip(spec({ encoding: 'utf-8', cpg: 'UTF-8', fields: [{ name: '名称', type: 'C', length: 40 }], records: NAMES.map((n) => ({ 名称: n })) }));
    expect(out.features.map((f) => f.properties)).toEqual(NAMES.map((n) => ({ 名称: n })));
  });

  it('accepts the code page number 936 in the .cpg', async () => {
    const out = await importZip(spec({ cpg: '936' }));
    expect(out.features[2].properties?.['小区名称']).toBe('洪都新村');
  });

  it('lets the user override the .prj (zone 39 with prefix = same place, shifted easting)', async () => {
    const prefixed = spec({
      prj: undefined,
      geometries: CORNERS_WGS.map(([lon, lat]) => ({ type: 'Polygon', coordinates: [square(lon, lat).map(([x, y]) => [x + 39e6, y] as [number, number])] })),
    });
    const out = await importZip(prefixed, 'EPSG:4527');
    expect(out.report.crs?.source).toBe('user');
    const g = out.features[0].geometry;
    if (g.type !== 'Polygon') throw new Error(g.type);
    expect(meters(g.coordinates[0][0], CORNERS_WGS[0])).toBeLessThan(1);
  });

  it('suggests the zone from the easting prefix when there is no .prj, and skips the unusable coordinates', async () => {
    const prefixed = spec({
      prj: undefined,
      geometries: CORNERS_WGS.map(([lon, lat]) => ({ type: 'Polygon', coordinates: [square(lon, lat).map(([x, y]) => [x + 39e6, y] as [number, number])] })),
    });
    const out = await importZip(prefixed);
    expect(out.hints.map((h) => h.suggested)).toEqual(['EPSG:4527']);
    expect(out.features).toHaveLength(0);
    expect(out.report.skipped).toHaveLength(3);
    expect(out.report.skipped[0].message).toMatch(/^Feature 0: coordinate out of range \[39\d+\.\d+, 317\d+\.\d+\]/);
  });

  it('skips deleted records and null shapes with a reason, keeping the rest', async () => {
    const s = spec();
    s.geometries[1] = null;
    const out = await importZip({ ...s, deleted: [2] });
    expect(out.features.map((f) => f.properties?.['小区名称'])).toEqual(['青山湖小区']);
    expect(out.report.skipped.map((i) => i.message)).toEqual(['Shape 2 is a null shape (no geometry)', 'Record 3 is marked deleted in the .dbf']);
  });

  it('reads point layers and every .shp of a zip as its own layer', async () => {
    const points: ShapefileSpec = {
      name: 'facilities', geometries: [{ type: 'Point', coordinates: [115.89, 28.67] }], fields: [{ name: 'name', type: 'C', length: 10 }, { name: 'type', type: 'C', length: 12 }],
      records: [{ name: 'A', type: 'clinic' }], encoding: 'utf-8',
    };
    const set = await readLayers('two.zip', zipFiles({ ...shapefileFiles(spec()), ...shapefileFiles(points) }));
    expect(set.layers.map((l) => [l.layerName, l.features.length])).toEqual([['facilities', 1], ['老旧小区', 3]]);
    expect(set.layers[0].features[0].geometry).toEqual({ type: 'Point', coordinates: [115.89, 28.67] });
    expect(set.layers[0].issues.map((i) => i.message)).toEqual(['facilities has no .prj: coordinate system unknown']);
  });
});
