/**
 * Column typing for FlatGeobuf: infer one type per property over all features (the npm package looks only at
 * the first feature and types every number as Double, so GDAL shows integers as Real), and coerce each value
 * to its column type so a mixed column never writes garbage.
 */
import type { Feature } from 'geojson';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';

export type FgbColumnKind = 'Int' | 'Long' | 'Real' | 'String' | 'Boolean' | 'Json';
export interface FgbColumn { name: string; kind: FgbColumnKind }

export const COLUMN_TYPE: Record<FgbColumnKind, ColumnType> = {
  Int: ColumnType.Int, Long: ColumnType.Long, Real: ColumnType.Double, String: ColumnType.String, Boolean: ColumnType.Bool, Json: ColumnType.Json,
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function kindOf(v: unknown): FgbColumnKind {
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'Real';
    return v >= INT32_MIN && v <= INT32_MAX ? 'Int' : Number.isSafeInteger(v) ? 'Long' : 'Real';
  }
  if (typeof v === 'string') return 'String';
  return 'Json';
}

/** Widen two kinds: Int ⊂ Long ⊂ Real; anything else mixed becomes String. */
function widen(a: FgbColumnKind, b: FgbColumnKind): FgbColumnKind {
  if (a === b) return a;
  const numeric: FgbColumnKind[] = ['Int', 'Long', 'Real'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))];
  return 'String';
}

/** Columns in first-seen order over all features; a column with only nulls is String. */
export function inferColumns(features: readonly Feature[]): FgbColumn[] {
  return inferPropertyColumns(features.map((f) => f.properties));
}

/** `inferColumns` over property objects (null/undefined: no properties). */
export function inferPropertyColumns(propertyList: readonly (Record<string, unknown> | null | undefined)[]): FgbColumn[] {
  const kinds = new Map<string, FgbColumnKind | null>();
  for (const properties of propertyList) {
    for (const [k, v] of Object.entries(properties ?? {})) {
      const prev = kinds.get(k) ?? null;
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
        if (!kinds.has(k)) kinds.set(k, null);
        continue;
      }
      const kind = kindOf(v);
      kinds.set(k, prev === null ? kind : widen(prev, kind));
    }
  }
  return [...kinds].map(([name, kind]) => ({ name, kind: kind ?? 'String' }));
}

/** The value to store for a column, or null (stored as absent). */
export function coerce(v: unknown, kind: FgbColumnKind): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'Boolean': return typeof v === 'boolean' ? v : null;
    case 'Int':
    case 'Long': return typeof v === 'number' && Number.isInteger(v) ? v : null;
    case 'Real': return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'String': return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
    case 'Json': return v;
  }
}
