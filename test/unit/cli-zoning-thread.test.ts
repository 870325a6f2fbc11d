/**
 * The zoning thread of `analyze` (src/cli/zoningTask.ts): its draft, packed both ways (zoningWire.ts), gives
 * exactly the zoning run of the main thread (seeded town, the sample city); a thread that fails falls back to
 * the main thread with the same run; an idle thread does not keep the process alive.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ZoningRun } from '../../src/cli/zoning';
import { runZoning, splitRoadLayer } from '../../src/cli/zoning';
import { DEFAULT_ZONING } from '../../src/cli/zoningOptions';
import type { ZoningSettings } from '../../src/cli/zoningOptions';
import { beginZoning, startZoningThread } from '../../src/cli/zoningTask';
import { packCommunities, packLines, unpackCommunities, unpackLines } from '../../src/cli/zoningWire';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility } from '../../src/core/coverage';
import type { AccessibilityResult } from '../../src/core/coverage';
import type { Community, Road } from '../../src/core/types';
import type { BarrierLine } from '../../src/core/zoning';
import { flatLineString } from '../../src/core/geo/flatLine';
import type { FlatLines } from '../../src/core/geo/flatLine';
import { createLocalProjection } from '../../src/core/geo/metres';
import { packBarriers } from '../../src/core/zoning/barriers';
import { toCommunities, toFacilities, toRoads } from '../../src/io/domain';
import { readFeatureFile } from '../../src/io/read';
import { generateBenchTown } from '../bench/town';
import { syntheticCity } from '../fixtures/zoning/syntheticCity';

const ROOT = resolve(__dirname, '../..');
const settings = (over: Partial<ZoningSettings> = {}): ZoningSettings => ({ ...DEFAULT_ZONING, barrierHighways: [...DEFAULT_ZONING.barrierHighways], ...over });
const moduleUrl = (code: string): URL => new URL(`data:text/javascript,${encodeURIComponent(code)}`);

interface Town { communities: Community[]; roads: Road[]; other: BarrierLine[]; accessibility: AccessibilityResult }

/** A seeded bench town (×2: ~800 communities), with a repeated id and edge-case fields. */
function seededTown(): Town {
  const town = generateBenchTown(7, 2);
  const communities = town.communities.map((c, i) => {
    if (i === 5) return { ...c, id: town.communities[3].id }; // a repeat: zoned as "<id>#5"
    if (i === 8) return { ...c, buildYear: 2015, demolitionPlanned: true, shantyTown: true }; // several reasons
    if (i === 9) return { ...c, households: null, residents: null, willingness: null, propertyManagement: null, subdistrict: null };
    if (i === 10) return { ...c, renovation: 'planned' as const, buildYear: null };
    return c;
  });
  const accessibility = computeAccessibility({ communities, facilities: town.facilities, roads: town.roads, settings: defaultAnalysisSettings() });
  return { communities, roads: town.roads, other: [], accessibility };
}

/** The embedded sample city (data/sample), read the way the CLI reads it. */
async function sampleCity(): Promise<Town> {
  const read = async (name: string) => {
    const b = readFileSync(join(ROOT, 'data/sample', name));
    return (await readFeatureFile(name, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer)).features;
  };
  const roadFeatures = await read('roads.fgb');
  const split = splitRoadLayer(roadFeatures);
  const roads = toRoads(split.roadIndex.map((i) => roadFeatures[i]), 'roads.fgb').items;
  const communities = toCommunities(await read('communities.fgb'), 'communities.fgb').items;
  const settingsA = defaultAnalysisSettings();
  const facilities = toFacilities(await read('facilities.fgb'), 'facilities.fgb', settingsA.categories).items;
  const accessibility = computeAccessibility({ communities, facilities, roads, settings: settingsA });
  return { communities, roads, other: split.barriers, accessibility };
}

async function onThread(t: Town, s: ZoningSettings, entry?: URL): Promise<{ run: ZoningRun; drafted: string; log: string[] }> {
  const log: string[] = [];
  const pending = beginZoning(startZoningThread(0, entry), t.communities, t.roads, t.other, s, (l) => log.push(l));
  const run = await pending.finish(t.accessibility);
  return { run, drafted: pending.draftedOn, log };
}

