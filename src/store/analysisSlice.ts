/**
 * Life-circle analysis state: the editable analysis settings, the scenario (planned facilities) and the latest
 * results from the analysis Worker. The runner (`app/analysisRunner.ts`) watches inputs and fills the results;
 * this slice only holds state and pure updaters.
 */
import type { CategoryDef } from '../core/config/categories';
import type { AnalysisSettings } from '../core/config/defaults';
import { defaultAnalysisSettings } from '../core/config/defaults';
import type { AccessibilityResult } from '../core/coverage';
import type { Facility, LngLat } from '../core/types';
import type { SliceCreator } from './types';

export type AnalysisStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface AnalysisProgressState {
  phase: string;
  /** 0..1 over the whole run (both runs when a scenario is on). */
  fraction: number;
}

export interface Scenario {
  /** When off, planned facilities stay on the map (greyed) but are not analysed. */
  enabled: boolean;
  planned: Facility[];
}

export interface AnalysisSlice {
  analysisSettings: AnalysisSettings;
  scenario: Scenario;
  analysisStatus: AnalysisStatus;
  analysisProgress: AnalysisProgressState | null;
  analysisError: string | null;
  /** Result with the scenario applied (or of the existing facilities when no scenario is active). */
  analysisResult: AccessibilityResult | null;
  /** Result of the existing facilities alone, present only while a scenario with planned facilities is active. */
  analysisBaseline: AccessibilityResult | null;
  /** Incremented by the runner for every finished run (tests and UI can wait on it). */
  analysisRunCount: number;
  /** Incremented by `cancelAnalysis`; the runner stops the Worker when it changes. */
  analysisCancelCount: number;

  setWalkSpeed: (metersPerMinute: number) => void;
  updateCategory: (id: string, patch: Partial<Pick<CategoryDef, 'maxWalkMeters' | 'required'>>) => void;
  resetAnalysisSettings: () => void;

  addPlannedFacility: (categoryId: string, at: LngLat, name?: string) => string;
  movePlannedFacility: (id: string, to: LngLat) => void;
  removePlannedFacility: (id: string) => void;
  setScenarioEnabled: (enabled: boolean) => void;
  clearScenario: () => void;

  /** Stop the running analysis (the next input change starts a new one). */
  cancelAnalysis: () => void;

  /** Runner-only updaters. */
  setAnalysisRunning: (progress: AnalysisProgressState | null) => void;
  setAnalysisDone: (result: AccessibilityResult | null, baseline: AccessibilityResult | null) => void;
  setAnalysisError: (message: string) => void;
}

/** Planned facility ids: "P1", "P2" … never reused within a project (undo and saved projects stay unambiguous). */
function nextPlannedId(planned: readonly Facility[]): string {
  let max = 0;
  for (const f of planned) {
    const n = Number(f.id.replace(/^P/, ''));
    if (Number.isFinite(n) && n > max) max = n;
  }
  return `P${max + 1}`;
}

const clampWalkSpeed = (v: number) => Math.min(200, Math.max(20, v));
const clampMaxWalk = (v: number) => Math.min(5000, Math.max(50, Math.round(v)));

export const createAnalysisSlice: SliceCreator<AnalysisSlice> = (set, get) => ({
  analysisSettings: defaultAnalysisSettings(),
  scenario: { enabled: true, planned: [] },
  analysisStatus: 'idle',
  analysisProgress: null,
  analysisError: null,
  analysisResult: null,
  analysisBaseline: null,
  analysisRunCount: 0,
  analysisCancelCount: 0,

  setWalkSpeed: (v) => {
    if (!Number.isFinite(v)) return;
    set((s) => ({ analysisSettings: { ...s.analysisSettings, walkSpeedMetersPerMinute: clampWalkSpeed(v) } }));
  },
  updateCategory: (id, patch) =>
    set((s) => ({
      analysisSettings: {
        ...s.analysisSettings,
        categories: s.analysisSettings.categories.map((c) => {
          if (c.id !== id) return c;
          const next = { ...c };
          if (patch.maxWalkMeters !== undefined && Number.isFinite(patch.maxWalkMeters)) next.maxWalkMeters = clampMaxWalk(patch.maxWalkMeters);
          if (patch.required !== undefined) next.required = patch.required;
          return next;
        }),
      },
    })),
  resetAnalysisSettings: () => set({ analysisSettings: defaultAnalysisSettings() }),

  addPlannedFacility: (categoryId, at, name) => {
    const id = nextPlannedId(get().scenario.planned);
    const facility: Facility = {
      id,
      name: name ?? id,
      categories: [categoryId],
      geometry: { type: 'Point', coordinates: [at[0], at[1]] },
      planned: true,
      properties: { id, category: categoryId, planned: true },
    };
    set((s) => ({ scenario: { ...s.scenario, planned: [...s.scenario.planned, facility] } }));
    return id;
  },
  movePlannedFacility: (id, to) =>
    set((s) => ({
      scenario: {
        ...s.scenario,
        planned: s.scenario.planned.map((f) => (f.id === id ? { ...f, geometry: { type: 'Point', coordinates: [to[0], to[1]] } } : f)),
      },
    })),
  removePlannedFacility: (id) => set((s) => ({ scenario: { ...s.scenario, planned: s.scenario.planned.filter((f) => f.id !== id) } })),
  setScenarioEnabled: (enabled) => set((s) => ({ scenario: { ...s.scenario, enabled } })),
  clearScenario: () => set((s) => ({ scenario: { ...s.scenario, planned: [] } })),

  cancelAnalysis: () =>
    set((s) => (s.analysisStatus === 'running' ? { analysisCancelCount: s.analysisCancelCount + 1, analysisStatus: 'cancelled', analysisProgress: null } : {})),

  setAnalysisRunning: (progress) => set({ analysisStatus: 'running', analysisProgress: progress, analysisError: null }),
  setAnalysisDone: (result, baseline) =>
    set((s) => ({
      analysisStatus: 'done',
      analysisProgress: null,
      analysisError: null,
      analysisResult: result,
      analysisBaseline: baseline,
      analysisRunCount: s.analysisRunCount + 1,
    })),
  setAnalysisError: (message) => set({ analysisStatus: 'error', analysisProgress: null, analysisError: message }),
});

/** The planned facilities that take part in the analysis right now. */
export function activePlanned(s: { scenario: Scenario }): Facility[] {
  return s.scenario.enabled ? s.scenario.planned : [];
}
