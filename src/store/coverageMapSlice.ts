/**
 * Coverage map state: heatmap mode/category/opacity, the gap filter and the "show path" request, plus the grid
 * and path results the grid runner (`app/gridRunner.ts`) fills from the Worker. Only state and pure updaters.
 */
import type { GridResult, PathResult } from '../worker/protocol';
import type { SliceCreator } from './types';

/** 'score' = required categories covered per cell; 'category' = walk metres to the nearest of one category. */
export type HeatmapMode = 'off' | 'score' | 'category';

export interface PathRequestState {
  communityId: string;
  categoryId: string;
}

export interface CoverageMapSlice {
  heatmapMode: HeatmapMode;
  heatmapCategory: string;
  /** 0..1 */
  heatmapOpacity: number;
  showGaps: boolean;
  /** A category id, or 'any' = missing at least one required category. */
  gapCategory: string;
  grid: GridResult | null;
  gridStatus: 'idle' | 'running' | 'done' | 'error';
  /** Incremented for every finished grid (tests and UI can wait on it). */
  gridRunCount: number;
  pathRequest: PathRequestState | null;
  path: PathResult | null;
  pathStatus: 'idle' | 'running' | 'done' | 'none' | 'error';

  setHeatmapMode: (mode: HeatmapMode) => void;
  setHeatmapCategory: (categoryId: string) => void;
  setHeatmapOpacity: (opacity: number) => void;
  setShowGaps: (show: boolean) => void;
  setGapCategory: (categoryId: string) => void;
  requestPath: (communityId: string, categoryId: string) => void;
  clearPath: () => void;
  /** Runner-only updaters. */
  setGridRunning: () => void;
  setGrid: (grid: GridResult | null) => void;
  setPath: (path: PathResult | null, failed?: boolean) => void;
}

export const createCoverageMapSlice: SliceCreator<CoverageMapSlice> = (set) => ({
  heatmapMode: 'score',
  heatmapCategory: 'kindergarten',
  heatmapOpacity: 0.6,
  showGaps: true,
  gapCategory: 'any',
  grid: null,
  gridStatus: 'idle',
  gridRunCount: 0,
  pathRequest: null,
  path: null,
  pathStatus: 'idle',

  setHeatmapMode: (heatmapMode) => set({ heatmapMode }),
  setHeatmapCategory: (heatmapCategory) => set({ heatmapCategory, heatmapMode: 'category' }),
  setHeatmapOpacity: (v) => { if (Number.isFinite(v)) set({ heatmapOpacity: Math.min(1, Math.max(0, v)) }); },
  setShowGaps: (showGaps) => set({ showGaps }),
  setGapCategory: (gapCategory) => set({ gapCategory }),
  requestPath: (communityId, categoryId) => set({ pathRequest: { communityId, categoryId }, path: null, pathStatus: 'running' }),
  clearPath: () => set({ pathRequest: null, path: null, pathStatus: 'idle' }),
  setGridRunning: () => set({ gridStatus: 'running' }),
  setGrid: (grid) => set((s) => ({ grid, gridStatus: 'done', gridRunCount: s.gridRunCount + 1 })),
  setPath: (path, failed) => set({ path, pathStatus: failed ? 'error' : path ? 'done' : 'none' }),
});