function expectSameRun(a: ZoningRun, b: ZoningRun): void {
  expect(a.zones).toEqual(b.zones);
  expect(a.stats).toEqual(b.stats);
  expect(Array.from(a.eligible)).toEqual(Array.from(b.eligible));
  expect(a.reasons).toEqual(b.reasons);
  expect(a.zoneIdOf).toEqual(b.zoneIdOf);
  expect(a.summary).toEqual(b.summary);
  expect(a.duplicateIds).toEqual(b.duplicateIds);
  // Byte-level: the same JSON (key order and -0/NaN spellings included).
  expect(JSON.stringify({ ...a, eligible: Array.from(a.eligible) })).toBe(JSON.stringify({ ...b, eligible: Array.from(b.eligible) }));
}

describe('zoning wire format', () => {
  it('packs and unpacks communities field for field (nulls, codes, multipolygons with holes)', () => {
    const { communities } = syntheticCity(60, 3);
    const hole: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.1], [0.8, 0.1], [0.8, 0.2], [0.2, 0.1]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]],
    };
    communities[1] = { ...communities[1], geometry: hole, households: null, willingness: null, propertyManagement: null, renovation: 'planned', subdistrict: null, shantyTown: true };
    const ids = communities.map((c, i) => `${c.id}-${i}`);
    const back = unpackCommunities(packCommunities(communities, ids)!);
    const fields = ['geometry', 'buildYear', 'households', 'residents', 'subdistrict', 'propertyManagement', 'willingness', 'renovation', 'demolitionPlanned', 'shantyTown'] as const;
    expect(back.map((c) => c.id)).toEqual(ids);
    for (const f of fields) expect(back.map((c) => c[f])).toEqual(communities.map((c) => c[f]));
    expect(back[1].geometry).toEqual(hole);
    expect(communities.some((c) => c.buildYear === null) && communities.some((c) => c.propertyManagement === 'self')).toBe(true);
  });

  it('gives up on 3D positions (the caller zones on the main thread)', () => {
    const { communities } = syntheticCity(5, 1);
    const flat = communities[0].geometry as Polygon;
    communities[0] = { ...communities[0], geometry: { type: 'Polygon', coordinates: [flat.coordinates[0].map(([x, y]) => [x, y, 12])] } };
    expect(packCommunities(communities, communities.map((c) => c.id))).toBeNull();
  });

  it('keeps every barrier segment (lines, multilines, polygon rings) in order', () => {
    const { barriers } = syntheticCity(200, 2);
    const poly: BarrierLine = { kind: 'water', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } };
    const multi: BarrierLine = { kind: 'railway', geometry: { type: 'MultiLineString', coordinates: [[[5, 5], [6, 6]], [[7, 7], [8, 8], [9, 7]]] } };
    const back = unpackLines(packLines([...barriers, poly, multi]));
    const lines = back.map((b) => (b.geometry.type === 'LineString' ? b.geometry.coordinates : []));
    expect(lines.slice(-3)).toEqual([[[0, 0], [1, 0], [1, 1], [0, 0]], [[5, 5], [6, 6]], [[7, 7], [8, 8], [9, 7]]]);
    expect(back).toHaveLength(barriers.length + 3);
  });

  it('packs road lines read with flat coordinates from their numbers, as their coordinates', () => {
    const lines: FlatLines = { xy: Float64Array.of(116, 29, 116.1, 29, 116.2, 29.1, 117, 30, 117.5, 30.5), lineStart: Int32Array.of(0, 3, 5) };
    const flat: BarrierLine[] = [0, 1].map((i) => ({ kind: 'road', geometry: flatLineString(lines, i) }));
    const multi: BarrierLine = { kind: 'railway', geometry: { type: 'MultiLineString', coordinates: [[[5, 5], [6, 6]]] } };
    const plain = [...flat, multi].map((b): BarrierLine => ({ kind: b.kind, geometry: JSON.parse(JSON.stringify(b.geometry)) as BarrierLine['geometry'] }));
    const packed = packLines([flat[0], multi, flat[1]]);
    expect(packed).toStrictEqual(packLines([plain[0], plain[2], plain[1]]));
    expect(Array.from(packed.positions)).toEqual([3, 2, 2]);
    const unpacked = unpackLines(packed);
    expect(unpacked[2].geometry.type).toBe('LineString');
    expect(unpacked[2].geometry.coordinates).toEqual([[117, 30], [117.5, 30.5]]);
    // The zoning thread's lines are read by packBarriers from the posted numbers: the segments of the same lines
    // as plain GeoJSON, to the bit.
    const projection = createLocalProjection(116.5, 29.5);
    const fromFlat = packBarriers(unpackLines(packed), projection);
    const fromPlain = packBarriers([plain[0], plain[2], plain[1]], projection);
    expect(Array.from(fromFlat.seg)).toEqual(Array.from(fromPlain.seg));
    expect(fromFlat.seg.length).toBe(4 * 4); // 2 + 1 + 1 segments
    expect(Array.from(fromFlat.seg.subarray(0, 4))).toEqual([(116 - 116.5) * projection.metersPerDegreeLng, (29 - 29.5) * projection.metersPerDegreeLat, (116.1 - 116.5) * projection.metersPerDegreeLng, (29 - 29.5) * projection.metersPerDegreeLat]);
  });
});

