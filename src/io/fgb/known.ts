/**
 * What the fast FlatGeobuf decoder learnt about the coordinates it made, for the passes right after it that
 * would otherwise walk every position again (×50 roads: 656k position arrays scattered in the heap, one
 * pass 20–60 ms): the CRS hints' position counts, for the very feature list it returned.
 *
 * Safe because nothing writes into a feature list or its coordinates after reading (validation, transforms
 * and edits make new ones); the list's length is checked too. (Remembering which coordinate lists were clean
 * for validation too was tried: a WeakMap entry per list, 93k at ×50, cost more than the walk it saved.)
 */
import type { Feature } from 'geojson';

export interface KnownCounts {
  /** Feature count when decoded (a list that changed length is not trusted). */
  features: number;
  /** Finite positions, and those among them outside ±180 / ±90. */
  total: number;
  outside: number;
}

const counts = new WeakMap<readonly Feature[], KnownCounts>();
export function rememberCounts(features: readonly Feature[], known: KnownCounts): void {
  counts.set(features, known);
}

/** The decoder's counts for this very list of features, or null. */
export function knownCounts(features: readonly Feature[]): KnownCounts | null {
  const known = counts.get(features);
  return known !== undefined && known.features === features.length ? known : null;
}
