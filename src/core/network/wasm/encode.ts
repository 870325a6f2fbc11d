/**
 * A few WebAssembly binary-format encoders: enough to assemble the one hot function of the search engine
 * (settleModule.ts) from readable instruction lists at run time, without a toolchain or a binary blob in the repo.
 * Format: https://webassembly.github.io/spec/core/binary/ (LEB128 integers, sections of vectors).
 */

export type Bytes = number[];

/** Unsigned LEB128. */
export function u32(n: number): Bytes {
  const out: Bytes = [];
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (i32 immediates). */
export function s32(n: number): Bytes {
  const out: Bytes = [];
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export const I32 = 0x7f;
export const F64 = 0x7c;

// Instructions used by the engine (opcode tables of the spec).
export const get = (i: number): Bytes => [0x20, ...u32(i)];
export const set = (i: number): Bytes => [0x21, ...u32(i)];
export const tee = (i: number): Bytes => [0x22, ...u32(i)];
export const i32Const = (n: number): Bytes => [0x41, ...s32(n)];
export const f64Const = (x: number): Bytes => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)];
/** Loads/stores: opcode, alignment exponent, offset. */
export const i32Load = (offset = 0): Bytes => [0x28, 2, ...u32(offset)];
export const f64Load: Bytes = [0x2b, 3, 0];
export const u8Load: Bytes = [0x2d, 0, 0];
export const i32Store: Bytes = [0x36, 2, 0];
export const f64Store: Bytes = [0x39, 3, 0];
export const i8Store: Bytes = [0x3a, 0, 0];
/** Structured control: blocks and loops without results. */
export const block: Bytes = [0x02, 0x40];
export const loop: Bytes = [0x03, 0x40];
export const ifThen: Bytes = [0x04, 0x40];
export const end: Bytes = [0x0b];
export const br = (depth: number): Bytes => [0x0c, ...u32(depth)];
export const brIf = (depth: number): Bytes => [0x0d, ...u32(depth)];
export const i32Add: Bytes = [0x6a];
export const i32Shl: Bytes = [0x74];
export const i32LtS: Bytes = [0x48];
export const i32GeS: Bytes = [0x4e];
export const f64Add: Bytes = [0xa0];
export const f64Mul: Bytes = [0xa2];
export const f64Lt: Bytes = [0x63];
export const f64Gt: Bytes = [0x64];
export const f64Eq: Bytes = [0x61];
export const f64Ne: Bytes = [0x62];
export const i32TruncF64S: Bytes = [0xaa];

function section(id: number, content: Bytes): Bytes {
  return [id, ...u32(content.length), ...content];
}

function name(s: string): Bytes {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...u32(bytes.length), ...bytes];
}

/**
 * A module of one exported function that imports its memory as `env.mem`: `params` and `result` value types,
 * `locals` as [count, type] groups, `body` the instructions (the final `end` is added here).
 */
export function oneFunctionModule(
  exportName: string, params: readonly number[], result: number, locals: readonly [number, number][], body: Bytes,
): Uint8Array<ArrayBuffer> {
  const code = [...u32(locals.length), ...locals.flatMap(([count, type]) => [...u32(count), type]), ...body, ...end];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
    ...section(1, [1, 0x60, ...u32(params.length), ...params, 1, result]), // one function type
    ...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 1]), // import memory env.mem (min 1 page)
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [1, ...name(exportName), 0x00, 0]), // export it
    ...section(10, [1, ...u32(code.length), ...code]), // its code
  ]);
}
