/**
 * The walkable road lines as a few flat typed arrays: what the graph build reads.
 *
 * Why: reading ~650k `[lng, lat]` arrays (one JS array per vertex) is the slow way to walk coordinates, and a
 * `RoadLines` is plain typed arrays, so it can be posted to another thread (zero-copy) that builds the network
 * there, away from the large heap of the calling thread: at ×50 each full garbage collection of the CLI's main
 * heap (~140 MB of features) cost 100–400 ms, and the build's ~180 MB of typed arrays triggered two or three.
 */
import { isWalkable, roadClassOf } from '../config/roads';
import type { FlatLines } from '../geo/flatLine';
import { flatLineOf } from '../geo/flatLine';
import type { Road } from '../types';
import { EDGE_CLASS_NAMES } from './types';

export interface RoadLines {
  /** Interleaved [lng, lat] of every vertex of every walkable line part, part after part (non-finite kept). */
  lngLat: Float64Array;
  /** Vertices of part p: `partStart[p] .. partStart[p + 1]` (vertex numbers, not array offsets). */
  partStart: Int32Array;
  /** Input road index of each part. */
  partRoad: Int32Array;
  /** `EDGE_CLASS_NAMES` index of each part's road class. */
  partClass: Uint8Array;
  /** [minLng, minLat, maxLng, maxLat] over every vertex (NaN ignored), for the local projection. */
  bbox: Float64Array;
  /** Input roads dropped as not walkable. */
  droppedWays: number;
}

/** Reused holder so a LineString is walked as one part without allocating an array per road. */
const oneLine: number[][][] = [[]];

