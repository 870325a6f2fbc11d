import { describe, expect, it } from 'vitest';
import { appendWithUniqueIds, renameIssues } from './importMerge';

const items = (...ids: string[]) => ids.map((id, i) => ({ id, n: i }));

describe('adding imported features to the loaded ones', () => {
  it('renames only ids already loaded, to the first free -n suffix, keeping order and other fields', () => {
    const current = items('A', 'B', 'A-2');
    const incoming = items('A', 'C', 'B', 'A-3', 'A');
    const { items: out, renamed } = appendWithUniqueIds(current, incoming);
    // A-2 is loaded and A-3 arrives in the same file: the first added A becomes A-4, the second A-5.
    expect(out.map((x) => x.id)).toEqual(['A', 'B', 'A-2', 'A-4', 'C', 'B-2', 'A-3', 'A-5']);
    expect(out.slice(3).map((x) => x.n)).toEqual([0, 1, 2, 3, 4]);
    expect(renamed).toEqual([{ index: 0, from: 'A', to: 'A-4' }, { index: 2, from: 'B', to: 'B-2' }, { index: 4, from: 'A', to: 'A-5' }]);
    expect(new Set(out.map((x) => x.id)).size).toBe(out.length);
  });

  it('leaves the loaded features untouched and repeats within the added file alone', () => {
    const current = items('A');
    const { items: out, renamed } = appendWithUniqueIds(current, items('X', 'X'));
    expect(out[0]).toBe(current[0]);
    expect(out.map((x) => x.id)).toEqual(['A', 'X', 'X']);
    expect(renamed).toEqual([]);
  });

  it('reports each rename as a repaired id naming the file', () => {
    expect(renameIssues([{ index: 3, from: 'C0001', to: 'C0001-2' }], 'new.geojson', 'community')).toEqual([{
      severity: 'warning', file: 'new.geojson', featureId: 'C0001-2', field: 'id', action: 'repaired',
      message: 'id "C0001" is already used by a loaded community; renamed to "C0001-2"',
      code: 'idRenamedCommunity', params: { from: 'C0001', to: 'C0001-2' },
    }]);
  });
});
