/// <reference lib="webworker" />
/**
 * Import Worker: reading and converting files happens here so a large file never freezes the page.
 * A thin wrapper over `ImportSession` (io/importPipeline.ts), which the unit tests call directly.
 */
import { expose } from 'comlink';
import type { Feature } from 'geojson';
import type { InputFile, InspectOptions, LayerChoice } from '../io/importPipeline';
import { ImportSession } from '../io/importPipeline';

const session = new ImportSession();

const api = {
  inspect: (files: InputFile[], roads: Feature[] | undefined, onFile?: (done: number, total: number) => void, options?: InspectOptions) => session.inspectFiles(files, roads, onFile, options),
  readAll: (key: string, roads: Feature[] | undefined) => session.readAll(key, roads),
  build: (choices: LayerChoice[], roads: Feature[] | undefined) => session.build(choices, roads),
};

export type ImportWorkerApi = typeof api;

expose(api);
