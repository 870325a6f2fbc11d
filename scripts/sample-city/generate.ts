/**
 * Writes the sample town to data/sample/*.fgb (`npm run sample`). Same seed → same bytes.
 * Usage: tsx scripts/sample-city/generate.ts [seed] [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, generateSampleCity } from './city';
import { serializeSampleCity } from './serialize';

const seed = process.argv[2] ? Number(process.argv[2]) : DEFAULT_SEED;
const outDir = process.argv[3] ?? join(import.meta.dirname, '..', '..', 'data', 'sample');
const started = performance.now();
const files = serializeSampleCity(generateSampleCity(seed));
mkdirSync(outDir, { recursive: true });
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(outDir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
console.log(`seed ${seed}, ${Math.round(performance.now() - started)} ms → ${outDir}`);
