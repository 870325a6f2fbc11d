/**
 * The bucket loop of the search engine (`runBuckets` in ../dijkstra.ts) as a WebAssembly function, assembled at
 * run time from the instruction list below (encode.ts).
 *
 * Why: this loop is the whole cost of the all-category distances (issue #3: < 300 ms on the ×50 bench town). The
 * same loop in JavaScript, with every array a parameter, settles a node in ~250–350 ns there; this function
 * does the identical work in ~130–170 ns (tmp measurements of the 19 category searches, same seeds: best of 10
 * 366 ms in JS vs 164 ms here on a loaded machine; identical distances and labels). It is the loop only: seeding,
 * resets, the heap queue for very long bounds and the predecessor-tracking runs stay in JavaScript.
 *
 * Semantics are those of the JavaScript loop line by line (same IEEE-754 double additions and comparisons, same
 * LIFO bucket lists), so results are bit-identical; tests run both on the same searches.
 */
import { block, br, brIf, end, F64, f64Add, f64Const, f64Eq, f64Gt, f64Load, f64Lt, f64Mul, f64Ne, f64Store, get, I32, i32Add,
  i32Const, i32GeS, i32Load, i32LtS, i32Shl, i32Store, i32TruncF64S, i8Store, ifThen, loop, oneFunctionModule, set, tee, u8Load } from './encode';
import type { Bytes } from './encode';

// Parameters: byte addresses of the arrays in the memory, then the loop's scalars.
const OFFSETS = 0, TARGETS = 1, METERS = 2, DIST = 3, LABEL = 4, SETTLED = 5, TOUCHED = 6, TOUCHED_COUNT = 7,
  ENTRY_NODE = 8, ENTRY_NEXT = 9, HEAD = 10, ENTRIES = 11, BUCKET = 12, BUCKET_COUNT = 13, BOUND = 14, INV_W = 15;
const PARAMS = [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, F64, F64];
// Locals: i32 e, u, s, end, lu, v, nb, vAddr, addr; f64 du, nd, dv.
const E = 16, U = 17, S = 18, END = 19, LU = 20, V = 21, NB = 22, V_ADDR = 23, ADDR = 24, DU = 25, ND = 26, DV = 27;

/** Address of element `index` of the array at `base` (elements of 2^shift bytes). */
const at = (base: number, index: number, shift: number): Bytes => [...get(base), ...get(index), ...i32Const(shift), ...i32Shl, ...i32Add];

