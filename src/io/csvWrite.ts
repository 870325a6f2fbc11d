/**
 * CSV writer: UTF-8 with a byte-order mark (so Excel on Chinese Windows opens it as UTF-8, not GBK),
 * CRLF line ends and RFC 4180 quoting.
 */

const BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Quote when the cell holds a separator, a quote, a line break, or leading/trailing spaces (kept verbatim).
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * @example toCsv([{ a: 1, b: 'x,y' }], ['a', 'b']) === '\uFEFFa,b\r\n1,"x,y"\r\n'
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
