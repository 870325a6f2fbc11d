import { closeSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openReplacing, replaceFile, replaceFileSync } from './replaceFile';

describe('output files replaced, not overwritten in place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replace-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a new file takes the name: no bytes of the longer old one remain, a hard link keeps the old content', () => {
    const path = join(dir, 'communities.geojson');
    const kept = join(dir, 'kept.geojson');
    writeFileSync(path, 'x'.repeat(10_000));
    linkSync(path, kept);
    const oldInode = statSync(path).ino;
    const fd = openReplacing(path);
    writeSync(fd, '{"type":"FeatureCollection","features":[]}');
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe('{"type":"FeatureCollection","features":[]}');
    expect(statSync(path).ino).not.toBe(oldInode);
    expect(readFileSync(kept, 'utf8')).toHaveLength(10_000);
  });

  it('writes whole contents, sync and async, over an old file or none', async () => {
    const a = join(dir, 'zones.fgb'), b = join(dir, 'summary.json');
    writeFileSync(a, new Uint8Array(5000).fill(7));
    replaceFileSync(a, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(a)]).toEqual([1, 2, 3]);
    await replaceFile(b, '{"mode":"network"}\n');
    await replaceFile(b, '{}\n');
    expect(readFileSync(b, 'utf8')).toBe('{}\n');
  });

  it('fails as the open would, naming the path: a folder in the way, a missing folder', async () => {
    const folder = join(dir, 'gaps.csv');
    mkdirSync(folder);
    expect(() => openReplacing(folder)).toThrow(/EISDIR.*gaps\.csv/);
    const missing = join(dir, 'no-such-folder', 'gaps.csv');
    expect(() => openReplacing(missing)).toThrow(/ENOENT.*no-such-folder/);
    await expect(replaceFile(missing, 'x')).rejects.toThrow(/ENOENT.*no-such-folder/);
    expect(statSync(folder).isDirectory()).toBe(true);
  });
});
