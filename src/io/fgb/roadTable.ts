/**
 * A clean FlatGeobuf roads layer read as columns (`RoadColumns`): the lines and their highway / foot / access
 * tags, with no feature, property or `Road` object per road.
 *
 * Why: the CLI's main thread read the ×50 roads (93k lines) as features, validated them, mapped them to roads
 * and flattened those for the walk network: ~0.5 s of its CPU (decode ~0.25 s, its garbage collections ~0.1 s,
 * validation, mapping and flattening ~0.2 s), while the other core mostly waited for the network's lines.
 *
 * Only a file that the feature path would take without a word takes this one: `readRoadTable` returns null —
 * and the caller reads the file as features, as before — unless every feature is a clean LineString (at least two
 * positions, each within ±180 / ±90, none equal to the one before) with a non-empty `highway` text, and no property
 * would draw a validation warning (undecodable text, markup, numbers too large). For such a file, validation keeps
 * every feature as it is, no line is a railway or waterway barrier, and every road's `highway` is its highway tag,
 * so the columns give exactly what the feature path gives (tests compare the two).
 */
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import type { FlatLines } from '../../core/geo/flatLine';
import type { RoadColumns } from '../../core/network/roadLines';
import { cleanFlatLineAt } from '../validate/geometry';
import { checkProperties } from '../validate/properties';
import { FlatLineBuilder } from './flatLineBuilder';
import { F_GEOMETRY, F_PROPERTIES, Reader, bail, firstFeatureOffset, simpleHeader } from './reader';
import { decodeUtf8 } from './utf8';

export interface RoadTable extends RoadColumns {
  /** The CRS the header declares, as `readFlatGeobufInBbox` spells it (null: none). */
  crs: string | null;
}

const textDecoder = new TextDecoder();

/** Tag values to small numbers (0: no tag). */
class TagValues {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      if (c > 0xffff) bail();
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

/** One value of a property vector: the text checks of `checkProperties`, on the value as the feature path decodes it. */
function cleanText(bytes: Uint8Array, from: number, to: number, name: string): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    // Plain ASCII without "<" or ":" can draw no warning (no U+FFFD, no markup); anything else is checked as text.
    if (b >= 0x80 || b === 60 || b === 58) return checkProperties({ [name]: decodeUtf8(bytes, from, to, textDecoder) }, {}).length === 0;
  }
  return true;
}

/** A number property `checkProperties` has nothing to say about: finite, and a safe integer if an integer. */
function cleanNumber(v: number): boolean {
  return Number.isFinite(v) && (!Number.isInteger(v) || Number.isSafeInteger(v));
}

/**
 * The roads of a clean FlatGeobuf LineString file as columns, or null when the file needs the feature path (see
 * the module comment). Never throws: a file it cannot read is left to the feature path and its messages.
 */
export function readRoadTable(bytes: Uint8Array): RoadTable | null {
  try {
    return decodeRoadTable(bytes);
  } catch {
    return null;
  }
}

