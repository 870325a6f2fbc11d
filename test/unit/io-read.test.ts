import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { readFlatGeobufInBbox } from '../../src/io/flatgeobufBbox';
import { importLayer } from '../../src/io/importLayer';
import { readFeatureFile, readFileSet, readLayers, sniffFormat } from '../../src/io/read';
import { formatReport } from '../../src/io/report';
import { shapefileFiles, zipFiles } from './helpers/shpWriter';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// 20 × 20 points 0.01° apart around Nanchang.
const grid: Feature[] = [];
for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) grid.push({ type: 'Feature', properties: { i, j }, geometry: { type: 'Point', coordinates: [115.7 + i * 0.01, 28.5 + j * 0.01] } });
const VIEW: [number, number, number, number] = [115.745, 28.545, 115.775, 28.565]; // i 5..7, j 5..6 → 3 × 2 points

describe('FlatGeobuf bbox read', () => {
  it('uses the spatial index: only the 6 points in the view, the other 394 counted', async () => {
    const r = await readFlatGeobufInBbox(writeFlatGeobuf(grid), 'big.fgb', { bbox: VIEW });
    expect(r.indexed).toBe(true);
    expect(r.featuresInFile).toBe(400);
    expect(r.crs).toBe('EPSG:4326');
    expect(r.features.map((f) => [f.properties?.i, f.properties?.j]).sort()).toEqual([[5, 5], [5, 6], [6, 5], [6, 6], [7, 5], [7, 6]]);
    expect(r.issues.map((i) => i.message)).toEqual(['394 features outside the requested bbox were not loaded (read through the spatial index)']);
  });

  it('streams and filters a file without index, with the same result', async () => {
    const r = await readFlatGeobufInBbox(writeFlatGeobuf(grid, { spatialIndex: false }), 'big.fgb', { bbox: VIEW });
    expect(r.indexed).toBe(false);
    expect(r.features.map((f) => [f.properties?.i, f.properties?.j]).sort()).toEqual([[5, 5], [5, 6], [6, 5], [6, 6], [7, 5], [7, 6]]);
    expect(r.issues.map((i) => i.message)).toEqual(['394 features outside the requested bbox were not loaded (file has no spatial index)']);
  });

  it('reads everything without a bbox, through readLayers', async () => {
    const set = await readLayers('big.fgb', writeFlatGeobuf(grid));
    expect(set.layers[0].features).toHaveLength(400);
    expect(set.layers[0].declaredCrs).toBe('EPSG:4326');
  });
});

