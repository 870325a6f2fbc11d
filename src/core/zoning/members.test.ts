import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { syntheticCity } from '../../../test/fixtures/zoning/syntheticCity';
import { packMembers } from './members';
import { packPolygons } from './polygons';

describe('packMembers (scratch packing for zone outlines)', () => {
  it('gives the very same metres, rings and bboxes as packPolygons, call after call with shrinking input', () => {
    const { communities } = syntheticCity(200);
    const hole: Polygon = { type: 'Polygon', coordinates: [
      [[115.9, 28.68], [115.901, 28.68], [115.901, 28.681], [115.9, 28.681], [115.9, 28.68]],
      [[115.9003, 28.6803], [115.9003, 28.6806], [115.9006, 28.6806], [115.9003, 28.6803]],
    ] };
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [hole.coordinates, [communities[0].geometry.coordinates[0] as [number, number][]]] };
    const groups: (Polygon | MultiPolygon)[][] = [
      communities.slice(0, 12).map((c) => c.geometry), [multi, communities[3].geometry], communities.slice(20, 22).map((c) => c.geometry),
    ];
    for (const members of groups) {
      const P = packPolygons(members, null);
      const M = packMembers(members);
      expect(M.count).toBe(members.length);
      expect(M.projection).toEqual(P.projection);
      const nRings = P.itemRingStart[members.length];
      const nVerts = P.ringStart[nRings];
      expect(Array.from(M.itemRingStart.subarray(0, members.length + 1))).toEqual(Array.from(P.itemRingStart));
      expect(Array.from(M.ringStart.subarray(0, nRings + 1))).toEqual(Array.from(P.ringStart));
      expect(Array.from(M.xy.subarray(0, nVerts * 2))).toEqual(Array.from(P.xy));
      expect(Array.from(M.bbox.subarray(0, members.length * 4))).toEqual(Array.from(P.bbox));
      // The overlay rings are the same numbers, member by member, ring by ring.
      for (let k = 0; k < members.length; k++) {
        const rings = [];
        for (let r = P.itemRingStart[k]; r < P.itemRingStart[k + 1]; r++) rings.push(Array.from(P.xy.subarray(P.ringStart[r] * 2, P.ringStart[r + 1] * 2)));
        expect(M.rings[k]).toEqual(rings);
      }
    }
  });
});
