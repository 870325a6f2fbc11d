/**
 * The same nearest-facility searches through graphology + graphology-shortest-path (a well-kept JS graph
 * library), as the baseline ratio: a virtual super-source node joined to every facility's split-point ends with
 * the seed metres, then `dijkstra.singleSource` (unbounded: the library has no public distance cut-off).
 */
import { MultiUndirectedGraph } from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import type { SnapInfo, WalkNetwork } from '../../src/core/network';

type WeightGraph = MultiUndirectedGraph<Record<string, unknown>, { weight: number }>;

export function buildGraphologyGraph(net: WalkNetwork): WeightGraph {
  const g: WeightGraph = new MultiUndirectedGraph();
  for (let n = 0; n < net.nodeCount; n++) g.addNode(String(n));
  for (let e = 0; e < net.edgeCount; e++) g.addEdge(String(net.edgeFrom[e]), String(net.edgeTo[e]), { weight: net.edgeMeters[e] });
  return g;
}

const SOURCE = 'S';

function pathMeters(g: WeightGraph, path: string[]): number {
  let meters = 0;
  for (let i = 1; i < path.length; i++) {
    let best = Infinity;
    for (const e of g.edges(path[i - 1], path[i])) best = Math.min(best, g.getEdgeAttribute(e, 'weight'));
    meters += best;
  }
  return meters;
}

/**
 * Nearest metres for the sampled communities of one category; `null` where nothing is reachable.
 * Returns the time of the library work (super-source wiring + singleSource) separately from the sample read-out.
 */
export function graphologyNearest(
  g: WeightGraph, net: WalkNetwork, communitySnap: SnapInfo, facilitySnap: SnapInfo, facilities: Int32Array, sample: number[],
): { ms: number; meters: (number | null)[] } {
  const start = performance.now();
  g.addNode(SOURCE);
  for (const f of facilities) {
    const e = facilitySnap.edge[f];
    if (e < 0) continue;
    const len = net.edgeMeters[e], c = facilitySnap.connectorMeters[f], t = facilitySnap.t[f];
    g.addEdge(SOURCE, String(net.edgeFrom[e]), { weight: c + t * len });
    g.addEdge(SOURCE, String(net.edgeTo[e]), { weight: c + (1 - t) * len });
  }
  const paths = dijkstra.singleSource(g, SOURCE, 'weight');
  const ms = performance.now() - start;
  const nodeMeters = (n: number): number => {
    const p = paths[String(n)];
    return p ? pathMeters(g, p) : Infinity;
  };
  const meters = sample.map((i) => {
    const e = communitySnap.edge[i];
    if (e < 0) return null;
    const len = net.edgeMeters[e], t = communitySnap.t[i];
    let best = Math.min(nodeMeters(net.edgeFrom[e]) + t * len, nodeMeters(net.edgeTo[e]) + (1 - t) * len);
    for (const f of facilities) {
      if (facilitySnap.edge[f] === e) best = Math.min(best, facilitySnap.connectorMeters[f] + Math.abs(facilitySnap.t[f] - t) * len);
    }
    return Number.isFinite(best) ? best + communitySnap.connectorMeters[i] : null;
  });
  g.dropNode(SOURCE);
  return { ms, meters };
}
