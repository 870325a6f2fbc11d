/**
 * The `analyze` pipeline: read the inputs, map them to domain objects, compute accessibility, zone the
 * eligible communities, build and write the outputs. Tests call `runAnalyze` in-process; main.ts only parses arguments and reports.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Feature } from 'geojson';
import type { AnalysisSettings } from '../core/config/defaults';
import { defaultAnalysisSettings } from '../core/config/defaults';
import { startDistancePool } from './distancePool';
import type { DistancePool } from './distancePool';
import type { AccessibilityResult, Gap } from '../core/coverage';
import { computeAccessibilityParallel, gapCells, gapsOfCells, PARALLEL_MIN_NODES, startNetworkOnThread } from '../core/coverage';
import type { Community, Facility, InputIssue, Road } from '../core/types';
import type { Crs, GeographicCrs } from '../io/crs';
import { WGS84 } from '../io/crs';
import { toCommunities, toFacilities } from '../io/domain';
import type { CommunityResultInput } from '../io/export/communityResults';
import { communityResultFeatures, resultColumns, rowOfSource } from '../io/export/communityResults';
import { CommunityFrames } from '../io/export/communitiesText';
import { zoneFeatures as zoneFeaturesOf } from '../io/export/zones';
import type { AnalysisSummaryJson } from '../io/export/summary';
import { buildSummary } from '../io/export/summary';
import type { AnalyzeOptions } from './args';
import { DEFAULT_FORMATS } from './args';
import type { CliConfig } from './config';
import { parseConfigDocument } from './config';
import { InputError, UsageError } from './errors';
import type { InputRole } from './inputs';
import { InputReader, crsOption, layerCounts } from './inputs';
import { readRoads, reindex } from './roadsInput';
import type { ZoneOutputs } from './write';
import { makeOutDir, outGeometryOf, startZoneFiles, writeOutputs } from './write';
import type { ZoningRun } from './zoning';
import type { ZoningThread } from './zoningTask';
import { beginZoning, zoningThreadFor } from './zoningTask';
import type { ZoningSettings } from './zoningOptions';
import { resolveZoning } from './zoningOptions';

export interface AnalyzeOutputs {
  outDir: string;
  /** Paths written, in writing order. */
  files: string[];
  settings: AnalysisSettings;
  communities: Community[];
  facilities: Facility[];
  /** The roads as objects (made on first read when the file was read as columns, see roadsInput.ts). */
  readonly roads: Road[];
  result: AccessibilityResult;
  /** Uncovered (community, required category) pairs, most households first (made on first read). */
  readonly gaps: Gap[];
  gapCount: number;
  /** Community result features in WGS84 (the written files may be in --out-crs). */
  communityFeatures: Feature[];
  summary: AnalysisSummaryJson;
  issues: InputIssue[];
  zoningSettings: ZoningSettings;
  /** Null with `noZones`. */
  zoning: ZoningRun | null;
  /** Zone features in WGS84 (the written files may be in --out-crs); none with `noZones`. */
  zoneFeatures: Feature[];
}

export type LogFn = (line: string) => void;

export type RunAnalyzeOptions = Pick<AnalyzeOptions, 'communities' | 'facilities' | 'out'>
  & Partial<Pick<AnalyzeOptions, 'roads' | 'config' | 'formats' | 'strict' | 'crsCommunities' | 'crsFacilities' | 'crsRoads' | 'outCrs'
    | 'zoneGapMeters' | 'barriers' | 'zoneMaxHouseholds' | 'eligibleBefore' | 'threads' | 'noZones'>>;

function describeIssue(i: InputIssue): string {
  const where = i.featureId !== undefined ? ` feature ${i.featureId}` : i.featureIndex !== undefined ? ` feature #${i.featureIndex}` : '';
  const field = i.field ? ` (field ${i.field})` : '';
  return `${i.file}${where}${field}: ${i.message}`;
}

async function loadConfig(configPath: string | undefined): Promise<CliConfig> {
  if (!configPath) return { settings: defaultAnalysisSettings(), zoning: {} };
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    throw new InputError(`--config ${configPath}: file not found or not readable`);
  }
  return parseConfigDocument(text, configPath);
}

/** Roads files from this size on start the distance threads before reading (they load while the inputs are read). */
const THREADS_FROM_ROAD_BYTES = 2 * 1024 * 1024;

