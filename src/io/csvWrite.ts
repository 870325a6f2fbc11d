/**
 * CSV writer: UTF-8 with a byte-order mark (so Excel on Chinese Windows opens it as UTF-8, not GBK),
 * CRLF line ends and RFC 4180 quoting.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: empty for null/undefined/NaN/±Infinity, objects as JSON, quoted where RFC 4180 needs it. */
export function csvCell(value: unknown): string {
  // Numbers and booleans first: most cells, and their text never needs quotes.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return '';
  const s: string | undefined = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // An object whose toJSON gives undefined: an empty cell (as Array.join wrote it before).
  if (s === undefined) return '';
  // Quote when the cell holds a separator, a quote, a line break, or leading/trailing spaces (kept verbatim).
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line (with the BOM) for these columns. */
export const csvHeader = (columns: readonly string[]): string => CSV_BOM + columns.map(csvCell).join(',') + CSV_EOL;

/**
 * @example toCsv([{ a: 1, b: 'x,y' }], ['a', 'b']) === '\uFEFFa,b\r\n1,"x,y"\r\n'
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) {
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c ? ',' : '') + csvCell(row[columns[c]]);
    lines.push(line);
  }
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}
