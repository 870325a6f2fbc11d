import { describe, expect, it } from 'vitest';
import { generateBenchTown } from '../../../test/bench/town';
import { defaultAnalysisSettings } from '../config/defaults';
import { haversineMeters } from '../geo/metres';
import { buildWalkNetwork } from '../network';
import { computeAccessibility } from './compute';
import { nearestWalk, walkPath } from './path';
import { representativePoints } from './points';
import { SEARCH_BOUND_FACTOR } from './types';

describe('nearestWalk (the UI path: one search from the community)', () => {
  const t = generateBenchTown(5, 1);
  const settings = defaultAnalysisSettings();
  const network = buildWalkNetwork(t.roads, settings.network);
  const result = computeAccessibility({ communities: t.communities, facilities: t.facilities, network, settings });
  const points = representativePoints(t.communities);
  const nCat = settings.categories.length;

  it('finds the analysis\' nearest facility and metres, and a path along the streets of that length', () => {
    let found = 0, none = 0;
    for (let ci = 0; ci < t.communities.length; ci += 7) {
      settings.categories.forEach((category, k) => {
        const serving: number[] = [];
        t.facilities.forEach((f, i) => { if (f.categories.includes(category.id)) serving.push(i); });
        const walk = nearestWalk(network, [points[2 * ci], points[2 * ci + 1]], representativePoints(serving.map((i) => t.facilities[i])),
          settings.network.maxSnapMeters, SEARCH_BOUND_FACTOR * category.maxWalkMeters);
        const table = result.walkMeters[ci * nCat + k];
        if (Number.isNaN(table)) {
          expect(walk).toBeNull();
          none++;
          return;
        }
        expect(walk).not.toBeNull();
        expect(serving[walk!.facility]).toBe(result.nearestFacility[ci * nCat + k]);
        expect(Math.abs(walk!.walkMeters - table)).toBeLessThan(1e-6);
        // The same coordinates as the path drawn from the analysis result, and as long as the walk.
        expect(walk!.coordinates).toEqual(walkPath(network, result, ci, category.id));
        let meters = 0;
        for (let i = 1; i < walk!.coordinates.length; i++) meters += haversineMeters(...walk!.coordinates[i - 1], ...walk!.coordinates[i]);
        expect(Math.abs(meters - table) / table).toBeLessThan(1e-3);
        found++;
      });
    }
    expect(found).toBeGreaterThan(300);
    expect(none).toBeGreaterThan(0);
  });

  it('is null for a point off the network', () => {
    const far: [number, number] = [points[0] + 1, points[1] + 1];
    expect(nearestWalk(network, far, representativePoints(t.facilities), 300, 2000)).toBeNull();
  });
});
