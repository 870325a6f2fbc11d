import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../test/fixtures/network/prng';
import { haversineMeters } from '../geo/metres';
import { contractChains } from './contract';
import type { RawSegments } from './contract';

/** Segments of polylines over vertex ids: each line is a list of vertex ids walked in order. */
function segmentsOf(lines: { ids: number[]; cls: number }[]): RawSegments {
  const n = lines.reduce((sum, l) => sum + l.ids.length - 1, 0);
  const segs: RawSegments = { from: new Int32Array(n), to: new Int32Array(n), cls: new Uint8Array(n), road: new Int32Array(n), count: n };
  let s = 0;
  lines.forEach((l, r) => {
    for (let i = 1; i < l.ids.length; i++, s++) {
      segs.from[s] = l.ids[i - 1];
      segs.to[s] = l.ids[i];
      segs.cls[s] = l.cls;
      segs.road[s] = r;
    }
  });
  return segs;
}

describe('contractChains', () => {
  const rand = mulberry32(3);
  const vertexCount = 40;
  const lng = Float64Array.from({ length: vertexCount }, () => 120 + rand() * 0.01);
  const lat = Float64Array.from({ length: vertexCount }, () => 24 + rand() * 0.01);

  it('contracts degree-2 chains, keeps class changes and rings, with exact haversine sums', () => {
    const segs = segmentsOf([
      { ids: [0, 1, 2, 3, 4], cls: 2 }, // 0 … 4 through degree-2 vertices
      { ids: [4, 5, 6], cls: 2 },
      { ids: [6, 7, 8], cls: 3 }, // class change at 6: a node
      { ids: [2, 9], cls: 2 }, // junction at 2
      { ids: [10, 11, 12, 13, 10], cls: 1 }, // a ring on its own
    ]);
    const out = contractChains(vertexCount, segs, lng, lat);
    const edges = Array.from({ length: out.count }, (_, e) => Array.from(out.geomVertices.subarray(out.geomOffsets[e], out.geomOffsets[e + 1])));
    expect(edges).toEqual([[0, 1, 2], [2, 3, 4, 5, 6], [2, 9], [6, 7, 8], [10, 11, 12, 13, 10]]);
    expect(Array.from(out.cls.subarray(0, out.count))).toEqual([2, 2, 2, 3, 1]);
    for (let e = 0; e < out.count; e++) {
      let meters = 0;
      const first = out.geomOffsets[e];
      expect(out.geomCumMeters[first]).toBe(0);
      for (let g = first + 1; g < out.geomOffsets[e + 1]; g++) {
        const a = out.geomVertices[g - 1], b = out.geomVertices[g];
        meters += haversineMeters(lng[a], lat[a], lng[b], lat[b]);
        expect(out.geomCumMeters[g]).toBe(meters);
      }
      expect(out.meters[e]).toBe(meters);
      expect(meters).toBeGreaterThan(100);
    }
  });

  it('gives the same lengths as haversineMeters on long random lines (shared cosines)', () => {
    const ids = Array.from({ length: 200 }, () => Math.floor(rand() * vertexCount));
    const line = ids.filter((v, i) => i === 0 || v !== ids[i - 1]);
    const segs = segmentsOf([{ ids: line, cls: 2 }, { ids: [line[5], line[0]], cls: 4 }]);
    const out = contractChains(vertexCount, segs, lng, lat);
    let total = 0, expected = 0;
    for (let e = 0; e < out.count; e++) total += out.meters[e];
    for (let s = 0; s < segs.count; s++) {
      const a = segs.from[s], b = segs.to[s];
      expected += haversineMeters(lng[a], lat[a], lng[b], lat[b]);
    }
    expect(total).toBeCloseTo(expected, 6);
    // Every segment is walked exactly once: geometry vertices = segments + edges.
    expect(out.geomOffsets[out.count]).toBe(segs.count + out.count);
  });
});
