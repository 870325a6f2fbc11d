/**
 * With threads (network on the distance thread, zones drafted on the zoning thread, gaps.csv written on a writer
 * thread) the CLI writes exactly the bytes of a one-thread run, on a town big enough for every thread.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { writeGeoJSON } from '../../src/io/geojson';
import { generateBenchTown } from '../bench/town';

describe('analyze with every thread vs --threads 1', () => {
  it('same files, byte for byte, on a 2 400-community town', async () => {
    const town = generateBenchTown(11, 6);
    expect(town.communities.length).toBeGreaterThanOrEqual(2000);
    const dir = mkdtempSync(join(tmpdir(), 'cli-threads-all-'));
    try {
      const feature = (geometry: Feature['geometry'], properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
      writeFileSync(join(dir, 'c.geojson'), writeGeoJSON(town.communities.map((c) => feature(c.geometry, { id: c.id, name: c.name, build_year: c.buildYear, households: c.households }))));
      writeFileSync(join(dir, 'f.geojson'), writeGeoJSON(town.facilities.map((f) => feature(f.geometry, { id: f.id, name: f.name, category: f.categories[0] }))));
      writeFileSync(join(dir, 'r.geojson'), writeGeoJSON(town.roads.map((r) => feature(r.geometry, { ...r.properties, id: r.id, highway: r.highway }))));
      const run = async (threads: number, out: string) => {
        const lines: string[] = [];
        await runAnalyze({ communities: join(dir, 'c.geojson'), facilities: join(dir, 'f.geojson'), roads: join(dir, 'r.geojson'), out: join(dir, out), threads, formats: ['geojson', 'csv', 'fgb'] }, (l) => lines.push(l));
        return lines;
      };
      const shared = await run(2, 'two'), alone = await run(1, 'one');
      expect(shared.some((l) => l.includes('(network, 1 worker thread)'))).toBe(true);
      expect(shared.some((l) => l.startsWith('zoning:') && l.endsWith('(drafted on a thread)'))).toBe(true);
      expect(alone.some((l) => l.includes('(network, 1 thread)'))).toBe(true);
      const files = readdirSync(join(dir, 'one')).sort();
      expect(files).toEqual(['communities.csv', 'communities.fgb', 'communities.geojson', 'gaps.csv', 'summary.json', 'zones.csv', 'zones.fgb', 'zones.geojson']);
      expect(readdirSync(join(dir, 'two')).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(dir, 'two', f)).equals(readFileSync(join(dir, 'one', f))), f).toBe(true);
      expect(readFileSync(join(dir, 'one', 'gaps.csv'), 'utf8').split('\r\n').length).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
