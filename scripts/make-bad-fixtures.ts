/**
 * Write the bad-file corpus (test/fixtures/bad/corpus.ts) to test/fixtures/bad/files/ so the files can be
 * dropped into the app by hand. The tests generate them in memory and do not need this.
 *   npx tsx scripts/make-bad-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAD_FILES } from '../test/fixtures/bad/corpus';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'bad', 'files');
mkdirSync(dir, { recursive: true });
for (const b of BAD_FILES) {
  writeFileSync(join(dir, b.file), b.bytes());
  console.log(`${b.file.padEnd(28)} ${b.defect}`);
}
