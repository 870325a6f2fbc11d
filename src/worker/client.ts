/**
 * UI-side handle on the analysis Worker.
 *
 * Cancellation: the core runs synchronously inside the Worker, so a "cancel" message could not be read until the
 * run ends. When inputs change mid-run we terminate the Worker and start a fresh one instead (the data is sent
 * again; the walk network is rebuilt, which on a city-sized network costs far less than finishing a stale run).
 */
import { proxy, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { AccessibilityResult } from '../core/coverage';
import type { AnalysisData, AnalysisProgress, AnalysisRequest, AnalysisWorkerApi, GridRequest, GridResult, PathRequest, PathResult } from './protocol';

export class AnalysisCancelledError extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelledError';
  }
}

type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });

export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Remote<AnalysisWorkerApi> | null = null;
  private sentData: AnalysisData | null = null;
  private pending: { reject: (e: Error) => void } | null = null;

  constructor(private readonly factory: WorkerFactory = defaultFactory) {}

  private ensure(): Remote<AnalysisWorkerApi> {
    if (!this.api) {
      this.worker = this.factory();
      this.api = wrap<AnalysisWorkerApi>(this.worker);
      this.sentData = null;
    }
    return this.api;
  }

  /** Run an analysis; a run already in progress is cancelled (its promise rejects with AnalysisCancelledError). */
  async run(data: AnalysisData, request: AnalysisRequest, onProgress?: (p: AnalysisProgress) => void): Promise<AccessibilityResult> {
    return this.exec(data, (api) => api.analyze(request, onProgress ? proxy(onProgress) : undefined));
  }

  /** Grid coverage over the study area; like `run`, cancels a call in progress. */
  async grid(data: AnalysisData, request: GridRequest, onProgress?: (p: AnalysisProgress) => void): Promise<GridResult> {
    return this.exec(data, (api) => api.grid(request, onProgress ? proxy(onProgress) : undefined));
  }

  /** The walking path to a community's nearest facility of a category; like `run`, cancels a call in progress. */
  async path(data: AnalysisData, request: PathRequest): Promise<PathResult | null> {
    return this.exec(data, (api) => api.path(request));
  }

  private exec<T>(data: AnalysisData, call: (api: Remote<AnalysisWorkerApi>) => Promise<T>): Promise<T> {
    this.cancel();
    const api = this.ensure();
    return new Promise<T>((resolve, reject) => {
      const token = { reject };
      this.pending = token;
      const go = async () => {
        if (this.sentData !== data) {
          await api.setData(data);
          this.sentData = data;
        }
        return call(api);
      };
      go().then(
        (result) => { if (this.pending === token) { this.pending = null; resolve(result); } },
        (err: unknown) => { if (this.pending === token) { this.pending = null; reject(err instanceof Error ? err : new Error(String(err))); } },
      );
    });
  }

  /** True while a run is in progress. */
  get busy(): boolean {
    return this.pending !== null;
  }

  /** Stop the current run, if any, by terminating the Worker. */
  cancel(): void {
    if (!this.pending) return;
    const { reject } = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.sentData = null;
    reject(new AnalysisCancelledError());
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
