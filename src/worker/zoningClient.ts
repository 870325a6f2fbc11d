/**
 * UI-side handle on the zoning Worker. The data is sent once per dataset (by reference); a run started while
 * another is in flight supersedes it: the stale Worker is terminated (the core cannot be interrupted mid-run).
 */
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { Zone } from '../core/zoning';
import type { ZoningWorkerApi } from './zoning.worker';
import type { ZoningData, ZoningRequest } from './zoningSession';

export class ZoningSupersededError extends Error {
  constructor() { super('zoning run superseded'); this.name = 'ZoningSupersededError'; }
}

export class ZoningClient {
  private worker: Worker | null = null;
  private api: Remote<ZoningWorkerApi> | null = null;
  private sent: ZoningData | null = null;
  private pending: { reject: (e: Error) => void } | null = null;

  private ensure(): Remote<ZoningWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('./zoning.worker.ts', import.meta.url), { type: 'module', name: 'zoning' });
      this.api = wrap<ZoningWorkerApi>(this.worker);
      this.sent = null;
    }
    return this.api;
  }

  run(data: ZoningData, request: ZoningRequest): Promise<Zone[]> {
    if (this.pending) { this.pending.reject(new ZoningSupersededError()); this.dispose(); }
    const api = this.ensure();
    return new Promise<Zone[]>((resolve, reject) => {
      const token = { reject };
      this.pending = token;
      const go = async () => {
        if (!this.sent || this.sent.communities !== data.communities || this.sent.roads !== data.roads || this.sent.water !== data.water) { await api.setData(data); this.sent = data; }
        return api.run(request);
      };
      go().then(
        (zones) => { if (this.pending === token) { this.pending = null; resolve(zones); } },
        (e: unknown) => { if (this.pending === token) { this.pending = null; reject(e instanceof Error ? e : new Error(String(e))); } },
      );
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.sent = null;
    this.pending = null;
  }
}

/** One client for the app. */
export const zoningClient = new ZoningClient();
