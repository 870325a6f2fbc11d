/**
 * Street lines as two flat typed arrays, for the street-offset hint (nearStreets, streetGrid): the ×50 roads
 * are 93k lines of 656k positions, and reading them as `[lng, lat]` arrays meant a GeoJSON geometry per road
 * built only for the hint to walk. A reader that has the numbers already (the CLI's FlatGeobuf roads) can hand
 * them over in this form; GeoJSON features are converted once by `streetLinesOf`.
 * ×50 town, cold `detectCrsHints(facilities, roads)` in fresh processes (2 cores under load, median of 8–16,
 * CPU ms): on the CLI's roads (flat coordinates, validated) 505 before — every `[lng, lat]` array made for the
 * walk — and 183 now (the decoded layer taken as it is); given StreetLines ~200; on ordinary GeoJSON features
 * about as before (~220–250, the conversion ~42–60 of it: the nested arrays' reads moved there from the walk,
 * whose cost is the per-segment arithmetic either way).
 */
import type { Feature, Position } from 'geojson';
import type { FlatLineRef, FlatLines } from '../../core/geo/flatLine';
import { flatLineOf, wholeFlatLines } from '../../core/geo/flatLine';

/**
 * Street lines as flat arrays: line l has vertices lineStart[l] .. lineStart[l + 1] - 1; xy interleaved [x, y].
 * The very shape of a flat-line layer's arrays (core/geo/flatLine), so a decoded layer is used as it is.
 */
export type StreetLines = FlatLines;

/** A street line as positions ([lon, lat, …]); consecutive positions make one segment. */
export type StreetLine = readonly (readonly number[])[];

/** Lines flat, or as position lists (converted on each call; for tests and odd callers). */
export type StreetLinesInput = StreetLines | readonly StreetLine[];

/** Whether `x` is a `StreetLines` (rather than, say, a list of features or of position lists). */
export function isStreetLines(x: unknown): x is StreetLines {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as { xy?: unknown; lineStart?: unknown };
  return s.xy instanceof Float64Array && s.lineStart instanceof Int32Array;
}

/**
 * Every LineString and every part of a MultiLineString of the features, in input order; other geometries are
 * skipped. Coordinates are stored as `+p[0]`, `+p[1]` (text coerced as the hint always read it, so the numbers
 * are the same to the bit). Two passes, count then fill, into arrays of the exact size.
 * Lines read with flat coordinates (core/geo/flatLine, the CLI's FlatGeobuf roads) are copied from their numbers
 * without making their `[lng, lat]` arrays (656k at ×50), and a whole decoded layer is taken as it is.
 */
export function streetLinesOf(roads: readonly Feature[]): StreetLines {
  const whole = wholeFlatLines(roads);
  if (whole) return whole;
  let lineCount = 0, vertexCount = 0;
  for (let f = 0; f < roads.length; f++) {
    const g = roads[f].geometry;
    const flat = flatLineOf(g);
    if (flat) { lineCount++; vertexCount += flat.lines.lineStart[flat.index + 1] - flat.lines.lineStart[flat.index]; }
    else if (g?.type === 'LineString') { lineCount++; vertexCount += g.coordinates.length; }
    else if (g?.type === 'MultiLineString') for (const line of g.coordinates) { lineCount++; vertexCount += line.length; }
  }
  const out: StreetLines = { xy: new Float64Array(vertexCount * 2), lineStart: new Int32Array(lineCount + 1) };
  let l = 0;
  for (let f = 0; f < roads.length; f++) {
    const g = roads[f].geometry;
    const flat = flatLineOf(g);
    if (flat) l = copyFlatLine(out, l, flat);
    else if (g?.type === 'LineString') l = fillLine(out, l, g.coordinates);
    else if (g?.type === 'MultiLineString') for (const line of g.coordinates) l = fillLine(out, l, line);
  }
  return out;
}

/** The same for lines given as position lists (`+p[0]`, `+p[1]` each). */
export function streetLinesOfPositions(lines: readonly StreetLine[]): StreetLines {
  let vertexCount = 0;
  for (let l = 0; l < lines.length; l++) vertexCount += lines[l].length;
  const out: StreetLines = { xy: new Float64Array(vertexCount * 2), lineStart: new Int32Array(lines.length + 1) };
  for (let l = 0; l < lines.length; l++) fillLine(out, l, lines[l]);
  return out;
}

/** Either form as StreetLines: flat lines as they are, position lists converted (see streetLinesOfPositions). */
export function asStreetLines(lines: StreetLinesInput): StreetLines {
  return isStreetLines(lines) ? lines : streetLinesOfPositions(lines);
}

/** A flat line's numbers as line l of `out` (they are numbers already: `+x` is x); returns l + 1. */
function copyFlatLine(out: StreetLines, l: number, { lines, index }: FlatLineRef): number {
  const from = lines.lineStart[index], to = lines.lineStart[index + 1];
  const src = lines.xy, xy = out.xy;
  // A plain loop, not `set(subarray(…))`: a view object per line (~7 vertices each at ×50) for nothing.
  for (let i = 2 * from, k = 2 * out.lineStart[l]; i < 2 * to; i++, k++) xy[k] = src[i];
  out.lineStart[l + 1] = out.lineStart[l] + to - from;
  return l + 1;
}

/** Line l's positions into `out` after line l − 1's; returns l + 1. */
function fillLine(out: StreetLines, l: number, line: readonly (readonly number[])[] | readonly Position[]): number {
  const { xy, lineStart } = out;
  let k = lineStart[l] * 2;
  for (let i = 0; i < line.length; i++, k += 2) {
    const p = line[i];
    xy[k] = +p[0];
    xy[k + 1] = +p[1];
  }
  lineStart[l + 1] = lineStart[l] + line.length;
  return l + 1;
}
