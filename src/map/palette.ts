/**
 * Cartographic classes shared by the map layers and the legend: one source of truth for colours.
 * Warm = old (pre-2000, the policy's core scope), muted cool/grey = later, so the renovation stock stands out.
 */
import type { RoadClass } from '../core/config/roads';

export interface BuildYearClass {
  id: 'to1980' | 'y1981to1990' | 'y1991to2000' | 'y2001to2010' | 'after2010';
  /** Inclusive lower bound (null = open). */
  fromYear: number | null;
  /** Inclusive upper bound (null = open). */
  toYear: number | null;
  color: string;
}

export const BUILD_YEAR_CLASSES: readonly BuildYearClass[] = [
  { id: 'to1980', fromYear: null, toYear: 1980, color: '#b2182b' },
  { id: 'y1981to1990', fromYear: 1981, toYear: 1990, color: '#e0603a' },
  { id: 'y1991to2000', fromYear: 1991, toYear: 2000, color: '#f4a259' },
  { id: 'y2001to2010', fromYear: 2001, toYear: 2010, color: '#9fb4c7' },
  { id: 'after2010', fromYear: 2011, toYear: null, color: '#c9d1d9' },
];
export const UNKNOWN_BUILD_YEAR_COLOR = '#e4e1da';

/** Fill opacity of community polygons (below 1 so roads and the optional basemap read through). */
export const COMMUNITY_FILL_OPACITY = 0.82;
export const COMMUNITY_FILL_OPACITY_HOVER = 0.97;

export function buildYearClassOf(year: number | null): BuildYearClass | null {
  if (year === null || !Number.isFinite(year)) return null;
  return BUILD_YEAR_CLASSES.find((c) => c.toYear === null || year <= c.toYear) ?? null;
}

export const BASE_COLORS = {
  background: '#f2f0eb',
  water: '#b8d4e8',
  waterOutline: '#8fb6d3',
  roadCasing: '#b3aa9b',
  road: '#ffffff',
  arterial: '#f7d58c',
  footpath: '#8f8576',
  communityOutline: '#6b5e52',
  hover: '#1d4ed8',
  selected: '#0b3d91',
} as const;

export interface RoadClassStyle {
  id: Exclude<RoadClass, 'other'>;
  /** Line width in px at zoom 16 (scaled down at lower zooms). */
  widthAtZ16: number;
  color: string;
  casing: boolean;
  dashed: boolean;
}

/** Drawn bottom to top: footpaths first, arterials last. Roads of class 'other' are drawn as alleys. */
export const ROAD_CLASS_STYLES: readonly RoadClassStyle[] = [
  { id: 'footpath', widthAtZ16: 1.6, color: BASE_COLORS.footpath, casing: false, dashed: true },
  { id: 'alley', widthAtZ16: 2.6, color: BASE_COLORS.road, casing: true, dashed: false },
  { id: 'local', widthAtZ16: 5, color: BASE_COLORS.road, casing: true, dashed: false },
  { id: 'secondary', widthAtZ16: 8, color: '#fdf6e3', casing: true, dashed: false },
  { id: 'arterial', widthAtZ16: 12, color: BASE_COLORS.arterial, casing: true, dashed: false },
];
