/** The end of a file-writing worker thread, as a promise: resolved when it reports `{ ok: true }`, else rejected. */
import type { Worker } from 'node:worker_threads';

export function writerThreadDone(worker: Worker, label: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    worker.once('message', (m: { ok: boolean; message?: string }) => {
      settled = true;
      if (m.ok) resolve(); else reject(new Error(`${label}: ${m.message ?? 'write failed'}`));
    });
    worker.once('error', (e) => { if (!settled) { settled = true; reject(e); } });
    worker.once('exit', (code) => { if (!settled) { settled = true; reject(new Error(`${label}: writer thread stopped (${code})`)); } });
  });
}
