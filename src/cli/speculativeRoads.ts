/**
 * The walkable road lines of a FlatGeobuf roads file, read straight from its bytes by the distance thread at the
 * start of a run, so the walk network is built while the main thread still reads the roads the usual way
 * (decoding, CRS, validation, `splitRoadLayer`, `toRoads`, `flattenRoads`).
 *
 * Why: the build waited for that reading (~0.7 s at ×50) while the second core idled; the flat read takes
 * ~0.2 s. It is a guess: the thread keeps the network only when the main thread's lines turn out identical, bit
 * for bit (prepareOnThread.ts), and builds again from those otherwise. So the rules below only need to match the
 * usual reading for clean WGS84 files; anything else (a feature validation drops or repairs, another CRS) costs
 * the guess, never a wrong network.
 */
import { readFileSync } from 'node:fs';
import type { Geometry } from 'geojson';
import type { RoadLines } from '../core/network/roadLines';
import { walkableRoadClass } from '../core/network/roadLines';
import { decodeFlatGeobufLines } from '../io/fgb/flatLines';
import { ROAD_FIELD_ALIASES, pickField } from '../io/fields';
import { railOrWaterBarrier } from './roadBarriers';

/** What `toRoads` makes the class from: the first non-empty alias field, else "unclassified". */
function highwayOf(props: Record<string, unknown>): string {
  const p = pickField(props, ROAD_FIELD_ALIASES.highway);
  return p ? String(p.value) : 'unclassified';
}

/** Every column the rules below read: the rest of a file's text columns is not decoded. */
const READ_COLUMNS: ReadonlySet<string> = new Set([...ROAD_FIELD_ALIASES.highway, 'highway', 'foot', 'access', 'tunnel', 'railway', 'waterway', 'natural']);

/** A stand-in feature for `railOrWaterBarrier`, which reads the properties and the geometry's type only. */
const probe = { type: 'Feature' as const, properties: {} as Record<string, unknown>, geometry: { type: 'LineString', coordinates: [] } as Geometry };

/**
 * `flattenRoads(toRoads(roads of splitRoadLayer(features)))` of a clean FlatGeobuf file in WGS84, from its bytes;
 * null when the file is not one (not FlatGeobuf, another CRS, anything the flat decoder leaves to the library).
 */
export function speculativeRoadLines(bytes: Uint8Array): RoadLines | null {
  const file = decodeFlatGeobufLines(bytes, { columns: READ_COLUMNS });
  if (!file) return null;
  // WGS84 as read (no declared CRS, or EPSG:4326); any other declaration may need a transformation: no guess.
  if (file.crs !== null && file.crs !== 'EPSG:4326') return null;
  const { properties, types, featureParts, partStart, lngLat } = file;
  const n = types.length;
  // Walkable road parts: the feature's part range, its road number and class.
  const keptParts: number[] = [];
  const keptRoad: number[] = [];
  const keptClass: number[] = [];
  let road = 0, droppedWays = 0, vertexCount = 0;
  for (let f = 0; f < n; f++) {
    const props = properties[f], type = types[f];
    // splitRoadLayer: a highway tag is never a barrier; railways and waterways without one are barriers only.
    const highway = props.highway;
    if (!(typeof highway === 'string' && highway !== '')) {
      probe.properties = props;
      (probe.geometry as { type: string }).type = type;
      if (railOrWaterBarrier(probe)) continue;
    }
    // toRoads keeps lines only (anything else is an error there).
    if (type !== 'LineString' && type !== 'MultiLineString') continue;
    const r = road++;
    const cls = walkableRoadClass(highwayOf(props), props);
    if (cls < 0) {
      droppedWays++;
      continue;
    }
    for (let p = featureParts[f]; p < featureParts[f + 1]; p++) {
      keptParts.push(p);
      keptRoad.push(r);
      keptClass.push(cls);
      vertexCount += partStart[p + 1] - partStart[p];
    }
  }
  const out = new Float64Array(2 * vertexCount);
  const outStart = new Int32Array(keptParts.length + 1);
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  let v = 0;
  for (let q = 0; q < keptParts.length; q++) {
    const p = keptParts[q];
    for (let i = partStart[p]; i < partStart[p + 1]; i++) {
      const pLng = lngLat[2 * i], pLat = lngLat[2 * i + 1];
      // flattenRoads' comparisons: NaN never wins, ±Infinity does.
      if (pLng < minLng) minLng = pLng;
      if (pLat < minLat) minLat = pLat;
      if (pLng > maxLng) maxLng = pLng;
      if (pLat > maxLat) maxLat = pLat;
      out[2 * v] = pLng;
      out[2 * v + 1] = pLat;
      v++;
    }
    outStart[q + 1] = v;
  }
  return {
    lngLat: out, partStart: outStart, partRoad: Int32Array.from(keptRoad), partClass: Uint8Array.from(keptClass),
    bbox: Float64Array.of(minLng, minLat, maxLng, maxLat), droppedWays,
  };
}

/** The same, read from a file; null when it cannot be read (the main thread's reading reports why). */
export function readSpeculativeRoadLines(path: string): RoadLines | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  return speculativeRoadLines(bytes);
}
