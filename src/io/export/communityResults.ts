/**
 * Communities with their accessibility results, as GeoJSON features: every input feature in input order with
 * all its original properties, plus walk_m_<category>, covered_<category>, coverage_score, off_network and
 * analysis_mode, then the zoning columns eligible, excluded_reason and zone_id. Features the mapper skipped stay in
 * the output (results null) so rows line up with the input.
 */
import type { Feature } from 'geojson';
import type { AccessibilityResult } from '../../core/coverage';
import type { Community, InputIssue } from '../../core/types';

export const walkColumn = (categoryId: string): string => `walk_m_${categoryId}`;
export const coveredColumn = (categoryId: string): string => `covered_${categoryId}`;

/** Result columns appended to each community, in output order. */
export function resultColumns(categoryIds: readonly string[]): string[] {
  return [...categoryIds.map(walkColumn), ...categoryIds.map(coveredColumn), 'coverage_score', 'off_network', 'analysis_mode', 'analysis_note', ...ZONING_COLUMNS];
}

export const ZONING_COLUMNS = ['eligible', 'excluded_reason', 'zone_id'] as const;
/** excluded_reason of a feature the importer could not use (no build year or geometry to judge). */
export const NOT_ANALYSED_REASON = 'not_analysed';

/** Column types of the result columns, for typed exports (FlatGeobuf) where a column may be all null. */
export function resultColumnKinds(categoryIds: readonly string[]): Record<string, 'Real' | 'Boolean' | 'String'> {
  const kinds: Record<string, 'Real' | 'Boolean' | 'String'> = { coverage_score: 'Real', off_network: 'Boolean', analysis_mode: 'String', analysis_note: 'String', eligible: 'Boolean', excluded_reason: 'String', zone_id: 'String' };
  for (const id of categoryIds) { kinds[walkColumn(id)] = 'Real'; kinds[coveredColumn(id)] = 'Boolean'; }
  return kinds;
}

/** Metres to 0.1 m: finer than any input geometry is accurate, and it keeps files diffable. */
export const roundWalkMeters = (m: number): number | null => (Number.isFinite(m) ? Math.round(m * 10) / 10 : null);

export interface CommunityResultInput {
  /** The features as read from the file (before domain mapping). */
  sourceFeatures: readonly Feature[];
  communities: readonly Community[];
  /** sourceIndex[i] = index in sourceFeatures of communities[i]. */
  sourceIndex: readonly number[];
  result: AccessibilityResult;
  /** Mapping issues, used to say why a feature was skipped. */
  issues: readonly InputIssue[];
  /** Per community (same order as `communities`); without it the zoning columns are null. */
  zoning?: CommunityZoning;
}

export interface CommunityZoning {
  eligible: Uint8Array;
  /** Exclusion reasons per community, written joined by `;` (null when eligible). */
  reasons: readonly (readonly string[])[];
  zoneIdOf: readonly (string | null)[];
}

export function communityResultFeatures(input: CommunityResultInput): Feature[] {
  const { sourceFeatures, communities, sourceIndex, result, issues, zoning } = input;
  const nCat = result.categoryIds.length;
  const rowOf = new Map<number, number>();
  sourceIndex.forEach((src, row) => rowOf.set(src, row));
  const offNetwork = result.communitySnap.offNetwork;
  return sourceFeatures.map((f, src) => {
    const row = rowOf.get(src);
    const props: Record<string, unknown> = { ...(f.properties ?? {}) };
    if (row === undefined) {
      const why = issues.find((i) => i.featureIndex === src && i.action === 'skipped');
      for (const id of result.categoryIds) props[walkColumn(id)] = null;
      for (const id of result.categoryIds) props[coveredColumn(id)] = false;
      Object.assign(props, { coverage_score: null, off_network: null, analysis_mode: result.mode, analysis_note: `not analysed: ${why?.message ?? 'skipped on import'}` });
      Object.assign(props, zoning ? { eligible: false, excluded_reason: NOT_ANALYSED_REASON, zone_id: null } : { eligible: null, excluded_reason: null, zone_id: null });
      return withId({ type: 'Feature', geometry: f.geometry, properties: props }, f);
    }
    const c = communities[row];
    result.categoryIds.forEach((id, k) => { props[walkColumn(id)] = roundWalkMeters(result.walkMeters[row * nCat + k]); });
    result.categoryIds.forEach((id, k) => { props[coveredColumn(id)] = result.covered[row * nCat + k] === 1; });
    const score = result.score[row];
    const off = offNetwork[row] === 1;
    Object.assign(props, {
      coverage_score: Number.isFinite(score) ? Math.round(score * 10000) / 10000 : null,
      off_network: off,
      analysis_mode: result.mode,
      analysis_note: off ? 'farther than the snap distance from any walkable road: walking distance unknown' : null,
      eligible: zoning ? zoning.eligible[row] === 1 : null,
      excluded_reason: zoning && zoning.eligible[row] !== 1 && zoning.reasons[row].length ? zoning.reasons[row].join(';') : null,
      zone_id: zoning ? zoning.zoneIdOf[row] : null,
    });
    return withId({ type: 'Feature', geometry: c.geometry, properties: props }, f);
  });
}

function withId(out: Feature, source: Feature): Feature {
  if (source.id !== undefined) out.id = source.id;
  return out;
}
