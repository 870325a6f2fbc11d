/**
 * The fast FlatGeobuf decoder counts positions as it makes them (fgb/known), and the CRS hints use those
 * counts for the very feature list it returned: they must be the counts a walk over the positions gives,
 * so the hints (out-of-range, projected) read the same as from a copy of the list, which is walked.
 */
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { detectCrsHints } from '../../src/io/crs/hints';
import { knownCounts } from '../../src/io/fgb/known';
import { writeFlatGeobuf } from '../../src/io/flatgeobuf';
import { readLayers } from '../../src/io/read';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Lines, some with projected-looking (out-of-range) vertices; `projectedShare` of them all projected. */
function lines(seed: number, projectedShare: number): Feature[] {
  const r = rng(seed);
  return Array.from({ length: 400 }, (_, i): Feature => {
    const projected = r() < projectedShare;
    const n = 2 + Math.floor(r() * 6);
    const coordinates = Array.from({ length: n }, () => (projected ? [39_500_000 + r() * 1e5, 3_300_000 + r() * 1e5] : [116 + r() * 0.1, 28 + (r() < 0.02 ? 70 : r() * 0.1)]));
    const geometry: Geometry = { type: 'LineString', coordinates };
    return { type: 'Feature', geometry, properties: { id: `R${i}` } };
  });
}

function walkedCounts(features: readonly Feature[]): { total: number; outside: number } {
  let total = 0, outside = 0;
  for (const f of features) {
    for (const p of (f.geometry as { coordinates: number[][] }).coordinates) {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
      total++;
      if (!(Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)) outside++;
    }
  }
  return { total, outside };
}

describe('FlatGeobuf position counts for the CRS hints', () => {
  for (const [name, seed, share] of [['WGS84 with a few latitudes past 90', 1, 0], ['some projected lines', 2, 0.3], ['all projected', 3, 1]] as const) {
    it(`${name}: counts as walked, hints as from a walked copy`, async () => {
      const features = (await readLayers('roads.fgb', writeFlatGeobuf(lines(seed, share)))).layers[0].features;
      const known = knownCounts(features);
      expect(known).not.toBeNull();
      const walked = walkedCounts(features);
      expect({ total: known!.total, outside: known!.outside }).toEqual(walked);
      expect(walked.outside).toBeGreaterThan(share === 0 ? 0 : 100);
      expect(knownCounts(features.slice())).toBeNull();
      expect(detectCrsHints(features)).toEqual(detectCrsHints(features.slice()));
    });
  }

  it('a list that changed length is walked again', async () => {
    const features = (await readLayers('roads.fgb', writeFlatGeobuf(lines(4, 0)))).layers[0].features;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [500000, 3000000] }, properties: {} });
    expect(knownCounts(features)).toBeNull();
  });
});
