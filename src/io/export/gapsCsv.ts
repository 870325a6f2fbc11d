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
import type { ByteChunks } from './byteChunks';
import { utf8 } from './byteChunks';
import type { ResultCells } from './resultCells';

const EMPTY = new Uint8Array(0);

export function writeGapsCsv(gaps: readonly Gap[], communities: readonly Community[], categories: readonly CategoryDef[], out: ByteChunks, shared?: { result: AccessibilityResult; cells: ResultCells }): void {
  out.text(csvHeader(GAP_COLUMNS));
  const zhOf = new Map(categories.map((c) => [c.id, c.zh]));
  const columnOf = new Map<string, number>();
  shared?.result.categoryIds.forEach((id, k) => columnOf.set(id, k));
  // Per category: its two cells (encoded once) and its column in the result arrays.
  const categoryCells = new Map<string, { bytes: Uint8Array; k: number }>();
  // Per community: the cells community_id and community, for the id they were made from. Filled up front: gaps
  // come in household order, and assigning far-apart indices of an empty array makes it a slow dictionary.
  const idOf = new Array<string | undefined>(communities.length).fill(undefined);
  const lead = new Array<Uint8Array>(communities.length).fill(EMPTY);
  let lastHouseholds: number | null | undefined;
  let householdsText = '';
  const nCat = shared ? shared.result.categoryIds.length : 0;
  for (const g of gaps) {
    const i = g.communityIndex;
    if (idOf[i] !== g.communityId) {
      idOf[i] = g.communityId;
      lead[i] = utf8(`${csvCell(g.communityId)},${csvCell(communities[i].name)},`);
    }
    let category = categoryCells.get(g.categoryId);
    if (category === undefined) {
      category = { bytes: utf8(`${csvCell(g.categoryId)},${csvCell(zhOf.get(g.categoryId) ?? '')},`), k: columnOf.get(g.categoryId) ?? -1 };
      categoryCells.set(g.categoryId, category);
    }
    const k = category.k;
    // Gaps come ranked by households: consecutive rows mostly share the count.
    if (g.households !== lastHouseholds) { lastHouseholds = g.households; householdsText = `,${csvCell(g.households)}${CSV_EOL}`; }
    out.bytes(lead[i]);
    out.bytes(category.bytes);
    // walk_m: empty when null, else the shared text when the gap carries the result's value.
    if (g.walkMeters !== null) {
      if (shared && k >= 0 && shared.result.walkMeters[i * nCat + k] === g.walkMeters) shared.cells.writeWalk(i, k, out);
      else out.text(csvCell(roundWalkMeters(g.walkMeters)));
    }
    out.text(householdsText);
  }
}
