/**
 * validateFeatures keeps a clean, plain feature as the very object it was given (and a clean line's own
 * geometry), and builds a new one otherwise; either way the kept features equal, member for member and in
 * order, what it built before: { type, geometry, properties (or {}), id when defined }.
 */
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkGeometryThorough } from '../../src/io/validate/geometry';
import { validateFeatures } from '../../src/io/validate';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** What validation kept before features could be kept as they are: always a new object. */
function formerKept(f: Feature): Feature | null {
  const g = checkGeometryThorough(f).geometry;
  if (!g) return null;
  const out: Feature = { type: 'Feature', geometry: g, properties: f.properties ?? {} };
  if (f.id !== undefined) out.id = f.id;
  return out;
}

function randomFeature(r: () => number, i: number): Feature {
  const x = 116 + r() * 0.1, y = 28 + r() * 0.1;
  const k = r();
  let geometry: Geometry;
  if (k < 0.3) geometry = { type: 'Point', coordinates: [x, y] };
  else if (k < 0.6) geometry = { type: 'LineString', coordinates: [[x, y], [x + 0.001, y], ...(r() < 0.2 ? [[x + 0.001, y]] : []), [x + 0.002, y + 0.001]] };
  else if (k < 0.7) geometry = { type: 'LineString', coordinates: [[x, y], [x + 0.001, y]], bbox: [x, y, x + 0.001, y] };
  else if (k < 0.8) geometry = { type: 'LineString', coordinates: [[x, y], [200, y]] }; // out of range: skipped
  else geometry = { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] };
  const v = r();
  const f: Feature = v < 0.1 ? { type: 'Feature', properties: null, geometry }
    : v < 0.2 ? { type: 'Feature', geometry, properties: { n: i }, id: i }
    : v < 0.25 ? { type: 'Feature', geometry, properties: { n: i }, id: undefined }
    : v < 0.3 ? { type: 'Feature', properties: { n: i }, geometry } // members in another order
    : v < 0.35 ? ({ type: 'Feature', geometry, properties: { n: i }, title: 'extra' } as Feature)
    : { type: 'Feature', geometry, properties: { n: i } };
  return f;
}

describe('validateFeatures keeps plain clean features as they are', () => {
  it('gives the same kept features as building each anew, on 3000 varied features', () => {
    const r = rng(4);
    const input = Array.from({ length: 3000 }, (_, i) => randomFeature(r, i));
    const res = validateFeatures(input, { fileName: 'x.geojson' });
    const expected = input.map(formerKept).filter((f): f is Feature => f !== null);
    expect(res.features).toStrictEqual(expected);
    expect(res.features.map((f) => JSON.stringify(f))).toEqual(expected.map((f) => JSON.stringify(f)));
    // Both ways of keeping happen, in numbers.
    const same = res.features.filter((f, i) => f === input[res.keptIndex[i]]).length;
    expect(same).toBeGreaterThan(800);
    expect(res.features.length - same).toBeGreaterThan(800);
  });

  it('keeps a plain clean line and point as the same objects, and copies the rest', () => {
    const line: Feature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[116, 28], [116.01, 28]] }, properties: { highway: 'residential' } };
    const point: Feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [116, 28] }, properties: {}, id: 'F1' };
    const repeated: Feature = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[116, 28], [116, 28], [116.01, 28]] }, properties: {} };
    const noProps: Feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [116, 28] }, properties: null };
    const res = validateFeatures([line, point, repeated, noProps], { fileName: 'x' });
    expect(res.features[0]).toBe(line);
    expect(res.features[1]).toBe(point);
    expect(res.features[2]).not.toBe(repeated);
    expect(res.features[2].geometry).toEqual({ type: 'LineString', coordinates: [[116, 28], [116.01, 28]] });
    expect(res.features[3]).not.toBe(noProps);
    expect(res.features[3].properties).toEqual({});
    expect(res.issues.map((i) => i.message)).toEqual([
      'Feature 2: removed duplicate consecutive points',
      'Mixed geometry types: LineString 2, Point 2; assign each part to a layer role (communities need polygons, facilities points, roads lines)',
    ]);
  });
});
