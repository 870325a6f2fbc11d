/**
 * Import issues carry a code and params: every code has a zh-CN and an en text with the same placeholders as
 * its template, the English message is still the text it was before codes existed, and the UI's translation
 * of the code says the same in English and something else in Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { InputIssue } from '../../src/core/types';
import { resources } from '../../src/i18n';
import { readCsv } from '../../src/io/csv';
import { toCommunities } from '../../src/io/domain';
import { readGeoJSON } from '../../src/io/geojson';
import { detectCrsHints } from '../../src/io/crs/hints';
import { codeOfText, issue, issueText } from '../../src/io/issue';
import type { IssueCode } from '../../src/io/issueTemplates';
import { GEOMETRY_REASON_CODES, GEOMETRY_REPAIR_CODES, ISSUE_TEMPLATES, NESTED_REASON_CODES } from '../../src/io/issueTemplates';
import { readOsm } from '../../src/io/osm';
import { validateFeatures } from '../../src/io/validate';
import { checkGeometryThorough } from '../../src/io/validate/geometry';
import { renameIssues } from '../../src/store/importMerge';
import { issueReason } from '../../src/ui/import/issueReason';

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
const zh = resources['zh-CN'].translation.issues as Record<string, string>;
const en = resources.en.translation.issues as Record<string, string>;
const codes = Object.keys(ISSUE_TEMPLATES) as IssueCode[];

function translator(lng: 'zh-CN' | 'en') {
  const inst = i18next.createInstance();
  void inst.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  // What the import report shows (ui/import/issueReason.ts).
  return (i: InputIssue): string => issueReason(inst.t, i);
}
const tEn = translator('en');
const tZh = translator('zh-CN');
const LABEL = /^(?:Feature|Line) \d+: /;

/** Asserts the issue's English message, and that the UI's English equals it (without the label) and its Chinese differs. */
function expectIssue(i: InputIssue | undefined, code: IssueCode, message: string): void {
  expect(i?.code).toBe(code);
  expect(i?.message).toBe(message);
  expect(tEn(i!)).toBe(message.replace(LABEL, ''));
  expect(tZh(i!)).toMatch(/[\u4e00-\u9fff]/);
  expect(tZh(i!)).not.toBe(tEn(i!));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'crs' ? [] : sourceFiles(p);
    return /\.ts$/.test(n) && !n.endsWith('.test.ts') && n !== 'testFixtures.ts' ? [p] : [];
  });
}

