/** The gap table's CSV: the same row builder and writer as the CLI's gaps.csv, so both files are byte-identical. */
import type { CategoryDef } from '../../core/config/categories';
import type { Gap } from '../../core/coverage';
import type { Community } from '../../core/types';
import { toCsv } from '../../io/csvWrite';
import { GAP_COLUMNS, gapRows } from '../../io/export/gaps';

export function gapsCsv(gaps: readonly Gap[], communities: readonly Community[], categories: readonly CategoryDef[]): string {
  return toCsv(gapRows(gaps, communities, categories), GAP_COLUMNS);
}

/** Offer text as a file download (nothing leaves the machine: a blob URL). */
export function downloadText(text: string, fileName: string, mime = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