/** Features whose frames one slice makes (~5–10 ms on a ×50 run, so a distance thread's answer waits no longer). */
const FRAMES_PER_SLICE = 1000;

/** communities.geojson's frames (`CommunityFrames`), made a slice per event-loop turn from the next turn on. */
function startCommunityFrames(
  features: readonly Feature[], communities: readonly Community[], sourceIndex: readonly number[], settings: AnalysisSettings, outCrs: GeographicCrs,
): CommunityFrames {
  const rows = rowOfSource({ sourceFeatures: features, sourceIndex });
  const frames = new CommunityFrames({ sourceFeatures: features, communities }, rows, resultColumns(settings.categories.map((c) => c.id)), outGeometryOf(outCrs));
  const slice = (): void => {
    try {
      if (!frames.renderNext(FRAMES_PER_SLICE)) setImmediate(slice);
    } catch {
      // Left to the writer: it renders the rest when it writes the file, and its error is reported there.
    }
  };
  setImmediate(slice);
  return frames;
}

/** "1 thread" (the main thread alone), "1 worker thread" (a worker alone), "2 threads" (the main thread and a worker). */
function searchThreads(result: { threads: number; helperThreads: number }): string {
  const n = result.threads;
  return `${n} ${result.helperThreads === n ? 'worker ' : ''}thread${n === 1 ? '' : 's'}`;
}

/**
 * Worker threads for the distance searches: `--threads N` (N ≥ 2: always shared out, N ≤ 1: none), else one per
 * core for a big roads file, used when the network turns out big enough (PARALLEL_MIN_NODES).
 */
async function distanceThreads(options: RunAnalyzeOptions): Promise<{ pool: DistancePool | null; minNodes: number }> {
  // N − 1 workers for the distance work; the main thread searches only a job it prepared itself (compute.ts).
  if (options.threads !== undefined) return { pool: options.threads >= 2 ? startDistancePool(options.threads - 1) : null, minNodes: 0 };
  if (!options.roads) return { pool: null, minNodes: PARALLEL_MIN_NODES };
  const bytes = await stat(options.roads).then((s) => s.size, () => 0);
  return { pool: bytes >= THREADS_FROM_ROAD_BYTES ? startDistancePool() : null, minNodes: PARALLEL_MIN_NODES };
}

export async function runAnalyze(options: RunAnalyzeOptions, log: LogFn = () => {}): Promise<AnalyzeOutputs> {
  const threads = await distanceThreads(options);
  // The zoning thread loads while the inputs are read, and drafts the zones while the distances are computed.
  const zoningThread = options.noZones ? null : await zoningThreadFor(options.threads, options.communities);
  try {
    return await analyzeWith(options, log, threads, zoningThread);
  } finally {
    await Promise.all([threads.pool?.close(), zoningThread?.close()]);
  }
}