function decodeRoadTable(bytes: Uint8Array): RoadTable | null {
  const simple = simpleHeader(bytes);
  if (!simple) return null;
  const { header, headerLength } = simple;
  if (header.geometryType !== GeometryType.LineString || header.featuresCount < 1) return null;
  const r = new Reader(bytes);
  const f64 = r.f64;
  if (!f64) return null;
  const columns = header.columns ?? [];
  const names = columns.map((c) => c.name);
  const types = columns.map((c) => c.type);
  // A column name with U+FFFD draws a warning on every feature that has the column. Two columns of one name: the
  // feature's object keeps the later value, which the tag columns below would not follow.
  if (names.some((n) => checkProperties({ [n]: null }, {}).length > 0) || new Set(names).size !== names.length) return null;
  // Which column holds which tag (-1: none); the tags must be text, as the feature path reads them.
  const highwayColumn = names.indexOf('highway');
  const footColumn = names.indexOf('foot'), accessColumn = names.indexOf('access');
  if (highwayColumn < 0) return null;
  for (const c of [highwayColumn, footColumn, accessColumn]) if (c >= 0 && types[c] !== ColumnType.String) return null;
  const count = header.featuresCount;
  // Every feature takes more than 8 bytes: a count beyond that is a broken header, not a size to allocate.
  if (count > bytes.length / 8) return null;
  const highway = new Uint16Array(count), foot = new Uint16Array(count), access = new Uint16Array(count);
  const tags = new TagValues();
  const dv = r.dv;
  // Shared memory: the CLI posts these lines to the distance thread, which builds the network from them while this
  // thread goes on reading them (zoning barriers, coordinate-system hints). A copy cost ~10.5 MB of fresh memory on
  // each side at ×50, on this thread while it was the only one at work. Room for as many vertices as the file's
  // bytes could hold (16 each): never grown, and no counting pass first (~15–25 ms cold at ×50); the pages past
  // the last vertex are never touched, and the lines are a view of the vertices written (`finishLines`).
  const first = firstFeatureOffset(header, headerLength);
  const builder = new FlatLineBuilder(count, Math.max(0, Math.floor((bytes.length - first) / 16)), true);
  let offset = first;
  let k = 0;
  while (offset < bytes.length) {
    if (k >= count) return null; // more features than the header says: the feature path decides
    const featureLength = dv.getUint32(offset, true);
    const feature = offset + 4 + r.i32(offset + 4);
    const gf = r.field(feature, F_GEOMETRY);
    if (gf === 0) return null;
    builder.add(r, f64, gf + r.i32(gf));
    // Properties: every value checked, the three tags kept (a column given twice: its last value, as the object).
    let hw = 0, ft = 0, ac = 0;
    const pf = r.field(feature, F_PROPERTIES);
    if (pf !== 0) {
      const { start, length } = r.typedVector(pf, 1);
      const end = start + length;
      let at = start;
      while (at < end) {
        if (at + 2 > end) return null;
        const i = dv.getUint16(at, true);
        at += 2;
        if (i >= names.length) return null;
        let size: number;
        switch (types[i]) {
          case ColumnType.Bool: case ColumnType.Byte: case ColumnType.UByte: size = 1; break;
          case ColumnType.Short: case ColumnType.UShort: size = 2; break;
          case ColumnType.Int: case ColumnType.UInt: size = 4; break;
          case ColumnType.Float: {
            if (at + 4 > end || !cleanNumber(dv.getFloat32(at, true))) return null;
            size = 4;
            break;
          }
          case ColumnType.Double: {
            if (at + 8 > end || !cleanNumber(dv.getFloat64(at, true))) return null;
            size = 8;
            break;
          }
          case ColumnType.Long: {
            if (at + 8 > end || !Number.isSafeInteger(Number(dv.getBigInt64(at, true)))) return null;
            size = 8;
            break;
          }
          case ColumnType.ULong: {
            if (at + 8 > end || !Number.isSafeInteger(Number(dv.getBigUint64(at, true)))) return null;
            size = 8;
            break;
          }
          case ColumnType.String:
          case ColumnType.DateTime: {
            if (at + 4 > end) return null;
            const n = dv.getUint32(at, true);
            at += 4;
            if (at + n > end) return null;
            if (!cleanText(bytes, at, at + n, names[i])) return null;
            if (i === highwayColumn) hw = n === 0 ? 0 : tags.code(decodeUtf8(bytes, at, at + n, textDecoder));
            else if (i === footColumn) ft = tags.code(decodeUtf8(bytes, at, at + n, textDecoder));
            else if (i === accessColumn) ac = tags.code(decodeUtf8(bytes, at, at + n, textDecoder));
            size = n;
            break;
          }
          default:
            return null; // JSON (objects) and binary values: the feature path
        }
        if (at + size > end) return null;
        at += size;
      }
    }
    // No highway (or an empty one): the feature path tells (a railway or waterway barrier, or an unclassified road).
    if (hw === 0) return null;
    highway[k] = hw;
    foot[k] = ft;
    access[k] = ac;
    k++;
    offset += 4 + featureLength;
  }
  if (k !== count) return null;
  const lines: FlatLines = { xy: new Float64Array(0), lineStart: new Int32Array(1) };
  builder.finishLines(lines);
  if (!cleanLines(lines)) return null;
  return { lines, highway, foot, access, tagValues: tags.values, crs: simple.crs };
}

/** Validation's test of a clean line (at least two positions, within ±180 / ±90, no repeats), on every line. */
function cleanLines(lines: FlatLines): boolean {
  for (let l = 0; l + 1 < lines.lineStart.length; l++) if (!cleanFlatLineAt(lines, l)) return false;
  return true;
}
