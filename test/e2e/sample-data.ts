/**
 * The sample city as the test sees it: read straight from data/sample/*.fgb in Node (independently of the app),
 * so the browser tests compare what is drawn and shown against the source files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { booleanPointInPolygon, pointToLineDistance, polygonToLine } from '@turf/turf';
import { geojson } from 'flatgeobuf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LngLat } from './fixtures';

const SAMPLE_DIR = resolve(process.cwd(), 'data/sample');

export async function readSampleLayer(name: 'communities' | 'facilities' | 'roads' | 'water'): Promise<Feature[]> {
  const bytes = new Uint8Array(readFileSync(resolve(SAMPLE_DIR, `${name}.fgb`)));
  const out: Feature[] = [];
  for await (const f of geojson.deserialize(bytes)) out.push(f as Feature);
  return out;
}

export function buildYearOf(f: Feature): number | null {
  const v = Number(f.properties?.build_year);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/**
 * Points well inside a polygon (at least `marginMeters` from its boundary), best first: candidates for probing
 * pixels and clicks without hitting an outline.
 */
export function interiorPoints(f: Feature<Polygon | MultiPolygon>, marginMeters: number, grid = 9): LngLat[] {
  const coords = f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
  const xs = coords.map((c) => c[0]), ys = coords.map((c) => c[1]);
  const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const outline = polygonToLine(f);
  const lines = outline.type === 'FeatureCollection' ? outline.features : [outline];
  const scored: { p: LngLat; d: number }[] = [];
  for (let i = 1; i < grid; i++) for (let j = 1; j < grid; j++) {
    const p: LngLat = [w + ((e - w) * i) / grid, s + ((n - s) * j) / grid];
    if (!booleanPointInPolygon(p, f)) continue;
    const d = Math.min(...lines.map((l) => pointToLineDistance(p, l as Feature<never>, { units: 'meters' })));
    if (d >= marginMeters) scored.push({ p, d });
  }
  return scored.sort((a, b) => b.d - a.d).map((x) => x.p);
}

/** Pre-2000 communities, largest first (most room for a clean probe point). */
export function oldCommunitiesLargestFirst(communities: Feature[], maxYear = 2000): Feature<Polygon | MultiPolygon>[] {
  const area = (f: Feature) => {
    const coords = f.geometry.type === 'Polygon' ? (f.geometry as Polygon).coordinates.flat() : (f.geometry as MultiPolygon).coordinates.flat(2);
    const xs = coords.map((c) => c[0]), ys = coords.map((c) => c[1]);
    return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
  };
  return communities
    .filter((f) => (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') && (buildYearOf(f) ?? 9999) <= maxYear)
    .sort((a, b) => area(b) - area(a)) as Feature<Polygon | MultiPolygon>[];
}
