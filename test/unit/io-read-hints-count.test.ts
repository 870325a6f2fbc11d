/** The coordinate counts behind the CRS hints, now taken in plain loops, over every geometry type and odd input. */
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { detectCrsHints } from '../../src/io/crs/hints';

const f = (geometry: Geometry | null): Feature => ({ type: 'Feature', properties: {}, geometry: geometry as Geometry });

describe('detectCrsHints position counts', () => {
  it('counts finite positions of every geometry type and those outside ±180/±90', () => {
    const features = [
      f({ type: 'Point', coordinates: [116, 29] }),
      f({ type: 'Point', coordinates: [190, 29] }), // outside
      f({ type: 'MultiPoint', coordinates: [[116, 29], [116.1, 29]] }),
      f({ type: 'Polygon', coordinates: [[[116, 29], [116.1, 29], [116.1, 29.1], [116, 29]]] }),
      f({ type: 'MultiLineString', coordinates: [[[116, 95], [Number.NaN, 29]], [[116, 29], [116.2, 29]]] }), // one outside, NaN not counted
      f({ type: 'MultiPolygon', coordinates: [[[[116, 29], [116.1, 29], [116.1, 29.1], [116, 29]]]] }),
      f({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [-200, 0] }, { type: 'LineString', coordinates: [[116, 29], [116.3, 29]] }] }),
      f(null),
    ];
    // 2 points + 2 + 4 + 3 finite + 4 + 3 = 18 counted; 3 outside (190, lat 95, -200)
    expect(detectCrsHints(features).map((h) => h.message)).toEqual(['3 of 18 coordinates are outside longitude ±180 / latitude ±90']);
  });

  it('projected numbers (≥ 90% outside) still get the zone hint', () => {
    const pts = [f({ type: 'LineString', coordinates: [[39391709, 3173917], [39392000, 3174000]] }), f({ type: 'Point', coordinates: [39392100, 3174100] })];
    const hints = detectCrsHints(pts);
    expect(hints).toHaveLength(1);
    expect(hints[0].kind).toBe('projected');
    expect(hints[0].suggested).toBe('EPSG:4527');
  });

  it('odd coordinates (not arrays) are counted the old way, not thrown on', () => {
    const odd = [f({ type: 'LineString', coordinates: 'abc' as unknown as [] }), f({ type: 'Point', coordinates: [200, 0] })];
    expect(detectCrsHints(odd).map((h) => h.kind)).toEqual(['projected']);
  });
});
