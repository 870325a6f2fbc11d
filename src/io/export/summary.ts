/** summary.json of an analysis run: what was computed, how (network or straight line), and what was not used. */
import type { AnalysisSettings } from '../../core/config/defaults';
import type { AccessibilityResult, NetworkStats } from '../../core/coverage';
import type { InputIssue } from '../../core/types';
import type { EligibilityCounts, ExclusionReason } from '../../core/zoning';

/** The zoning part of summary.json: who is eligible (and why not), how many zones, households zoned. */
export interface ZoningSummaryJson {
  settings: {
    eligibleBefore: number;
    gapMeters: number;
    barrierHighways: string[];
    maxHouseholds: number;
    maxAreaSqm: number;
    /** Barrier lines used: road ways of the chosen classes, railways and waterways from the roads file. */
    barriers: { road: number; railway: number; water: number };
  };
  eligible: EligibilityCounts;
  /** A community with several reasons counts once in `excluded` and under each of its reasons. */
  excluded: EligibilityCounts & { byReason: Record<ExclusionReason, EligibilityCounts> };
  zones: number;
  communitiesZoned: number;
  householdsZoned: number;
  /** Eligible communities in no zone. */
  unzoned: string[];
}

export interface LayerCounts {
  file: string;
  /** Reader used (geojson, flatgeobuf, shapefile, csv, osm). */
  format: string;
  /** Coordinate system the file was read in, and who said so. */
  crs: { label: string; source: 'flag' | 'file' | 'default' };
  /** Features read from the file. */
  read: number;
  /** Items used in the analysis after mapping. */
  used: number;
}

export interface CategorySummaryJson {
  id: string;
  zh: string;
  en: string;
  maxWalkMeters: number;
  maxWalkMinutes: number;
  required: boolean;
  facilities: number;
  householdsCovered: number;
  householdsTotal: number;
  /** householdsCovered / householdsTotal, 4 decimals. */
  share: number;
  communitiesCovered: number;
  gaps: number;
  offNetwork: number;
}

export interface AnalysisSummaryJson {
  format: 'renovation-planner/analysis-summary';
  version: 1;
  mode: 'network' | 'euclidean';
  /** A plain-language label of the distance type, so no reader mistakes straight lines for walking. */
  distance: string;
  inputs: { communities: LayerCounts; facilities: LayerCounts; roads: LayerCounts | null };
  /** Coordinate system of the geometry in the written files. */
  outputCrs: string;
  settings: { walkSpeedMetersPerMinute: number; maxSnapMeters: number; mergeToleranceMeters: number; nodeAtCrossings: boolean };
  communities: { total: number; analysed: number; offNetwork: number; households: number; meanCoverageScore: number | null };
  categories: CategorySummaryJson[];
  network: NetworkStats | null;
  offNetwork: { communities: string[]; facilities: string[] };
  /** null when zoning was not run. */
  zoning: ZoningSummaryJson | null;
  issueCounts: { error: number; warning: number; info: number };
  issues: InputIssue[];
}

export interface SummaryInput {
  result: AccessibilityResult;
  settings: AnalysisSettings;
  inputs: AnalysisSummaryJson['inputs'];
  outputCrs: string;
  households: number;
  issues: readonly InputIssue[];
  zoning?: ZoningSummaryJson | null;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function buildSummary({ result, settings, inputs, outputCrs, households, issues, zoning = null }: SummaryInput): AnalysisSummaryJson {
  const defs = new Map(settings.categories.map((c) => [c.id, c]));
  let scoreSum = 0;
  let scored = 0;
  for (const s of result.score) if (Number.isFinite(s)) { scoreSum += s; scored++; }
  const count = (sev: InputIssue['severity']): number => issues.filter((i) => i.severity === sev).length;
  return {
    format: 'renovation-planner/analysis-summary',
    version: 1,
    mode: result.mode,
    distance: result.mode === 'network' ? 'walking metres along the road network' : 'straight-line metres (no roads given): not walking distance',
    inputs,
    outputCrs,
    settings: {
      walkSpeedMetersPerMinute: settings.walkSpeedMetersPerMinute,
      maxSnapMeters: settings.network.maxSnapMeters,
      mergeToleranceMeters: settings.network.mergeToleranceMeters,
      nodeAtCrossings: settings.network.nodeAtCrossings,
    },
    communities: {
      total: inputs.communities.read,
      analysed: result.communityIds.length,
      offNetwork: result.offNetworkCommunities.length,
      households,
      meanCoverageScore: scored ? round4(scoreSum / scored) : null,
    },
    categories: result.summary.map((s) => {
      const d = defs.get(s.categoryId);
      return {
        id: s.categoryId,
        zh: d?.zh ?? '',
        en: d?.en ?? '',
        maxWalkMeters: s.maxWalkMeters,
        maxWalkMinutes: Math.round((s.maxWalkMeters / settings.walkSpeedMetersPerMinute) * 10) / 10,
        required: s.required,
        facilities: s.facilities,
        householdsCovered: s.householdsCovered,
        householdsTotal: s.householdsTotal,
        share: round4(s.share),
        communitiesCovered: s.communitiesCovered,
        gaps: s.gaps,
        offNetwork: s.offNetwork,
      };
    }),
    network: result.network,
    offNetwork: { communities: [...result.offNetworkCommunities], facilities: [...result.offNetworkFacilities] },
    zoning,
    issueCounts: { error: count('error'), warning: count('warning'), info: count('info') },
    // The summary file keeps the issue format it had before issues carried a code (the English message says it all).
    issues: issues.map(({ code: _code, params: _params, ...rest }) => rest),
  };
}
