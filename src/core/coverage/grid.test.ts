import { describe, expect, it } from 'vitest';
import { gridTownCommunities, gridTownFacilities, gridTownRoads } from '../../../test/fixtures/network/gridTown';
import { defaultAnalysisSettings } from '../config/defaults';
import { buildWalkNetwork } from '../network';
import { haversineMeters } from '../geo';

const metersBetween = (a: readonly number[], b: readonly number[]) => haversineMeters(a[0], a[1], b[0], b[1]);
import { representativePoints } from './points';
import { computeAccessibility, computePointAccess, gridSpacingFor, hexGrid } from './index';

const BBOX: [number, number, number, number] = [115.88, 28.67, 115.90, 28.69];

describe('hexGrid', () => {
  it('covers the bbox with evenly spaced cells, deterministically', () => {
    const g = hexGrid(BBOX, 200);
    const n = g.centerLngLat.length / 2;
    // ~1950 m × 2226 m: cols = ceil(1954/200)+2 = 12, rows = ceil(2226/173.2)+2 = 15.
    expect(n).toBe(12 * 15);
    // Neighbours in a row are 200 m apart; a cell in the next row is 200 m from its diagonal neighbour.
    const d = (i: number, j: number) => metersBetween([g.centerLngLat[2 * i], g.centerLngLat[2 * i + 1]], [g.centerLngLat[2 * j], g.centerLngLat[2 * j + 1]]);
    expect(d(0, 1)).toBeCloseTo(200, 0);
    expect(d(0, 12)).toBeCloseTo(200, 0);
    expect(d(5, 17)).toBeCloseTo(200, 0);
    // Every point of the bbox is within one circumradius (spacing/√3) of some centre.
    for (const [lng, lat] of [[BBOX[0], BBOX[1]], [BBOX[2], BBOX[3]], [BBOX[0], BBOX[3]], [BBOX[2], BBOX[1]], [115.8937, 28.6811]]) {
      let best = Infinity;
      for (let i = 0; i < n; i++) best = Math.min(best, metersBetween([lng, lat], [g.centerLngLat[2 * i], g.centerLngLat[2 * i + 1]]));
      expect(best).toBeLessThanOrEqual(200 / Math.sqrt(3) + 0.5);
    }
    expect(hexGrid(BBOX, 200).centerLngLat).toEqual(g.centerLngLat);
  });

  it('derives the spacing from the extent (about the target cell count, never below the minimum)', () => {
    const s = gridSpacingFor(BBOX, { targetCells: 400 });
    expect(s % 10).toBe(0);
    const n = hexGrid(BBOX, s).centerLngLat.length / 2;
    expect(n).toBeGreaterThan(300);
    expect(n).toBeLessThan(600);
    expect(gridSpacingFor([115.89, 28.68, 115.891, 28.681])).toBe(100);
  });
});

describe('computePointAccess', () => {
  const settings = defaultAnalysisSettings();
  const roads = gridTownRoads(), communities = gridTownCommunities(), facilities = gridTownFacilities();
  const net = buildWalkNetwork(roads, settings.network);
  const r = computeAccessibility({ communities, facilities, network: net, settings });

  it('gives a point at a community the same walk metres as the community', () => {
    const pts = representativePoints(communities);
    const p = computePointAccess(net, pts, facilities, settings);
    const nCat = r.categoryIds.length;
    expect(p.categoryIds).toEqual(r.categoryIds);
    let compared = 0;
    for (let i = 0; i < communities.length; i++) {
      expect(p.offNetwork[i]).toBe(r.communitySnap.offNetwork[i]);
      for (let k = 0; k < nCat; k++) {
        const a = r.walkMeters[i * nCat + k], b = p.walkMeters[i * nCat + k];
        if (Number.isNaN(a)) { expect(b).toBeNaN(); continue; }
        expect(b).toBeCloseTo(a, 6);
        expect(p.nearestFacility[i * nCat + k]).toBe(r.nearestFacility[i * nCat + k]);
        compared++;
      }
      if (!r.communitySnap.offNetwork[i]) expect(p.requiredCovered[i] / p.requiredCount).toBeCloseTo(r.score[i], 9);
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('leaves a point far from any street empty (off-network, NaN), not zero', () => {
    const pts = representativePoints(communities);
    const far = Float64Array.from([pts[0] + 0.05, pts[1] + 0.05, pts[0], pts[1]]);
    const p = computePointAccess(net, far, facilities, settings);
    expect(p.offNetwork[0]).toBe(1);
    expect(p.offNetwork[1]).toBe(0);
    expect(Array.from(p.walkMeters.subarray(0, p.categoryIds.length)).every(Number.isNaN)).toBe(true);
  });
});
