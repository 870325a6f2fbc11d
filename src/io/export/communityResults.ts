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
/** analysis_note of an off-network community. */
export const OFF_NETWORK_NOTE = 'farther than the snap distance from any walkable road: walking distance unknown';

/** Column types of the result columns, for typed exports (FlatGeobuf) where a column may be all null. */
export function resultColumnKinds(categoryIds: readonly string[]): Record<string, 'Real' | 'Boolean' | 'String'> {
  const kinds: Record<string, 'Real' | 'Boolean' | 'String'> = { coverage_score: 'Real', off_network: 'Boolean', analysis_mode: 'String', analysis_note: 'String', eligible: 'Boolean', excluded_reason: 'String', zone_id: 'String' };
  for (const id of categoryIds) { kinds[walkColumn(id)] = 'Real'; kinds[coveredColumn(id)] = 'Boolean'; }
  return kinds;
}

/** Metres to 0.1 m: finer than any input geometry is accurate, and it keeps files diffable. */
export const roundWalkMeters = (m: number): number | null => (Number.isFinite(m) ? Math.round(m * 10) / 10 : null);

/** Coverage score to 4 decimals (null when not computed). */
export const roundScore = (score: number): number | null => (Number.isFinite(score) ? Math.round(score * 10000) / 10000 : null);

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

/** rowOfSource[src] = index in `communities` of source feature src, or -1 when the mapper skipped it. */
export function rowOfSource(input: Pick<CommunityResultInput, 'sourceFeatures' | 'sourceIndex'>): Int32Array {
  const rows = new Int32Array(input.sourceFeatures.length).fill(-1);
  input.sourceIndex.forEach((src, row) => { rows[src] = row; });
  return rows;
}

/** analysis_note of a skipped source feature: the importer's reason. */
export function skippedNote(issues: readonly InputIssue[], src: number): string {
  const why = issues.find((i) => i.featureIndex === src && i.action === 'skipped');
  return `not analysed: ${why?.message ?? 'skipped on import'}`;
}

/** The output geometry of source feature src: the mapped community's (repaired) geometry when it was analysed. */
export function resultGeometry(input: CommunityResultInput, rows: Int32Array, src: number): Feature['geometry'] {
  const row = rows[src];
  return row < 0 ? input.sourceFeatures[src].geometry : input.communities[row].geometry;
}

/**
 * The result values of source feature src in `resultColumns` order, written into `out` (no object per feature:
 * the FlatGeobuf writer asks for 20 000 of them).
 */
export function resultValues(input: CommunityResultInput, rows: Int32Array, src: number, out: unknown[]): unknown[] {
  const { result, issues, zoning } = input;
  const ids = result.categoryIds;
  const nCat = ids.length;
  const row = rows[src];
  let at = 0;
  if (row < 0) {
    for (let k = 0; k < nCat; k++) out[at++] = null;
    for (let k = 0; k < nCat; k++) out[at++] = false;
    out[at++] = null; // coverage_score
    out[at++] = null; // off_network
    out[at++] = result.mode;
    out[at++] = skippedNote(issues, src);
    out[at++] = zoning ? false : null;
    out[at++] = zoning ? NOT_ANALYSED_REASON : null;
    out[at] = null; // zone_id
    return out;
  }
  for (let k = 0; k < nCat; k++) out[at++] = roundWalkMeters(result.walkMeters[row * nCat + k]);
  for (let k = 0; k < nCat; k++) out[at++] = result.covered[row * nCat + k] === 1;
  const off = result.communitySnap.offNetwork[row] === 1;
  out[at++] = roundScore(result.score[row]);
  out[at++] = off;
  out[at++] = result.mode;
  out[at++] = off ? OFF_NETWORK_NOTE : null;
  out[at++] = zoning ? zoning.eligible[row] === 1 : null;
  out[at++] = zoning && zoning.eligible[row] !== 1 && zoning.reasons[row].length ? zoning.reasons[row].join(';') : null;
  out[at] = zoning ? zoning.zoneIdOf[row] : null;
  return out;
}

/** Properties of one result feature: a copy of the original ones with the result columns set (in column order). */
export function resultProperties(input: CommunityResultInput, rows: Int32Array, src: number, columns: readonly string[] = resultColumns(input.result.categoryIds)): Record<string, unknown> {
  const props: Record<string, unknown> = { ...(input.sourceFeatures[src].properties ?? {}) };
  const values = resultValues(input, rows, src, []);
  for (let c = 0; c < columns.length; c++) props[columns[c]] = values[c];
  return props;
}

export function communityResultFeatures(input: CommunityResultInput): Feature[] {
  const rows = rowOfSource(input);
  const columns = resultColumns(input.result.categoryIds);
  return input.sourceFeatures.map((f, src) => {
    const out: Feature = { type: 'Feature', geometry: resultGeometry(input, rows, src), properties: resultProperties(input, rows, src, columns) };
    if (f.id !== undefined) out.id = f.id;
    return out;
  });
}
