/**
 * A flat line layer's vertices and line starts (core/geo/flatLine), copied from FlatGeobuf LineString tables.
 */
import type { FlatLines } from '../../core/geo/flatLine';
import type { Reader } from './reader';
import { G_XY, G_Z, bail } from './reader';

/** Growable vertex and line-start arrays of a flat line layer (the sizes are known only at the end). */
export class FlatLineBuilder {
  xy: Float64Array;
  xyLength = 0;
  lineStart: Int32Array;
  lines = 0;
  private readonly shared: boolean;

  /**
   * Room for `lines` lines of `vertices` vertices in all (grown when short; exact sizes need no copy at the end).
   * `shared`: in SharedArrayBuffers, for lines that other threads read as they are (posting them shares the
   * memory instead of copying it); arrays grown on the way are plain ones, and `finishLines` cuts views, not copies.
   */
  constructor(lines = 1 << 12, vertices = 1 << 15, shared = false) {
    this.shared = shared;
    this.xy = shared ? new Float64Array(new SharedArrayBuffer(16 * vertices)) : new Float64Array(2 * vertices);
    this.lineStart = shared ? new Int32Array(new SharedArrayBuffer(4 * (lines + 1))) : new Int32Array(lines + 1);
  }

  /** Copy the xy vector of one LineString table (as `coordinates` reads it: every pair, `ends` ignored). */
  add(r: Reader, f64: Float64Array, g: number): void {
    const xyField = r.field(g, G_XY);
    if (xyField === 0) bail();
    const xyVec = r.typedVector(xyField, 8);
    if (xyVec.length % 2 !== 0) bail();
    if (r.field(g, G_Z) !== 0) bail(); // a third ordinate: the positions need it, only the full decoding keeps it
    const need = this.xyLength + xyVec.length;
    if (need > this.xy.length) {
      const bigger = new Float64Array(Math.max(need, 2 * this.xy.length));
      bigger.set(this.xy.subarray(0, this.xyLength));
      this.xy = bigger;
    }
    // A loop, not `set(f64.subarray(…))`: a view object per line (93k at ×50) cost more than copying ~14 numbers.
    const out = this.xy;
    for (let i = xyVec.start >> 3, e = i + xyVec.length, o = this.xyLength; i < e; i++, o++) out[o] = f64[i];
    this.xyLength = need;
    if (this.lines + 2 > this.lineStart.length) {
      const bigger = new Int32Array(2 * this.lineStart.length);
      bigger.set(this.lineStart);
      this.lineStart = bigger;
    }
    this.lineStart[++this.lines] = need >> 1;
  }

  /**
   * The finished arrays: the builder's own when they are full; else copies of the used part, or views of it when
   * shared (room made for an upper bound of the vertices: a copy would undo what sharing saves).
   */
  finishLines(target: FlatLines): void {
    const cut = <T extends Float64Array | Int32Array>(a: T, n: number): T => (n === a.length ? a : (this.shared ? a.subarray(0, n) : a.slice(0, n)) as T);
    target.xy = cut(this.xy, this.xyLength);
    target.lineStart = cut(this.lineStart, this.lines + 1);
  }

  /** The finished arrays, with the counts the CRS hints want (./known). */
  finish(target: FlatLines): { total: number; outside: number } {
    this.finishLines(target);
    let total = 0, outside = 0;
    const xy = target.xy;
    for (let i = 0; i < xy.length; i += 2) {
      const x = xy[i], y = xy[i + 1];
      if (x - x === 0 && y - y === 0) {
        total++;
        if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) outside++;
      }
    }
    return { total, outside };
  }
}
