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
  /**
   * Share the distance searches out to helper Workers from this many search-graph nodes on (default
   * PARALLEL_MIN_NODES; 0 = always, used by `?threads=always` and the browser tests).
   */
  parallelMinNodes?: number;
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
  analyze(request: AnalysisRequest, onProgress?: (p: AnalysisProgress) => void): Promise<AccessibilityResult>;
  /** Network statistics of the cached walk network (null before the first analysis or without roads). */
  networkStats(): NetworkStats | null;
  /** Coverage of a hexagon grid over the study area (cells snapped like communities). */
  grid(request: GridRequest, onProgress?: (p: AnalysisProgress) => void): GridResult;
  /** The walking path from a community to its nearest facility of a category (null when none). */
  path(request: PathRequest): PathResult | null;
}

export interface GridRequest extends AnalysisRequest {
  /** Aim for about this many cells (the spacing follows the study area's extent). */
  targetCells: number;
}

/** Per grid cell, typed arrays (transferred). Cells with offNetwork = 1 have no value (empty, not zero). */
export interface GridResult {
  spacingMeters: number;
  degPerMeterLng: number;
  degPerMeterLat: number;
  categoryIds: string[];
  /** Interleaved [lng, lat]. */
  centerLngLat: Float64Array;
  /** [cell * nCat + cat] metres; NaN = none within the search bound. */
  walkMeters: Float64Array;
  requiredCovered: Uint8Array;
  requiredCount: number;
  offNetwork: Uint8Array;
}

export interface PathRequest extends AnalysisRequest {
  communityId: string;
  categoryId: string;
}

export interface PathResult {
  communityId: string;
  categoryId: string;
  coordinates: [number, number][];
  walkMeters: number;
  facilityId: string;
  facilityName: string;
}
