/**
 * The app state is the intersection of slices. To add a slice (analysis, zones …): write `createXSlice` in its own
 * file typed with `SliceCreator<XSlice>`, add `XSlice` to `AppState` here and spread it in `createAppStore` (index.ts).
 */
import type { StateCreator } from 'zustand';
import type { AnalysisSlice } from './analysisSlice';
import type { CoverageMapSlice } from './coverageMapSlice';
import type { DataSlice } from './dataSlice';
import type { ImportSlice } from './importSlice';
import type { SettingsSlice } from './settingsSlice';
import type { UiSlice } from './uiSlice';
import type { ZonesSlice } from './zonesSlice';

export type AppState = DataSlice & UiSlice & SettingsSlice & ImportSlice & ZonesSlice & AnalysisSlice & CoverageMapSlice;

/** A slice sees (and may read) the whole app state but only contributes its own part. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
