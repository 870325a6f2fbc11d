/**
 * The one typed contract between the UI thread and the analysis Worker (exposed with comlink).
 * Everything crossing it is structured-clone friendly; large results come back as transferable typed arrays.
 */
import type { AnalysisSettings } from '../core/config/defaults';
import type { AccessibilityResult } from '../core/coverage';
import type { NetworkStats } from '../core/network';
import type { Community, Facility, Road } from '../core/types';

export interface AnalysisData {
  communities: Community[];
  facilities: Facility[];
  roads: Road[];
}

export interface AnalysisRequest {
  settings: AnalysisSettings;
  /** Scenario facilities (planned, not built) analysed together with the existing ones. */
  plannedFacilities: Facility[];
}

export interface AnalysisProgress {
  phase: string;
  done: number;
  total: number;
}

export interface AnalysisWorkerApi {
  /** Load the study data; the walk network is built lazily on the first analysis and cached per network settings. */
  setData(data: AnalysisData): void;
  /** Run the accessibility analysis on the loaded data. */
  analyze(request: AnalysisRequest, onProgress?: (p: AnalysisProgress) => void): AccessibilityResult;
  /** Network statistics of the cached walk network (null before the first analysis or without roads). */
  networkStats(): NetworkStats | null;
}
