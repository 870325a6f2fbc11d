/** The CLI's worker_threads pool really runs the distance tasks (from TypeScript sources, through tsx). */
import { describe, expect, it } from 'vitest';
import { startDistancePool } from '../../src/cli/distancePool';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility, computeAccessibilityParallel } from '../../src/core/coverage';
import { buildWalkNetwork } from '../../src/core/network';
import { generateBenchTown } from '../bench/town';

describe('startDistancePool', () => {
  it('shares a job out to 2 worker threads (+ the calling thread) and gets the one-thread tables', async () => {
    const town = generateBenchTown(3, 1);
    const settings = defaultAnalysisSettings();
    const input = { communities: town.communities, facilities: town.facilities, network: buildWalkNetwork(town.roads, settings.network), settings };
    const pool = startDistancePool(2);
    try {
      expect(pool.ports).toHaveLength(2);
      const shared = await computeAccessibilityParallel(input, pool.ports, 0);
      const one = computeAccessibility(input);
      expect(shared.threads).toBe(3);
      expect(Array.from(shared.walkMeters)).toEqual(Array.from(one.walkMeters));
      expect(Array.from(shared.nearestFacility)).toEqual(Array.from(one.nearestFacility));
      expect(Array.from(shared.countWithin)).toEqual(Array.from(one.countWithin));
      expect(one.walkMeters.some((w) => w > 100)).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('starts no threads when asked for none', async () => {
    const pool = startDistancePool(0);
    expect(pool.ports).toEqual([]);
    await pool.close();
  });
});
