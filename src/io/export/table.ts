/** Flatten result features into a CSV table (no geometry): original columns first, in first-seen order. */
import type { Feature } from 'geojson';

export function featureTable(features: readonly Feature[], trailingColumns: readonly string[]): { rows: Record<string, unknown>[]; columns: string[] } {
  const trailing = new Set(trailingColumns);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k) && !trailing.has(k)) { seen.add(k); columns.push(k); }
    }
  }
  return { rows: features.map((f) => ({ ...(f.properties ?? {}) })), columns: [...columns, ...trailingColumns] };
}
