/**
 * gaps.csv written straight from the gaps (310 000 rows at ×50): the community and category cells are
 * formatted once and reused, walking metres come from the shared result text. Same bytes as
 * `toCsv(gapRows(…), GAP_COLUMNS)`.
 */
import type { CategoryDef } from '../../core/config/categories';
import type { Gap } from '../../core/coverage';
import type { AccessibilityResult } from '../../core/coverage';
import type { Community } from '../../core/types';
import { CSV_EOL, csvCell, csvHeader } from '../csvWrite';
import { roundWalkMeters } from './communityResults';
import { GAP_COLUMNS } from './gaps';
import type { ResultCells } from './resultCells';

export function writeGapsCsv(gaps: readonly Gap[], communities: readonly Community[], categories: readonly CategoryDef[], out: { push(text: string): void }, shared?: { result: AccessibilityResult; cells: ResultCells }): void {
  out.push(csvHeader(GAP_COLUMNS));
  const zhOf = new Map(categories.map((c) => [c.id, c.zh]));
  const categoryIndex = new Map<string, number>();
  shared?.result.categoryIds.forEach((id, k) => categoryIndex.set(id, k));
  const categoryText = new Map<string, string>();
  // Per community: the text of community_id and community, for the id it was made from.
  const idOf: (string | undefined)[] = [];
  const lead: string[] = [];
  let lastHouseholds: number | null | undefined;
  let householdsText = '';
  const nCat = shared ? shared.result.categoryIds.length : 0;
  for (const g of gaps) {
    const i = g.communityIndex;
    if (idOf[i] !== g.communityId) {
      idOf[i] = g.communityId;
      lead[i] = `${csvCell(g.communityId)},${csvCell(communities[i].name)},`;
    }
    let category = categoryText.get(g.categoryId);
    if (category === undefined) {
      category = `${csvCell(g.categoryId)},${csvCell(zhOf.get(g.categoryId) ?? '')},`;
      categoryText.set(g.categoryId, category);
    }
    let walk: string;
    const k = categoryIndex.get(g.categoryId);
    if (g.walkMeters === null) walk = '';
    else if (shared && k !== undefined && shared.result.walkMeters[i * nCat + k] === g.walkMeters) walk = shared.cells.walkTextAt(i, k) ?? '';
    else walk = csvCell(roundWalkMeters(g.walkMeters));
    // Gaps come ranked by households: consecutive rows mostly share the count.
    if (g.households !== lastHouseholds) { lastHouseholds = g.households; householdsText = csvCell(g.households); }
    out.push(`${lead[i]}${category}${walk},${householdsText}${CSV_EOL}`);
  }
}
