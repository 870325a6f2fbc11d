/**
 * GeoJSON LineStrings whose vertices live in one shared Float64Array and become `[lng, lat]` arrays only when
 * someone reads `coordinates`.
 *
 * Why: the ×50 bench roads are 93k lines with 656k vertices. As GeoJSON that is 750k small arrays, which cost the
 * CLI's main thread ~0.5 s (making them, then garbage collections moving them), while the readers that matter
 * (validation, the walk network's `flattenRoads`, the street-offset hint) only walk the numbers once. Those
 * readers look for `flatLineOf(geometry)` and read the shared arrays; every other reader gets real coordinates,
 * the same numbers, made on first read and kept. Nothing may assign to `coordinates` (nothing writes into read
 * geometry anyway: validation, transforms and edits make new objects).
 */
import type { LineString, Position } from 'geojson';

/** The vertices of lines 0 … n − 1: line l is vertices `lineStart[l] … lineStart[l + 1] − 1` of `xy` ([x, y] pairs). */
export interface FlatLines {
  xy: Float64Array;
  lineStart: Int32Array;
}

/** Where a flat line's vertices are. */
export interface FlatLineRef {
  lines: FlatLines;
  index: number;
}

/**
 * The geometry object: `type` its own member, `coordinates` a getter on the prototype, made on first read and
 * kept. A class rather than an object literal with a getter: the literal's per-object accessor cost ~2 µs
 * apiece (×50: ~190 ms for the 93k roads), a constructor call next to nothing.
 */
class FlatLineString implements LineString {
  readonly type = 'LineString' as const;
  // Private: Object.keys and for…in list `type` only, as for a plain LineString without its coordinates.
  #made: Position[] | null = null;
  readonly #flat: FlatLineRef;

  constructor(flat: FlatLineRef) {
    this.#flat = flat;
  }

  static refOf(g: unknown): FlatLineRef | undefined {
    return g instanceof FlatLineString ? g.#flat : undefined;
  }

  get coordinates(): Position[] {
    return (this.#made ??= flatLinePositions(this.#flat.lines, this.#flat.index));
  }

  /** JSON sees an ordinary LineString. */
  toJSON(): LineString {
    return { type: 'LineString', coordinates: this.coordinates };
  }
}

/** Line `index` of `lines` as `[x, y]` arrays (packed, as a decoder pushes them). */
export function flatLinePositions(lines: FlatLines, index: number): Position[] {
  const out: Position[] = [];
  const xy = lines.xy;
  for (let i = 2 * lines.lineStart[index], end = 2 * lines.lineStart[index + 1]; i < end; i += 2) out.push([xy[i], xy[i + 1]]);
  return out;
}

/**
 * A LineString whose coordinates are made from `lines` on first read. Unlike a plain object it does not survive
 * `structuredClone` or a spread (`coordinates` is not an own member): for readers in one thread, such as the
 * CLI's, not for features posted to a Worker.
 */
export function flatLineString(lines: FlatLines, index: number): LineString {
  return new FlatLineString({ lines, index });
}

/** The flat vertices behind a geometry made by `flatLineString`, else undefined. */
export function flatLineOf(g: unknown): FlatLineRef | undefined {
  return FlatLineString.refOf(g);
}

/**
 * `lines` themselves when the features' geometries are exactly their lines 0 … n − 1 in order (a layer as
 * decoded, nothing left out), else null.
 */
export function wholeFlatLines(features: readonly { readonly geometry: unknown }[]): FlatLines | null {
  const first = features.length ? flatLineOf(features[0].geometry) : undefined;
  if (!first) return null;
  const lines = first.lines;
  if (lines.lineStart.length !== features.length + 1) return null;
  for (let i = 0; i < features.length; i++) {
    const ref = flatLineOf(features[i].geometry);
    if (!ref || ref.lines !== lines || ref.index !== i) return null;
  }
  return lines;
}
