/**
 * The memory the WebAssembly loop (settleModule.ts) works in: a copy of the search graph's CSR arrays and the
 * workspace's per-node and per-entry arrays, laid out once per workspace. The memory never grows, so the typed
 * views handed out (the workspace's `dist`, `label`, `touched`, …) stay valid for the workspace's life.
 */
import { settleIn } from './settleModule';
import type { SettleAddresses, SettleFn } from './settleModule';

/** Buckets the memory has room for (a longer bound over shorter edges runs the JavaScript loop). */
const HEAD_CAPACITY = 1 << 16;

type Csr = { nodeCount: number; offsets: Int32Array; targets: Int32Array; slotMeters: Float64Array };

export interface SettleMemory {
  settle: SettleFn;
  addresses: SettleAddresses;
  dist: Float64Array;
  label: Int32Array;
  settled: Uint8Array;
  touched: Int32Array;
  entryNode: Int32Array;
  entryNext: Int32Array;
  bucketHead: Int32Array;
  /** Entries (seeds + relaxations) and buckets a run may use here. */
  entryCapacity: number;
  headCapacity: number;
}

/** Null where WebAssembly is unavailable (the caller keeps its JavaScript arrays and loop). */
export function createSettleMemory(graph: Csr): SettleMemory | null {
  const n = graph.nodeCount, slots = graph.targets.length;
  // Every slot relaxes at most once per run (its node settles once); seeds beyond n fall back to JavaScript.
  const entryCapacity = slots + Math.max(1024, n);
  let bytes = 0;
  const region = (size: number): number => {
    const start = bytes;
    bytes += Math.ceil(size / 8) * 8;
    return start;
  };
  const addresses: SettleAddresses = {
    offsets: region((n + 1) * 4), targets: region(slots * 4), slotMeters: region(slots * 8),
    dist: region(n * 8), label: region(n * 4), settled: region(n), touched: region(n * 4),
    entryNode: region(entryCapacity * 4), entryNext: region(entryCapacity * 4), bucketHead: region(HEAD_CAPACITY * 4),
  };
  let memory: WebAssembly.Memory;
  try {
    if (typeof WebAssembly !== 'object') return null;
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  } catch {
    return null; // no WebAssembly, or no memory for it
  }
  const settle = settleIn(memory);
  if (!settle) return null;
  const buffer = memory.buffer;
  new Int32Array(buffer, addresses.offsets, n + 1).set(graph.offsets.subarray(0, n + 1));
  new Int32Array(buffer, addresses.targets, slots).set(graph.targets);
  new Float64Array(buffer, addresses.slotMeters, slots).set(graph.slotMeters);
  return {
    settle, addresses,
    dist: new Float64Array(buffer, addresses.dist, n),
    label: new Int32Array(buffer, addresses.label, n),
    settled: new Uint8Array(buffer, addresses.settled, n),
    touched: new Int32Array(buffer, addresses.touched, n),
    entryNode: new Int32Array(buffer, addresses.entryNode, entryCapacity),
    entryNext: new Int32Array(buffer, addresses.entryNext, entryCapacity),
    bucketHead: new Int32Array(buffer, addresses.bucketHead, HEAD_CAPACITY).fill(-1),
    entryCapacity, headCapacity: HEAD_CAPACITY,
  };
}
