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

export function findComponents(g: Csr): Components {
  const { nodeCount, offsets, targets, slotMeters } = g;
  const componentOf = new Int32Array(nodeCount).fill(-1);
  const queue = new Int32Array(nodeCount);
  const nodes: number[] = [];
  const meters: number[] = [];
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
