/**
 * Round trip per format read: file → readLayers/importLayer → write GeoJSON and FlatGeobuf with the existing
 * writers → read again → the same geometry (exactly) and the same properties.
 */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { writeGeoJSON } from '../../src/io/geojson';
import { importLayer } from '../../src/io/importLayer';
import { readLayers } from '../../src/io/read';
import { shapefileFiles, zipFiles } from './helpers/shpWriter';

async function importFile(name: string, bytes: Uint8Array): Promise<Feature[]> {
  const set = await readLayers(name, bytes);
  expect(set.layers).toHaveLength(1);
  const out = importLayer(set.layers[0]);
  expect(out.report.skipped).toEqual([]);
  return out.features;
}

const strip = (fs: Feature[]): unknown[] => fs.map((f) => ({ geometry: f.geometry, properties: f.properties }));

async function expectRoundTrip(name: string, bytes: Uint8Array, expectedCount: number): Promise<Feature[]> {
  const first = await importFile(name, bytes);
  expect(first).toHaveLength(expectedCount);
  const viaGeoJson = await importFile('again.geojson', new TextEncoder().encode(writeGeoJSON(first)));
  expect(strip(viaGeoJson)).toEqual(strip(first));
  const viaFgb = await importFile('again.fgb', writeFlatGeobuf(first, { spatialIndex: false }));
  expect(strip(viaFgb)).toEqual(strip(first));
  return first;
}

const ccwSquare = (lon: number, lat: number): number[][] => [[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]];

describe('round trip', () => {
  it('GeoJSON (polygons with Chinese, numeric and boolean properties)', async () => {
    const fc = { type: 'FeatureCollection', features: [0, 1, 2].map((i) => ({ type: 'Feature', properties: { 小区名称: `小区${i}`, 户数: 100 + i, 意愿: 0.5 + i / 10, 历史建筑: i === 1 }, geometry: { type: 'Polygon', coordinates: [ccwSquare(115.89 + i / 100, 28.67)] } })) };
    const fs = await expectRoundTrip('a.geojson', new TextEncoder().encode(JSON.stringify(fc)), 3);
    expect(fs[1].properties).toEqual({ 小区名称: '小区1', 户数: 101, 意愿: 0.6, 历史建筑: true });
  });

  it('newline-delimited GeoJSON (lines)', async () => {
    const lines = [0, 1].map((i) => JSON.stringify({ type: 'Feature', properties: { highway: 'residential', name: `路${i}` }, geometry: { type: 'LineString', coordinates: [[115.89, 28.67 + i / 100], [115.9, 28.67 + i / 100]] } }));
    await expectRoundTrip('roads.geojsonl', new TextEncoder().encode(lines.join('\n')), 2);
  });

  it('FlatGeobuf (points, with and without spatial index)', async () => {
    const fs: Feature[] = [0, 1, 2, 3].map((i) => ({ type: 'Feature', properties: { name: `设施${i}`, category: 'clinic', beds: i * 2 }, geometry: { type: 'Point', coordinates: [115.89 + i / 1000, 28.67] } }));
    await expectRoundTrip('p.fgb', writeFlatGeobuf(fs, { spatialIndex: false }), 4);
    const indexed = await importFile('i.fgb', writeFlatGeobuf(fs));
    // Indexed files are stored in Hilbert order: compare as sets keyed by name.
    const byName = (a: Feature[]) => Object.fromEntries(a.map((f) => [String(f.properties?.name), f.geometry]));
    expect(byName(indexed)).toEqual(byName(fs));
  });

  it('Shapefile zip (GBK polygons in WGS84)', async () => {
    const zip = zipFiles(shapefileFiles({
      name: 'xq', encoding: 'gbk', cpg: 'GBK',
      prj: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      geometries: [0, 1].map((i) => ({ type: 'Polygon', coordinates: [ccwSquare(115.89 + i / 100, 28.67).reverse() as [number, number][]] })),
      fields: [{ name: '名称', type: 'C', length: 20 }, { name: '户数', type: 'N', length: 6 }],
      records: [{ 名称: '青山湖小区', 户数: 320 }, { 名称: '洪都新村', 户数: 1204 }],
    }));
    const fs = await expectRoundTrip('xq.zip', zip, 2);
    expect(fs.map((f) => f.properties)).toEqual([{ 名称: '青山湖小区', 户数: 320 }, { 名称: '洪都新村', 户数: 1204 }]);
    expect(fs[0].geometry).toEqual({ type: 'Polygon', coordinates: [ccwSquare(115.89, 28.67)] });
  });

  it('CSV with longitude/latitude columns (codes with leading zeros stay text)', async () => {
    const csv = '编号,名称,经度,纬度,类别\n001,社区食堂,115.89,28.67,助餐\n002,卫生站,115.9,28.68,卫生\n';
    const fs = await expectRoundTrip('poi.csv', new TextEncoder().encode(csv), 2);
    expect(fs[0].properties).toEqual({ 编号: '001', 名称: '社区食堂', 经度: 115.89, 纬度: 28.67, 类别: '助餐' });
  });

  it('CSV with a WKT column', async () => {
    const csv = 'id;wkt\n1;POLYGON((115.89 28.67, 115.9 28.67, 115.9 28.68, 115.89 28.67))\n2;POLYGON((115.91 28.67, 115.92 28.67, 115.92 28.68, 115.91 28.67))\n';
    const fs = await expectRoundTrip('w.csv', new TextEncoder().encode(csv), 2);
    expect(fs[1].geometry).toEqual({ type: 'Polygon', coordinates: [[[115.91, 28.67], [115.92, 28.67], [115.92, 28.68], [115.91, 28.67]]] });
  });
});
