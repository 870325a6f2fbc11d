import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import reference from '../fixtures/crs/gdal-gk-reference.json';
import { BD09, GCJ02, fromWgs84, parseCrs, positionFromWgs84, positionToWgs84, toWgs84 } from '../../src/io/crs';
import { tmercForward } from './helpers/tmerc';

/** Great-circle distance in metres (haversine, mean earth radius). */
function meters(a: number[], b: number[]): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r, dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

// Published test vectors of the GCJ-02 / BD-09 algorithms: googollee/eviltransform (python/test.py), MIT.
const WGS_GCJ = [
  { name: 'shanghai', wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] },
  { name: 'shenzhen', wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] },
  { name: 'beijing', wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] },
];
// BD-09 ↔ GCJ-02 reference values published with wandergis/coordtransform (test/app.js, MIT), Tiananmen.
// (eviltransform's BD-09 vectors come from Baidu's online API, which differs from the formula by up to 40 m.)
const BD_GCJ = [
  { bd: [116.404, 39.915], gcj: [116.39762729119315, 39.90865673957631] },
  { bd: [116.41036949371029, 39.92133699351021], gcj: [116.404, 39.915] },
];

describe('GCJ-02 and BD-09', () => {
  it.each(WGS_GCJ)('WGS84 → GCJ-02 matches the published value in $name (< 0.05 m)', ({ wgs, gcj }) => {
    expect(meters(positionFromWgs84(GCJ02)(wgs), gcj)).toBeLessThan(0.05);
  });
  it.each(WGS_GCJ)('GCJ-02 → WGS84 recovers the point in $name within 1 m', ({ wgs, gcj }) => {
    expect(meters(positionToWgs84(GCJ02)(gcj), wgs)).toBeLessThan(1);
  });
  it.each(BD_GCJ)('BD-09 → WGS84 → GCJ-02 matches the published BD-09 → GCJ-02 value within 1 m', ({ bd, gcj }) => {
    const wgs = positionToWgs84(BD09)(bd);
    expect(meters(positionFromWgs84(GCJ02)(wgs), gcj)).toBeLessThan(1);
    expect(meters(positionFromWgs84(BD09)(wgs), bd)).toBeLessThan(1);
  });
  it('round trips in Nanchang within 1 m, and the GCJ-02 offset there is 300–700 m', () => {
    const nanchang = [115.8921, 28.6765];
    const gcj = positionFromWgs84(GCJ02)(nanchang);
    const bd = positionFromWgs84(BD09)(nanchang);
    const offset = meters(nanchang, gcj);
    expect(offset).toBeGreaterThan(300);
    expect(offset).toBeLessThan(700);
    expect(meters(positionToWgs84(GCJ02)(gcj), nanchang)).toBeLessThan(1);
    expect(meters(positionToWgs84(BD09)(bd), nanchang)).toBeLessThan(1);
    // Baidu adds roughly another kilometre on top of GCJ-02.
    expect(meters(nanchang, bd)).toBeGreaterThan(800);
  });
  it('converts every geometry type and keeps properties and ids', () => {
    const ring = [[115.89, 28.67], [115.9, 28.67], [115.9, 28.68], [115.89, 28.67]];
    const fs: Feature[] = [
      { type: 'Feature', id: 7, properties: { 名称: '青山湖小区' }, geometry: { type: 'Polygon', coordinates: [ring] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [ring.slice(0, 2), ring.slice(1, 3)] } },
      { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [115.9, 28.7, 12] }] } },
    ];
    const back = toWgs84(fromWgs84(fs, GCJ02), GCJ02);
    expect(back[0].id).toBe(7);
    expect(back[0].properties).toEqual({ 名称: '青山湖小区' });
    const g0 = back[0].geometry;
    if (g0.type !== 'Polygon') throw new Error('type changed');
    g0.coordinates[0].forEach((p, i) => expect(meters(p, ring[i])).toBeLessThan(1));
    const g2 = back[2].geometry;
    if (g2.type !== 'GeometryCollection' || g2.geometries[0].type !== 'Point') throw new Error('type changed');
    expect(g2.geometries[0].coordinates[2]).toBe(12);
    expect(meters(g2.geometries[0].coordinates, [115.9, 28.7])).toBeLessThan(1);
  });
});

