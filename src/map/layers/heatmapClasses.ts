/**
 * Class breaks and colours of the coverage heatmap (shared by the map layer and the legend).
 * Score mode: share of required categories within walking distance of the cell (red = few, green = all).
 * Category mode: walking metres to the nearest facility, stepped at the life-circle distances 300/500/1000 m
 * (GB 50180 5/10/15 minutes); "none" = nothing within the search bound (2 × the category's max walk).
 */
import { LIFE_CIRCLE_METERS } from '../../core/config/defaults';

export interface HeatClass {
  color: string;
  /** Legend label key and values (i18n interpolation). */
  labelKey: string;
  values: Record<string, number>;
}

const SCORE_COLORS = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'];
const WALK_COLORS = ['#1a9641', '#a6d96a', '#fdae61', '#e34a33', '#7f0000'];

/** Score classes by the count of required categories covered (n of requiredCount). */
export function scoreClasses(requiredCount: number): { upTo: number; cls: HeatClass }[] {
  // Upper bounds of the first four classes: < 25 %, < 50 %, < 75 %, < 100 %; the last is "all".
  const q = (f: number) => Math.max(0, Math.ceil(requiredCount * f) - 1);
  const bounds = [q(0.25), q(0.5), q(0.75), requiredCount - 1];
  const out: { upTo: number; cls: HeatClass }[] = [];
  let from = 0;
  bounds.forEach((upTo, i) => {
    if (upTo < from) return;
    out.push({ upTo, cls: { color: SCORE_COLORS[i], labelKey: 'coverage.legend.scoreRange', values: { from, to: upTo, total: requiredCount } } });
    from = upTo + 1;
  });
  out.push({ upTo: requiredCount, cls: { color: SCORE_COLORS[4], labelKey: 'coverage.legend.scoreAll', values: { total: requiredCount } } });
  return out;
}

export function scoreClassIndex(covered: number, requiredCount: number): number {
  const classes = scoreClasses(requiredCount);
  for (let i = 0; i < classes.length; i++) if (covered <= classes[i].upTo) return i;
  return classes.length - 1;
}

export const WALK_BREAKS_METERS = [LIFE_CIRCLE_METERS.fiveMinute, LIFE_CIRCLE_METERS.tenMinute, LIFE_CIRCLE_METERS.fifteenMinute] as const;

export function walkClasses(): HeatClass[] {
  const [a, b, c] = WALK_BREAKS_METERS;
  return [
    { color: WALK_COLORS[0], labelKey: 'coverage.legend.walkUpTo', values: { to: a, minutes: 5 } },
    { color: WALK_COLORS[1], labelKey: 'coverage.legend.walkRange', values: { from: a, to: b, minutes: 10 } },
    { color: WALK_COLORS[2], labelKey: 'coverage.legend.walkRange', values: { from: b, to: c, minutes: 15 } },
    { color: WALK_COLORS[3], labelKey: 'coverage.legend.walkOver', values: { from: c } },
    { color: WALK_COLORS[4], labelKey: 'coverage.legend.walkNone', values: {} },
  ];
}

/** NaN (none within the search bound) → the last class. */
export function walkClassIndex(walkMeters: number): number {
  if (Number.isNaN(walkMeters)) return 4;
  for (let i = 0; i < WALK_BREAKS_METERS.length; i++) if (walkMeters <= WALK_BREAKS_METERS[i]) return i;
  return 3;
}
