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
import { toCommunities, toFacilities, toRoads } from '../io/domain';
import { communityResultFeatures } from '../io/export/communityResults';
import type { AnalysisSummaryJson } from '../io/export/summary';
import { buildSummary } from '../io/export/summary';
import type { AnalyzeOptions } from './args';
import { DEFAULT_FORMATS } from './args';
import { parseConfigText } from './config';
import { InputError } from './errors';
import { InputReader } from './inputs';
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
  communityFeatures: Feature[];
  summary: AnalysisSummaryJson;
  issues: InputIssue[];
}

export type LogFn = (line: string) => void;

export type RunAnalyzeOptions = Pick<AnalyzeOptions, 'communities' | 'facilities' | 'roads' | 'config' | 'out'> & Partial<Pick<AnalyzeOptions, 'formats' | 'strict'>>;

function describeIssue(i: InputIssue): string {
  const where = i.featureId !== undefined ? ` feature ${i.featureId}` : i.featureIndex !== undefined ? ` feature #${i.featureIndex}` : '';
  const field = i.field ? ` (field ${i.field})` : '';
  return `${i.file}${where}${field}: ${i.message}`;
}

export async function runAnalyze(options: RunAnalyzeOptions, log: LogFn = () => {}): Promise<AnalyzeOutputs> {
  const t0 = performance.now();
  const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(2)} s`;
  let settings = defaultAnalysisSettings();
  if (options.config) {
    let text: string;
    try {
      text = await readFile(options.config, 'utf8');
    } catch {
      throw new InputError(`--config ${options.config}: file not found or not readable`);
    }
    settings = parseConfigText(text, options.config);
  }
  const reader = new InputReader(settings.categories);
  const issues: InputIssue[] = [];

  const communityRead = await reader.read('communities', options.communities);
  issues.push(...communityRead.issues);
  const mappedCommunities = toCommunities(communityRead.features, options.communities);
  issues.push(...mappedCommunities.issues);
  if (mappedCommunities.items.length === 0) {
    const why = [...communityRead.issues, ...mappedCommunities.issues].slice(0, 5).map((i) => `  - ${describeIssue(i)}`).join('\n');
    throw new InputError(`--communities ${options.communities}: no usable communities (${communityRead.features.length} features read)${why ? `:\n${why}` : ''}`);
  }
  log(`communities: ${mappedCommunities.items.length} of ${communityRead.features.length} features from ${options.communities}`);

  const facilityRead = await reader.read('facilities', options.facilities);
  issues.push(...facilityRead.issues);
  const mappedFacilities = toFacilities(facilityRead.features, options.facilities, settings.categories);
  issues.push(...mappedFacilities.issues);
  log(`facilities: ${mappedFacilities.items.length} of ${facilityRead.features.length} features from ${options.facilities}`);

  let roads: Road[] = [];
  let roadCounts: AnalysisSummaryJson['inputs']['roads'] = null;
  if (options.roads) {
    const roadRead = await reader.read('roads', options.roads);
    issues.push(...roadRead.issues);
    const mappedRoads = toRoads(roadRead.features, options.roads);
    issues.push(...mappedRoads.issues);
    roads = mappedRoads.items;
    roadCounts = { file: options.roads, read: roadRead.features.length, used: roads.length };
    log(`roads: ${roads.length} of ${roadRead.features.length} features from ${options.roads}`);
    if (roads.length === 0) log(`warning: no road lines in ${options.roads}; distances are straight-line`);
  } else {
    log('no --roads: distances are straight-line (analysis_mode "euclidean")');
  }

  const errors = issues.filter((i) => i.severity === 'error');
  for (const i of errors.slice(0, 20)) log(`skipped: ${describeIssue(i)}`);
  if (errors.length > 20) log(`… and ${errors.length - 20} more skipped features (all listed in summary.json)`);
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
    sourceFeatures: communityRead.features,
    communities: mappedCommunities.items,
    sourceIndex: mappedCommunities.sourceIndex,
    result,
    issues: mappedCommunities.issues,
  });
  const summary = buildSummary({
    result,
    settings,
    inputs: {
      communities: { file: options.communities, read: communityRead.features.length, used: mappedCommunities.items.length },
      facilities: { file: options.facilities, read: facilityRead.features.length, used: mappedFacilities.items.length },
      roads: roadCounts,
    },
    households: mappedCommunities.items.reduce((s, c) => s + (c.households ?? 0), 0),
    issues,
  });
  const files = await writeOutputs(options.out, options.formats ?? DEFAULT_FORMATS, { communityFeatures, gaps, communities: mappedCommunities.items, settings, summary, categoryIds: result.categoryIds });
  log(`wrote ${files.join(', ')} (${elapsed()})`);
  return {
    outDir: options.out, files, settings, communities: mappedCommunities.items, facilities: mappedFacilities.items, roads,
    result, gaps, communityFeatures, summary, issues,
  };
}
