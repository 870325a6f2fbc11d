/**
 * What the fast FlatGeobuf readers (./decode, ./roadTable) share: the header checks that decide whether a file is
 * theirs, reads of the file's numbers that throw outside it, and the flatbuffers table slots they look up.
 */
import { ByteBuffer } from 'flatbuffers';
import { fromByteBuffer } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';

/** Thrown (and caught by the decoders) when the file needs the library reader. */
export class NotSimple extends Error {}
export const bail = (): never => { throw new NotSimple(); };

const MAGIC = [0x66, 0x67, 0x62];

/** The header checks of `readFlatGeobufInBbox`, on the same bytes; null when it would report an error. */
function checkedHeader(bytes: Uint8Array): { crs: string | null; featuresCount: number; indexNodeSize: number } | null {
  if (bytes.length < 12 || !MAGIC.every((b, i) => bytes[i] === b)) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) return null;
  const h = fromByteBuffer(new ByteBuffer(bytes.subarray(8, 12 + headerLength)));
  if (h.indexNodeSize > 0 && h.indexNodeSize < 2) return null;
  if (h.indexNodeSize > 0 && 12 + headerLength + h.featuresCount * 40 > bytes.length) return null;
  // An empty file with an index: the bbox reader returns early; let it.
  if (h.featuresCount === 0 && h.indexNodeSize > 0) return null;
  const c = h.crs;
  return { crs: c ? (c.code ? `${c.org ?? 'EPSG'}:${c.code}` : c.wkt ?? c.code_string ?? null) : null, featuresCount: h.featuresCount, indexNodeSize: h.indexNodeSize };
}

/** Reads of little-endian numbers that throw (RangeError) outside the file instead of yielding garbage. */
export class Reader {
  readonly dv: DataView;
  /** Whole-file Float64 view when the file starts 8-aligned (the library's views need aligned vectors anyway). */
  readonly f64: Float64Array | null;
  /** Finite positions made and those outside ±180 / ±90 (see ./known); `counted` false once one was not. */
  total = 0;
  outside = 0;
  counted = true;
  constructor(readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.f64 = bytes.byteOffset % 8 === 0 ? new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 3) : null;
  }

  i32(pos: number): number { return this.dv.getInt32(pos, true); }

  /** flatbuffers `__offset`: position of field `slot` in the table at `table`, or 0 when absent. */
  field(table: number, slot: number): number {
    const vtable = table - this.i32(table);
    const voff = 4 + 2 * slot;
    if (!(voff < this.dv.getInt16(vtable, true))) return 0;
    const off = this.dv.getInt16(vtable + voff, true);
    return off === 0 ? 0 : table + off;
  }

  /** flatbuffers `__vector`: start of the data of the vector referenced at `fieldPos`. */
  vector(fieldPos: number): number { return fieldPos + this.i32(fieldPos) + 4; }

  /** flatbuffers `__vector_len`. */
  vectorLength(fieldPos: number): number { return this.i32(fieldPos + this.i32(fieldPos)); }

  /** A vector of `elementBytes`-sized items the library would view as a typed array: in range and aligned. */
  typedVector(fieldPos: number, elementBytes: number): { start: number; length: number } {
    const start = this.vector(fieldPos), length = this.vectorLength(fieldPos);
    if (length < 0 || start < 0 || start + length * elementBytes > this.bytes.length) bail();
    if ((this.bytes.byteOffset + start) % elementBytes !== 0) bail();
    return { start, length };
  }
}

// Geometry table slots (FlatGeobuf schema): ends, xy, z, m, t, tm, type, parts.
export const G_ENDS = 0, G_XY = 1, G_Z = 2, G_TYPE = 6, G_PARTS = 7;
// Feature table slots: geometry, properties, columns.
export const F_GEOMETRY = 0, F_PROPERTIES = 1;

/** A header the fast readers take, parsed as the library parses it. */
export interface SimpleHeader {
  header: HeaderMeta;
  headerLength: number;
  /** The header's CRS as `readFlatGeobufInBbox` spells it. */
  crs: string | null;
}

/**
 * The header of a file the fast decoders may read (else null: the library reader decides). Throws on a read past
 * the end (callers catch).
 */
export function simpleHeader(bytes: Uint8Array): SimpleHeader | null {
  const checked = checkedHeader(bytes);
  if (!checked) return null;
  // As the library's deserialize: the header again, from the whole buffer.
  const bb = new ByteBuffer(bytes);
  const headerLength = bb.readUint32(8);
  bb.setPosition(8);
  const header = fromByteBuffer(bb);
  // A "__proto__" column would set the prototype of the library's object, which its spread copy then drops.
  if ((header.columns ?? []).some((c) => c.name === '__proto__')) return null;
  // Both parses agree on any sane file; if not (garbage offsets), leave it to the library (and its checks).
  if (header.featuresCount !== checked.featuresCount || header.indexNodeSize !== checked.indexNodeSize) return null;
  return { header, headerLength, crs: checked.crs };
}

/** Where the features start: after the header and the spatial index, if any. */
export function firstFeatureOffset(header: HeaderMeta, headerLength: number): number {
  return 12 + headerLength + (header.indexNodeSize > 0 ? calcTreeSize(header.featuresCount, header.indexNodeSize) : 0);
}
