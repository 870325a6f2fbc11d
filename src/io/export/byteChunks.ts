/**
 * Output as UTF-8 bytes in a reused buffer of about a megabyte, handed on when full: the big exports
 * (communities.geojson is 30 MB at ×50) are written piece by piece from the result arrays, without an object per
 * feature and without joining hundreds of thousands of small strings (joining and then encoding them cost about
 * twice as much as copying each piece's characters here; measured on the ×50 gaps.csv: 200–370 ms vs 100 ms).
 */
const encoder = new TextEncoder();

/** Strings longer than this go through the native encoder; shorter ones (keys, numbers, ids) a JS loop. */
const NATIVE_FROM_CHARS = 48;
/** Byte arrays longer than this are copied with TypedArray.set. */
const SET_FROM_BYTES = 16;
/** Default chunk size: large enough that a write per chunk costs little, small enough to stay in cache. */
export const CHUNK_BYTES = 1 << 20;

/**
 * Takes a filled chunk. Returning nothing: the bytes must be used before returning (the buffer is filled again).
 * Returning a buffer: the sink keeps the chunk (e.g. for a write still running) and the next bytes go there.
 */
export type ChunkSink = (bytes: Uint8Array) => Uint8Array | void;

export class ByteChunks {
  private buf: Uint8Array;
  private pos = 0;
  private dropComma = false;

  constructor(private readonly emit: ChunkSink, chunkBytes = CHUNK_BYTES) {
    this.buf = new Uint8Array(chunkBytes);
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = new Uint8Array(bytes);
  }

  /** The next non-empty text loses its leading comma (a row whose first cell is written as ",cell"). */
  omitNextComma(): void {
    this.dropComma = true;
  }

  /** Any text, as UTF-8 (lone surrogates as U+FFFD, as Node writes strings to files). */
  text(str: string): void {
    let s = str;
    if (this.dropComma && s.length) {
      this.dropComma = false;
      if (s.charCodeAt(0) === 44) s = s.slice(1);
    }
    const n = s.length;
    this.room(3 * n);
    if (n > NATIVE_FROM_CHARS) {
      this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[p++] = c;
      } else {
        p += encoder.encodeInto(i ? s.slice(i) : s, buf.subarray(p)).written;
        break;
      }
    }
    this.pos = p;
  }

  /**
   * `s` as one CSV cell, as csvCell(s) writes it. Printable ASCII without `"` or `,` and without a space at
   * either end needs no quotes and is copied in one pass; anything else goes through `quote` (csvCell).
   */
  csvString(s: string, quote: (s: string) => string): void {
    const n = s.length;
    if (n === 0) return;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    let ok = s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32;
    for (let i = 0; ok && i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 34 || c === 44) ok = false;
      else buf[p++] = c;
    }
    if (!ok) { this.text(quote(s)); return; }
    this.dropComma = false;
    this.pos = p;
  }

  /** Bytes already encoded (a cell repeated on many rows, encoded once with `utf8`). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (n && this.dropComma) {
      this.dropComma = false;
      if (b[0] === 44) { this.bytes(b.subarray(1)); return; }
    }
    this.room(n);
    if (n > SET_FROM_BYTES) {
      this.buf.set(b, this.pos);
      this.pos += n;
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i];
    this.pos = p;
  }

  /** Hand on what is buffered (call once at the end). */
  flush(): void {
    if (!this.pos) return;
    const next = this.emit(this.buf.subarray(0, this.pos));
    if (next instanceof Uint8Array) this.buf = next;
    this.pos = 0;
  }
}

/** UTF-8 of a piece written many times. */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** All bytes a writer produces, in one array (browser downloads, tests). */
export function collectBytes(write: (out: ByteChunks) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  const out = new ByteChunks((bytes) => { chunks.push(bytes.slice()); });
  write(out);
  out.flush();
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  return all;
}

/** The text a writer produces (decoded from its UTF-8). */
export const collectText = (write: (out: ByteChunks) => void): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(collectBytes(write));
