/** Walking network: graph building, snapping and bounded shortest paths (see the files for details). */
export type { WalkNetwork, NetworkStats } from './types';
export { EDGE_CLASS_NAMES, TINY_COMPONENT_METERS } from './types';
export { buildWalkNetwork } from './build';
export { snapPoints } from './snap';
export type { SnapInfo } from './snap';
export { DijkstraWorkspace } from './dijkstra';
export { edgeCoordsBetween, nodeCoords } from './geometry';
