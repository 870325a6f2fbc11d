/**
 * UI-side handle on the import Worker (comlink). One Worker per import: it holds the read layers between the
 * dialog's inspect and build steps, and is terminated when the import ends or is cancelled.
 */
import { proxy, transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { Feature } from 'geojson';
import type { BuiltImport, InputFile, InspectOptions, LayerChoice, LayerSummary } from '../io/importPipeline';
import type { ImportWorkerApi } from './import.worker';

export class ImportClient {
  private worker: Worker | null = null;
  private api: Remote<ImportWorkerApi> | null = null;

  private ensure(): Remote<ImportWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
      this.api = wrap<ImportWorkerApi>(this.worker);
    }
    return this.api;
  }

  /** Read the files in the Worker (their buffers are transferred, not copied). */
  inspect(files: InputFile[], roads: Feature[] | undefined, onFile?: (done: number, total: number) => void, options?: InspectOptions): Promise<LayerSummary[]> {
    const api = this.ensure();
    return api.inspect(transfer(files, files.map((f) => f.bytes)), roads, onFile ? proxy(onFile) : undefined, options);
  }

  /** Re-read a layer that was read only inside the map view (the Worker kept its bytes). */
  readAll(key: string, roads: Feature[] | undefined): Promise<LayerSummary | null> {
    return this.ensure().readAll(key, roads);
  }

  build(choices: LayerChoice[], roads: Feature[] | undefined): Promise<BuiltImport> {
    return this.ensure().build(choices, roads);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
