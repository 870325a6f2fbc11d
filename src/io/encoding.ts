/**
 * Text decoding for files from Chinese desktops: UTF-8 when the bytes are valid UTF-8 (BOM stripped),
 * otherwise GBK (Excel and ArcGIS on zh-CN Windows write GBK / code page 936).
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gbk' | string;
  /** Set when the encoding was guessed rather than declared. */
  guessed: boolean;
}

/** Map a `.cpg` / declared code page to a WHATWG encoding label, or null when unknown. */
export function encodingLabel(declared: string): string | null {
  const s = declared.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (!s) return null;
  if (/^(utf-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(gbk|gb2312|gb18030|cp936|936|ms936|windows-936|chinese|x-gbk)$/.test(s)) return s === 'gb18030' ? 'gb18030' : 'gbk';
  if (/^(big5|950|cp950)$/.test(s)) return 'big5';
  if (/^\d+$/.test(s)) return isSupported(`windows-${s}`) ? `windows-${s}` : null;
  return isSupported(s) ? s : null;
}

function isSupported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode a text file: declared encoding if given, else UTF-8, falling back to GBK when not valid UTF-8. */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const label = declared ? encodingLabel(declared) : null;
  if (label) return { text: stripBom(new TextDecoder(label).decode(bytes)), encoding: label, guessed: false };
  if (isUtf8(bytes)) return { text: stripBom(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8', guessed: false };
  return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', guessed: true };
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