// Branch depths are counted from the innermost enclosing block/loop (0) outwards, as in the spec.
const BODY: Bytes = [
  ...block, // ── all buckets done
  ...loop, //   for (; b < bucketCount; b++)
  ...get(BUCKET), ...get(BUCKET_COUNT), ...i32GeS, ...brIf(1),
  ...at(HEAD, BUCKET, 2), ...i32Load(), ...set(E), // e = head[b]
  ...block, // ── bucket b done
  ...loop, //   while (e >= 0)
  ...get(E), ...i32Const(0), ...i32LtS, ...brIf(1),
  ...at(ENTRY_NODE, E, 2), ...i32Load(), ...set(U), // u = entryNode[e]
  ...at(ENTRY_NEXT, E, 2), ...i32Load(), ...set(E), // e = next[e]
  ...get(SETTLED), ...get(U), ...i32Add, ...u8Load, ...brIf(0), // stale duplicate: continue
  ...get(SETTLED), ...get(U), ...i32Add, ...i32Const(1), ...i8Store, // settled[u] = 1
  ...at(DIST, U, 3), ...f64Load, ...set(DU),
  ...at(LABEL, U, 2), ...i32Load(), ...set(LU),
  ...at(OFFSETS, U, 2), ...tee(ADDR), ...i32Load(), ...set(S), ...get(ADDR), ...i32Load(4), ...set(END),
  ...block, // ── slots of u done
  ...loop, //   for (; s < end; s++)
  ...get(S), ...get(END), ...i32GeS, ...brIf(1),
  ...get(DU), ...at(METERS, S, 3), ...f64Load, ...f64Add, ...set(ND), // nd = du + slotMeters[s]
  ...block, // ── next slot
  ...get(ND), ...get(BOUND), ...f64Gt, ...brIf(0), // beyond the bound
  ...at(TARGETS, S, 2), ...i32Load(), ...set(V),
  ...at(DIST, V, 3), ...tee(V_ADDR), ...f64Load, ...set(DV),
  ...block, // ── improve v
  ...get(ND), ...get(DV), ...f64Lt, ...brIf(0), // nd < dv: improve
  ...get(ND), ...get(DV), ...f64Ne, ...brIf(1), // nd > dv: next slot
  ...get(LU), ...at(LABEL, V, 2), ...i32Load(), ...i32GeS, ...brIf(1), // tie, not a smaller label: next slot
  ...end,
  ...get(DV), ...f64Const(Infinity), ...f64Eq, ...ifThen, // first reached: touched[touchedCount++] = v
  ...at(TOUCHED, TOUCHED_COUNT, 2), ...get(V), ...i32Store, ...get(TOUCHED_COUNT), ...i32Const(1), ...i32Add, ...set(TOUCHED_COUNT),
  ...end,
  ...get(V_ADDR), ...get(ND), ...f64Store, // dist[v] = nd
  ...at(LABEL, V, 2), ...get(LU), ...i32Store, // label[v] = lu
  ...get(ND), ...get(INV_W), ...f64Mul, ...i32TruncF64S, ...set(NB), // nb = (nd * invW) | 0
  ...at(ENTRY_NODE, ENTRIES, 2), ...get(V), ...i32Store, // entryNode[entries] = v
  ...at(HEAD, NB, 2), ...set(ADDR),
  ...at(ENTRY_NEXT, ENTRIES, 2), ...get(ADDR), ...i32Load(), ...i32Store, // next[entries] = head[nb]
  ...get(ADDR), ...get(ENTRIES), ...i32Store, // head[nb] = entries
  ...get(ENTRIES), ...i32Const(1), ...i32Add, ...set(ENTRIES), // entries++
  ...end, // next slot
  ...get(S), ...i32Const(1), ...i32Add, ...set(S),
  ...br(0),
  ...end, ...end, // slots of u done
  ...br(0),
  ...end, ...end, // bucket b done
  ...at(HEAD, BUCKET, 2), ...i32Const(-1), ...i32Store, // head[b] = -1
  ...get(BUCKET), ...i32Const(1), ...i32Add, ...set(BUCKET),
  ...br(0),
  ...end, ...end, // all buckets done
  ...get(TOUCHED_COUNT),
];

/** Byte addresses (in the memory) of the arrays the loop reads and writes. */
export interface SettleAddresses {
  offsets: number;
  targets: number;
  slotMeters: number;
  dist: number;
  label: number;
  settled: number;
  touched: number;
  entryNode: number;
  entryNext: number;
  bucketHead: number;
}

/** Settle buckets `bucket` .. `bucketCount − 1`; returns the new touched count. */
export type SettleFn = (
  offsets: number, targets: number, slotMeters: number, dist: number, label: number, settled: number, touched: number,
  touchedCount: number, entryNode: number, entryNext: number, bucketHead: number, entries: number, bucket: number,
  bucketCount: number, boundMeters: number, invW: number,
) => number;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly is missing or refused (the JavaScript loop is used then). */
function settleModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(oneFunctionModule('settle', PARAMS, I32, [[9, I32], [3, F64]], BODY)) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The loop bound to `memory`, or null without WebAssembly. */
export function settleIn(memory: WebAssembly.Memory): SettleFn | null {
  const module = settleModule();
  if (!module) return null;
  try {
    return new WebAssembly.Instance(module, { env: { mem: memory } }).exports.settle as SettleFn;
  } catch {
    return null;
  }
}
