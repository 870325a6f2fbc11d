/**
 * The `--roads` input of `analyze`, in the form each of its readers wants: the walk network's lines, the zoning's
 * barriers, the street lines of the coordinate-system hints, the summary's counts and issues.
 *
 * A clean FlatGeobuf roads file is read as columns (io/fgb/roadTable): no feature, property or `Road` object per
 * road. ×50 bench roads (93k lines), the main thread's CPU from reading to the network's lines: ~0.5 s as
 * features, ~0.1 s as columns; and the distance thread gets the lines that much sooner. Any other file (other
 * formats, other coordinate systems, anything validation would repair, skip or warn about, railways or waterways
 * in the file) is read as features, as before; both ways give the same outputs (tests compare them).
 */
import type { Feature } from 'geojson';
import type { InputIssue, Road } from '../core/types';
import type { BarrierLine } from '../core/zoning';
import type { RoadLines } from '../core/network/roadLines';
import { lazyRoadLines } from '../core/network/roadLines';
import { flatLineString } from '../core/geo/flatLine';
import type { StreetLines } from '../io/crs/streetLines';
import type { Crs } from '../io/crs';
import { toRoads } from '../io/domain';
import { decodeFlatGeobuf } from '../io/fgb/decode';
import type { LayerCounts } from '../io/export/summary';
import type { InputReader } from './inputs';
import { layerCounts } from './inputs';
import { splitRoadLayer } from './zoning';

export interface RoadsInput {
  /** Roads used (mapped), for the log and the summary. */
  count: number;
  /** The summary's figures of the file. */
  counts: LayerCounts;
  /** Reader, validation and mapping issues (none when read as columns). */
  issues: InputIssue[];
  /**
   * For the distances: `roadLines` when read as columns, else `roads`. The same object is what a network build
   * started early (`startNetworkOnThread`) was started from.
   */
  network: { roads: readonly Road[] } | { roadLines: RoadLines };
  /** The lines the zoning may treat as barriers: roads (only `highway` and `geometry` are read), and rail and water. */
  barrierRoads: readonly Pick<Road, 'highway' | 'geometry'>[];
  railAndWater: BarrierLine[];
  /** What the coordinate-system hints of the other layers measure against. */
  streets: readonly Feature[] | StreetLines;
  /** The roads as objects (made on first call when read as columns: for library callers, not the analysis). */
  roads: () => Road[];
}

/** Roads by highway class, as `barriersFromRoads` filters them (it reads no more than these two members). */
function barrierRoadsOf(highway: Uint16Array, values: readonly string[], lines: StreetLines, classes: ReadonlySet<string>): Pick<Road, 'highway' | 'geometry'>[] {
  const out: Pick<Road, 'highway' | 'geometry'>[] = [];
  for (let i = 0; i < highway.length; i++) {
    const hw = values[highway[i]];
    if (classes.has(hw)) out.push({ highway: hw, geometry: flatLineString(lines, i) });
  }
  return out;
}

/** The roads as columns when the file allows it (else as features: `readRoadsAsFeatures`). */
export async function readRoads(
  reader: InputReader, path: string, crs: Crs | undefined, barrierHighways: readonly string[],
): Promise<RoadsInput> {
  return await readRoadsAsTable(reader, path, crs, barrierHighways) ?? await readRoadsAsFeatures(reader, path, crs);
}

/** The roads read as columns (io/fgb/roadTable); null when the file is not one for that. */
export async function readRoadsAsTable(
  reader: InputReader, path: string, crs: Crs | undefined, barrierHighways: readonly string[],
): Promise<RoadsInput | null> {
  const fast = await reader.roadTable(path, crs);
  if (!fast) return null;
  const { table, bytes } = fast;
  const count = table.highway.length;
  let roads: Road[] | null = null;
  return {
    count,
    counts: { file: path, format: 'flatgeobuf', crs: fast.crs, read: count, used: count },
    issues: [],
    // Flattened on the distance thread that builds the network (lazyRoadLines), here only if that one fails.
    network: { roadLines: lazyRoadLines(table) },
    barrierRoads: barrierRoadsOf(table.highway, table.tagValues, table.lines, new Set(barrierHighways)),
    railAndWater: [],
    streets: table.lines,
    // What the feature path maps: for a file read as columns, validation keeps every feature as decoded.
    roads: () => (roads ??= toRoads(decodeFlatGeobuf(bytes, { flatLines: true })?.features ?? [], path).items),
  };
}

/** The roads read as features, validated and mapped (any file the readers take). */
export async function readRoadsAsFeatures(reader: InputReader, path: string, crs: Crs | undefined): Promise<RoadsInput> {
  const layer = await reader.read('roads', path, crs);
  // Railways and waterways in the roads file are zoning barriers, not streets to walk along.
  const split = splitRoadLayer(layer.features);
  const mapped = toRoads(split.roadIndex.map((i) => layer.features[i]), path);
  const keptIndex = layer.keptIndex;
  const issues = [...layer.issues, ...reindex(mapped.issues, split.roadIndex.map((i) => keptIndex[i]))];
  const roads = mapped.items;
  return {
    count: roads.length,
    counts: layerCounts(layer, roads.length),
    issues,
    network: { roads },
    barrierRoads: roads,
    railAndWater: split.barriers,
    streets: layer.features,
    roads: () => roads,
  };
}

/** Domain-mapping issues index the validated features; re-index them to the file's features. */
export function reindex(issues: InputIssue[], keptIndex: readonly number[]): InputIssue[] {
  return issues.map((i) => (i.featureIndex === undefined ? i : { ...i, featureIndex: keptIndex[i.featureIndex] }));
}