describe('readLayers dispatch', () => {
  it.each([
    ['a.fgb', [0x66, 0x67, 0x62, 3], 'flatgeobuf'], ['noext', [0x66, 0x67, 0x62, 3], 'flatgeobuf'], ['x.zip', [0x50, 0x4b, 3, 4], 'shapefile'],
    ['download', [0x50, 0x4b, 3, 4], 'shapefile'], ['p.csv', [0x61], 'csv'], ['p.tsv', [0x61], 'csv'], ['city.osm', [0x3c], 'osm'],
    ['x.json', [...utf8('{"version":0.6,"elements":[]}')], 'osm'], ['x.json', [...utf8('{"type":"FeatureCollection","features":[]}')], 'geojson'],
    ['x.geojson', [...utf8('{}')], 'geojson'],
  ])('%s %j → %s', (name, bytes, format) => {
    expect(sniffFormat(name, new Uint8Array(bytes))).toBe(format);
  });

  it('splits an OSM file into communities, facilities and roads', async () => {
    const osm = `<?xml version="1.0" encoding="UTF-8"?><osm version="0.6">
      <node id="1" lat="28.670" lon="115.890"/><node id="2" lat="28.670" lon="115.892"/><node id="3" lat="28.672" lon="115.892"/><node id="4" lat="28.672" lon="115.890"/>
      <node id="5" lat="28.673" lon="115.889"/><node id="6" lat="28.673" lon="115.895"/>
      <node id="9" lat="28.671" lon="115.891"><tag k="amenity" v="clinic"/><tag k="name" v="社区卫生站"/></node>
      <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="landuse" v="residential"/><tag k="name" v="青山湖小区"/></way>
      <way id="11"><nd ref="5"/><nd ref="6"/><tag k="highway" v="residential"/></way>
    </osm>`;
    const set = await readLayers('town.osm', utf8(osm));
    expect(set.format).toBe('osm');
    expect(set.layers.map((l) => [l.layerName, l.features.length, l.declaredCrs])).toEqual([['communities', 1, 'EPSG:4326'], ['facilities', 1, 'EPSG:4326'], ['roads', 1, 'EPSG:4326']]);
    expect(set.layers[0].features[0].properties?.name).toBe('青山湖小区');
  });

  it('readFeatureFile returns the first layer of a two-layer zip and names the other', async () => {
    const layer = (name: string) => shapefileFiles({ name, encoding: 'utf-8', geometries: [{ type: 'Point', coordinates: [115.89, 28.67] }], fields: [{ name: 'n', type: 'C', length: 4 }], records: [{ n: name }] });
    const r = await readFeatureFile('two.zip', zipFiles({ ...layer('a'), ...layer('b') }));
    expect(r.features.map((f) => f.properties)).toEqual([{ n: 'a' }]);
    expect(r.issues.map((i) => i.message)).toContain('File holds 2 layers; read a, not b');
  });

  it('takes the old GeoJSON crs member as the declared CRS and converts with it', async () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4548' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [391709.361033976, 3173917.2636377] } }] };
    const out = importLayer((await readLayers('gk.geojson', utf8(JSON.stringify(fc)))).layers[0]);
    expect(out.report.crs).toEqual({ label: 'CGCS2000 / 3° Gauss-Krüger CM 117E (EPSG:4548)', source: 'file' });
    const [lon, lat] = (out.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(115.8921, 7);
    expect(lat).toBeCloseTo(28.6765, 7);
  });

  it('the user CRS wins over the declared one; an unknown user CRS is reported', async () => {
    const set = await readLayers('p.csv', utf8('lng,lat\n115.89694560555293,28.673131325666937\n'));
    const gcj = importLayer(set.layers[0], { crs: 'gcj02' });
    const [lon, lat] = (gcj.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(Math.abs(lon - 115.8921) * 97_700).toBeLessThan(1);
    expect(Math.abs(lat - 28.6765) * 111_000).toBeLessThan(1);
    const bad = importLayer(set.layers[0], { crs: 'mars' });
    expect(bad.report.skipped.map((i) => i.message)).toEqual([]);
    expect(bad.report.warnings.map((i) => i.message)).toEqual(['Unknown coordinate system "mars"; read as WGS84']);
  });
});

describe('formatReport', () => {
  it('groups identical messages, in Chinese and English', async () => {
    const csv = 'name,lon,lat,户数\nA,115.89,28.67,12\nB,x,28.67,1\nC,y,28.67,2\nD,115.9,28.68,多\n';
    const out = importLayer((await readLayers('poi.csv', utf8(csv))).layers[0], { numericFields: ['户数'] });
    expect(formatReport(out.report, 'en')).toBe([
      'Import report: poi.csv / poi (csv)',
      'Coordinate system: WGS84 (EPSG:4326) (default)',
      '4 features read, 2 kept; 0 repaired, 2 skipped, 1 notes',
      'Skipped:',
      '  - lon "x" is not a number — Line 3 (1)',
      '  - lon "y" is not a number — Line 4 (1)',
      'Notes:',
      '  - field 户数 is not a number — Line 5 (1)',
    ].join('\n'));
    expect(formatReport(out.report, 'zh-CN').split('\n').slice(0, 3)).toEqual([
      '导入报告: poi.csv / poi (csv)',
      '坐标系: WGS84 (EPSG:4326) (默认)',
      '读取 4 个要素，保留 2 个；修复 0 个，跳过 2 个，提示 1 条',
    ]);
  });

  it('lists where a repeated repair happened, ten places at most', async () => {
    const cw = (i: number) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[i, 0], [i, 1], [i + 1, 1], [i, 0]]] } });
    const out = importLayer((await readLayers('cw.geojson', utf8(JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 12 }, (_, i) => cw(i)) })))).layers[0]);
    expect(out.report.changed).toHaveLength(12);
    expect(formatReport(out.report, 'en')).toContain('  - rewound rings to RFC 7946 winding — Feature 0, Feature 1, Feature 2, Feature 3, Feature 4, Feature 5, Feature 6, Feature 7, Feature 8, Feature 9 and 2 more (12)');
  });
});

describe('readFileSet (several files dropped at once)', () => {
  it('reads loose .shp/.dbf/.prj/.cpg as one layer and a GeoJSON beside them on its own', async () => {
    const files = shapefileFiles({ name: 'XQ', encoding: 'gbk', cpg: 'GBK', geometries: [{ type: 'Point', coordinates: [115.89, 28.67] }], fields: [{ name: '名称', type: 'C', length: 20 }], records: [{ 名称: '青山湖小区' }] });
    const dropped = [
      ...Object.entries(files).map(([name, bytes]) => ({ name: name.replace('.dbf', '.DBF'), bytes })),
      { name: 'roads.geojson', bytes: utf8('{"type":"FeatureCollection","features":[]}') },
    ];
    const sets = await readFileSet(dropped);
    expect(sets.map((s) => [s.fileName, s.format, s.layers.map((l) => l.features.length)])).toEqual([['XQ.shp', 'shapefile', [1]], ['roads.geojson', 'geojson', [0]]]);
    expect(sets[0].layers[0].features[0].properties).toEqual({ 名称: '青山湖小区' });
  });

  it('reports a lone .prj instead of ignoring it', async () => {
    const sets = await readFileSet([{ name: 'a.prj', bytes: utf8('GEOGCS["x"]') }]);
    expect(sets[0].layers[0].issues.map((i) => i.message)).toEqual(['The dropped files contain no .shp file (found: a.prj)']);
  });
});
