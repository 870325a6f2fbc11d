/** Connected components of a CSR graph (iterative BFS; ids in order of each component's smallest node). */
import type { WalkNetwork } from './types';
import { TINY_COMPONENT_METERS } from './types';

type Csr = Pick<WalkNetwork, 'nodeCount' | 'offsets' | 'targets' | 'slotMeters'>;

export interface Components {
  componentOf: Int32Array;
  componentNodes: Int32Array;
  componentMeters: Float64Array;
  componentTiny: Uint8Array;
  largestComponent: number;
}

/**
 * Breadth-first search from every unvisited node in id order: component ids, node counts and metres into
 * `nodes` / `meters`. Its own function, so V8 compiles the search loop on its own (in one function with the
 * summary loops below it fell back to the interpreter after the search, boxing doubles).
 */
function searchComponents(g: Csr, componentOf: Int32Array, nodes: number[], meters: number[]): void {
  const { nodeCount, offsets, targets, slotMeters } = g;
  const queue = new Int32Array(nodeCount);
  for (let start = 0; start < nodeCount; start++) {
    if (componentOf[start] >= 0) continue;
    const id = nodes.length;
    let head = 0, tail = 0, count = 0, twiceMeters = 0;
    queue[tail++] = start;
    componentOf[start] = id;
    while (head < tail) {
      const u = queue[head++];
      count++;
      for (let s = offsets[u]; s < offsets[u + 1]; s++) {
        twiceMeters += slotMeters[s]; // every edge is seen from both ends
        const v = targets[s];
        if (componentOf[v] < 0) {
          componentOf[v] = id;
          queue[tail++] = v;
        }
      }
    }
    nodes.push(count);
    meters.push(twiceMeters / 2);
  }
}

export function findComponents(g: Csr): Components {
  const componentOf = new Int32Array(g.nodeCount).fill(-1);
  const nodes: number[] = [];
  const meters: number[] = [];
  searchComponents(g, componentOf, nodes, meters);
  let largestComponent = -1;
  for (let c = 0; c < nodes.length; c++) if (largestComponent < 0 || nodes[c] > nodes[largestComponent]) largestComponent = c;
  const componentTiny = new Uint8Array(nodes.length);
  for (let c = 0; c < nodes.length; c++) componentTiny[c] = c !== largestComponent && meters[c] < TINY_COMPONENT_METERS ? 1 : 0;
  return {
    componentOf,
    componentNodes: Int32Array.from(nodes),
    componentMeters: Float64Array.from(meters),
    componentTiny,
    largestComponent,
  };
}
