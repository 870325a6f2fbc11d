/**
 * GBK encoder for tests, built by inverting the platform's GBK decoder over every double-byte code
 * (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F). Node has no GBK TextEncoder and iconv-lite is not installed.
 */
let table: Map<string, [number, number]> | null = null;

function buildTable(): Map<string, [number, number]> {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) { out.push(code); continue; }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`"${ch}" has no GBK encoding`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