describe('CGCS2000 Gauss-Krüger', () => {
  it.each(reference.points)('EPSG:$epsg matches GDAL/PROJ within 1 mm', ({ epsg, lon, lat, x, y }) => {
    const crs = parseCrs(`EPSG:${epsg}`);
    if (!crs) throw new Error(`EPSG:${epsg} unknown`);
    const [e, n] = positionFromWgs84(crs)([lon, lat]);
    expect(Math.abs(e - x)).toBeLessThan(0.001);
    expect(Math.abs(n - y)).toBeLessThan(0.001);
    const [lon2, lat2] = positionToWgs84(crs)([x, y]);
    expect(meters([lon2, lat2], [lon, lat])).toBeLessThan(0.001);
  });
  it('agrees with an independent Krüger-series implementation in Nanchang (EPSG:4548, CM 117E)', () => {
    const crs = parseCrs('EPSG:4548');
    if (!crs) throw new Error('unknown');
    const [e, n] = positionFromWgs84(crs)([115.8921, 28.6765]);
    const [ke, kn] = tmercForward(115.8921, 28.6765, 117, 500000);
    expect(Math.abs(e - ke)).toBeLessThan(0.001);
    expect(Math.abs(n - kn)).toBeLessThan(0.001);
    // gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4548 (GDAL 3.6.2): 391709.361033976 3173917.2636377
    expect(e).toBeCloseTo(391709.361, 2);
    expect(n).toBeCloseTo(3173917.264, 2);
  });
  it('names the zone in its label and knows EPSG:4490', () => {
    expect(parseCrs('EPSG:4548')?.label).toBe('CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4548)');
    expect(parseCrs('4527')?.label).toBe('CGCS2000 / 3° Gauss-Krüger zone 39 (EPSG:4527)');
    expect(parseCrs('EPSG:4499')?.label).toBe('CGCS2000 / 6° Gauss-Krüger zone 21 (EPSG:4499)');
    const geo = parseCrs('EPSG:4490');
    if (!geo) throw new Error('unknown');
    expect(meters(positionToWgs84(geo)([115.8921, 28.6765]), [115.8921, 28.6765])).toBeLessThan(0.01);
  });
});

describe('parseCrs', () => {
  const esri4548 = 'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
  it.each([
    ['gcj02', 'gcj02'], ['GCJ-02', 'gcj02'], ['高德', 'gcj02'], ['bd09', 'bd09'], ['Baidu', 'bd09'], ['WGS84', 'wgs84'], ['EPSG:4326', 'wgs84'],
  ])('%s → %s', (input, kind) => {
    expect(parseCrs(input)?.kind).toBe(kind);
  });
  it('reads ESRI and OGC .prj text of the GK systems as the EPSG code', () => {
    expect(parseCrs(esri4548)).toMatchObject({ kind: 'proj4', code: 'EPSG:4548' });
    expect(parseCrs(esri4548.replace('CM_117E', 'Zone_39').replace('500000.0', '39500000.0'))).toMatchObject({ code: 'EPSG:4527' });
    expect(parseCrs('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')?.kind).toBe('wgs84');
  });
  it('falls back to proj4 for a .prj it has no name for (UTM 50N) and transforms with it', () => {
    const utm = 'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const crs = parseCrs(utm);
    expect(crs).toMatchObject({ kind: 'proj4', code: null, label: 'WGS_1984_UTM_Zone_50N', projected: true });
    if (!crs) throw new Error('unknown');
    // UTM 50N = 0.9996 × the GK CM 117E coordinates around the false easting.
    const [e, n] = positionFromWgs84(crs)([115.8921, 28.6765]);
    expect(e).toBeCloseTo(500000 + (391709.361033976 - 500000) * 0.9996, 1);
    expect(n).toBeCloseTo(3173917.2636377 * 0.9996, 1);
  });
  it('returns null for names it does not know', () => {
    expect(parseCrs('EPSG:999999')).toBeNull();
    expect(parseCrs('mars')).toBeNull();
  });
});
