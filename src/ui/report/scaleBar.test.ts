import { describe, expect, it } from 'vitest';
import { metersPerPixel, scaleBar } from './scaleBar';

describe('report scale bar', () => {
  it('metres per pixel: 512 px tiles, shrinking with cos(latitude)', () => {
    // Zoom 0 at the equator: the whole circumference over one 512 px tile.
    expect(metersPerPixel({ centerLat: 0, zoom: 0, widthPx: 1 })).toBeCloseTo(78_271.517, 2);
    expect(metersPerPixel({ centerLat: 60, zoom: 0, widthPx: 1 })).toBeCloseTo(39_135.758, 2);
    expect(metersPerPixel({ centerLat: 28.68, zoom: 15, widthPx: 1 })).toBeCloseTo(2.0956, 3);
  });

  it('a round length within a quarter of the image', () => {
    // Nanchang at zoom 15, 980 px wide: 2.0956 m/px, a quarter is 513.4 m → 500 m over 24.3 % of the width.
    const bar = scaleBar({ centerLat: 28.68, zoom: 15, widthPx: 980 })!;
    expect(bar.meters).toBe(500);
    expect(bar.fraction).toBeCloseTo(500 / (2.0956 * 980), 3);
    // 1, 2, 5 steps.
    expect(scaleBar({ centerLat: 28.68, zoom: 16, widthPx: 980 })!.meters).toBe(200);
    expect(scaleBar({ centerLat: 28.68, zoom: 12, widthPx: 980 })!.meters).toBe(2000);
    expect(scaleBar({ centerLat: 28.68, zoom: 11, widthPx: 980 })!.meters).toBe(5000);
    expect(scaleBar({ centerLat: 28.68, zoom: 15, widthPx: 0 })).toBeNull();
  });
});
