import { describe, expect, it } from 'vitest';
import { end, get, I32, i32Add, oneFunctionModule, s32, u32 } from './encode';

describe('WebAssembly encoders', () => {
  it('writes LEB128 integers as the spec examples', () => {
    expect(u32(0)).toEqual([0]);
    expect(u32(127)).toEqual([0x7f]);
    expect(u32(128)).toEqual([0x80, 0x01]);
    expect(u32(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(s32(-1)).toEqual([0x7f]);
    expect(s32(63)).toEqual([0x3f]);
    expect(s32(64)).toEqual([0xc0, 0x00]);
    expect(s32(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it('assembles a module that runs (a + b)', () => {
    const bytes = oneFunctionModule('sum', [I32, I32], I32, [], [...get(0), ...get(1), ...i32Add]);
    expect(bytes.slice(0, 8)).toEqual(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    expect(end).toEqual([0x0b]);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const sum = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem: memory } }).exports.sum as (a: number, b: number) => number;
    expect(sum(2, 40)).toBe(42);
    expect(sum(-5, 3)).toBe(-2);
  });
});
