/**
 * Domain types of the analysis core. Plain data (structured-clone friendly) so that the same objects
 * travel between io/, the Worker and the store. Units are in the names (see ARCHITECTURE.md habit 3).
 */
import type { LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';

/** [longitude, latitude] in WGS84 degrees. Every geometry inside the core is WGS84. */
export type LngLat = [number, number];

/** Id of a service category (see `config/categories.ts`); user tables may add their own. */
export type CategoryId = string;

/** Original, untouched attributes of an input feature: kept through to every export. */
export type Properties = Record<string, unknown>;

export type PropertyManagement = 'professional' | 'self' | 'none';
export type RenovationStatus = 'none' | 'planned' | 'done';

/** 城镇老旧小区: a residential compound (or single building). */
export interface Community {
  /** Stable id: the source's `id` when present, else derived from file and feature index. */
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** 建成年代 */
  buildYear: number | null;
  /** 户数 */
  households: number | null;
  residents: number | null;
  buildings: number | null;
  /** 区县 */
  district: string | null;
  /** 街道 */
  subdistrict: string | null;
  propertyManagement: PropertyManagement | null;
  /** 改造意愿: share of households agreeing, 0..1 */
  willingness: number | null;
  renovation: RenovationStatus;
  renovatedYear: number | null;
  /** 计划征收拆迁 */
  demolitionPlanned: boolean;
  /** 棚户区改建 */
  shantyTown: boolean;
  /** 历史建筑 / 历史文化街区 */
  historic: boolean;
  properties: Properties;
}

/** 服务设施: a point (or polygon) offering one or more service categories. */
export interface Facility {
  id: string;
  name: string;
  categories: CategoryId[];
  geometry: Point | Polygon | MultiPolygon;
  /** True for facilities a planner added in a scenario (not yet built). */
  planned: boolean;
  properties: Properties;
}

/** A road or path line with OSM-like `highway` class and access tags. */
export interface Road {
  id: string;
  /** OSM `highway` value (primary, secondary, residential, service, footway, path, steps …). */
  highway: string;
  name: string | null;
  geometry: LineString | MultiLineString;
  properties: Properties;
}

/** A problem found while reading or checking input: which file, which feature, which field, what. */
export interface InputIssue {
  severity: 'error' | 'warning' | 'info';
  file: string;
  /** 0-based feature index in the file, when the issue is about one feature. */
  featureIndex?: number;
  featureId?: string;
  field?: string;
  /** 'skipped' = feature not kept; 'repaired' = kept after a change; 'kept' = kept as is with a note. */
  action: 'skipped' | 'repaired' | 'kept';
  /** English text, as the CLI, logs and exports print it. */
  message: string;
  /** What the issue is (io/issueTemplates.ts): the UI shows the translation `issues.<code>` with `params`. */
  code?: string;
  /** The values the message quotes (counts, field names, values), by placeholder name. */
  params?: Record<string, string | number>;
}
