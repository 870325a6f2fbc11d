/**
 * Transient UI state of the Analysis tab: gap-table sort/filter/page and the "place a planned facility" mode.
 * Kept in its own small store (not persisted, not part of undo) so the shared app store stays untouched; the map's
 * placement tool and the panels both subscribe to it.
 */
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type GapSortKey = 'community' | 'category' | 'walkMeters' | 'households';
export type SortDirection = 'asc' | 'desc';

export interface AnalysisUiState {
  gapSort: { key: GapSortKey; direction: SortDirection };
  /** Category id, or null for all categories. */
  gapCategoryFilter: string | null;
  gapPage: number;
  /** Category of the planned facility the next map click adds; null = not placing. */
  placingCategoryId: string | null;
  setGapSort: (key: GapSortKey) => void;
  setGapCategoryFilter: (categoryId: string | null) => void;
  setGapPage: (page: number) => void;
  startPlacing: (categoryId: string) => void;
  stopPlacing: () => void;
}

/** Households sort descending first (the ranking decision-makers quote); other columns ascending first. */
const firstDirection = (key: GapSortKey): SortDirection => (key === 'households' ? 'desc' : 'asc');

export function createAnalysisUiStore(): StoreApi<AnalysisUiState> {
  return createStore<AnalysisUiState>()((set) => ({
    gapSort: { key: 'households', direction: 'desc' },
    gapCategoryFilter: null,
    gapPage: 0,
    placingCategoryId: null,
    setGapSort: (key) =>
      set((s) => ({
        gapSort: s.gapSort.key === key
          ? { key, direction: s.gapSort.direction === 'asc' ? 'desc' : 'asc' }
          : { key, direction: firstDirection(key) },
        gapPage: 0,
      })),
    setGapCategoryFilter: (categoryId) => set({ gapCategoryFilter: categoryId, gapPage: 0 }),
    setGapPage: (page) => set({ gapPage: Math.max(0, Math.floor(page)) }),
    startPlacing: (categoryId) => set({ placingCategoryId: categoryId }),
    stopPlacing: () => set({ placingCategoryId: null }),
  }));
}

export const analysisUiStore: StoreApi<AnalysisUiState> = createAnalysisUiStore();

export function useAnalysisUi<T>(selector: (s: AnalysisUiState) => T): T {
  return useStore(analysisUiStore, selector);
}
