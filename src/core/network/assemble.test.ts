import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { hilbertIndex } from '../geo/hilbert';
import { sortAlongCurve } from './assemble';

/** The textbook Hilbert loop (xy → d over 16 levels) that the branch-free `hilbertIndex` replaced. */
function hilbertLoop(x: number, y: number): number {
  let d = 0;
  for (let s = 32768; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

describe('hilbertIndex', () => {
  it('equals the textbook loop on the grid edges, a corner block and random points', () => {
    const rand = mulberry32(5);
    const pairs: [number, number][] = [];
    for (let x = 0; x < 65536; x += 7) for (const y of [0, 1, 32767, 32768, 65535, x, 65535 - x]) pairs.push([x, y], [y, x]);
    for (let x = 0; x < 256; x++) for (let y = 0; y < 256; y++) pairs.push([x, y]);
    for (let i = 0; i < 100000; i++) pairs.push([Math.floor(rand() * 65536), Math.floor(rand() * 65536)]);
    let differ = 0;
    for (const [x, y] of pairs) if (hilbertIndex(x, y) !== hilbertLoop(x, y)) differ++;
    expect(differ).toBe(0);
    expect(hilbertIndex(65535, 0)).toBe(2 ** 32 - 1); // the curve ends at the lower right corner
  });
});

describe('sortAlongCurve', () => {
  const rand = mulberry32(11);
  const vertexCount = 20000;
  const lng = new Float64Array(vertexCount), lat = new Float64Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    lng[v] = 116.3 + rand() * 0.05;
    // Every 7th point shares its grid cell with the one before: ties on the curve position.
    lat[v] = v % 7 === 0 && v > 0 ? lat[v - 1] : 39.9 + rand() * 0.05;
    if (v % 7 === 0 && v > 0) lng[v] = lng[v - 1];
  }
  const used = new Int32Array(8000);
  for (let i = 0, v = 0; i < used.length; v++) if (rand() < 0.4 || vertexCount - v <= used.length - i) used[i++] = v;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const v of used) {
    minX = Math.min(minX, lng[v]); maxX = Math.max(maxX, lng[v]);
    minY = Math.min(minY, lat[v]); maxY = Math.max(maxY, lat[v]);
  }
  const sx = 65535 / (maxX - minX), sy = 65535 / (maxY - minY);
  const position = (v: number): number => hilbertLoop(Math.floor((lng[v] - minX) * sx), Math.floor((lat[v] - minY) * sy));

  it('orders like a comparator sort by (textbook Hilbert position, vertex id)', () => {
    const sorted = used.slice();
    sortAlongCurve(sorted, lng, lat, minX, minY, sx, sy);
    const expected = Array.from(used).sort((a, b) => position(a) - position(b) || a - b);
    expect(Array.from(sorted)).toEqual(expected);
    let ties = 0;
    for (let i = 1; i < sorted.length; i++) if (position(sorted[i]) === position(sorted[i - 1])) ties++;
    expect(ties).toBeGreaterThan(100);
  });

  it('puts consecutive nodes near each other (mean step far below the mean random step)', () => {
    const sorted = used.slice();
    sortAlongCurve(sorted, lng, lat, minX, minY, sx, sy);
    let step = 0, random = 0;
    for (let i = 1; i < used.length; i++) {
      step += Math.hypot(lng[sorted[i]] - lng[sorted[i - 1]], lat[sorted[i]] - lat[sorted[i - 1]]);
      random += Math.hypot(lng[used[i]] - lng[used[i - 1]], lat[used[i]] - lat[used[i - 1]]);
    }
    expect(step).toBeLessThan(random / 20);
  });
});
