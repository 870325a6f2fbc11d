/**
 * CSV/TSV with longitude/latitude columns or a WKT column (POI dumps, survey tables, Excel exports).
 * Every row that cannot be placed is reported with its line number; every other row is kept with all its cells.
 */
import type { Feature, Geometry } from 'geojson';
import Papa from 'papaparse';
import type { InputIssue } from '../core/types';
import type { IssueParams } from './issue';
import { issue } from './issue';
import type { IssueCode } from './issueTemplates';
import type { ReadResult } from './types';
import { WktError, looksLikeWkt, parseWkt } from './wkt';

export interface CsvOptions {
  lonField?: string;
  latField?: string;
  wktField?: string;
  /** Default: tab for `.tsv`/`.tab`, else detected by papaparse. */
  delimiter?: string;
}

export interface CsvResult extends ReadResult {
  /** Which columns held the geometry (null when none was found). */
  geometryColumns: { lon: string; lat: string } | { wkt: string } | null;
  /** 1-based line number of each kept feature, for messages about it later (validation). */
  sourceLines: number[];
  /** Data rows in the file (header and blank lines not counted). */
  rowCount: number;
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'point_x', 'x坐标', 'gcj_lng', 'bd_lng', 'wgs_lng'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', 'point_y', 'y坐标', 'gcj_lat', 'bd_lat', 'wgs_lat'];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', 'wkt_geom'];

function findColumn(header: string[], names: readonly string[]): string | null {
  for (const n of names) {
    const hit = header.find((h) => h.trim().toLowerCase() === n);
    if (hit !== undefined) return hit;
  }
  return null;
}

/** A cell as a property value: numbers only when the text is exactly the number's canonical form (keeps "001"). */
function cellValue(s: string): string | number {
  const t = s.trim();
  if (t !== '' && t === s && String(Number(t)) === t) return Number(t);
  return s;
}

function coordinate(v: string | undefined): number | null {
  if (v === undefined) return null;
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * The delimiter is the separator most used in the header line. Papaparse's own guess looks at field-count
 * consistency over the first rows and picks "," for "id;wkt" files whose WKT is full of commas.
 */
function headerDelimiter(src: string): string {
  const header = src.slice(0, src.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = header.split(d).length - 1;
    if (n > bestCount) { best = d; bestCount = n; }
  }
  return best;
}

/** Parse CSV/TSV text (BOM stripped) into point (or WKT) features, one per data row. */
export function readCsv(text: string, fileName: string, options: CsvOptions = {}): CsvResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const issues: InputIssue[] = [];
  const features: Feature[] = [];
  const lineStarts: number[] = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return lo + 1;
  };
  const rows: { cells: string[]; line: number }[] = [];
  let cursor = 0;
  const delimiter = options.delimiter ?? (/\.(tsv|tab)$/i.test(fileName) ? '\t' : headerDelimiter(src));
  Papa.parse<string[]>(src, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    step: (r) => {
      let start = cursor;
      while (src[start] === '\r' || src[start] === '\n') start++;
      cursor = r.meta.cursor;
      const cells = r.data;
      if (cells.length === 1 && cells[0].trim() === '') return; // blank line
      rows.push({ cells, line: lineOf(start) });
      for (const e of r.errors) if (e.type === 'Quotes') issues.push(issue('csvQuotes', { line: lineOf(start), detail: e.message }, { severity: 'warning', file: fileName, action: 'kept' }));
    },
  });
  const head = rows.shift();
  if (!head) {
    issues.push(issue('csvEmpty', {}, { severity: 'error', file: fileName, action: 'skipped' }));
    return { fileName, features, issues, geometryColumns: null, sourceLines: [], rowCount: 0 };
  }
  const header = head.cells.map((h, i) => (h.trim() === '' ? `field_${i + 1}` : h));
  const lon = options.lonField ?? findColumn(header, LON_NAMES);
  const lat = options.latField ?? findColumn(header, LAT_NAMES);
  let wkt = options.wktField ?? (lon && lat ? null : findColumn(header, WKT_NAMES));
  if (!wkt && !(lon && lat)) {
    const col = header.findIndex((_, i) => rows.some((r) => looksLikeWkt(r.cells[i] ?? '')));
    if (col >= 0) wkt = header[col];
  }
  const geometryColumns: CsvResult['geometryColumns'] = wkt ? { wkt } : lon && lat ? { lon, lat } : null;
  if (!geometryColumns) {
    issues.push(issue('csvNoCoordinates', { header: header.join(', '), rows: rows.length }, { severity: 'error', file: fileName, action: 'skipped' }));
    return { fileName, features, issues, geometryColumns, sourceLines: [], rowCount: rows.length };
  }
  const colIndex = (name: string): number => header.indexOf(name);
  const gc = geometryColumns;
  const sourceLines: number[] = [];
  rows.forEach((row, i) => {
    const bad = (field: string, code: IssueCode, params: IssueParams): void => { issues.push(issue(code, params, { severity: 'error', file: fileName, featureIndex: i, field, action: 'skipped' }, `Line ${row.line}`)); };
    const props: Record<string, unknown> = {};
    header.forEach((h, c) => { props[h] = row.cells[c] === undefined ? null : cellValue(row.cells[c]); });
    for (let c = header.length; c < row.cells.length; c++) props[`field_${c + 1}`] = cellValue(row.cells[c]);
    let geometry: Geometry;
    if ('wkt' in gc) {
      const text = row.cells[colIndex(gc.wkt)] ?? '';
      if (text.trim() === '') return bad(gc.wkt, 'csvCellEmpty', { column: gc.wkt });
      try {
        geometry = parseWkt(text);
      } catch (e) {
        return bad(gc.wkt, 'csvNotWkt', { column: gc.wkt, detail: e instanceof WktError ? e.message : String(e) });
      }
    } else {
      const rawX = row.cells[colIndex(gc.lon)];
      const rawY = row.cells[colIndex(gc.lat)];
      const x = coordinate(rawX);
      const y = coordinate(rawY);
      const why = (col: string, raw: string | undefined): void => (raw === undefined ? bad(col, 'csvCellMissing', { column: col, fields: row.cells.length, headerFields: header.length }) : raw.trim() === '' ? bad(col, 'csvCellEmpty', { column: col }) : bad(col, 'csvNotNumber', { column: col, value: raw }));
      if (x === null) return why(gc.lon, rawX);
      if (y === null) return why(gc.lat, rawY);
      geometry = { type: 'Point', coordinates: [x, y] };
    }
    if (row.cells.length !== header.length) {
      issues.push(issue('csvFieldCount', { fields: row.cells.length, headerFields: header.length }, { severity: 'warning', file: fileName, featureIndex: i, action: 'kept' }, `Line ${row.line}`));
    }
    features.push({ type: 'Feature', geometry, properties: props });
    sourceLines.push(row.line);
  });
  return { fileName, features, issues, geometryColumns, sourceLines, rowCount: rows.length };
}
