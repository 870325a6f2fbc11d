/** The app store: zustand slices composed into one vanilla store (usable by MapController) plus a React hook. */
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createAnalysisSlice } from './analysisSlice';
import { createCoverageMapSlice } from './coverageMapSlice';
import { createDataSlice } from './dataSlice';
import { createImportSlice } from './importSlice';
import { createSettingsSlice } from './settingsSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';
import { withZonesHistory } from './zones/history';
import { createZonesSlice } from './zonesSlice';

export type { AppState, SliceCreator } from './types';
export type { DataSlice, LoadStatus } from './dataSlice';
export type { ImportMode, ImportPhase, ImportProgress, ImportSlice } from './importSlice';
export type { FeatureKind, FeatureRef, LayerGroupId, PointerInfo, UiSlice } from './uiSlice';
export type { Basemap, Language, SettingsSlice } from './settingsSlice';
export { LAYER_GROUP_IDS } from './uiSlice';
export { LANGUAGES } from './settingsSlice';

export type AppStore = StoreApi<AppState>;

/** A fresh store (tests create their own; the app uses `appStore`). */
export function createAppStore(): AppStore {
  // Zones undo/redo wraps the composed creator (see zones/history.ts for why).
  return createStore<AppState>()(withZonesHistory((...a) => ({
    ...createDataSlice(...a),
    ...createUiSlice(...a),
    ...createSettingsSlice(...a),
    ...createAnalysisSlice(...a),
    ...createCoverageMapSlice(...a),
    ...createImportSlice(...a),
    ...createZonesSlice(...a),
  })));
}

export const appStore: AppStore = createAppStore();

/** React hook over the app store. Selectors returning new objects must be memoised (see selectors.ts). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
