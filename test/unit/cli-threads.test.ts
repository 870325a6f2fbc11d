/** The CLI's worker_threads pool really runs the distance tasks and writes gaps.csv (from TypeScript sources, through tsx). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDistancePool } from '../../src/cli/distancePool';
import { defaultAnalysisSettings } from '../../src/core/config/defaults';
import { computeAccessibility, computeAccessibilityParallel, gapCells, gapsOfCells } from '../../src/core/coverage';
import { collectBytes } from '../../src/io/export/byteChunks';
import { writeGapsCsv } from '../../src/io/export/gapsCsv';
import { gapsCsvJobOfCells } from '../../src/io/export/gapsCsvThread';
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

  it('writes gaps.csv on its thread after a job, the bytes of writeGapsCsv, and reports a failed write with the path', async () => {
    const town = generateBenchTown(2, 3);
    const settings = defaultAnalysisSettings();
    const input = { communities: town.communities, facilities: town.facilities, network: buildWalkNetwork(town.roads, settings.network), settings };
    const dir = mkdtempSync(join(tmpdir(), 'pool-gaps-'));
    const pool = startDistancePool(1);
    try {
      const result = await computeAccessibilityParallel(input, pool.ports, 0);
      const cells = gapCells(result, town.communities, settings);
      expect(cells.length).toBeGreaterThan(100);
      const path = join(dir, 'gaps.csv');
      await pool.writeGapsCsv(gapsCsvJobOfCells(path, cells, result, town.communities, settings.categories)!);
      const expected = collectBytes((out) => writeGapsCsv(gapsOfCells(cells, result, town.communities), town.communities, settings.categories, out));
      const got = readFileSync(path);
      expect(got.length).toBe(expected.length);
      expect(got.equals(Buffer.from(expected))).toBe(true);
      expect(got.toString('utf8').split('\r\n')).toHaveLength(cells.length + 2);
      const bad = join(dir, 'missing', 'gaps.csv');
      await expect(pool.writeGapsCsv(gapsCsvJobOfCells(bad, cells, result, town.communities, settings.categories)!)).rejects.toThrow(`${bad}: ENOENT`);
      // The thread still searches afterwards.
      const again = await computeAccessibilityParallel(input, pool.ports, 0);
      expect(Array.from(again.walkMeters)).toEqual(Array.from(result.walkMeters));
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('starts no threads when asked for none', async () => {
    const pool = startDistancePool(0);
    expect(pool.ports).toEqual([]);
    expect(pool.writeGapsCsv({ path: 'x', header: '', leads: [], categoryCells: [], community: new Int32Array(0), category: new Int32Array(0), walkMeters: new Float64Array(0), households: new Float64Array(0) })).toBeNull();
    await pool.close();
  });
});
