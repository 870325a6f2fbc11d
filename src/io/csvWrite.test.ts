import { describe, expect, it } from 'vitest';
import { toCsv } from './csvWrite';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and writes the header then one CRLF-terminated line per row', () => {
    const csv = toCsv([{ community: '幸福里小区', walk_m: 512.3 }], ['community', 'walk_m']);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('community,walk_m\r\n幸福里小区,512.3\r\n');
  });

  it('quotes commas, quotes and line breaks per RFC 4180 and leaves empty cells for null/NaN', () => {
    const csv = toCsv([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines', d: null, e: NaN, f: undefined }], ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(csv.slice(1).split('\r\n')[1]).toBe('"x,y","say ""hi""","two\nlines",,,');
  });

  it('writes booleans and keeps column order even when rows have other keys', () => {
    expect(toCsv([{ z: 1, covered: false, y: 'a' }], ['y', 'covered']).slice(1)).toBe('y,covered\r\na,false\r\n');
  });

  it('keeps leading zeros and leading spaces by writing the text (quoted when it has edge spaces)', () => {
    expect(toCsv([{ code: '007', n: ' x' }], ['code', 'n']).slice(1)).toBe('code,n\r\n007," x"\r\n');
  });
});
