/**
 * UTF-8 text of a byte range, equal to `TextDecoder.decode` (default options) on it. Short pure-ASCII strings —
 * most attribute values (ids, highway classes) — are built directly, and repeated ones (highway, access: a few
 * dozen distinct values over 93k roads) come from a small cache: the ×50 roads hold 280k strings, and a
 * `decode` call each cost ~110 ms.
 */
const CACHE_SIZE = 4096; // power of two
const MAX_CACHED = 24; // bytes
const cache: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE).fill(undefined);
const codes: number[] = [];

export function decodeUtf8(bytes: Uint8Array, start: number, end: number, decoder: TextDecoder): string {
  const n = end - start;
  if (n > MAX_CACHED) return decoder.decode(bytes.subarray(start, end));
  let h = n;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) return decoder.decode(bytes.subarray(start, end)); // multi-byte (or a BOM, which decode drops)
    h = (Math.imul(h, 31) + b) | 0;
  }
  const slot = h & (CACHE_SIZE - 1);
  const hit = cache[slot];
  if (hit !== undefined && hit.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) if (hit.charCodeAt(i) !== bytes[start + i]) { same = false; break; }
    if (same) return hit;
  }
  codes.length = n;
  for (let i = 0; i < n; i++) codes[i] = bytes[start + i];
  const s = String.fromCharCode.apply(null, codes);
  cache[slot] = s;
  return s;
}
