/** The gap table's CSV: the same row builder and writer as the CLI's gaps.csv, so both files are byte-identical. */
import type { CategoryDef } from '../../core/config/categories';
import type { Gap } from '../../core/coverage';
import type { Community } from '../../core/types';
import { toCsv } from '../../io/csvWrite';
import { GAP_COLUMNS, gapRows } from '../../io/export/gaps';

export function gapsCsv(gaps: readonly Gap[], communities: readonly Community[], categories: readonly CategoryDef[]): string {
  return toCsv(gapRows(gaps, communities, categories), GAP_COLUMNS);
}
