/**
 * Flat street lines for the street-offset hint: `streetLinesOf` gives the lines the hint read from features
 * (LineStrings and MultiLineString parts in order, other geometry skipped, text coerced), and the hint gives
 * the same answers — to the bit — given features or `streetLinesOf(features)`.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlatLines } from '../../src/core/geo/flatLine';
import { flatLinePositions, flatLineString } from '../../src/core/geo/flatLine';
import { BD09, GCJ02, fromWgs84 } from '../../src/io/crs';
import { detectCrsHints, medianDistanceToRoadsMeters } from '../../src/io/crs/hints';
import { asStreetLines, isStreetLines, streetLinesOf, streetLinesOfPositions } from '../../src/io/crs/streetLines';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const feature = (geometry: Geometry | null): Feature => ({ type: 'Feature', properties: {}, geometry: geometry as Geometry });

describe('streetLinesOf', () => {
  it('flattens LineStrings and MultiLineString parts in order, skips other geometry, coerces text', () => {
    const roads: Feature[] = [
      feature({ type: 'LineString', coordinates: [[115.8, 28.6], [115.81, 28.61, 12]] }),
      feature({ type: 'Point', coordinates: [1, 2] }),
      feature(null),
      feature({ type: 'MultiLineString', coordinates: [[[1.5, 2.5], [3.5, 4.5], [5.5, 6.5]], [], [[7, 8]]] }),
      feature({ type: 'LineString', coordinates: [['115.9', '28.7'], [Number.NaN, -0]] as unknown as Position[] }),
      feature({ type: 'LineString', coordinates: [] }),
      feature({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }),
    ];
    const lines = streetLinesOf(roads);
    expect(Array.from(lines.lineStart)).toEqual([0, 2, 5, 5, 6, 8, 8]);
    expect(Array.from(lines.xy)).toEqual([115.8, 28.6, 115.81, 28.61, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7, 8, 115.9, 28.7, Number.NaN, -0]);
    expect(Object.is(lines.xy[15], -0)).toBe(true);
    expect(lines.xy).toBeInstanceOf(Float64Array);
    expect(lines.lineStart).toBeInstanceOf(Int32Array);
    // Exact size: no spare room at the end.
    expect(lines.xy.length).toBe(16);
  });

  it('gives empty arrays without lines, and the same lines from position lists', () => {
    const none = streetLinesOf([feature({ type: 'Point', coordinates: [1, 2] })]);
    expect(Array.from(none.lineStart)).toEqual([0]);
    expect(none.xy.length).toBe(0);
    const positions = [[[1, 2], [3, 4]], [], [[5, 6]]];
    const fromFeatures = streetLinesOf(positions.map((coordinates) => feature({ type: 'LineString', coordinates })));
    expect(streetLinesOfPositions(positions)).toEqual(fromFeatures);
    expect(asStreetLines(positions)).toEqual(fromFeatures);
    expect(asStreetLines(fromFeatures)).toBe(fromFeatures);
  });

  it('tells StreetLines from features and position lists', () => {
    expect(isStreetLines(streetLinesOf([]))).toBe(true);
    expect(isStreetLines([feature({ type: 'LineString', coordinates: [[1, 2], [3, 4]] })])).toBe(false);
    expect(isStreetLines([[[1, 2]]])).toBe(false);
    expect(isStreetLines({ xy: [1, 2], lineStart: [0, 1] })).toBe(false);
    expect(isStreetLines(null)).toBe(false);
  });
});

// Winding streets around Nanchang (some as MultiLineStrings), facilities 5–15 m off them.
const r = rng(17);
const roads: Feature[] = [];
const facilities: Feature[] = [];
for (let i = 0; i < 500; i++) {
  const x = 115.8 + r() * 0.05, y = 28.6 + r() * 0.05;
  const coords: Position[] = [[x, y]];
  for (let k = 0; k < 6; k++) { const last = coords[coords.length - 1]; coords.push([last[0] + (r() - 0.5) * 0.001, last[1] + (r() - 0.5) * 0.001]); }
  roads.push(feature(i % 5 === 0 ? { type: 'MultiLineString', coordinates: [coords.slice(0, 4), coords.slice(3)] } : { type: 'LineString', coordinates: coords }));
  if (i % 50 === 3) roads.push(feature({ type: 'Point', coordinates: [x, y] }));
  const on = coords[3];
  facilities.push(feature({ type: 'Point', coordinates: [on[0] + 0.0001 * (r() - 0.5), on[1] + 0.0001 * (r() - 0.5)] }));
}
const pointsOf = (fs: readonly Feature[]): Position[] => fs.map((f) => (f.geometry as { coordinates: Position }).coordinates);

describe('the street-offset hint from features or from StreetLines', () => {
  const lines = streetLinesOf(roads);
  const cases = [
    { name: 'WGS84', points: facilities, suggested: [] as (string | null)[] },
    { name: 'GCJ-02', points: fromWgs84(facilities, GCJ02), suggested: ['gcj02'] },
    { name: 'BD-09', points: fromWgs84(facilities, BD09), suggested: ['bd09'] },
  ];

  for (const c of cases) {
    it(`gives the same hints and distances for ${c.name} points`, () => {
      const fromFeatures = detectCrsHints(c.points, roads);
      expect(detectCrsHints(c.points, lines)).toEqual(fromFeatures);
      expect(fromFeatures.map((h) => h.suggested)).toEqual(c.suggested);
      const pts = pointsOf(c.points);
      const median = medianDistanceToRoadsMeters(pts, lines);
      expect(median).toBe(medianDistanceToRoadsMeters(pts, roads));
      expect(median).toBeGreaterThan(0.5);
      if (c.name === 'WGS84') expect(median).toBeLessThan(8);
      else expect(median).toBeGreaterThan(40); // a dense network: shifted points still near some street
    });
  }

  it('gives no offset hint without usable lines, and none for no points', () => {
    const shifted = fromWgs84(facilities, GCJ02);
    expect(detectCrsHints(shifted, streetLinesOf([]))).toEqual([]);
    expect(detectCrsHints(shifted, streetLinesOf([feature({ type: 'LineString', coordinates: [[115.8, 28.6]] })]))).toEqual([]);
    expect(medianDistanceToRoadsMeters([], lines)).toBeNull();
    expect(medianDistanceToRoadsMeters(pointsOf(shifted), streetLinesOf([]))).toBeNull();
  });

  it('does not read the roads for a layer without points (communities)', () => {
    let reads = 0;
    const trap = roads.map((f) => ({ ...f, get geometry(): Geometry { reads++; return f.geometry as Geometry; } })) as Feature[];
    const polygons = [feature({ type: 'Polygon', coordinates: [[[115.8, 28.6], [115.81, 28.6], [115.81, 28.61], [115.8, 28.6]]] })];
    expect(detectCrsHints(polygons, trap)).toEqual([]);
    expect(reads).toBe(0);
    // The trap works: a point layer reads them.
    expect(detectCrsHints(fromWgs84(facilities, GCJ02), trap).map((h) => h.suggested)).toEqual(['gcj02']);
    expect(reads).toBeGreaterThan(roads.length);
  });
});

describe('streetLinesOf on lines read with flat coordinates (core/geo/flatLine)', () => {
  // Every road above as one flat line (MultiLineString parts each a line of their own).
  const plainLines: Position[][] = [];
  for (const f of roads) {
    if (f.geometry?.type === 'LineString') plainLines.push(f.geometry.coordinates);
    else if (f.geometry?.type === 'MultiLineString') plainLines.push(...f.geometry.coordinates);
  }
  const flat: FlatLines = streetLinesOfPositions(plainLines);
  const flatRoads = plainLines.map((_, i) => feature(flatLineString(flat, i)));
  const proto = Object.getPrototypeOf(flatRoads[0].geometry) as object;
  afterEach(() => { vi.restoreAllMocks(); });

  it('takes a whole decoded layer as it is, without making coordinates', () => {
    const made = vi.spyOn(proto as { coordinates: Position[] }, 'coordinates', 'get');
    const lines = streetLinesOf(flatRoads);
    expect(lines.xy).toBe(flat.xy);
    expect(lines.lineStart).toBe(flat.lineStart);
    expect(made).not.toHaveBeenCalled();
  });

  it('copies the numbers of some flat lines among ordinary ones, without making their coordinates', () => {
    const mixed = [flatRoads[3], feature({ type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6]]] }), feature({ type: 'Point', coordinates: [1, 2] }), flatRoads[1], ...flatRoads.slice(10, 40)];
    const plain = mixed.map((f) => { const ref = f.geometry === flatRoads[3].geometry ? 3 : f.geometry === flatRoads[1].geometry ? 1 : flatRoads.findIndex((g) => g === f); return ref >= 0 ? feature({ type: 'LineString', coordinates: flatLinePositions(flat, ref) }) : f; });
    const made = vi.spyOn(proto as { coordinates: Position[] }, 'coordinates', 'get');
    const lines = streetLinesOf(mixed);
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
    const want = streetLinesOf(plain);
    expect(lines).toEqual(want);
    expect(Array.from(lines.lineStart.slice(0, 5))).toEqual([0, plainLines[3].length, plainLines[3].length + 2, plainLines[3].length + 3, plainLines[3].length + 3 + plainLines[1].length]);
  });

  it('gives the hint the same answers from flat lines, without making coordinates', () => {
    const shifted = fromWgs84(facilities, GCJ02);
    const made = vi.spyOn(proto as { coordinates: Position[] }, 'coordinates', 'get');
    const fromFlat = detectCrsHints(shifted, flatRoads.slice(2)); // road 0 is two lines: not a whole layer
    const median = medianDistanceToRoadsMeters(pointsOf(shifted), flatRoads);
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
    expect(fromFlat).toEqual(detectCrsHints(shifted, roads.slice(1)));
    expect(fromFlat.map((h) => h.suggested)).toEqual(['gcj02']);
    expect(median).toBe(medianDistanceToRoadsMeters(pointsOf(shifted), roads));
  });
});
