import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCommunities, toFacilities, toRoads } from '../../src/io/domain';
import { readFlatGeobuf } from '../../src/io/flatgeobufRead';
import { DEFAULT_SEED, generateSampleCity } from './city';
import { SAMPLE_FILES, serializeSampleCity } from './serialize';

const dataDir = join(import.meta.dirname, '..', '..', 'data', 'sample');

describe('sample city files', () => {
  it('is byte-for-byte deterministic for a seed and differs between seeds', () => {
    const a = serializeSampleCity(generateSampleCity(7));
    const b = serializeSampleCity(generateSampleCity(7));
    const c = serializeSampleCity(generateSampleCity(8));
    for (const name of SAMPLE_FILES) {
      expect(Buffer.from(a[name]).equals(Buffer.from(b[name])), name).toBe(true);
      expect(Buffer.from(a[name]).equals(Buffer.from(c[name])), name).toBe(false);
    }
  });

  it('matches the committed data/sample files (regenerate with `npm run sample`)', () => {
    const fresh = serializeSampleCity(generateSampleCity(DEFAULT_SEED));
    let total = 0;
    for (const name of SAMPLE_FILES) {
      const committed = readFileSync(join(dataDir, name));
      total += committed.length;
      expect(committed.equals(Buffer.from(fresh[name])), `${name} drifted from the generator`).toBe(true);
    }
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('reads back through the app reader with typed columns', async () => {
    const bytes = new Uint8Array(readFileSync(join(dataDir, 'communities.fgb')));
    const read = await readFlatGeobuf(bytes, 'communities.fgb');
    expect(read.issues).toHaveLength(0);
    const city = generateSampleCity(DEFAULT_SEED);
    expect(read.features).toHaveLength(city.communities.features.length);
    // The writer may reorder features (spatial order): match them by id.
    const q = city.communities.features[5].properties!;
    const p = read.features.find((f) => f.properties!.id === q.id)!.properties!;
    for (const k of ['id', 'name', 'build_year', 'households', 'willingness', 'historic', 'property_management']) expect(p[k]).toEqual(q[k]);
    // Typed columns: a renovated community keeps a numeric year, the others read back null.
    const years = read.features.map((f) => f.properties!.renovated_year);
    expect(years.some((y) => typeof y === 'number' && y >= 2019)).toBe(true);
    expect(years.some((y) => y === null)).toBe(true);
    expect(years.every((y) => y === null || typeof y === 'number')).toBe(true);
  });

  it('maps onto the domain types without a single import issue', async () => {
    const read = async (name: string) => (await readFlatGeobuf(new Uint8Array(readFileSync(join(dataDir, name))), name)).features;
    const communities = toCommunities(await read('communities.fgb'), 'communities.fgb');
    const facilities = toFacilities(await read('facilities.fgb'), 'facilities.fgb');
    const roads = toRoads(await read('roads.fgb'), 'roads.fgb');
    expect([...communities.issues, ...facilities.issues, ...roads.issues]).toEqual([]);
    const city = generateSampleCity(DEFAULT_SEED);
    expect(communities.items).toHaveLength(city.communities.features.length);
    expect(facilities.items).toHaveLength(city.facilities.features.length);
    expect(roads.items).toHaveLength(city.roads.features.length);
    expect(communities.items.filter((c) => c.buildYear !== null && c.buildYear < 2000).length).toBeGreaterThan(200);
    expect(facilities.items.every((f) => f.categories.length === 1)).toBe(true);
  });
});