async function analyzeWith(
  options: RunAnalyzeOptions, log: LogFn, threads: { pool: DistancePool | null; minNodes: number }, zoningThread: ZoningThread | null,
): Promise<AnalyzeOutputs> {
  const t0 = performance.now();
  const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
  const config = await loadConfig(options.config);
  const settings: AnalysisSettings = config.settings;
  const zoningSettings = resolveZoning(options, config.zoning);
  const flag = (role: InputRole, value: string | undefined): Crs | undefined => (value === undefined ? undefined : crsOption(`--crs-${role}`, value));
  const crs = { communities: flag('communities', options.crsCommunities), facilities: flag('facilities', options.crsFacilities), roads: flag('roads', options.crsRoads) };
  const outCrs = options.outCrs === undefined ? WGS84 : crsOption('--out-crs', options.outCrs);
  if (outCrs.kind === 'proj4') throw new UsageError(`--out-crs ${options.outCrs}: outputs can be wgs84, gcj02 or bd09`);
  const reader = new InputReader();
  const issues: InputIssue[] = [];

  // Roads first: in WGS84 they let the hints spot GCJ-02/BD-09 communities and facilities. Without zones no road
  // class is a barrier.
  const roadsInput = options.roads ? await readRoads(reader, options.roads, crs.roads, options.noZones ? [] : zoningSettings.barrierHighways) : null;
  if (roadsInput && options.roads) {
    issues.push(...roadsInput.issues);
    log(`roads: ${roadsInput.count} of ${roadsInput.counts.read} features from ${options.roads} (${roadsInput.counts.crs.label})`);
    if (roadsInput.count === 0) log(`warning: no road lines in ${options.roads}; distances are straight-line`);
  } else {
    log('no --roads: distances are straight-line (analysis_mode "euclidean")');
  }
  const roadNetwork = roadsInput?.network ?? { roads: [] };
  const roadFeatures = roadsInput?.streets;
  // The walk network is built on the first distance thread while the communities and facilities are read here.
  const networkOnThread = threads.pool
    ? startNetworkOnThread(threads.pool.ports, 'roadLines' in roadNetwork ? roadNetwork.roadLines : roadNetwork.roads, settings.network, threads.minNodes)
    : null;

  const communityLayer = await reader.read('communities', options.communities, crs.communities, roadFeatures);
  const mappedCommunities = toCommunities(communityLayer.features, options.communities);
  const communityIssues = [...communityLayer.issues, ...reindex(mappedCommunities.issues, communityLayer.keptIndex)];
  issues.push(...communityIssues);
  if (mappedCommunities.items.length === 0) {
    const why = communityIssues.slice(0, 5).map((i) => `  - ${describeIssue(i)}`).join('\n');
    throw new InputError(`--communities ${options.communities}: no usable communities (${communityLayer.allFeatures.length} features read)${why ? `:\n${why}` : ''}`);
  }
  log(`communities: ${mappedCommunities.items.length} of ${communityLayer.allFeatures.length} features from ${options.communities} (${communityLayer.crs.label})`);
  // Zones need no distances: drafted from here on (on the zoning thread when there is one), finished below.
  const pendingZoning = options.noZones ? null : beginZoning(zoningThread, mappedCommunities.items, roadsInput?.barrierRoads ?? [], roadsInput?.railAndWater ?? [], zoningSettings, log);

  const facilityLayer = await reader.read('facilities', options.facilities, crs.facilities, roadFeatures);
  const mappedFacilities = toFacilities(facilityLayer.features, options.facilities, settings.categories);
  issues.push(...facilityLayer.issues, ...reindex(mappedFacilities.issues, facilityLayer.keptIndex));
  log(`facilities: ${mappedFacilities.items.length} of ${facilityLayer.allFeatures.length} features from ${options.facilities} (${facilityLayer.crs.label})`);

  const errors = issues.filter((i) => i.severity === 'error');
  for (const i of errors.slice(0, 20)) log(`skipped: ${describeIssue(i)}`);
  if (errors.length > 20) log(`… and ${errors.length - 20} more skipped features (all listed in summary.json)`);
  for (const i of issues.filter((x) => x.severity === 'warning' && x.message.startsWith('Coordinate system'))) log(`warning: ${describeIssue(i)}`);
  if (options.strict && errors.length) {
    throw new InputError(`--strict: ${errors.length} input feature(s) could not be used; first: ${describeIssue(errors[0])}`);
  }

  const formats = options.formats ?? DEFAULT_FORMATS;
  let lastPhase = '';
  const computing = computeAccessibilityParallel({
    communities: mappedCommunities.items,
    facilities: mappedFacilities.items,
    ...roadNetwork,
    settings,
    networkOnThread: networkOnThread ?? undefined,
    onProgress: (phase, done, total) => {
      if (phase !== lastPhase || done === total) log(`${phase} ${done}/${total} (${elapsed()})`);
      lastPhase = phase;
    },
  }, threads.pool?.ports ?? [], threads.minNodes, !zoningThread);
  // With the searches on the distance threads and no zoning thread, a core is free while this thread waits: it makes
  // the community file's text that needs no distances meanwhile, a slice at a time (the threads' messages are
  // handled in between). With a zoning thread at work too, both cores are busy then and this only moved work
  // (×50, 20 runs: wall +26 ms, CPU +85 ms).
  const communitySourceIndex = mappedCommunities.sourceIndex.map((i) => communityLayer.keptIndex[i]);
  const communityFrames = threads.pool && !zoningThread && formats.includes('geojson')
    ? startCommunityFrames(communityLayer.allFeatures, mappedCommunities.items, communitySourceIndex, settings, outCrs)
    : undefined;
  const result = await computing;
  log(`distances computed (${result.mode}, ${searchThreads(result)}) in ${elapsed()}`);

  const zoning = pendingZoning ? await pendingZoning.finish(result) : null;
  // Made on first read: by the writers when the zone files are written here, else only if a caller reads them
  // (the zoning thread that drafted the zones writes their files from its own copy).
  let zoneFeatures: Feature[] | null = null;
  const zoneFeaturesNow = (): Feature[] => (zoneFeatures ??= zoning ? zoneFeaturesOf(zoning.zones, zoning.stats) : []);
  // The zoning thread that drafted the zones finishes and writes their files from now on, while this thread lists
  // the gaps and writes the other files.
  const onThread = pendingZoning?.zoneFilesOnThread() ?? null;
  if (onThread) await makeOutDir(options.out);
  const zones: ZoneOutputs | null = zoning && {
    features: zoneFeaturesNow,
    writing: startZoneFiles(onThread, zoneFeaturesNow, options.out, formats, outCrs,
      (why) => log(`warning: zoning thread failed (${why}); zone files written on the main thread`)),
  };
  const pool = threads.pool;
  let files: string[];
  let cellsOfGaps: Float64Array = new Float64Array(0);
  // The gap objects are made only when a caller reads `gaps` (the writers work from the cells).
  let gaps: Gap[] | null = null;
  const gapsNow = (): Gap[] => (gaps ??= gapsOfCells(cellsOfGaps, result, mappedCommunities.items));
  let communityResults: CommunityResultInput;
  let summary: AnalysisSummaryJson;
  try {
    cellsOfGaps = gapCells(result, mappedCommunities.items, settings);
    for (const id of zoning?.duplicateIds ?? []) {
      issues.push({ severity: 'warning', file: options.communities, featureId: id, field: 'id', action: 'kept', message: `community id "${id}" occurs more than once; zone members list its repeats as "${id}#<row>"` });
    }
    if (zoning && pendingZoning) {
      log(`zoning: ${zoning.summary.eligible.communities} eligible communities (${zoning.summary.eligible.households} households) in ${zoning.summary.zones} zones${pendingZoning.draftedOn === 'thread' ? ' (drafted on a thread)' : ''}`);
    } else {
      log('zoning: not run (--no-zones)');
    }
    communityResults = {
      sourceFeatures: communityLayer.allFeatures,
      communities: mappedCommunities.items,
      sourceIndex: communitySourceIndex,
      result,
      issues: communityIssues,
    };
    if (zoning) communityResults.zoning = zoning;
    summary = buildSummary({
      result,
      settings,
      inputs: {
        communities: layerCounts(communityLayer, mappedCommunities.items.length),
        facilities: layerCounts(facilityLayer, mappedFacilities.items.length),
        roads: roadsInput?.counts ?? null,
      },
      outputCrs: outCrs.label,
      households: mappedCommunities.items.reduce((s, c) => s + (c.households ?? 0), 0),
      issues,
      zoning: zoning?.summary ?? null,
    });
    files = await writeOutputs(options.out, formats, { communityResults, zones, gapCells: cellsOfGaps, communities: mappedCommunities.items, settings, summary, categoryIds: result.categoryIds, outCrs,
      gapsThread: pool ? (job) => pool.writeGapsCsv(job) : undefined, communityFrames });
  } catch (e) {
    await zones?.writing?.catch(() => {}); // no zone file left being written behind the error
    throw e;
  }
  log(`wrote ${files.join(', ')} (${elapsed()})`);
  // The writers work from the result arrays; the feature objects are only made if a caller reads them.
  let communityFeatures: Feature[] | null = null;
  return {
    outDir: options.out, files, settings, communities: mappedCommunities.items, facilities: mappedFacilities.items,
    result, summary, issues, zoningSettings, zoning, gapCount: cellsOfGaps.length,
    get roads(): Road[] {
      return roadsInput?.roads() ?? [];
    },
    get gaps(): Gap[] {
      return gapsNow();
    },
    get zoneFeatures(): Feature[] {
      return zoneFeaturesNow();
    },
    get communityFeatures(): Feature[] {
      communityFeatures ??= communityResultFeatures(communityResults);
      return communityFeatures;
    },
  };
}
