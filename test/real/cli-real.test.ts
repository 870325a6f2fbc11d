/**
 * The analyze pipeline on every real OSM extract in ../shared/data/real (read in place), with communities,
 * facilities and roads all taken from the one .osm file. Layer counts are checked against an independent
 * count made here with a DOM parser (not the importer's scanner); distances get sanity checks that hold for
 * any correct engine: walking is never shorter than the straight line, and most items reach the network.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { area as turfArea, booleanPointInPolygon, booleanValid } from '@turf/turf';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import type { AnalyzeOutputs } from '../../src/cli/analyze';
import { categoriesForOsmTags, DEFAULT_CATEGORIES } from '../../src/core/config/categories';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility } from '../../src/core/coverage';
import { representativePoint } from '../../src/core/geo';
import { toFacilities, toRoads } from '../../src/io/domain';
import { readOsm } from '../../src/io/osm';

const ROOT = resolve(__dirname, '../..');
const DATA = resolve(ROOT, '../shared/data/real');

function osmFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? osmFiles(p) : name.endsWith('.osm') ? [p] : [];
  }).sort();
}

// ---- independent counting, straight from the XML DOM ----------------------------------------------
interface Counts { communities: number; facilitiesByCategory: Map<string, number>; facilities: number; roadLines: number; walkableRoadLines: number }

const NOT_WALKABLE = new Set(['motorway', 'motorway_link', 'trunk_link', 'construction', 'proposed', 'platform', 'raceway', 'bus_guideway', 'abandoned', 'disused']);

function countIndependently(xml: string): Counts {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const els = (parent: { getElementsByTagName(n: string): ArrayLike<XmlElement> }, tag: string): XmlElement[] => Array.from(parent.getElementsByTagName(tag));
  const tagsOf = (el: XmlElement): Record<string, string> => Object.fromEntries(els(el, 'tag').map((t) => [t.getAttribute('k')!, t.getAttribute('v') ?? '']));
  const nodeIds = new Set(els(doc, 'node').filter((n) => n.getAttribute('lat') !== null).map((n) => n.getAttribute('id')!));
  const ways = new Map(els(doc, 'way').map((w) => [w.getAttribute('id')!, { refs: els(w, 'nd').map((nd) => nd.getAttribute('ref')!), tags: tagsOf(w) }]));
  const residential = (t: Record<string, string>): boolean => t.landuse === 'residential' || (t.residential !== undefined && t.residential !== 'no' && t.building === undefined);
  const complete = (refs: string[]): boolean => refs.every((r) => nodeIds.has(r));

  let communities = 0;
  let facilities = 0;
  const byCat = new Map<string, number>();
  const addFacility = (t: Record<string, string>): void => {
    const cats = categoriesForOsmTags(t);
    if (!cats.length) return;
    facilities++;
    for (const c of cats) byCat.set(c, (byCat.get(c) ?? 0) + 1);
  };
  for (const n of els(doc, 'node')) if (n.getAttribute('lat') !== null) addFacility(tagsOf(n));
  let roadLines = 0;
  let walkableRoadLines = 0;
  for (const w of ways.values()) {
    const { refs, tags } = w;
    if (residential(tags) && refs.length >= 4 && refs[0] === refs.at(-1) && complete(refs)) communities++;
    if (refs.some((r) => nodeIds.has(r))) addFacility(tags);
    if (tags.highway !== undefined && tags.area !== 'yes' && refs.some((r, i) => i > 0 && nodeIds.has(r) && nodeIds.has(refs[i - 1]))) {
      roadLines++;
      const footOk = tags.foot !== 'no';
      const accessOk = !['no', 'private'].includes(tags.access ?? '') || ['yes', 'designated', 'permissive'].includes(tags.foot ?? '');
      if (!NOT_WALKABLE.has(tags.highway) && footOk && accessOk) walkableRoadLines++;
    }
  }
  for (const r of els(doc, 'relation')) {
    const tags = tagsOf(r);
    if (tags.type !== 'multipolygon') continue;
    const memberWays = els(r, 'member').filter((m) => m.getAttribute('type') === 'way').map((m) => ways.get(m.getAttribute('ref')!));
    const allThere = memberWays.every((w) => w !== undefined && complete(w.refs));
    if (residential(tags) && allThere) communities++;
    if (allThere) addFacility(tags);
  }
  return { communities, facilitiesByCategory: byCat, facilities, roadLines, walkableRoadLines };
}

function haversine(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

// ---- the tests -------------------------------------------------------------------------------------
describe('real OSM extracts', () => {
  it('exist beside the repository (../shared/data/real)', () => {
    expect(existsSync(DATA), `${DATA} is missing: CI clones shared/ beside the repo`).toBe(true);
    expect(osmFiles(DATA).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of existsSync(DATA) ? osmFiles(DATA) : []) {
    const name = relative(DATA, file);
    describe(name, () => {
      const xml = readFileSync(file, 'utf8');
      const counts = countIndependently(xml);

      it('imports as many communities, facilities (per category) and road lines as counted from the XML', () => {
        const layers = readOsm(xml, file);
        expect(layers.communities.features.length).toBe(counts.communities);
        expect(layers.facilities.features.length).toBe(counts.facilities);
        expect(layers.roads.features.length).toBe(counts.roadLines);
        const byCat = new Map<string, number>();
        for (const f of toFacilities(layers.facilities.features, file).items) for (const c of f.categories) byCat.set(c, (byCat.get(c) ?? 0) + 1);
        for (const c of DEFAULT_CATEGORIES) expect(byCat.get(c.id) ?? 0, c.id).toBe(counts.facilitiesByCategory.get(c.id) ?? 0);
        // The network drops exactly the non-walkable ways counted here.
        const roads = toRoads(layers.roads.features, file).items;
        const r = computeAccessibility({ communities: [], facilities: [], roads, settings: defaultAnalysisSettings() });
        expect(roads.length - r.network!.droppedWays).toBe(counts.walkableRoadLines);
      });

      if (counts.communities === 0) {
        it('has no residential areas: analyze fails with a clear message naming the file', async () => {
          const out = mkdtempSync(join(tmpdir(), 'real-'));
          await expect(runAnalyze({ communities: file, facilities: file, roads: file, out })).rejects.toThrow(
            new RegExp(`^--communities ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no usable communities \\(0 features read\\):\\n  - .*no residential areas`),
          );
        });
        return;
      }

      let out: AnalyzeOutputs;
      it('runs the whole pipeline and writes the summary', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'real-'));
        out = await runAnalyze({ communities: file, facilities: file, roads: file, out: dir });
        const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
        expect(summary.mode).toBe('network');
        expect(summary.inputs.communities.used).toBe(counts.communities);
        expect(summary.categories.map((c: { id: string }) => c.id)).toEqual(DEFAULT_CATEGORIES.map((c) => c.id));
        for (const c of summary.categories) expect(c.facilities, c.id).toBe(counts.facilitiesByCategory.get(c.id) ?? 0);
        expect(summary.network.droppedWays).toBe(counts.roadLines - counts.walkableRoadLines);
        const fc = JSON.parse(readFileSync(join(dir, 'communities.geojson'), 'utf8'));
        expect(fc.features).toHaveLength(counts.communities);
      });

      it('snaps at least 90% of communities and facilities onto the walking network', () => {
        const items = out.communities.length + out.facilities.length;
        const off = out.result.offNetworkCommunities.length + out.result.offNetworkFacilities.length;
        expect((items - off) / items).toBeGreaterThanOrEqual(0.9);
      });

      it('never walks shorter than the straight line from community to its nearest facility', () => {
        const { result, communities, facilities } = out;
        const nCat = result.categoryIds.length;
        const commPts = communities.map((c) => representativePoint(c.geometry));
        const facPts = facilities.map((f) => representativePoint(f.geometry));
        const violations: string[] = [];
        let pairs = 0;
        for (let i = 0; i < communities.length; i++) {
          for (let k = 0; k < nCat; k++) {
            const w = result.walkMeters[i * nCat + k];
            if (!Number.isFinite(w)) continue;
            pairs++;
            const fi = result.nearestFacility[i * nCat + k];
            const straight = haversine(commPts[i], facPts[fi]);
            if (w < straight - 1) violations.push(`${communities[i].id} → ${facilities[fi].id} (${result.categoryIds[k]}): walk ${w.toFixed(1)} m < straight ${straight.toFixed(1)} m`);
          }
        }
        expect(pairs).toBeGreaterThan(0);
        expect(violations).toEqual([]);
      });

      it('zones only eligible communities, each in one zone, with valid outlines holding their members', async () => {
        // OSM rarely tags build years, so every community would be excluded as unknown_year: give each one
        // 建成年代 1990 (a copy of the layer in GeoJSON) and zone the real geometry with the real roads.
        const dir = mkdtempSync(join(tmpdir(), 'real-zones-'));
        const withYear: FeatureCollection = { type: 'FeatureCollection', features: out.communityFeatures.map((f) => ({ ...f, properties: { ...f.properties, 建成年代: 1990 } })) };
        const communities = join(dir, 'communities.geojson');
        writeFileSync(communities, JSON.stringify(withYear));
        const zoned = await runAnalyze({ communities, facilities: file, roads: file, out: join(dir, 'out') });
        const zones = JSON.parse(readFileSync(join(dir, 'out/zones.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
        const rows = (JSON.parse(readFileSync(join(dir, 'out/communities.geojson'), 'utf8')) as FeatureCollection).features;
        const s = zoned.summary.zoning!;
        expect(s.eligible.communities).toBe(zoned.communities.length);
        expect(zones.features.length).toBe(s.zones);
        expect(s.zones).toBeGreaterThan(0);
        const byId = new Map<string, Feature>(rows.map((f) => [String(f.properties!.id), f]));
        const seen = new Set<string>();
        let households = 0;
        const problems: string[] = [];
        for (const z of zones.features) {
          const zid = z.properties!.zone_id as string;
          if (!booleanValid(z)) problems.push(`${zid}: invalid geometry`);
          const ids = z.properties!.community_ids as string[];
          expect(ids.length, zid).toBe(z.properties!.communities);
          households += z.properties!.households as number;
          for (const id of ids) {
            const row = byId.get(id);
            if (!row) { problems.push(`${zid}: unknown member ${id}`); continue; }
            if (seen.has(id)) problems.push(`${zid}: ${id} is in two zones`);
            seen.add(id);
            if (row.properties!.eligible !== true) problems.push(`${zid}: ${id} is not eligible`);
            if (row.properties!.zone_id !== zid) problems.push(`${zid}: ${id} says zone ${String(row.properties!.zone_id)}`);
            const m = zoned.communities.find((c) => c.id === id)!;
            if (!booleanPointInPolygon(representativePoint(m.geometry), z)) problems.push(`${zid}: ${id}'s representative point is outside the zone`);
            if (turfArea(z) < turfArea(m.geometry) * 0.99) problems.push(`${zid}: smaller than its member ${id}`);
          }
        }
        expect(problems).toEqual([]);
        expect(households).toBe(s.householdsZoned);
        expect(seen.size).toBe(s.communitiesZoned);
        // Every eligible community not listed in a zone is reported as unzoned, and has no zone_id.
        for (const f of rows) if (f.properties!.zone_id != null) expect(seen.has(String(f.properties!.id))).toBe(true);
        expect(s.communitiesZoned + s.unzoned.length).toBe(s.eligible.communities);
      });
    });
  }
});
