/**
 * State kept inside the analysis Worker (or in-process in Node tests): the loaded data and the walk network,
 * rebuilt only when roads or network settings change. Pure core calls; no DOM.
 */
import type { NetworkSettings } from '../core/config/defaults';
import { AccessibilityCache, computeAccessibilityParallel, PARALLEL_MIN_NODES, PointAccessCache } from '../core/coverage';
import type { AccessibilityResult, TaskPort } from '../core/coverage';
import { buildWalkNetwork } from '../core/network';
import type { NetworkStats, WalkNetwork } from '../core/network';
import { computeGrid, computePath } from './gridSession';
import type { AnalysisData, AnalysisProgress, AnalysisRequest, GridRequest, GridResult, PathRequest, PathResult } from './protocol';

export interface AnalysisSession {
  setData(data: AnalysisData): void;
  analyze(request: AnalysisRequest, onProgress?: (p: AnalysisProgress) => void): Promise<AccessibilityResult>;
  networkStats(): NetworkStats | null;
  grid(request: GridRequest, onProgress?: (p: AnalysisProgress) => void): GridResult;
  path(request: PathRequest): PathResult | null;
}

const networkKey = (s: NetworkSettings) => `${s.mergeToleranceMeters}|${s.nodeAtCrossings}`;

export interface SessionOptions {
  /** Helper threads for the distance searches (asked for on the first big network; none = this thread only). */
  distancePorts?: () => TaskPort[];
}

export function createAnalysisSession(options: SessionOptions = {}): AnalysisSession {
  let data: AnalysisData = { communities: [], facilities: [], roads: [] };
  let network: WalkNetwork | null = null;
  let builtFor = '';
  // Reruns after a category setting change reuse points, snapping and the search job (keyed by identity).
  const cache = new AccessibilityCache();
  // The coverage grid's reruns (every settings change) reuse its snapping, job and unchanged columns the same way.
  const gridCache = new PointAccessCache();

  function networkFor(settings: NetworkSettings): WalkNetwork | null {
    if (data.roads.length === 0) return null;
    const key = networkKey(settings);
    if (!network || builtFor !== key) {
      network = buildWalkNetwork(data.roads, settings);
      builtFor = key;
    }
    return network;
  }

  return {
    setData(next) {
      if (next.roads !== data.roads) network = null;
      data = next;
      cache.entry = null;
      gridCache.entry = null;
    },
    async analyze(request, onProgress) {
      const net = networkFor(request.settings.network);
      const facilities = request.plannedFacilities.length ? [...data.facilities, ...request.plannedFacilities] : data.facilities;
      const minNodes = request.parallelMinNodes ?? PARALLEL_MIN_NODES;
      const ports = net && options.distancePorts && net.nodeCount >= minNodes ? options.distancePorts() : [];
      return computeAccessibilityParallel({
        communities: data.communities,
        facilities,
        ...(net ? { network: net } : {}),
        settings: request.settings,
        cache,
        onProgress: onProgress ? (phase, done, total) => onProgress({ phase, done, total }) : undefined,
      }, ports, minNodes);
    },
    networkStats: () => network?.stats ?? null,
    grid: (request, onProgress) => computeGrid(data, networkFor(request.settings.network), request, onProgress, gridCache),
    path: (request) => computePath(data, networkFor(request.settings.network), request),
  };
}
