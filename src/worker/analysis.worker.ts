/// <reference lib="webworker" />
/**
 * Thin Worker wrapper over the analysis core: tests call exactly the functions that run here.
 */
import { expose, transfer } from 'comlink';
import type { TaskPort } from '../core/coverage';
import { createDistancePorts } from './distancePool';
import { createAnalysisSession } from './session';
import type { AnalysisProgress, AnalysisRequest, AnalysisWorkerApi } from './protocol';

let ports: TaskPort[] | null = null;
const session = createAnalysisSession({ distancePorts: () => (ports ??= createDistancePorts()) });

const api: AnalysisWorkerApi = {
  setData: (data) => session.setData(data),
  async analyze(request: AnalysisRequest, onProgress?: (p: AnalysisProgress) => void) {
    const result = await session.analyze(request, onProgress);
    // Hand the typed arrays over instead of copying them.
    const buffers = [result.walkMeters, result.nearestFacility, result.countWithin, result.covered, result.score]
      .map((a) => a.buffer as ArrayBuffer);
    return transfer(result, buffers);
  },
  networkStats: () => session.networkStats(),
  grid(request, onProgress) {
    const g = session.grid(request, onProgress);
    return transfer(g, [g.centerLngLat, g.walkMeters, g.requiredCovered, g.offNetwork].map((a) => a.buffer as ArrayBuffer));
  },
  path: (request) => session.path(request),
};

expose(api);
