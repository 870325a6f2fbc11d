/**
 * The `analyze` pipeline: read the inputs, map them to domain objects, compute accessibility, build and
 * write the outputs. Tests call `runAnalyze` in-process; main.ts only parses arguments and reports.
 */
import { readFile } from 'node:fs/promises';
import type { Feature } from 'geojson';
import type { AnalysisSettings } from '../core/config/defaults';
import { defaultAnalysisSettings } from '../core/config/defaults';
import type { AccessibilityResult, Gap } from '../core/coverage';
import { computeAccessibility, listGaps } from '../core/coverage';
import type { Community, Facility, InputIssue, Road } from '../core/types';
import type { Crs } from '../io/crs';
import { WGS84 } from '../io/crs';
import { toCommunities, toFacilities, toRoads } from '../io/domain';
import { communityResultFeatures } from '../io/export/communityResults';
import type { AnalysisSummaryJson, LayerCounts } from '../io/export/summary';
import { buildSummary } from '../io/export/summary';
import type { AnalyzeOptions } from './args';
import { DEFAULT_FORMATS } from './args';
import { parseConfigText } from './config';
import { InputError, UsageError } from './errors';
import type { InputRole, LoadedLayer } from './inputs';
import { InputReader, crsOption } from './inputs';
import { writeOutputs } from './write';

export interface AnalyzeOutputs {
  outDir: string;
  /** Paths written, in writing order. */
  files: string[];
  settings: AnalysisSettings;
  communities: Community[];
  facilities: Facility[];
  roads: Road[];
  result: AccessibilityResult;
  gaps: Gap[];
  /** Community result features in WGS84 (the written files may be in --out-crs). */
  communityFeatures: Feature[];
  summary: AnalysisSummaryJson;
  issues: InputIssue[];
}

export type LogFn = (line: string) => void;

export type RunAnalyzeOptions = Pick<AnalyzeOptions, 'communities' | 'facilities' | 'out'>
  & Partial<Pick<AnalyzeOptions, 'roads' | 'config' | 'formats' | 'strict' | 'crsCommunities' | 'crsFacilities' | 'crsRoads' | 'outCrs'>>;

function describeIssue(i: InputIssue): string {
  const where = i.featureId !== undefined ? ` feature ${i.featureId}` : i.featureIndex !== undefined ? ` feature #${i.featureIndex}` : '';
  const field = i.field ? ` (field ${i.field})` : '';
  return `${i.file}${where}${field}: ${i.message}`;
}

/** Domain-mapping issues index the validated features; re-index them to the file's features. */
function reindex(issues: InputIssue[], keptIndex: readonly number[]): InputIssue[] {
  return issues.map((i) => (i.featureIndex === undefined ? i : { ...i, featureIndex: keptIndex[i.featureIndex] }));
}

const counts = (layer: LoadedLayer, used: number): LayerCounts => ({ file: layer.file, format: layer.format, crs: layer.crs, read: layer.allFeatures.length, used });

async function loadSettings(configPath: string | undefined): Promise<AnalysisSettings> {
  if (!configPath) return defaultAnalysisSettings();
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    throw new InputError(`--config ${configPath}: file not found or not readable`);
  }
  return parseConfigText(text, configPath);
}

export async function runAnalyze(options: RunAnalyzeOptions, log: LogFn = () => {}): Promise<AnalyzeOutputs> {
  const t0 = performance.now();
  const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
  const settings = await loadSettings(options.config);
  const flag = (role: InputRole, value: string | undefined): Crs | undefined => (value === undefined ? undefined : crsOption(`--crs-${role}`, value));
  const crs = { communities: flag('communities', options.crsCommunities), facilities: flag('facilities', options.crsFacilities), roads: flag('roads', options.crsRoads) };
  const outCrs = options.outCrs === undefined ? WGS84 : crsOption('--out-crs', options.outCrs);
  if (outCrs.kind === 'proj4') throw new UsageError(`--out-crs ${options.outCrs}: outputs can be wgs84, gcj02 or bd09`);
  const reader = new InputReader();
  const issues: InputIssue[] = [];

  // Roads first: in WGS84 they let the hints spot GCJ-02/BD-09 communities and facilities.
  let roads: Road[] = [];
  let roadLayer: LoadedLayer | null = null;
  if (options.roads) {
    roadLayer = await reader.read('roads', options.roads, crs.roads);
    const mapped = toRoads(roadLayer.features, options.roads);
    issues.push(...roadLayer.issues, ...reindex(mapped.issues, roadLayer.keptIndex));
    roads = mapped.items;
    log(`roads: ${roads.length} of ${roadLayer.allFeatures.length} features from ${options.roads} (${roadLayer.crs.label})`);
    if (roads.length === 0) log(`warning: no road lines in ${options.roads}; distances are straight-line`);
  } else {
    log('no --roads: distances are straight-line (analysis_mode "euclidean")');
  }
  const roadFeatures = roadLayer?.features;

  const communityLayer = await reader.read('communities', options.communities, crs.communities, roadFeatures);
  const mappedCommunities = toCommunities(communityLayer.features, options.communities);
  const communityIssues = [...communityLayer.issues, ...reindex(mappedCommunities.issues, communityLayer.keptIndex)];
  issues.push(...communityIssues);
  if (mappedCommunities.items.length === 0) {
    const why = communityIssues.slice(0, 5).map((i) => `  - ${describeIssue(i)}`).join('\n');
    throw new InputError(`--communities ${options.communities}: no usable communities (${communityLayer.allFeatures.length} features read)${why ? `:\n${why}` : ''}`);
  }
  log(`communities: ${mappedCommunities.items.length} of ${communityLayer.allFeatures.length} features from ${options.communities} (${communityLayer.crs.label})`);

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

  let lastPhase = '';
  const result = computeAccessibility({
    communities: mappedCommunities.items,
    facilities: mappedFacilities.items,
    roads,
    settings,
    onProgress: (phase, done, total) => {
      if (phase !== lastPhase || done === total) log(`${phase} ${done}/${total} (${elapsed()})`);
      lastPhase = phase;
    },
  });
  log(`distances computed (${result.mode}) in ${elapsed()}`);

  const gaps = listGaps(result, mappedCommunities.items, settings);
  const communityFeatures = communityResultFeatures({
    sourceFeatures: communityLayer.allFeatures,
    communities: mappedCommunities.items,
    sourceIndex: mappedCommunities.sourceIndex.map((i) => communityLayer.keptIndex[i]),
    result,
    issues: communityIssues,
  });
  const summary = buildSummary({
    result,
    settings,
    inputs: {
      communities: counts(communityLayer, mappedCommunities.items.length),
      facilities: counts(facilityLayer, mappedFacilities.items.length),
      roads: roadLayer ? counts(roadLayer, roads.length) : null,
    },
    outputCrs: outCrs.label,
    households: mappedCommunities.items.reduce((s, c) => s + (c.households ?? 0), 0),
    issues,
  });
  const files = await writeOutputs(options.out, options.formats ?? DEFAULT_FORMATS, { communityFeatures, gaps, communities: mappedCommunities.items, settings, summary, categoryIds: result.categoryIds, outCrs });
  log(`wrote ${files.join(', ')} (${elapsed()})`);
  return {
    outDir: options.out, files, settings, communities: mappedCommunities.items, facilities: mappedFacilities.items, roads,
    result, gaps, communityFeatures, summary, issues,
  };
}
