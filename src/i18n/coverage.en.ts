/** Coverage map texts in English (merged into en.ts under `coverage`). Keep keys identical to coverage.zh-CN.ts. */
import type { coverageZhCN } from './coverage.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const coverageEn: Widen<typeof coverageZhCN> = {
  title: 'Coverage map',
  mode: 'Heatmap',
  modeOff: 'Off',
  modeScore: 'All categories (count covered)',
  modeCategory: 'One category (walking distance)',
  category: 'Category',
  opacity: 'Opacity',
  gaps: 'Service gaps',
  showGaps: 'Outline gap communities',
  gapAny: 'Any required category',
  gapLegend: 'Community missing this service',
  offNetworkLegend: 'Too far from the street network (not analysed)',
  cellSize: 'Cell spacing {{meters}} m',
  computing: 'Computing the grid…',
  emptyCells: 'No colour: over {{meters}} m from any street',
  legend: {
    scoreTitle: 'Required categories within walking distance',
    walkTitle: 'Walk to the nearest “{{category}}”',
    scoreRange: '{{from}}–{{to}} of {{total}}',
    scoreAll: 'All {{total}}',
    walkUpTo: '≤ {{to}} m (5 min)',
    walkRange: '{{from}}–{{to}} m ({{minutes}} min)',
    walkOver: '> {{from}} m',
    walkNone: 'None within search range',
  },
  access: {
    title: 'Life-circle access',
    category: 'Category',
    walk: 'Walk',
    nearest: 'Nearest facility',
    covered: 'Met',
    meters: '{{meters}} m',
    minutes: '{{minutes}} min',
    none: 'None in range',
    showPath: 'Show path',
    hidePath: 'Hide path',
    pathNone: 'No walkable path',
    offNetwork: 'This community is too far from the street network to compute walking distances',
    pending: 'Shown when the analysis has finished',
    summary: '{{covered}} of {{total}} required categories covered',
    optional: '(optional)',
  },
  progress: {
    running: 'Analysing {{percent}}%',
    cancel: 'Cancel',
    cancelled: 'Analysis cancelled (it restarts when data or settings change)',
  },
};
