/**
 * "Add to the loaded data" imports: ids must stay unique across the loaded and the added features (selection,
 * zone members, gap rows and exports all key on them), so an added feature whose id is already loaded gets the
 * first free `<id>-2`, `<id>-3` …, and each rename is reported. Ids repeated inside the added file itself are left
 * as the file has them (the same as a "replace" import).
 */
import type { InputIssue } from '../core/types';
import { issue } from '../io/issue';

export interface IdRename { index: number; from: string; to: string }

export function appendWithUniqueIds<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): { items: T[]; renamed: IdRename[] } {
  const loaded = new Set(current.map((x) => x.id));
  const taken = new Set([...loaded, ...incoming.map((x) => x.id)]);
  const items: T[] = [...current];
  const renamed: IdRename[] = [];
  incoming.forEach((x, index) => {
    if (!loaded.has(x.id)) { items.push(x); return; }
    let n = 2;
    while (taken.has(`${x.id}-${n}`)) n++;
    const to = `${x.id}-${n}`;
    taken.add(to);
    renamed.push({ index, from: x.id, to });
    items.push({ ...x, id: to });
  });
  return { items, renamed };
}

/** One 'repaired' issue per renamed id, for the import report. */
export function renameIssues(renamed: readonly IdRename[], file: string, kind: 'community' | 'facility' | 'road'): InputIssue[] {
  const code = kind === 'community' ? 'idRenamedCommunity' : kind === 'facility' ? 'idRenamedFacility' : 'idRenamedRoad';
  return renamed.map((r) => issue(code, { from: r.from, to: r.to }, { severity: 'warning', file, featureId: r.to, field: 'id', action: 'repaired' }));
}
