/**
 * Validate a layer after it is in WGS84: repair geometry where safe, skip what cannot be used, and warn about
 * attributes. Returns the features to keep plus one issue per change or skip, so nothing is dropped silently.
 */
import type { Feature } from 'geojson';
import type { InputIssue } from '../core/types';
import { issue, issueOfText } from './issue';
import { GEOMETRY_REASON_CODES, GEOMETRY_REPAIR_CODES, PROPERTY_WARNING_CODES } from './issueTemplates';
import { checkGeometry } from './validate/geometry';
import type { PropertyRules } from './validate/properties';
import { checkProperties } from './validate/properties';

export interface ValidateOptions extends PropertyRules {
  fileName: string;
  /** How to name feature i in messages (e.g. CSV line numbers); default "Feature <sourceIndex>". */
  labelOf?: (index: number) => string;
  /** Index in the source file of feature i (readers drop unreadable features, shifting positions). */
  sourceIndex?: readonly number[];
}

export interface ValidateResult {
  features: Feature[];
  issues: InputIssue[];
  /** Index (in the input list, not the source file) of each kept feature. */
  keptIndex: number[];
}

type Family = 'point' | 'line' | 'polygon' | 'collection';
const FAMILY: Record<string, Family> = { Point: 'point', MultiPoint: 'point', LineString: 'line', MultiLineString: 'line', Polygon: 'polygon', MultiPolygon: 'polygon', GeometryCollection: 'collection' };

/** The feature as kept when its geometry changed or it is not a plain feature: a new object. */
function keptCopy(f: Feature, geometry: Feature['geometry'], properties: NonNullable<Feature['properties']>): Feature {
  const out: Feature = { type: 'Feature', geometry, properties };
  if (f.id !== undefined) out.id = f.id;
  return out;
}

/**
 * Whether `keptCopy` of the feature (with its own geometry) would equal it member for member, in order: then
 * the feature itself is kept (×50: 98k objects fewer for every later garbage collection to copy).
 */
function sameAsKept(f: Feature): boolean {
  if (f.type !== 'Feature' || f.properties === null || typeof f.properties !== 'object') return false;
  // for…in rather than Object.keys: no key list per feature (118k at ×50). It also lists inherited enumerable
  // keys, which can only make this false, and a false answer just keeps a copy equal to the feature.
  let n = 0, same = true;
  for (const key in f) {
    same = same && (n === 0 ? key === 'type' : n === 1 ? key === 'geometry' : n === 2 ? key === 'properties' : n === 3 && key === 'id' && f.id !== undefined);
    n++;
  }
  return same && (n === 3 || n === 4);
}

/**
 * Check every feature; geometry must already be WGS84 (out-of-range coordinates are skipped).
 * @example validateFeatures(read.features, { fileName: 'a.geojson', numericFields: ['户数'] })
 */
export function validateFeatures(features: readonly Feature[], options: ValidateOptions): ValidateResult {
  const { fileName } = options;
  const src = (i: number): number => options.sourceIndex?.[i] ?? i;
  const label = options.labelOf ?? ((i: number) => `Feature ${src(i)}`);
  const issues: InputIssue[] = [];
  const kept: Feature[] = [];
  const keptIndex: number[] = [];
  // The issue's base (file, index, id) only when there is an issue: most features have none (×50: 118k features).
  const baseOf = (f: Feature, i: number): Pick<InputIssue, 'file' | 'featureIndex'> & { featureId?: string } => {
    const base: Pick<InputIssue, 'file' | 'featureIndex'> & { featureId?: string } = { file: fileName, featureIndex: src(i) };
    if (f.id !== undefined) base.featureId = String(f.id);
    return base;
  };
  // A plain loop, and the geometry types counted per type name in a small list rather than a Map update per
  // feature (×50 roads: 93k features of one type).
  const typeNames: string[] = [];
  const typeTally: number[] = [];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const g = checkGeometry(f);
    if (!g.geometry) {
      issues.push(issueOfText(g.reason ?? 'invalid geometry', GEOMETRY_REASON_CODES, { ...baseOf(f, i), severity: 'error', field: 'geometry', action: 'skipped' }, label(i)));
      continue;
    }
    if (g.repairs.length) {
      const base = baseOf(f, i);
      for (const r of g.repairs) issues.push(issueOfText(r, GEOMETRY_REPAIR_CODES, { ...base, severity: 'info', field: 'geometry', action: 'repaired' }, label(i)));
    }
    const properties = f.properties ?? {};
    const warnings = checkProperties(properties, options);
    if (warnings.length) {
      const base = baseOf(f, i);
      for (const w of warnings) issues.push(issueOfText(w.message, PROPERTY_WARNING_CODES, { ...base, severity: 'warning', field: w.field, action: 'kept' }, label(i)));
    }
    const type = g.geometry.type;
    const t = typeNames.indexOf(type);
    if (t < 0) { typeNames.push(type); typeTally.push(1); } else typeTally[t]++;
    kept.push(g.geometry === f.geometry && sameAsKept(f) ? f : keptCopy(f, g.geometry, properties));
    keptIndex.push(i);
  }
  const typeCounts = new Map<string, number>(typeNames.map((t, k) => [t, typeTally[k]]));
  const families = new Set([...typeCounts.keys()].map((t) => FAMILY[t]));
  if (families.size > 1) {
    const list = [...typeCounts].sort((a, b) => a[0].localeCompare(b[0])).map(([t, n]) => `${t} ${n}`).join(', ');
    issues.push(issue('mixedGeometry', { types: list }, { severity: 'warning', file: fileName, action: 'kept' }));
  }
  return { features: kept, issues, keptIndex };
}