describe('issue codes and their translations', () => {
  it('every code has a zh-CN and an en text with exactly the placeholders of its template', () => {
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      const want = placeholders(ISSUE_TEMPLATES[code]);
      expect(typeof zh[code], code).toBe('string');
      expect(typeof en[code], code).toBe('string');
      expect(placeholders(zh[code]), code).toEqual(want);
      expect(placeholders(en[code]), code).toEqual(want);
      expect(zh[code], code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(zh).sort()).toEqual([...codes].sort());
  });

  it('every code named in src/io and src/store is in the table, and every table code is used', () => {
    const files = [...sourceFiles('src/io'), ...sourceFiles('src/store')];
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const named = new Set([...text.matchAll(/'([a-z][A-Za-z0-9]+)'/g)].map((m) => m[1]).filter((w) => w in ISSUE_TEMPLATES));
    // The codes validate.ts finds by matching texts of validate/*, and the generated "…Counted" forms.
    const matched = new Set<string>([...GEOMETRY_REASON_CODES, ...GEOMETRY_REPAIR_CODES, ...NESTED_REASON_CODES, 'propFieldNameUndecodable', 'propValueUndecodable', 'propMarkup', 'propNumberTooLarge', 'propUnsafeInteger', 'propMissing', 'propNotNumber']);
    expect(codes.filter((c) => !named.has(c) && !matched.has(c))).toEqual([]);
    // No issue is built with a bare message any more (io/crs's hints travel inside crsHint as nested reasons).
    const bare = files.filter((f) => /action: '(?:skipped|repaired|kept)'[^}\n]*message: [`']/.test(readFileSync(f, 'utf8')));
    expect(bare).toEqual([]);
  });
});

describe('English messages are the texts they were before codes', () => {
  it('GeoJSON and CSV readers', () => {
    expectIssue(readGeoJSON('{"type":"Foo"}', 'a.geojson').issues[0], 'geojsonNotGeojson', 'Not GeoJSON: expected a FeatureCollection, Feature or geometry object');
    const csv = readCsv('name,lon,lat\nA,116.1,39.9\nB,116.2,abc\nC,116.3\n', 'pts.csv');
    expectIssue(csv.issues.find((i) => i.field === 'lat' && i.featureIndex === 1), 'csvNotNumber', 'Line 3: lat "abc" is not a number');
    expectIssue(csv.issues.find((i) => i.featureIndex === 2), 'csvCellMissing', 'Line 4: lat is missing (row has 2 fields, header has 3)');
    expect(tZh(csv.issues.find((i) => i.featureIndex === 1)!)).toBe('lat“abc”不是数字');
  });

  it('validation: a skipped ring, a counted repair and a missing field', () => {
    const features: Feature[] = [
      { type: 'Feature', properties: { 户数: 10 }, geometry: { type: 'Polygon', coordinates: [[[116, 39], [116.001, 39], [116, 39]]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[116, 39], [116, 39], [116.001, 39], [116.001, 39], [116.001, 39]] } },
    ];
    const r = validateFeatures(features, { fileName: 'v.geojson', requiredFields: ['户数'] });
    expectIssue(r.issues.find((i) => i.featureIndex === 0), 'geomRingTooShort', 'Feature 0: polygon ring has 3 positions, at least 4 needed');
    expectIssue(r.issues.find((i) => i.featureIndex === 1 && i.action === 'repaired'), 'geomRepairDuplicatePointsCounted', 'Feature 1: removed duplicate consecutive points (3)');
    expectIssue(r.issues.find((i) => i.featureIndex === 1 && i.action === 'kept'), 'propMissing', 'Feature 1: field 户数 is missing');
    expect(tZh(r.issues.find((i) => i.featureIndex === 1 && i.action === 'repaired')!)).toBe('删除了连续重复的点（3 处）');
    const multi = validateFeatures([{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [
      [[[116, 39], [116.001, 39], [116, 39]]], [[[116, 39], [116.001, 39], [116.001, 39.001], [116, 39]]]] } }], { fileName: 'm.geojson' });
    const dropped = multi.issues.find((i) => i.action === 'repaired');
    expectIssue(dropped, 'geomRepairDroppedPolygonParts', 'Feature 0: dropped invalid polygon parts (polygon ring has 3 positions, at least 4 needed)');
    expect(tZh(dropped!)).toBe('删除了无效的多边形部分（多边形的环只有 3 个点，至少需要 4 个）');
  });

  it('domain mapping, OSM and renamed ids', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[116, 39], [116.001, 39], [116.001, 39.001], [116, 39]]] };
    const m = toCommunities([{ type: 'Feature', properties: { name: 'A', build_year: 'abc' }, geometry: square }], 'c.geojson');
    expectIssue(m.issues[0], 'buildYearNotNumber', 'build year "abc" is not a number; left empty');
    const osm = readOsm('<osm version="0.6"><node id="1" lat="39" lon="116"/><node id="2" lat="39" lon="116.001"/><node id="3" lat="39.001" lon="116"/>'
      + '<way id="7"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="landuse" v="residential"/><tag k="name" v="X"/></way></osm>', 'o.osm');
    expectIssue(osm.communities.issues[0], 'osmWayNotClosed', 'way/7 landuse=residential "X" is not closed');
    const rel = readOsm('<osm version="0.6"><relation id="5"><member type="way" ref="99" role="outer"/><tag k="type" v="multipolygon"/><tag k="landuse" v="residential"/></relation></osm>', 'r.osm');
    const incomplete = rel.communities.issues.find((i) => i.featureId === 'relation/5');
    expectIssue(incomplete, 'osmRelationIncomplete', 'relation/5 landuse=residential is incomplete: member way/99 is missing from the file');
    // The quoted reason is translated too.
    expect(tZh(incomplete!)).toBe('relation/5 landuse=residential 不完整：成员 way/99 不在文件中');
    expectIssue(renameIssues([{ index: 0, from: 'F1', to: 'F1-2' }], 'f.geojson', 'facility')[0], 'idRenamedFacility', 'id "F1" is already used by a loaded facility; renamed to "F1-2"');
  });

  it('every text validate/geometry.ts builds finds its code and renders back unchanged', () => {
    const cases: Feature['geometry'][] = [
      { type: 'Point', coordinates: [200, 39] },
      { type: 'Point', coordinates: [Number.NaN, 39] },
      { type: 'LineString', coordinates: [[116, 39], [116, 39]] },
      { type: 'MultiLineString', coordinates: [] },
      { type: 'Polygon', coordinates: [[[116, 39], [116.001, 39], [116.001, 39.001], [116, 39.001], [116, 39]]] }, // clockwise, rewound
      { type: 'Polygon', coordinates: [[[116, 39], [116.002, 39.002], [116.002, 39], [116, 39.002]]] }, // unclosed bow-tie
      { type: 'Polygon', coordinates: [[[116, 39], [116.001, 39], [116.002, 39], [116, 39]]] }, // zero area
      { type: 'MultiPolygon', coordinates: [[[[116, 39], [116.001, 39], [116, 39]]], [[[116, 39], [116.001, 39], [116.001, 39.001], [116, 39]]]] },
    ];
    const texts = cases.flatMap((g) => {
      const r = checkGeometryThorough({ type: 'Feature', properties: {}, geometry: g });
      return [...r.repairs, ...(r.reason ? [r.reason] : [])];
    });
    expect(texts.length).toBeGreaterThanOrEqual(8);
    for (const text of texts) {
      const found = codeOfText(text, [...GEOMETRY_REASON_CODES, ...GEOMETRY_REPAIR_CODES]);
      expect(found, text).not.toBeNull();
      expect(issueText(found!.code, found!.params)).toBe(text);
    }
    expect(codeOfText('something no template says', GEOMETRY_REASON_CODES)).toBeNull();
  });
});

describe('coordinate-system hints inside crsHint', () => {
  const pointsAt = (coords: number[][]): Feature[] => coords.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }));

  it('keep their English text and are translated as a nested reason', () => {
    const web = detectCrsHints(pointsAt([[12958000, 4852000], [12959000, 4853000]]));
    expect(web[0].message).toBe('Coordinates look like Web Mercator metres (EPSG:3857)');
    const webIssue = issue('crsHint', { reason: web[0].message }, { severity: 'warning', file: 'w.geojson', action: 'kept' });
    expect(webIssue.message).toBe('Coordinate system: Coordinates look like Web Mercator metres (EPSG:3857)');
    expect(tEn(webIssue)).toBe(webIssue.message);
    expect(tZh(webIssue)).toBe('坐标系：坐标像是 Web 墨卡托米制坐标（EPSG:3857）');

    const zone = detectCrsHints(pointsAt([[39500000, 3300000], [39501000, 3301000]]));
    expect(zone[0].message).toBe(`Projected coordinates with zone number 39 in the easting: CGCS2000 Gauss-Krüger ${zone[0].suggested}?`);
    const zoneIssue = issue('crsHint', { reason: zone[0].message }, { severity: 'warning', file: 'z.geojson', action: 'kept' });
    expect(tZh(zoneIssue)).toBe(`坐标系：投影坐标，东坐标带有带号 39：是否为 CGCS2000 高斯-克吕格 ${zone[0].suggested}？`);

    const range = detectCrsHints(pointsAt([[116, 39], [116.1, 39.1], [116.2, 39.2], [200, 39]]));
    expect(range[0].message).toBe('1 of 4 coordinates are outside longitude ±180 / latitude ±90');
    expect(tZh(issue('crsHint', { reason: range[0].message }, { severity: 'warning', file: 'r.geojson', action: 'kept' })))
      .toBe('坐标系：4 个坐标中有 1 个超出经度 ±180 / 纬度 ±90 的范围');
  });

  it('the street-offset hint round-trips through its code, the system named twice', () => {
    const text = issueText('crsHintOffset', { asRead: 512, crs: 'GCJ-02 (Amap/Tencent)', shifted: 6, closer: 97 });
    expect(text).toBe('Points sit a median 512 m from the streets; read as GCJ-02 (Amap/Tencent) they sit 6 m away (97% of points closer): convert from GCJ-02 (Amap/Tencent)?');
    expect(codeOfText(text, NESTED_REASON_CODES)).toEqual({ code: 'crsHintOffset', params: { asRead: 512, crs: 'GCJ-02 (Amap/Tencent)', shifted: 6, closer: 97 } });
    expect(tZh(issue('crsHint', { reason: text }, { severity: 'warning', file: 'f.geojson', action: 'kept' })))
      .toBe('坐标系：点位距街道的中位距离为 512 米；按 GCJ-02 (Amap/Tencent) 读取则为 6 米（97% 的点更近）：是否从 GCJ-02 (Amap/Tencent) 转换？');
  });
});
