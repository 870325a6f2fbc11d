/**
 * Every file of the bad-file corpus goes through the real import (readLayers → importLayer); each case states
 * the exact report lines and the counts read/kept, and checks that what was kept is intact.
 */
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { BAD_FILES } from '../fixtures/bad/corpus';
import { importLayer } from '../../src/io/importLayer';
import type { ImportedLayer } from '../../src/io/importLayer';
import { readLayers } from '../../src/io/read';

interface Expect {
  read: number;
  kept: number;
  skipped?: (string | RegExp)[];
  changed?: (string | RegExp)[];
  warnings?: (string | RegExp)[];
  check?: (features: Feature[], out: ImportedLayer) => void;
}

const NO_PRJ = 'poi has no .prj: coordinate system unknown';
const EXPECT: Record<string, Expect> = {
  'broken.geojson': { read: 0, kept: 0, skipped: [/^Not valid JSON: .*position 82/] },
  'empty-file.geojson': { read: 0, kept: 0, skipped: [/^Not valid JSON: Unexpected end of JSON input/] },
  'html-page.geojson': { read: 2, kept: 0, skipped: ['Line 1 is not valid JSON', 'Line 2 is not valid JSON'] },
  'not-geojson.json': { read: 0, kept: 0, skipped: ['Not GeoJSON: expected a FeatureCollection, Feature or geometry object'] },
  'empty.geojson': { read: 0, kept: 0, warnings: ['The file holds no features'] },
  'bom.geojson': { read: 1, kept: 1, check: (fs) => expect(fs[0].properties).toEqual({ 名称: '卫生站' }) },
  'seq-bad-line.geojsonl': { read: 3, kept: 2, skipped: ['Line 2 is not valid JSON'], check: (fs) => expect(fs.map((f) => f.geometry)).toEqual([{ type: 'Point', coordinates: [115.89, 28.67] }, { type: 'Point', coordinates: [115.9, 28.68] }]) },
  'no-geometry.geojson': { read: 4, kept: 1, skipped: ['Feature 0 has no geometry', 'Feature 1: empty geometry', 'Feature 2: empty geometry'] },
  'self-intersecting.geojson': {
    read: 1, kept: 1,
    changed: [/^Feature 0: split a self-intersecting polygon at 1 crossing\(s\) into 2 parts and merged them \(54\d{4} m²\)$/],
    check: (fs) => {
      const g = fs[0].geometry;
      expect(g.type).toBe('MultiPolygon');
      if (g.type !== 'MultiPolygon') return;
      expect(g.coordinates).toHaveLength(2);
      expect(g.coordinates.map((p) => p[0].length)).toEqual([4, 4]); // two triangles meeting at the crossing
      expect(fs[0].properties).toEqual({ 名称: '蝴蝶小区' });
    },
  },
  'unclosed-ring.geojson': {
    read: 1, kept: 1, changed: ['Feature 0: closed unclosed rings', 'Feature 0: rewound rings to RFC 7946 winding'],
    check: (fs) => { const g = fs[0].geometry; if (g.type !== 'Polygon') throw new Error(g.type); expect(g.coordinates[0]).toHaveLength(5); expect(g.coordinates[0][4]).toEqual(g.coordinates[0][0]); },
  },
  'short-ring.geojson': { read: 2, kept: 1, skipped: ['Feature 1: polygon ring has 3 positions, at least 4 needed'], changed: ['Feature 0: removed duplicate consecutive points'] },
  'clockwise.geojson': { read: 1, kept: 1, changed: ['Feature 0: rewound rings to RFC 7946 winding (2)'] },
  'nan-coords.geojson': { read: 3, kept: 1, skipped: ['Feature 0: non-numeric coordinate [null, 28.67]', 'Feature 1: non-numeric coordinate ["NaN", 28.68]'] },
  'out-of-range.geojson': {
    read: 10, kept: 8,
    skipped: ['Feature 0: coordinate out of range [200, 28.67] (longitude ±180, latitude ±90): wrong coordinate system?', 'Feature 1: coordinate out of range [115.89, 95] (longitude ±180, latitude ±90): wrong coordinate system?'],
    warnings: ['Coordinate system: 2 of 10 coordinates are outside longitude ±180 / latitude ±90'],
  },
  'huge-numbers.geojson': {
    read: 2, kept: 1,
    skipped: ['Feature 1: coordinate out of range [1e+308, 28.67] (longitude ±180, latitude ±90): wrong coordinate system?'],
    warnings: ['Coordinate system: 1 of 2 coordinates are outside longitude ±180 / latitude ±90', 'Feature 0: field 户数 holds a number too large to represent (Infinity); exports will write null', 'Feature 0: field 编号 holds an integer beyond 2^53; its last digits may be lost'],
  },
  'mixed-geometry.geojson': { read: 4, kept: 4, warnings: ['Mixed geometry types: LineString 1, Point 2, Polygon 1; assign each part to a layer role (communities need polygons, facilities points, roads lines)'] },
  'html-in-properties.geojson': {
    read: 1, kept: 1,
    warnings: ['Feature 0: field 名称 contains HTML/script markup; kept verbatim as text', 'Feature 0: field note contains HTML/script markup; kept verbatim as text', 'Feature 0: field link contains HTML/script markup; kept verbatim as text'],
    check: (fs) => expect(fs[0].properties).toEqual({ 名称: '<img src=x onerror=alert(1)>', note: '<script>alert("x")</script>', link: 'javascript:alert(1)', safe: '1 < 2 > 0' }),
  },
  'gbk.geojson': { read: 1, kept: 1, warnings: ['File is not valid UTF-8 (RFC 8259 requires it): decoded as GBK'], check: (fs) => expect(fs[0].properties).toEqual({ 名称: '青山湖卫生服务站' }) },
  'truncated.fgb': {
    read: 10, kept: 5, skipped: [/^FlatGeobuf is truncated or corrupt after feature 5; 5 of 10 features not read \(/],
    check: (fs) => expect(fs.map((f) => f.properties?.name)).toEqual(['设施0', '设施1', '设施2', '设施3', '设施4']),
  },
  'garbage.fgb': { read: 0, kept: 0, skipped: ['Not a readable FlatGeobuf file: header claims 2147483647 bytes but the file has 15'] },
  'no-shp.zip': { read: 0, kept: 0, skipped: ['Zip contains no .shp file (found: poi.dbf, readme.txt)'] },
  'not-a-zip.zip': { read: 0, kept: 0, skipped: ['Not a readable zip file: invalid zip data'] },
  'shp-truncated.zip': {
    read: 3, kept: 2, skipped: ['Record 3 has no shape: poi.shp holds 2 shapes for 3 .dbf records (truncated)'],
    warnings: [NO_PRJ, 'No .cpg file and the text is not valid UTF-8: decoded as GBK'],
    check: (fs) => expect(fs.map((f) => f.properties?.name)).toEqual(['卫生站', '幼儿园']),
  },
  'shp-no-dbf.zip': { read: 3, kept: 3, warnings: [NO_PRJ, 'poi has no .dbf: features have no attributes'], check: (fs) => expect(fs.map((f) => f.properties)).toEqual([{}, {}, {}]) },
  'shp-wrong-cpg.zip': {
    read: 3, kept: 3, warnings: [NO_PRJ, ...[0, 1, 2].map((i) => `Feature ${i}: field name contains undecodable characters (U+FFFD): wrong encoding?`)],
  },
  'bad-rows.csv': {
    read: 6, kept: 3,
    skipped: ['Line 3: 经度 "东经115度" is not a number', 'Line 4: 经度 is empty', 'Line 7: 纬度 is missing (row has 2 fields, header has 4)'],
    warnings: ['Line 8: 5 fields, header has 4'],
    check: (fs) => {
      expect(fs.map((f) => f.properties?.['名称'])).toEqual(['卫生站', '多行\n名称', '超市']);
      expect(fs[2].properties).toEqual({ 名称: '超市', 经度: 115.92, 纬度: 28.69, 户数: 8, field_5: '多余' });
    },
  },
  'no-coordinates.csv': { read: 2, kept: 0, skipped: ['No coordinate columns: expected longitude (lon/lng/longitude/x/经度) and latitude (lat/latitude/y/纬度) columns or a WKT column; found 名称, 地址; 2 rows not imported'] },
  'gbk.csv': { read: 1, kept: 1, warnings: ['File is not valid UTF-8: decoded as GBK'], check: (fs) => expect(fs[0].properties).toEqual({ 名称: '社区食堂', lng: 115.89, lat: 28.67 }) },
  'bom-tab.tsv': { read: 1, kept: 1, check: (fs) => { expect(fs[0].properties).toEqual({ lon: 115.89, lat: 28.67, name: 'A' }); expect(fs[0].geometry).toEqual({ type: 'Point', coordinates: [115.89, 28.67] }); } },
  'bad-wkt.csv': {
    read: 4, kept: 2, skipped: ['Line 3: wkt is not valid WKT (expected "(" at character 9)', 'Line 4: wkt is empty'],
    warnings: ['Mixed geometry types: Point 1, Polygon 1; assign each part to a layer role (communities need polygons, facilities points, roads lines)'],
  },
};

const matches = (actual: string[], expected: (string | RegExp)[] = []): void => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => (e instanceof RegExp ? expect(actual[i]).toMatch(e) : expect(actual[i]).toEqual(e)));
};

describe('bad-file corpus', () => {
  it('has at least 20 files, each with expectations', () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(20);
    expect(BAD_FILES.map((b) => b.file).sort()).toEqual(Object.keys(EXPECT).sort());
  });

  it.each(BAD_FILES.map((b) => [b.file, b] as const))('%s', async (file, b) => {
    const set = await readLayers(file, b.bytes());
    expect(set.layers).toHaveLength(1);
    const out = importLayer(set.layers[0]);
    const e = EXPECT[file];
    const r = out.report;
    matches(r.skipped.map((i) => i.message), e.skipped);
    matches(r.changed.map((i) => i.message), e.changed);
    matches(r.warnings.map((i) => i.message), e.warnings);
    expect([r.featuresRead, r.featuresKept]).toEqual([e.read, e.kept]);
    expect(out.features).toHaveLength(e.kept);
    e.check?.(out.features, out);
  });
});