function partsOf(road: Road): number[][][] {
  const g = road.geometry;
  if (!g) return [];
  if (g.type === 'LineString') {
    oneLine[0] = g.coordinates;
    return oneLine;
  }
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

const isOwnTag = Object.prototype.propertyIsEnumerable;
/** Reused tag object for `isWalkable`: the three tags it reads, as `{ highway, ...properties }` would hold them. */
const walkTags: { highway: unknown; foot: unknown; access: unknown } = { highway: undefined, foot: undefined, access: undefined };

/**
 * `isWalkable({ highway: road.highway, ...road.properties })` without copying every property of every road
 * (93k object spreads at ×50): own enumerable properties win over `road.highway`, as in the spread.
 */
function roadIsWalkable(road: Road): boolean {
  const p = road.properties;
  walkTags.highway = p != null && isOwnTag.call(p, 'highway') ? p.highway : road.highway;
  walkTags.foot = p != null && isOwnTag.call(p, 'foot') ? p.foot : undefined;
  walkTags.access = p != null && isOwnTag.call(p, 'access') ? p.access : undefined;
  return isWalkable(walkTags);
}

/**
 * Flatten the walkable roads (`isWalkable` on `{ highway, ...properties }`): every LineString and every part of
 * a MultiLineString becomes one part, in input order; other geometries and non-walkable roads add nothing.
 *
 * @example
 * ```ts
 * const lines = flattenRoads(roads);
 * console.log(lines.partStart.length - 1, 'parts,', lines.lngLat.length / 2, 'vertices,', lines.droppedWays, 'dropped');
 * ```
 */
export function flattenRoads(roads: readonly Road[]): RoadLines {
  const walkable = new Int32Array(roads.length);
  let walkableCount = 0, droppedWays = 0, vertexCount = 0, partCount = 0;
  for (let i = 0; i < roads.length; i++) {
    const road = roads[i];
    if (!roadIsWalkable(road)) {
      droppedWays++;
      continue;
    }
    walkable[walkableCount++] = i;
    const flat = flatLineOf(road.geometry);
    if (flat) {
      partCount++;
      vertexCount += flat.lines.lineStart[flat.index + 1] - flat.lines.lineStart[flat.index];
      continue;
    }
    const parts = partsOf(road);
    partCount += parts.length;
    for (let q = 0; q < parts.length; q++) vertexCount += parts[q].length;
  }
  const lngLat = new Float64Array(2 * vertexCount);
  const partStart = new Int32Array(partCount + 1), partRoad = new Int32Array(partCount), partClass = new Uint8Array(partCount);
  const bbox = Float64Array.of(Infinity, Infinity, -Infinity, -Infinity);
  let v = 0, part = 0;
  for (let w = 0; w < walkableCount; w++) {
    const r = walkable[w];
    const road = roads[r];
    const cls = EDGE_CLASS_NAMES.indexOf(roadClassOf(road.highway));
    const flat = flatLineOf(road.geometry);
    if (flat) {
      // A flat line (core/geo/flatLine): its numbers copied as they are, its coordinates never made.
      v = copyFlatVertices(flat.lines.xy, 2 * flat.lines.lineStart[flat.index], 2 * flat.lines.lineStart[flat.index + 1], lngLat, v, bbox);
      partRoad[part] = r;
      partClass[part] = cls;
      partStart[++part] = v;
      continue;
    }
    const parts = partsOf(road);
    for (let q = 0; q < parts.length; q++) {
      const line = parts[q];
      for (let i = 0; i < line.length; i++) {
        const p = line[i];
        const pLng = p[0], pLat = p[1];
        // The same comparisons as the former per-vertex bbox: NaN never wins, ±Infinity does.
        if (pLng < bbox[0]) bbox[0] = pLng;
        if (pLat < bbox[1]) bbox[1] = pLat;
        if (pLng > bbox[2]) bbox[2] = pLng;
        if (pLat > bbox[3]) bbox[3] = pLat;
        // Anything but a number is skipped by the build, as `Number.isFinite` skipped it before.
        lngLat[2 * v] = typeof pLng === 'number' ? pLng : NaN;
        lngLat[2 * v + 1] = typeof pLat === 'number' ? pLat : NaN;
        v++;
      }
      partRoad[part] = r;
      partClass[part] = cls;
      partStart[++part] = v;
    }
  }
  return { lngLat, partStart, partRoad, partClass, bbox, droppedWays };
}

/**
 * Roads as columns, by a reader that made no `Road` objects (the CLI's clean FlatGeobuf roads, io/fgb/roadTable):
 * road i is line i of `lines`, and its `highway`, `foot` and `access` tags are `tagValues[highway[i]]` and so on,
 * where 0 means the road has no such tag. Every road has a highway tag (its `Road.highway`).
 */
export interface RoadColumns {
  lines: FlatLines;
  highway: Uint16Array;
  foot: Uint16Array;
  access: Uint16Array;
  /** Distinct tag values; `tagValues[0]` stands for "no tag". */
  tagValues: readonly string[];
}

/**
 * `flattenRoads` of the roads the columns stand for: the same arrays, without a `Road` object per road. Whether a
 * road is walkable and its class depend on its three tags only, so they are worked out once per combination.
 */
export function flattenRoadColumns(c: RoadColumns): RoadLines {
  const n = c.highway.length;
  const { xy, lineStart } = c.lines;
  const values = c.tagValues;
  // Per road: its class index + 1, or 0 when not walkable; per tag combination from a small map.
  const classOfRoad = new Uint8Array(n);
  const combos = new Map<number, number>();
  let droppedWays = 0, vertexCount = 0, partCount = 0;
  for (let i = 0; i < n; i++) {
    const key = (c.highway[i] * 65536 + c.foot[i]) * 65536 + c.access[i];
    let code = combos.get(key);
    if (code === undefined) {
      walkTags.highway = values[c.highway[i]];
      walkTags.foot = c.foot[i] ? values[c.foot[i]] : undefined;
      walkTags.access = c.access[i] ? values[c.access[i]] : undefined;
      code = isWalkable(walkTags) ? EDGE_CLASS_NAMES.indexOf(roadClassOf(values[c.highway[i]])) + 1 : 0;
      combos.set(key, code);
    }
    classOfRoad[i] = code;
    if (code === 0) { droppedWays++; continue; }
    partCount++;
    vertexCount += lineStart[i + 1] - lineStart[i];
  }
  const lngLat = new Float64Array(2 * vertexCount);
  const partStart = new Int32Array(partCount + 1), partRoad = new Int32Array(partCount), partClass = new Uint8Array(partCount);
  const bbox = Float64Array.of(Infinity, Infinity, -Infinity, -Infinity);
  let v = 0, part = 0;
  for (let r = 0; r < n; r++) {
    const code = classOfRoad[r];
    if (code === 0) continue;
    v = copyFlatVertices(xy, 2 * lineStart[r], 2 * lineStart[r + 1], lngLat, v, bbox);
    partRoad[part] = r;
    partClass[part] = code - 1;
    partStart[++part] = v;
  }
  return { lngLat, partStart, partRoad, partClass, bbox, droppedWays };
}

/** The columns a `lazyRoadLines` object stands for, while it has not been read. */
const lazyColumns = new WeakMap<RoadLines, RoadColumns>();

/**
 * `flattenRoadColumns(c)`, made on the first read of any of its members. Why: the CLI hands a clean roads file's
 * columns to a distance thread, which flattens them there while this thread reads the other inputs (the thread
 * was idle, and this was its one thread busy: ×50, ~35–45 ms earlier); this object stands for the lines in the
 * meantime, and is flattened here only if the thread fails and the network is built here after all.
 */
export function lazyRoadLines(c: RoadColumns): RoadLines {
  let lines: RoadLines | null = null;
  const get = (): RoadLines => {
    if (!lines) {
      lines = flattenRoadColumns(c);
      lazyColumns.delete(view);
    }
    return lines;
  };
  const view: RoadLines = {
    get lngLat() { return get().lngLat; },
    get partStart() { return get().partStart; },
    get partRoad() { return get().partRoad; },
    get partClass() { return get().partClass; },
    get bbox() { return get().bbox; },
    get droppedWays() { return get().droppedWays; },
  };
  lazyColumns.set(view, c);
  return view;
}

/** The columns behind `lines` when it is a `lazyRoadLines` object not read yet (then they can go instead). */
export function columnsBehind(lines: RoadLines): RoadColumns | undefined {
  return lazyColumns.get(lines);
}

/** Whether a network source is columns (`RoadColumns`) rather than flattened lines. */
export function isRoadColumns(x: RoadLines | RoadColumns): x is RoadColumns {
  return 'highway' in x;
}

/**
 * Copy the [x, y] numbers `from` … `to` (array offsets) of `xy` into `lngLat` from vertex `v` on, widening `bbox`
 * ([minLng, minLat, maxLng, maxLat]: NaN never wins, ±Infinity does); returns the next vertex number.
 */
function copyFlatVertices(xy: Float64Array, from: number, to: number, lngLat: Float64Array, v: number, bbox: Float64Array): number {
  let out = v;
  for (let i = from; i < to; i += 2) {
    const pLng = xy[i], pLat = xy[i + 1];
    if (pLng < bbox[0]) bbox[0] = pLng;
    if (pLat < bbox[1]) bbox[1] = pLat;
    if (pLng > bbox[2]) bbox[2] = pLng;
    if (pLat > bbox[3]) bbox[3] = pLat;
    lngLat[2 * out] = pLng;
    lngLat[2 * out + 1] = pLat;
    out++;
  }
  return out;
}