describe('zoning on a thread', () => {
  it('gives the main thread\'s zoning run on a seeded town (repeated ids, several reasons, nulls)', async () => {
    const t = seededTown();
    const s = settings();
    const inline = runZoning(t.communities, t.roads, t.other, t.accessibility, s);
    const threaded = await onThread(t, s);
    expect(threaded.drafted).toBe('thread');
    expect(threaded.log).toEqual([]);
    expectSameRun(threaded.run, inline);
    expect(inline.duplicateIds).toEqual([t.communities[3].id]);
    expect(inline.zones.length).toBeGreaterThan(50);
    expect(inline.summary.settings.barriers.road).toBeGreaterThan(0);
    expect(inline.stats.some((x) => x.householdsInGaps > 0)).toBe(true);
  }, 60_000);

  it('gives the main thread\'s zoning run on the sample city (railways and water from the roads file)', async () => {
    const t = await sampleCity();
    const s = settings({ gapMeters: 40 });
    const inline = runZoning(t.communities, t.roads, t.other, t.accessibility, s);
    const threaded = await onThread(t, s);
    expect(threaded.drafted).toBe('thread');
    expectSameRun(threaded.run, inline);
    expect(inline.zones.length).toBeGreaterThan(5);
  }, 60_000);

  it('falls back to the main thread when the thread cannot load, dies at its job, or reports an error', async () => {
    const t = seededTown();
    const s = settings();
    const inline = runZoning(t.communities, t.roads, t.other, t.accessibility, s);
    const broken = await onThread(t, s, moduleUrl('throw new Error("zoning module broken");'));
    const dies = await onThread(t, s, moduleUrl('import { parentPort } from "node:worker_threads"; parentPort.on("message", () => process.exit(3));'));
    const says = await onThread(t, s, moduleUrl('import { parentPort } from "node:worker_threads"; parentPort.on("message", () => parentPort.postMessage({ type: "error", message: "out of luck" }));'));
    expect(broken.log).toEqual(['warning: zoning thread failed (zoning module broken); zoning on the main thread']);
    expect(dies.log).toEqual(['warning: zoning thread failed (thread exited (code 3)); zoning on the main thread']);
    expect(says.log).toEqual(['warning: zoning thread failed (out of luck); zoning on the main thread']);
    for (const r of [broken, dies, says]) {
      expect(r.drafted).toBe('main');
      expectSameRun(r.run, inline);
    }
  }, 60_000);

  it('zones small runs on the main thread (below the thread\'s minimum) with the same run', async () => {
    const t = seededTown();
    const s = settings();
    const pending = beginZoning(startZoningThread(t.communities.length + 1), t.communities, t.roads, t.other, s);
    expectSameRun(await pending.finish(t.accessibility), runZoning(t.communities, t.roads, t.other, t.accessibility, s));
    expect(pending.draftedOn).toBe('main');
  }, 60_000);

  it('does not keep the process alive while idle', () => {
    const script = `import { startZoningThread } from ${JSON.stringify(join(ROOT, 'src/cli/zoningTask.ts'))}; startZoningThread(0); console.log('started');`;
    const t0 = Date.now();
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('started');
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 40_000);
});
