import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { sortAlongCurve } from './assemble';

describe('sortAlongCurve', () => {
  const rand = mulberry32(11);
  const count = 3000;
  // Vertex ids spread over a coordinate array longer than 2^21, so the comparator (fallback) path runs.
  const big = 2 ** 21 + 8;
  const lngBig = new Float64Array(big), latBig = new Float64Array(big);
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const v = Math.floor(rand() * big);
    ids[i] = v;
    lngBig[v] = 116.3 + rand() * 0.05;
    latBig[v] = 39.9 + (i % 7 === 0 ? lngBig[v] - 116.3 : rand() * 0.05); // some ties on the curve position
  }
  const unique = Int32Array.from(new Set(ids));
  // The same points with small vertex ids, for the packed-key (fast) path.
  const small = new Int32Array(unique.length);
  const lngSmall = new Float64Array(unique.length * 3), latSmall = new Float64Array(unique.length * 3);
  const byId = [...unique].sort((a, b) => a - b);
  byId.forEach((v, i) => {
    small[unique.indexOf(v)] = 3 * i;
    lngSmall[3 * i] = lngBig[v];
    latSmall[3 * i] = latBig[v];
  });

  it('packed-key path and comparator path give the same order (ties by vertex id)', () => {
    const bounds = (lng: Float64Array, lat: Float64Array, vs: Int32Array): [number, number, number, number] => {
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const v of vs) {
        minX = Math.min(minX, lng[v]); maxX = Math.max(maxX, lng[v]);
        minY = Math.min(minY, lat[v]); maxY = Math.max(maxY, lat[v]);
      }
      return [minX, minY, 65535 / (maxX - minX), 65535 / (maxY - minY)];
    };
    const fast = small.slice(), slow = unique.slice();
    sortAlongCurve(fast, lngSmall, latSmall, ...bounds(lngSmall, latSmall, fast));
    sortAlongCurve(slow, lngBig, latBig, ...bounds(lngBig, latBig, slow));
    // Same rank of vertex ids in both numberings, so the orders compare through the id ranks.
    expect(Array.from(fast, (v) => v / 3)).toEqual(Array.from(slow, (v) => byId.indexOf(v)));
    // A permutation of the input: nothing lost or repeated.
    expect(Array.from(slow).sort((a, b) => a - b)).toEqual(byId);
  });

  it('puts consecutive vertices near each other (mean step far below the mean random distance)', () => {
    const vs = small.slice();
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const v of vs) {
      minX = Math.min(minX, lngSmall[v]); maxX = Math.max(maxX, lngSmall[v]);
      minY = Math.min(minY, latSmall[v]); maxY = Math.max(maxY, latSmall[v]);
    }
    sortAlongCurve(vs, lngSmall, latSmall, minX, minY, 65535 / (maxX - minX), 65535 / (maxY - minY));
    let step = 0, random = 0;
    for (let i = 1; i < vs.length; i++) {
      step += Math.hypot(lngSmall[vs[i]] - lngSmall[vs[i - 1]], latSmall[vs[i]] - latSmall[vs[i - 1]]);
      random += Math.hypot(lngSmall[small[i]] - lngSmall[small[i - 1]], latSmall[small[i]] - latSmall[small[i - 1]]);
    }
    expect(step).toBeLessThan(random / 5);
  });
});
