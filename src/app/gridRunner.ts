/**
 * Keeps the coverage grid and the requested walking path in step with the inputs. Runs in Workers of its own (a
 * grid client and a path client), so a new grid never cancels the accessibility run and a path request never
 * cancels the grid; each Worker caches its walk network like the analysis Worker does.
 */
import type { AppState, AppStore } from '../store';
import { activePlanned } from '../store/analysisSlice';
import { AnalysisCancelledError, AnalysisClient } from '../worker/client';
import type { AnalysisData } from '../worker/protocol';

const DEBOUNCE_MS = 150;
/**
 * About 4000 cells: on the sample city (~6 × 5 km) that is a ~90 m spacing: finer than the 300 m 5-minute
 * distance, coarse enough that the Worker finishes in well under a second and the map draws it without lag.
 */
export const GRID_TARGET_CELLS = 4000;

export class GridRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastData: AnalysisData | null = null;
  private gridGen = 0;
  private pathGen = 0;
  private pathClient: AnalysisClient | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly store: AppStore, private readonly gridClient: AnalysisClient = new AnalysisClient(),
    private readonly makePathClient: () => AnalysisClient = () => new AnalysisClient()) {
    this.unsubscribe = store.subscribe((s, p) => this.onChange(s, p));
    if (store.getState().dataVersion > 0) this.schedule();
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.gridClient.dispose();
    this.pathClient?.dispose();
  }

  private onChange(s: AppState, p: AppState): void {
    const changed = s.communities !== p.communities || s.facilities !== p.facilities || s.roads !== p.roads ||
      s.analysisSettings !== p.analysisSettings || s.scenario !== p.scenario;
    if (changed && s.dataVersion > 0) {
      this.schedule();
      // A shown path may no longer be the nearest one: recompute it too.
      if (s.pathRequest) void this.runPath();
    } else if (s.pathRequest !== p.pathRequest && s.pathRequest) {
      void this.runPath();
    }
  }

  private data(): AnalysisData {
    const s = this.store.getState();
    if (!this.lastData || this.lastData.communities !== s.communities || this.lastData.facilities !== s.facilities || this.lastData.roads !== s.roads) {
      this.lastData = { communities: s.communities, facilities: s.facilities, roads: s.roads };
    }
    return this.lastData;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.runGrid(); }, DEBOUNCE_MS);
  }

  private async runGrid(): Promise<void> {
    const gen = ++this.gridGen;
    const s = this.store.getState();
    s.setGridRunning();
    try {
      const grid = await this.gridClient.grid(this.data(), { settings: s.analysisSettings, plannedFacilities: activePlanned(s), targetCells: GRID_TARGET_CELLS });
      if (gen === this.gridGen) this.store.getState().setGrid(grid);
    } catch (e) {
      if (e instanceof AnalysisCancelledError || gen !== this.gridGen) return;
      console.warn('coverage grid failed', e);
      this.store.getState().setGrid(null);
    }
  }

  private async runPath(): Promise<void> {
    const gen = ++this.pathGen;
    const s = this.store.getState();
    const req = s.pathRequest;
    if (!req) return;
    this.pathClient ??= this.makePathClient();
    try {
      const path = await this.pathClient.path(this.data(), { settings: s.analysisSettings, plannedFacilities: activePlanned(s), ...req });
      if (gen === this.pathGen && this.store.getState().pathRequest === req) this.store.getState().setPath(path);
    } catch (e) {
      if (e instanceof AnalysisCancelledError || gen !== this.pathGen) return;
      this.store.getState().setPath(null, true);
    }
  }
}
