/**
 * Zoning settings of `analyze`: from the flags (`--zone-gap` …), else the config's `zoning` object, else the
 * defaults. Flag values are checked here (a bad one is a usage error, exit 2); the config's are checked with the
 * rest of the config (config.ts, exit 3 like every config problem).
 */
import { DEFAULT_BARRIER_HIGHWAY, roadClassOf } from '../core/config/roads';
import { DEFAULT_GAP_METERS, DEFAULT_MAX_AREA_SQM, DEFAULT_MAX_HOUSEHOLDS } from '../core/zoning';
import { UsageError } from './errors';

export interface ZoningSettings {
  /** Eligible: built in or before this year (建成年代 ≤ year). */
  eligibleBefore: number;
  /** Polygons closer than this (metres) are neighbours. */
  gapMeters: number;
  /** OSM `highway` classes a link between neighbours must not cross. Railways and waterways always count. */
  barrierHighways: string[];
  maxHouseholds: number;
  maxAreaSqm: number;
}

export const DEFAULT_ZONING: Readonly<ZoningSettings> = {
  eligibleBefore: 2000,
  gapMeters: DEFAULT_GAP_METERS,
  barrierHighways: [...DEFAULT_BARRIER_HIGHWAY],
  maxHouseholds: DEFAULT_MAX_HOUSEHOLDS,
  maxAreaSqm: DEFAULT_MAX_AREA_SQM,
};

/** Limits shared by flags and config, so both say the same thing. */
export const ZONING_LIMITS = {
  gapMeters: [0, 500],
  eligibleBefore: [1800, 2100],
  maxHouseholds: [1, 1_000_000],
  maxAreaSqm: [1, 100_000_000],
} as const;

/** `none` (no road barriers) or OSM highway classes; returns a problem text or the list. */
export function barrierList(parts: readonly string[]): string[] | string {
  const list = parts.map((s) => s.trim()).filter(Boolean);
  if (list.length === 1 && list[0].toLowerCase() === 'none') return [];
  if (!list.length) return 'needs road classes such as motorway,trunk,primary (or "none")';
  for (const c of list) {
    // roadClassOf knows every highway value the engine classifies; anything else is a typo.
    if (roadClassOf(c) === 'other') return `unknown road class "${c}"; use OSM highway values such as motorway, trunk, primary, secondary, tertiary (or "none")`;
  }
  return [...new Set(list)];
}

function numberFlag(name: string, value: string, [min, max]: readonly [number, number], integer: boolean): number {
  const n = Number(value);
  const what = integer ? 'a whole number' : 'a number';
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} must be ${what}, got "${value}"`);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${value}`);
  return n;
}

/** Zoning flags as given on the command line (undefined = not given). */
export interface ZoningFlags {
  zoneGapMeters?: number;
  barriers?: string[];
  zoneMaxHouseholds?: number;
  eligibleBefore?: number;
}

/** The zoning flags' names (without `--`), each taking a value. */
export const ZONING_FLAG_NAMES: readonly string[] = ['zone-gap', 'barriers', 'zone-max-households', 'eligible-before'];

/** Parse the zoning flags from the option values (raw strings by option name). */
export function parseZoningFlags(values: ReadonlyMap<string, string>): ZoningFlags {
  const out: ZoningFlags = {};
  const gap = values.get('zone-gap');
  if (gap !== undefined) out.zoneGapMeters = numberFlag('zone-gap', gap, ZONING_LIMITS.gapMeters, false);
  const barriers = values.get('barriers');
  if (barriers !== undefined) {
    const list = barrierList(barriers.split(','));
    if (typeof list === 'string') throw new UsageError(`--barriers: ${list}`);
    out.barriers = list;
  }
  const maxHh = values.get('zone-max-households');
  if (maxHh !== undefined) out.zoneMaxHouseholds = numberFlag('zone-max-households', maxHh, ZONING_LIMITS.maxHouseholds, true);
  const year = values.get('eligible-before');
  if (year !== undefined) out.eligibleBefore = numberFlag('eligible-before', year, ZONING_LIMITS.eligibleBefore, true);
  return out;
}

/** Flags win over the config, the config over the defaults. */
export function resolveZoning(flags: ZoningFlags, config: Partial<ZoningSettings> = {}): ZoningSettings {
  return {
    eligibleBefore: flags.eligibleBefore ?? config.eligibleBefore ?? DEFAULT_ZONING.eligibleBefore,
    gapMeters: flags.zoneGapMeters ?? config.gapMeters ?? DEFAULT_ZONING.gapMeters,
    barrierHighways: [...(flags.barriers ?? config.barrierHighways ?? DEFAULT_ZONING.barrierHighways)],
    maxHouseholds: flags.zoneMaxHouseholds ?? config.maxHouseholds ?? DEFAULT_ZONING.maxHouseholds,
    maxAreaSqm: config.maxAreaSqm ?? DEFAULT_ZONING.maxAreaSqm,
  };
}
