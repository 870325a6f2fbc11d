/**
 * Undo/redo of zoning (zundo). Why `temporal` on the whole app store with `partialize` rather than a separate zones
 * store: the zones must live in the one app store (layer modules, the details panel and persistence read AppState),
 * and a second store bridged by subscriptions would need two-way syncing with loop guards. Wrapping the composed
 * creator once keeps a single source of truth; `partialize` limits history to `zones` + `zoningSettings`, and the
 * reference `equality` skips the many sets that do not touch them (hover, pointer, data …), so they never create
 * history entries and undo never restores data or UI state.
 */
import type { StateCreator, StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import { temporal } from 'zundo';
import type { AppState } from '../types';

export type ZonesHistoryState = Pick<AppState, 'zones' | 'zoningSettings'>;
export type ZonesHistory = StoreApi<TemporalState<ZonesHistoryState>>;

export const ZONES_HISTORY_LIMIT = 100;

/** Wrap the app's composed slice creator with zones history. */
export function withZonesHistory(creator: StateCreator<AppState, [['temporal', unknown]], []>) {
  return temporal<AppState, [], [], ZonesHistoryState>(creator, {
    partialize: (s) => ({ zones: s.zones, zoningSettings: s.zoningSettings }),
    equality: (a, b) => a.zones === b.zones && a.zoningSettings === b.zoningSettings,
    limit: ZONES_HISTORY_LIMIT,
  });
}

/** The zones history of a store made by `createAppStore`. */
export function zonesHistory(store: StoreApi<AppState>): ZonesHistory {
  const t = (store as unknown as { temporal?: ZonesHistory }).temporal;
  if (!t) throw new Error('store was created without withZonesHistory');
  return t;
}

/** An edit still going on (a settings field being typed in): the history length when it began, per store. */
const openEdits = new WeakMap<StoreApi<AppState>, number>();

/**
 * One undo step for many sets: typing "30" → "300" in a settings field sets the store on every keystroke (the
 * counts update live, and undo stays available), but the planner means one change. `endZonesEdit` folds the
 * steps recorded since `beginZonesEdit` into the first one, the state from before the first keystroke.
 */
export function beginZonesEdit(store: StoreApi<AppState>): void {
  if (!openEdits.has(store)) openEdits.set(store, zonesHistory(store).getState().pastStates.length);
}

export function endZonesEdit(store: StoreApi<AppState>): void {
  const start = openEdits.get(store);
  if (start === undefined) return;
  openEdits.delete(store);
  const history = zonesHistory(store);
  const past = history.getState().pastStates;
  // Steps dropped by the limit or undone meanwhile: nothing safe to fold.
  if (past.length <= start + 1) return;
  history.setState({ pastStates: past.slice(0, start + 1) });
}
