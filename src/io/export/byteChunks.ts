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

export class ByteChunks {
  private buf: Uint8Array;
  private pos = 0;
  private dropComma = false;

  /** `emit` must use the bytes before it returns (they are overwritten next). */
  constructor(private readonly emit: (bytes: Uint8Array) => void, chunkBytes = 1 << 20) {
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

  /** One ASCII byte (a separator). */
  byte(c: number): void {
    if (this.dropComma) {
      this.dropComma = false;
      if (c === 44) return;
    }
    if (this.pos >= this.buf.length) this.flush();
    this.buf[this.pos++] = c;
  }

  /**
   * Bytes `from`..`to` of a pool of pieces encoded once (walking metres, member names): one call and a plain
   * loop, no view object per piece.
   */
  copy(pool: Uint8Array, from: number, to: number): void {
    let i = from;
    if (i >= to) return;
    if (this.dropComma) {
      this.dropComma = false;
      if (pool[i] === 44) i++;
    }
    this.room(to - i);
    const buf = this.buf;
    let p = this.pos;
    for (; i < to; i++) buf[p++] = pool[i];
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
    this.emit(this.buf.subarray(0, this.pos));
    this.pos = 0;
  }
}

/**
 * Every path of the writer run once, on a few bytes, when this module loads. Why: a writer's methods are
 * optimised while the first megabyte is written, before its buffer has ever been full (and, in some files,
 * before a long or non-ASCII text came); the first time such a path ran, the optimised code went back to the
 * interpreter and was compiled again. `--trace-deopt`, ×50 CLI: `text` compiled 5 times in the two threads that
 * write, ~46 ms of compiling; with this, once per thread.
 */
function primeWriterPaths(): void {
  // A dozen rounds: V8 keeps no feedback for a function's first few calls (it allocates it lazily).
  for (let round = 0; round < 12; round++) {
    const out = new ByteChunks(() => {}, 64);
    out.omitNextComma();
    out.text(',a');
    out.text('é,');
    out.text('x'.repeat(NATIVE_FROM_CHARS + 1));
    out.text('y'.repeat(NATIVE_FROM_CHARS));
    out.omitNextComma();
    out.byte(44);
    const pool = utf8(',b');
    out.omitNextComma();
    out.copy(pool, 0, pool.length);
    out.omitNextComma();
    out.bytes(pool);
    out.bytes(utf8('z'.repeat(SET_FROM_BYTES + 1)));
    out.flush();
  }
}

/**
 * UTF-8 of a piece written many times. Short ones are encoded here: TextEncoder.encode costs about a
 * microsecond a call, which was a fifth of gaps.csv (20 000 community cells at ×50).
 */
export function utf8(s: string): Uint8Array {
  const n = s.length;
  if (n > NATIVE_FROM_CHARS) return encoder.encode(s);
  const tmp = UTF8_SCRATCH;
  let p = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { tmp[p++] = c; continue; }
    if (c < 0x800) { tmp[p++] = 0xc0 | (c >> 6); tmp[p++] = 0x80 | (c & 0x3f); continue; }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        tmp[p++] = 0xf0 | (c >> 18); tmp[p++] = 0x80 | ((c >> 12) & 0x3f); tmp[p++] = 0x80 | ((c >> 6) & 0x3f); tmp[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd; // a lone surrogate, as TextEncoder writes it
    }
    tmp[p++] = 0xe0 | (c >> 12); tmp[p++] = 0x80 | ((c >> 6) & 0x3f); tmp[p++] = 0x80 | (c & 0x3f);
  }
  return tmp.slice(0, p);
}
const UTF8_SCRATCH = new Uint8Array(3 * NATIVE_FROM_CHARS);

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

primeWriterPaths();
