import { describe, expect, it } from 'vitest';
import { gridTownCommunities, gridTownFacilities, gridTownRoads } from '../../../test/fixtures/network/gridTown';
import { defaultAnalysisSettings } from '../config/defaults';
import { buildWalkNetwork } from '../network';
import { haversineMeters } from '../geo';

const metersBetween = (a: readonly number[], b: readonly number[]) => haversineMeters(a[0], a[1], b[0], b[1]);
import { representativePoints } from './points';
import { computeAccessibility, computePointAccess, gridSpacingFor, hexGrid, PointAccessCache } from './index';
import { generateBenchTown } from '../../../test/bench/town';

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

describe('computePointAccess reruns with a cache', () => {
  it('searches only the categories whose max walk changed, nothing for other changes, with the tables of a fresh run', () => {
    const t = generateBenchTown(3, 1);
    const settings = defaultAnalysisSettings();
    const net = buildWalkNetwork(t.roads, settings.network);
    const g = hexGrid(BBOX_OF(t.communities.map((c) => c.geometry.coordinates[0][0] as [number, number])), 150);
    const cache = new PointAccessCache();
    computePointAccess(net, g.centerLngLat, t.facilities, settings, undefined, cache);
    const variants = [
      { ...settings, categories: settings.categories.map((c) => (c.id === 'kindergarten' ? { ...c, maxWalkMeters: 800 } : c)) },
      { ...settings, walkSpeedMetersPerMinute: 60, categories: settings.categories.map((c) => (c.id === 'kindergarten' ? { ...c, maxWalkMeters: 800, required: false } : c)) },
    ];
    const searched: number[] = [];
    for (const next of variants) {
      let searches = 0;
      // A new grid array with the same centres (the app makes the grid anew each run).
      const again = computePointAccess(net, hexGrid(BBOX_OF(t.communities.map((c) => c.geometry.coordinates[0][0] as [number, number])), 150).centerLngLat,
        t.facilities, next, (phase, done, total) => { if (phase === 'nearest' && done < total) searches++; }, cache);
      const fresh = computePointAccess(net, g.centerLngLat, t.facilities, next);
      expect(Array.from(again.walkMeters)).toEqual(Array.from(fresh.walkMeters));
      expect(Array.from(again.nearestFacility)).toEqual(Array.from(fresh.nearestFacility));
      expect(Array.from(again.requiredCovered)).toEqual(Array.from(fresh.requiredCovered));
      expect(again.requiredCount).toBe(fresh.requiredCount);
      searched.push(searches);
    }
    // One 'nearest 0/19' for the job, then one event per searched category: kindergarten only, then none.
    expect(searched).toEqual([2, 1]);
    expect(cache.hits).toBe(2);
    const kg = settings.categories.findIndex((c) => c.id === 'kindergarten');
    const first = computePointAccess(net, g.centerLngLat, t.facilities, settings);
    const wider = computePointAccess(net, g.centerLngLat, t.facilities, variants[0]);
    const reached = (p: typeof first) => { let n = 0; for (let i = kg; i < p.walkMeters.length; i += settings.categories.length) if (!Number.isNaN(p.walkMeters[i])) n++; return n; };
    expect(reached(wider)).toBeGreaterThan(reached(first));
  });
});

function BBOX_OF(points: [number, number][]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of points) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
  return [w, s, e, n];
}
