/**
 * Keeps the analysis results in step with the inputs: whenever the data, the analysis settings or the active
 * scenario change, it (re)runs the accessibility analysis in the Worker, cancelling a run that became stale.
 * With planned facilities active it also keeps the result without them (the "before" of before/after); that
 * baseline is reused while only the scenario changes.
 */
import type { AccessibilityResult } from '../core/coverage';
import type { AnalysisSettings } from '../core/config/defaults';
import type { Facility } from '../core/types';
import type { AppState, AppStore } from '../store';
import { activePlanned } from '../store/analysisSlice';
import { AnalysisCancelledError, AnalysisClient } from '../worker/client';
import type { AnalysisData } from '../worker/protocol';

/**
 * `?threads=always` in the page address shares the distance searches out to helper Workers even for a small
 * network (to try or test the multi-thread path on the sample city); by default only big networks are.
 */
function parallelMinNodes(): number | undefined {
  const q = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('threads');
  return q === 'always' ? 0 : undefined;
}

/** Wait this long after the last input change: slider drags and quick edits cause one run, not many. */
const DEBOUNCE_MS = 120;

interface Inputs {
  data: AnalysisData;
  settings: AnalysisSettings;
  planned: Facility[];
}

export class AnalysisRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastData: AnalysisData | null = null;
  private baseline: { data: AnalysisData; settings: AnalysisSettings; result: AccessibilityResult } | null = null;
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: AppStore, private readonly client: AnalysisClient = new AnalysisClient()) {
    this.unsubscribe = store.subscribe((s, p) => this.onChange(s, p));
    if (store.getState().dataVersion > 0) this.schedule();
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.client.dispose();
  }

  private onChange(s: AppState, p: AppState): void {
    if (s.analysisCancelCount !== p.analysisCancelCount) {
      this.generation++;
      if (this.timer) clearTimeout(this.timer);
      this.client.cancel();
      return;
    }
    const changed =
      s.communities !== p.communities || s.facilities !== p.facilities || s.roads !== p.roads ||
      s.analysisSettings !== p.analysisSettings || s.scenario !== p.scenario;
    if (changed && s.dataVersion > 0) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.run(); }, DEBOUNCE_MS);
  }

  private inputs(): Inputs {
    const s = this.store.getState();
    // One object per dataset so the client sends it to the Worker only when it really changed.
    if (!this.lastData || this.lastData.communities !== s.communities || this.lastData.facilities !== s.facilities || this.lastData.roads !== s.roads) {
      this.lastData = { communities: s.communities, facilities: s.facilities, roads: s.roads };
    }
    return { data: this.lastData, settings: s.analysisSettings, planned: activePlanned(s) };
  }

  private async run(): Promise<void> {
    const gen = ++this.generation;
    const { data, settings, planned } = this.inputs();
    const st = this.store.getState();
    const needBaseline = planned.length > 0 && !(this.baseline && this.baseline.data === data && this.baseline.settings === settings);
    const runs = (needBaseline ? 1 : 0) + 1;
    let doneRuns = 0;
    // Progress messages travel on their own channel and can arrive after the result: ignore them once it is in.
    let live = true;
    const progress = (phase: string, done: number, total: number) => {
      if (!live || gen !== this.generation) return;
      const within = total > 0 ? done / total : 0;
      this.store.getState().setAnalysisRunning({ phase, fraction: (doneRuns + within) / runs });
    };
    st.setAnalysisRunning({ phase: 'start', fraction: 0 });
    try {
      if (needBaseline) {
        const base = await this.client.run(data, { settings, plannedFacilities: [], parallelMinNodes: parallelMinNodes() }, (p) => progress(p.phase, p.done, p.total));
        this.baseline = { data, settings, result: base };
        doneRuns++;
      }
      const result = await this.client.run(data, { settings, plannedFacilities: planned, parallelMinNodes: parallelMinNodes() }, (p) => progress(p.phase, p.done, p.total));
      live = false;
      if (gen !== this.generation) return;
      if (planned.length === 0) this.baseline = { data, settings, result };
      this.store.getState().setAnalysisDone(result, planned.length > 0 ? this.baseline?.result ?? null : null);
    } catch (e) {
      live = false;
      if (e instanceof AnalysisCancelledError || gen !== this.generation) return;
      this.store.getState().setAnalysisError(e instanceof Error ? e.message : String(e));
    }
  }
}
