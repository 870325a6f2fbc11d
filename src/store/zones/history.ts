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
