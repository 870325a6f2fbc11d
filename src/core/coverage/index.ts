/** Life-circle accessibility: walking distances, coverage, gaps and paths. */
export { computeAccessibility, computeAccessibilityParallel, PARALLEL_MIN_NODES, startNetworkOnThread } from './compute';
export type { NetworkOnThread } from './prepareOnThread';
export { AccessibilityCache } from './cache';
export { createDistanceThread, responseBuffers } from './parallel';
export type { DistanceThreadRequest, DistanceThreadResponse, TaskPort } from './parallel';
export { gapCells, gapsOfCells, listGaps } from './gaps';
export { nearestWalk, walkPath } from './path';
export type { NearestWalk } from './path';
export { walkMinutes } from './summary';
export { CancelledError, SEARCH_BOUND_FACTOR } from './types';
export type { AccessibilityInput, AccessibilityResult, CategorySummary, Gap, ProgressFn } from './types';
export type { SnapInfo, NetworkStats, WalkNetwork } from '../network';
export { computePointAccess, gridSpacingFor, hexGrid } from './grid';
export { PointAccessCache } from './pointAccessCache';
export type { HexGrid, HexGridOptions, PointAccess } from './grid';
