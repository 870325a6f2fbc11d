/** Zoning settings (eligibility rules + automatic-zoning parameters) and their defaults. */
import { DEFAULT_BARRIER_HIGHWAY } from '../../core/config/roads';
import type { EligibilityRules } from '../../core/zoning';
import { DEFAULT_ELIGIBILITY_RULES, DEFAULT_GAP_METERS, DEFAULT_MAX_AREA_SQM, DEFAULT_MAX_HOUSEHOLDS } from '../../core/zoning';

export interface ZoningSettings {
  rules: Omit<EligibilityRules, 'includeIds'>;
  /** Polygons closer than this (metres) are neighbours; also the gap closed by zone outlines. */
  gapMeters: number;
  /** OSM highway classes a link between neighbours must not cross. */
  barrierHighways: string[];
  /** Water bodies of the data slice are barriers too (when loaded). */
  waterBarriers: boolean;
  maxHouseholds: number;
  maxAreaSqm: number;
}

export const DEFAULT_ZONING_SETTINGS: ZoningSettings = {
  rules: { ...DEFAULT_ELIGIBILITY_RULES },
  gapMeters: DEFAULT_GAP_METERS,
  barrierHighways: [...DEFAULT_BARRIER_HIGHWAY],
  waterBarriers: true,
  maxHouseholds: DEFAULT_MAX_HOUSEHOLDS,
  maxAreaSqm: DEFAULT_MAX_AREA_SQM,
};

/** Road classes offered as barriers in the settings (most to least separating). */
export const BARRIER_HIGHWAY_CHOICES = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary'] as const;
