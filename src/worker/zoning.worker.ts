/// <reference lib="webworker" />
/** Zoning Worker: automatic zoning off the main thread (a thin wrapper over `runAutoZoning`). */
import { expose } from 'comlink';
import type { ZoningData, ZoningRequest } from './zoningSession';
import { runAutoZoning } from './zoningSession';

let data: ZoningData = { communities: [], roads: [], water: [] };

const api = {
  setData: (next: ZoningData) => { data = next; },
  run: (request: ZoningRequest) => runAutoZoning(data, request),
};

export type ZoningWorkerApi = typeof api;

expose(api);
