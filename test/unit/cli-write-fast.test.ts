/**
 * The CLI's fast writers (text straight from the result arrays, FlatGeobuf records from a reused buffer) must
 * give exactly the bytes of the object way they replaced: communityResultFeatures + writeGeoJSON,
 * featureTable + toCsv, gapRows + toCsv, writeFlatGeobuf of the polygon features, and the npm package's
 * buildFeature. Checked on a seeded town with awkward inputs (nulls, nested objects, Chinese text, CSV
 * separators, NaN/Infinity, skipped features, a result column already in the input, GCJ-02 output).
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import type { IProperties } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { describe, expect, it } from 'vitest';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import type { AccessibilityResult } from '../../src/core/coverage';
import { listGaps } from '../../src/core/coverage';
import type { Community, InputIssue } from '../../src/core/types';
import { GCJ02, fromWgs84, positionFromWgs84 } from '../../src/io/crs';
import { mapGeometry } from '../../src/io/crs/transform';
import { toCsv } from '../../src/io/csvWrite';
import { CommunityFrames, writeCommunitiesCsv, writeCommunitiesGeoJSON } from '../../src/io/export/communitiesText';
import { communitiesFlatGeobuf } from '../../src/io/export/communitiesFgb';
import type { CommunityResultInput } from '../../src/io/export/communityResults';
import { communityResultFeatures, resultColumnKinds, resultColumns } from '../../src/io/export/communityResults';
import { COLUMN_TYPE, coerce, inferColumns } from '../../src/io/export/flatgeobuf/columns';
import { FeatureEncoder, flattenGeometry } from '../../src/io/export/flatgeobuf/featureEncoder';
import { GAP_COLUMNS, gapRows } from '../../src/io/export/gaps';
import { writeZonesCsv, zoneRows } from '../../src/io/export/zones';
import { streamGeoJSON } from '../../src/io/geojsonWrite';
import { writeGapsCsv } from '../../src/io/export/gapsCsv';
import { ResultCells } from '../../src/io/export/resultCells';
import { featureTable } from '../../src/io/export/table';
import { collectText } from '../../src/io/export/byteChunks';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { writeGeoJSON } from '../../src/io/geojson';
import { mulberry32 } from '../fixtures/network/prng';

const settings = defaultAnalysisSettings();
const categoryIds = settings.categories.map((c) => c.id);

const AWKWARD_TEXT = ['幸福里小区', 'a,b', 'say "hi"', 'two\nlines', ' leading', 'trailing ', 'x\r\ny', '', '007', '"', 'tab\there', '😀 emoji', 'é'];

function square(rand: () => number): Polygon {
  const x = 116 + rand() * 0.1;
  const y = 28 + rand() * 0.1;
  const d = 0.0005 + rand() * 0.001;
  const ring = [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
  // Every fifth one has a hole: ends are written then.
  if (rand() < 0.2) return { type: 'Polygon', coordinates: [ring, [[x + d / 4, y + d / 4], [x + d / 2, y + d / 4], [x + d / 2, y + d / 2], [x + d / 4, y + d / 4]]] };
  return { type: 'Polygon', coordinates: [ring] };
}

function awkwardProperties(rand: () => number, i: number): Record<string, unknown> | null {
  if (i % 17 === 5) return null;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const props: Record<string, unknown> = { id: i % 13 === 0 ? i : `C${i}`, name: pick(AWKWARD_TEXT) };
  if (rand() < 0.7) props.build_year = 1950 + Math.floor(rand() * 60);
  if (rand() < 0.5) props.households = rand() < 0.2 ? null : Math.floor(rand() * 3000);
  if (rand() < 0.3) props.ratio = pick([0.25, NaN, Infinity, -Infinity, 1e21, -0, 3]);
  if (rand() < 0.2) props.nested = { a: [1, 'x,y'], b: null, c: { d: '引号"' } };
  if (rand() < 0.2) props.tags = ['a', 'b'];
  if (rand() < 0.2) props.flag = rand() < 0.5;
  if (rand() < 0.1) props.big = 2 ** 40 + i;
  if (rand() < 0.1) props.mixed = rand() < 0.5 ? 5 : 'five';
  if (i > 150 && rand() < 0.3) props[`late_${i % 3}`] = pick(AWKWARD_TEXT);
  if (rand() < 0.05) props['42'] = 'integer-like key';
  if (rand() < 0.05) props.undef = undefined;
  return props;
}

function community(i: number, f: Feature, geometry: Polygon | MultiPolygon, rand: () => number): Community {
  const p = f.properties ?? {};
  return {
    id: String(p.id ?? `f${i}`), name: typeof p.name === 'string' ? p.name : `小区${i}`, geometry, buildYear: 1990,
    households: rand() < 0.1 ? null : Math.floor(rand() * 2000), residents: null, buildings: null, district: null, subdistrict: null,
    propertyManagement: null, willingness: null, renovation: 'none', renovatedYear: null, demolitionPlanned: false, shantyTown: false,
    historic: false, properties: {},
  };
}

interface Town { input: CommunityResultInput; withoutZoning: CommunityResultInput }

function seededTown(seed: number, n = 240, extra: (features: Feature[]) => void = () => {}): Town {
  const rand = mulberry32(seed);
  const sourceFeatures: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const geometry: Geometry | null = i % 23 === 7 ? null : i % 11 === 3 ? { type: 'MultiPolygon', coordinates: [square(rand).coordinates, square(rand).coordinates] } : square(rand);
    const f: Feature = { type: 'Feature', geometry: geometry as Geometry, properties: awkwardProperties(rand, i) };
    if (i % 3 === 0) f.id = i % 2 ? i : `feat-${i}`;
    sourceFeatures.push(f);
  }
  extra(sourceFeatures);
  const sourceIndex: number[] = [];
  const communities: Community[] = [];
  const issues: InputIssue[] = [];
  sourceFeatures.forEach((f, src) => {
    if (!f.geometry || src % 19 === 4) {
      if (src % 2) issues.push({ severity: 'error', file: 'c.geojson', featureIndex: src, action: 'skipped', message: f.geometry ? 'no build year, "建成年代"' : 'no geometry' });
      return;
    }
    sourceIndex.push(src);
    // Mapped geometry: usually the same object, sometimes a repaired copy.
    const g = f.geometry as Polygon | MultiPolygon;
    communities.push(community(src, f, src % 5 === 0 ? JSON.parse(JSON.stringify(g)) as Polygon | MultiPolygon : g, rand));
  });
  const nCat = categoryIds.length;
  const m = communities.length;
  const walkMeters = new Float64Array(m * nCat);
  const covered = new Uint8Array(m * nCat);
  for (let i = 0; i < m * nCat; i++) {
    const r = rand();
    walkMeters[i] = r < 0.25 ? NaN : r < 0.3 ? Infinity : r < 0.32 ? 0 : rand() * 3000 + rand() * 1e-6;
    covered[i] = Number.isFinite(walkMeters[i]) && walkMeters[i] < 1000 ? 1 : 0;
  }
  const offNetwork = new Uint8Array(m).map(() => (rand() < 0.08 ? 1 : 0));
  const score = new Float64Array(m).map((_, i) => (offNetwork[i] ? NaN : rand()));
  const result = {
    mode: 'network', categoryIds, communityIds: communities.map((c) => c.id), walkMeters, covered, score,
    communitySnap: { offNetwork },
  } as unknown as AccessibilityResult;
  const reasonsPool = [['built_after_2000'], ['historic', 'demolition_planned'], ['a,b'], []];
  const eligible = new Uint8Array(m).map(() => (rand() < 0.6 ? 1 : 0));
  const zoning = {
    eligible,
    reasons: communities.map((_, i) => (eligible[i] ? [] : reasonsPool[i % reasonsPool.length])),
    zoneIdOf: communities.map((_, i) => (eligible[i] ? `Z${String(i % 7).padStart(5, '0')}` : null)),
  };
  const input: CommunityResultInput = { sourceFeatures, communities, sourceIndex, result, issues, zoning };
  return { input, withoutZoning: { ...input, zoning: undefined } };
}

const gcjGeometry = (g: Geometry): Geometry => mapGeometry(g, positionFromWgs84(GCJ02));

describe('fast community writers equal the feature-object way', () => {
  for (const seed of [1, 2, 3]) {
    const town = seededTown(seed);
    for (const [label, input] of [['with zoning', town.input], ['without zoning', town.withoutZoning]] as const) {
      it(`communities.geojson, seed ${seed}, ${label}`, () => {
        const expected = writeGeoJSON(communityResultFeatures(input));
        const got = collectText((out) => writeCommunitiesGeoJSON(input, new ResultCells(input), out));
        expect(got).toBe(expected);
        // Sanity: it is the real thing, with every feature and the rounded walks.
        const parsed = JSON.parse(got) as { features: Feature[] };
        expect(parsed.features).toHaveLength(input.sourceFeatures.length);
      });

      it(`communities.geojson around frames made beforehand, in slices, seed ${seed}, ${label}`, () => {
        const expected = writeGeoJSON(communityResultFeatures(input));
        const cells = new ResultCells(input);
        const frames = new CommunityFrames(input, cells.rows, cells.columns);
        expect(frames.renderNext(7)).toBe(false);
        expect(frames.renderNext(100)).toBe(false);
        expect(collectText((out) => writeCommunitiesGeoJSON(input, cells, out, {}, frames))).toBe(expected);
        // GCJ-02 output: frames made with the same mapping.
        const extra = { coordinate_system: GCJ02.label };
        const gcjFrames = new CommunityFrames(input, cells.rows, cells.columns, gcjGeometry);
        gcjFrames.renderNext(input.sourceFeatures.length);
        expect(collectText((out) => writeCommunitiesGeoJSON(input, cells, out, { extra, mapGeometry: gcjGeometry }, gcjFrames))).toBe(writeGeoJSON(fromWgs84(communityResultFeatures(input), GCJ02), extra));
      });

      it(`communities.csv, seed ${seed}, ${label}`, () => {
        const table = featureTable(communityResultFeatures(input), resultColumns(categoryIds));
        const expected = toCsv(table.rows, table.columns);
        expect(collectText((out) => writeCommunitiesCsv(input, new ResultCells(input), out))).toBe(expected);
      });

      it(`communities.fgb, seed ${seed}, ${label}`, () => {
        const polygons = communityResultFeatures(input).filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
        const expected = writeFlatGeobuf(polygons, { layerName: 'communities', columnKinds: resultColumnKinds(categoryIds), crs: 'EPSG:4326' });
        const got = communitiesFlatGeobuf(input, { layerName: 'communities', crs: 'EPSG:4326' });
        expect(Buffer.from(got).equals(Buffer.from(expected))).toBe(true);
      });
    }

    it(`gaps.csv, seed ${seed}, with and without the shared walk text`, () => {
      const { input } = town;
      const gaps = listGaps(input.result, input.communities, settings);
      expect(gaps.length).toBeGreaterThan(100);
      const expected = toCsv(gapRows(gaps, input.communities, settings.categories), GAP_COLUMNS);
      expect(collectText((out) => writeGapsCsv(gaps, input.communities, settings.categories, out))).toBe(expected);
      const shared = { result: input.result, cells: new ResultCells(input) };
      expect(collectText((out) => writeGapsCsv(gaps, input.communities, settings.categories, out, shared))).toBe(expected);
    });
  }

  it('GCJ-02 output: shifted geometry and the coordinate_system member, as fromWgs84 + writeGeoJSON', () => {
    const { input } = seededTown(4);
    const extra = { coordinate_system: GCJ02.label };
    const expected = writeGeoJSON(fromWgs84(communityResultFeatures(input), GCJ02), extra);
    const got = collectText((out) => writeCommunitiesGeoJSON(input, new ResultCells(input), out, { extra, mapGeometry: gcjGeometry }));
    expect(got).toBe(expected);
    expect(got).toContain('"coordinate_system":"GCJ-02 (Amap/Tencent)"');
    const polygons = fromWgs84(communityResultFeatures(input), GCJ02).filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
    const fgbExpected = writeFlatGeobuf(polygons, { layerName: 'communities', columnKinds: resultColumnKinds(categoryIds), crs: { name: GCJ02.label } });
    const fgbGot = communitiesFlatGeobuf(input, { layerName: 'communities', crs: { name: GCJ02.label }, mapGeometry: gcjGeometry });
    expect(Buffer.from(fgbGot).equals(Buffer.from(fgbExpected))).toBe(true);
  });

  it('an input that already has result columns (an earlier output read back) keeps their places with the new values', () => {
    const { input } = seededTown(5, 60, (features) => {
      features[2].properties = { coverage_score: 'old', id: 'C2', walk_m_market: 1 };
      features[9].properties = { name: 'x', eligible: 'yes' };
    });
    const features = communityResultFeatures(input);
    const geojson = collectText((out) => writeCommunitiesGeoJSON(input, new ResultCells(input), out));
    expect(geojson).toBe(writeGeoJSON(features));
    const cells = new ResultCells(input);
    expect(collectText((out) => writeCommunitiesGeoJSON(input, cells, out, {}, new CommunityFrames(input, cells.rows, cells.columns)))).toBe(geojson);
    expect(Object.keys(features[2].properties!).slice(0, 3)).toEqual(['coverage_score', 'id', 'walk_m_market']);
    const table = featureTable(features, resultColumns(categoryIds));
    expect(collectText((out) => writeCommunitiesCsv(input, new ResultCells(input), out))).toBe(toCsv(table.rows, table.columns));
    const polygons = features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
    const expected = writeFlatGeobuf(polygons, { layerName: 'communities', columnKinds: resultColumnKinds(categoryIds) });
    expect(Buffer.from(communitiesFlatGeobuf(input, { layerName: 'communities' })).equals(Buffer.from(expected))).toBe(true);
  });

  it('writes rounded walks (0.1 m), null beyond the bound, and the skipped note from the importer', () => {
    const { input } = seededTown(6, 40);
    const parsed = JSON.parse(collectText((out) => writeCommunitiesGeoJSON(input, new ResultCells(input), out))) as { features: Feature[] };
    const row = 0;
    const src = input.sourceIndex[row];
    const w = input.result.walkMeters[row * categoryIds.length];
    expect(parsed.features[src].properties![`walk_m_${categoryIds[0]}`]).toBe(Number.isFinite(w) ? Math.round(w * 10) / 10 : null);
    const skipped = input.issues[0].featureIndex!;
    expect(parsed.features[skipped].properties!.analysis_note).toBe(`not analysed: ${input.issues[0].message}`);
    expect(parsed.features[skipped].properties!.excluded_reason).toBe('not_analysed');
  });
});

describe('zone writers equal the object way', () => {
  const rand = mulberry32(11);
  const zones: Feature[] = Array.from({ length: 50 }, (_, i) => ({
    type: 'Feature',
    geometry: square(rand),
    properties: {
      zone_id: `Z${i}`, zone_name: i % 4 ? `东湖街道区块${i}` : 'a, "b"', source: 'auto', community_ids: i % 5 ? [`C${i}`, `C${i + 1}`] : [],
      communities: 2, households: i % 7 ? 1200 + i : null, residents: 0, area_sqm: 6714.5, zone_area_sqm: i % 3 ? null : 1.5,
      build_year_min: 1990, build_year_max: 1999, willingness_mean: i % 2 ? 0.4567 : null, pm_professional: 0, pm_self: 1, pm_none: 0,
      pm_unknown: 1, categories_missing: i % 6 ? ['market', 'elderly_care'] : [], households_in_gaps: NaN,
    },
  }));

  it('zones.csv: arrays joined by ";", quoting and empty cells as toCsv(zoneRows(…))', () => {
    const table = zoneRows(zones);
    const got = collectText((out) => writeZonesCsv(zones, out));
    expect(got).toBe(toCsv(table.rows, table.columns));
    expect(got.split('\r\n')[1]).toBe('Z0,"a, ""b""",auto,,2,,0,6714.5,1.5,1990,1999,,0,1,0,1,,');
  });

  it('zones.geojson: streamed feature by feature, the same bytes as writeGeoJSON (with and without extra members)', () => {
    expect(collectText((out) => streamGeoJSON(zones, out))).toBe(writeGeoJSON(zones));
    expect(collectText((out) => streamGeoJSON(zones, out, { coordinate_system: GCJ02.label }))).toBe(writeGeoJSON(zones, { coordinate_system: GCJ02.label }));
    expect(collectText((out) => streamGeoJSON([], out))).toBe('{"type":"FeatureCollection","features":[]}');
  });
});

describe('FeatureEncoder equals the flatgeobuf package buildFeature', () => {
  const columns = [
    { name: 'i', kind: 'Int' as const }, { name: 'l', kind: 'Long' as const }, { name: 'r', kind: 'Real' as const },
    { name: 's', kind: 'String' as const }, { name: 'b', kind: 'Boolean' as const }, { name: 'j', kind: 'Json' as const },
  ];
  const meta = { geometryType: 0, columns: columns.map((c) => ({ name: c.name, type: COLUMN_TYPE[c.kind], title: null, description: null, width: -1, precision: -1, scale: -1, nullable: true, unique: false, primary_key: false })), envelope: null, featuresCount: 0, indexNodeSize: 16, crs: null, title: null, description: null, metadata: null } as HeaderMeta;

  it('for points, lines, polygons with holes, multipolygons and every column type (one encoder reused)', () => {
    const rand = mulberry32(7);
    const encoder = new FeatureEncoder();
    const pos = (): number[] => [100 + rand(), 20 + rand()];
    const ring = (k: number): number[][] => Array.from({ length: k }, pos);
    const geometries: Geometry[] = [
      { type: 'Point', coordinates: pos() },
      { type: 'MultiPoint', coordinates: ring(3) },
      { type: 'LineString', coordinates: ring(7) },
      { type: 'MultiLineString', coordinates: [ring(2), ring(5)] },
      { type: 'MultiLineString', coordinates: [ring(4)] },
      { type: 'Polygon', coordinates: [ring(5)] },
      { type: 'Polygon', coordinates: [ring(40), ring(4), ring(6)] },
      { type: 'Polygon', coordinates: [] },
      { type: 'MultiPolygon', coordinates: [[ring(5)], [ring(6), ring(4)], [ring(300)]] },
    ];
    const values = [null, 0, -7, 2147483647, 'text', '中文,"q"', '', true, false, 2 ** 40, 0.5, { a: [1, '二'] }, [1, 2]];
    let compared = 0;
    for (let rep = 0; rep < 30; rep++) {
      for (const g of geometries) {
        const props: IProperties = {};
        encoder.startProperties();
        columns.forEach((c, k) => {
          const v = coerce(values[Math.floor(rand() * values.length)], c.kind);
          props[c.name] = v as IProperties[string];
          if (v !== null) encoder.property(k, COLUMN_TYPE[c.kind], v);
        });
        const flat = flattenGeometry(g);
        expect(flat).not.toBeNull();
        const expected = buildFeature(parseGeometry(g as Parameters<typeof parseGeometry>[0]), props, meta);
        expect(Buffer.from(encoder.finishFeature(flat!)).equals(Buffer.from(expected))).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(270);
  });

  it('leaves 3D positions and collections to the package (flattenGeometry gives null)', () => {
    expect(flattenGeometry({ type: 'Point', coordinates: [1, 2, 3] })).toBeNull();
    expect(flattenGeometry({ type: 'Polygon', coordinates: [[[1, 2, 5], [2, 2, 5], [1, 3, 5], [1, 2, 5]]] })).toBeNull();
    expect(flattenGeometry({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });

  it('writeFlatGeobuf with 3D features (package path) still infers and writes them', () => {
    const features: Feature[] = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [116, 39, 12] }, properties: { n: 1 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [116.1, 39.1] }, properties: { n: 2.5 } },
    ];
    expect(inferColumns(features)).toEqual([{ name: 'n', kind: 'Real' }]);
    expect(writeFlatGeobuf(features).length).toBeGreaterThan(100);
  });
});
