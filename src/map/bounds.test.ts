import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds';

describe('boundsOf', () => {
  it('spans points, lines and polygons', () => {
    expect(boundsOf([
      { type: 'Point', coordinates: [115.9, 28.7] },
      { type: 'LineString', coordinates: [[115.85, 28.66], [115.88, 28.69]] },
      { type: 'Polygon', coordinates: [[[115.87, 28.65], [115.92, 28.65], [115.92, 28.68], [115.87, 28.65]]] },
    ])).toEqual([115.85, 28.65, 115.92, 28.7]);
  });
  it('is null without coordinates', () => {
    expect(boundsOf([])).toBeNull();
  });
});
