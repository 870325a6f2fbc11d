/**
 * Walking metres as written (0.1 m, the text of `roundWalkMeters(m)`), all in one byte pool: made once and copied
 * into communities.geojson, communities.csv and gaps.csv. Metres below 10^14 are written digit by digit from
 * the integer decimetres (the text String() gives: "q" or "q.d"); anything else through String().
 * ×50 town, 380 000 values: 20 ms as strings; the copies cost less than re-reading strings char by char.
 */
import type { ByteChunks } from './byteChunks';

/** Above this many decimetres String() may switch to exponent notation or lose the last digit: no fast path. */
const FAST_BELOW_DM = 1e15;

export class WalkTexts {
  /** Text of value i is pool[at[i] .. at[i + 1]]; empty when the value is not finite. */
  private pool: Uint8Array;
  private readonly at: Int32Array;
  private readonly finite: Uint8Array;

  constructor(walkMeters: ArrayLike<number>, n: number) {
    this.at = new Int32Array(n + 1);
    this.finite = new Uint8Array(n);
    let pool = new Uint8Array(Math.max(64, n * 7));
    let p = 0;
    for (let i = 0; i < n; i++) {
      const m = walkMeters[i];
      if (Number.isFinite(m)) {
        this.finite[i] = 1;
        if (p + 32 > pool.length) {
          const grown = new Uint8Array(pool.length * 2);
          grown.set(pool.subarray(0, p));
          pool = grown;
        }
        p = writeDecimetres(Math.round(m * 10), pool, p);
      }
      this.at[i + 1] = p;
    }
    this.pool = pool;
  }

  has(i: number): boolean {
    return this.finite[i] === 1;
  }

  /** Text of value i (nothing when not finite). */
  write(i: number, out: ByteChunks): void {
    out.copy(this.pool, this.at[i], this.at[i + 1]);
  }

  textAt(i: number): string | null {
    if (!this.finite[i]) return null;
    let s = '';
    for (let j = this.at[i]; j < this.at[i + 1]; j++) s += String.fromCharCode(this.pool[j]);
    return s;
  }
}

/** Write String(dm / 10) at pool[p] (room for 32 bytes), return the end. */
export function writeDecimetres(dm: number, pool: Uint8Array, p: number): number {
  // -0 writes "0" both ways; negative and huge values take String() (never for real walks).
  if (!(dm >= 0 && dm < FAST_BELOW_DM)) {
    const s = String(dm / 10);
    for (let i = 0; i < s.length; i++) pool[p++] = s.charCodeAt(i);
    return p;
  }
  const start = p;
  let tenth: number;
  if (dm <= 0x7fffffff) {
    // Walks up to 214 km, i.e. all of them: the same digits in 32-bit integer arithmetic, which V8 compiles to
    // multiplications (on doubles every % was a call to fmod; 300 000 values cold: 22 → 13–20 ms).
    let q = dm | 0;
    tenth = q % 10;
    q = (q / 10) | 0;
    do {
      const next = (q / 10) | 0;
      pool[p++] = 48 + q - next * 10;
      q = next;
    } while (q > 0);
  } else {
    tenth = dm % 10;
    let q = (dm - tenth) / 10;
    // Digits of q, last first, then reversed in place.
    do {
      const d = q % 10;
      pool[p++] = 48 + d;
      q = (q - d) / 10;
    } while (q > 0);
  }
  for (let a = start, b = p - 1; a < b; a++, b--) { const t = pool[a]; pool[a] = pool[b]; pool[b] = t; }
  if (tenth !== 0) { pool[p++] = 46; pool[p++] = 48 + tenth; }
  return p;
}
