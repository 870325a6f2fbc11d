/**
 * dBASE III/IV table reader for shapefile attributes. Written here rather than using parsedbf (what shpjs
 * bundles) because we must choose the text encoding ourselves (GBK without a .cpg is common in China),
 * skip records marked deleted, keep dates as ISO strings (parsedbf makes local-time Date objects that do not
 * survive export), and report unreadable numbers instead of turning them into NaN.
 */
import type { InputIssue } from '../../core/types';
import { issue } from '../issue';
import { encodingLabel, isUtf8 } from '../encoding';

export interface DbfField { name: string; type: string; length: number; decimals: number }

export interface DbfTable {
  fields: DbfField[];
  /** One entry per record; null for a record marked deleted. */
  records: (Record<string, unknown> | null)[];
  encoding: string;
  /** How the encoding was chosen, for the import report. */
  encodingSource: 'cpg' | 'ldid' | 'utf-8 valid' | 'guessed gbk';
  issues: InputIssue[];
}

/** dBASE language driver ids that mean code page 936 (GBK). */
const LDID_GBK = new Set([0x4d, 0x7a]);

export function readDbf(bytes: Uint8Array, fileName: string, cpg: string | null): DbfTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const issues: InputIssue[] = [];
  if (bytes.length < 32) throw new Error('.dbf file is shorter than its 32-byte header');
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const ldid = bytes[29];
  const rawFields: { name: Uint8Array; type: string; length: number; decimals: number }[] = [];
  for (let off = 32; off + 32 <= headerLength && bytes[off] !== 0x0d; off += 32) {
    const nameBytes = bytes.subarray(off, off + 11);
    const end = nameBytes.indexOf(0);
    rawFields.push({ name: nameBytes.subarray(0, end < 0 ? 11 : end), type: String.fromCharCode(bytes[off + 11]), length: bytes[off + 16], decimals: bytes[off + 17] });
  }

  // Choose the encoding: .cpg, then the header's language driver, then "valid UTF-8 or else GBK".
  let encoding = cpg ? encodingLabel(cpg) : null;
  let encodingSource: DbfTable['encodingSource'] = 'cpg';
  if (cpg && !encoding) issues.push(issue('dbfCpgUnknown', { encoding: cpg.trim() }, { severity: 'warning', file: fileName, action: 'kept' }));
  if (!encoding && LDID_GBK.has(ldid)) { encoding = 'gbk'; encodingSource = 'ldid'; }
  if (!encoding) {
    const textBytes: number[] = [];
    for (const f of rawFields) textBytes.push(...f.name, 0x20);
    const dataEnd = Math.min(bytes.length, headerLength + recordCount * recordLength);
    const sample = bytes.subarray(headerLength, dataEnd);
    if (isUtf8(new Uint8Array(textBytes)) && isUtf8(sample)) { encoding = 'utf-8'; encodingSource = 'utf-8 valid'; } else {
      encoding = 'gbk';
      encodingSource = 'guessed gbk';
      issues.push(issue('dbfGbkGuessed', {}, { severity: 'warning', file: fileName, action: 'kept' }));
    }
  }
  const decoder = new TextDecoder(encoding);
  const fields: DbfField[] = rawFields.map((f) => ({ name: decoder.decode(f.name).trim(), type: f.type, length: f.length, decimals: f.decimals }));

  const records: (Record<string, unknown> | null)[] = [];
  const available = Math.floor(Math.max(0, bytes.length - headerLength) / recordLength);
  if (available < recordCount) {
    issues.push(issue('dbfTruncated', { declared: recordCount, available }, { severity: 'error', file: fileName, action: 'skipped' }));
  }
  for (let r = 0; r < Math.min(recordCount, available); r++) {
    const start = headerLength + r * recordLength;
    if (bytes[start] === 0x2a) { records.push(null); continue; }
    const rec: Record<string, unknown> = {};
    let off = start + 1;
    for (const f of fields) {
      const cell = bytes.subarray(off, off + f.length);
      off += f.length;
      rec[f.name] = cellValue(cell, f, decoder, (value) => issues.push(issue('dbfNotNumber', { field: f.name, value }, { severity: 'warning', file: fileName, featureIndex: r, field: f.name, action: 'kept' })));
    }
    records.push(rec);
  }
  return { fields, records, encoding, encodingSource, issues };
}

/** `notNumber` gets the text of a numeric cell that is not a number. */
function cellValue(cell: Uint8Array, f: DbfField, decoder: TextDecoder, notNumber: (text: string) => void): unknown {
  switch (f.type) {
    case 'N': case 'F': {
      const t = ascii(cell).trim();
      if (t === '' || /^\*+$/.test(t)) return null; // blank, or overflow stars written by some tools
      const n = Number(t);
      if (Number.isFinite(n)) return n;
      notNumber(t);
      return t;
    }
    case 'D': {
      const t = ascii(cell).trim();
      if (!/^\d{8}$/.test(t) || t === '00000000') return t === '' || t === '00000000' ? null : t;
      return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
    }
    case 'L': {
      const t = ascii(cell).trim().toUpperCase();
      if ('YT'.includes(t) && t) return true;
      if ('NF'.includes(t) && t) return false;
      return null;
    }
    case 'I': return new DataView(cell.buffer, cell.byteOffset, 4).getInt32(0, true);
    case 'O': return new DataView(cell.buffer, cell.byteOffset, 8).getFloat64(0, true);
    default: {
      // Character fields are space-padded on the right; NULs appear in files written by some tools.
      return decoder.decode(cell).replace(/\0+$/, '').replace(/ +$/, '');
    }
  }
}

function ascii(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s.replace(/\0/g, '');
}
