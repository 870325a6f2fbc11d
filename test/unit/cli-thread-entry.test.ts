/** Where the CLI's thread entries are found, from sources and from the bundle's root or its chunks/ (src/cli/threadEntry.ts). */
import { describe, expect, it } from 'vitest';
import { threadEntry } from '../../src/cli/threadEntry';

describe('threadEntry', () => {
  it('next to the TypeScript source starting the thread', () => {
    expect(threadEntry('distanceThread', 'file:///w/src/cli/distancePool.ts').href).toBe('file:///w/src/cli/distanceThread.ts');
    expect(threadEntry('zoningThread', 'file:///w/src/cli/zoningTask.ts').href).toBe('file:///w/src/cli/zoningThread.ts');
  });

  it('at the bundle root, from the entry module or from a shared chunk', () => {
    expect(threadEntry('distanceThread', 'file:///d/dist-cli/analyze.mjs').href).toBe('file:///d/dist-cli/distanceThread.mjs');
    expect(threadEntry('zoningThread', 'file:///d/dist-cli/chunks/analyze-CYWap2FI.mjs').href).toBe('file:///d/dist-cli/zoningThread.mjs');
    // A folder merely named like it higher up changes nothing.
    expect(threadEntry('zoningThread', 'file:///chunks/dist-cli/analyze.mjs').href).toBe('file:///chunks/dist-cli/zoningThread.mjs');
  });
});
