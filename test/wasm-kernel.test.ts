import { describe, expect, it } from 'vitest';
import { functionBody, kernelCompiler, op, sleb, uleb } from '../src/wasm-kernel.js';

describe('LEB128', () => {
  it('encodes unsigned and signed numbers as the WebAssembly binary format does', () => {
    expect(uleb(0)).toEqual([0x00]);
    expect(uleb(64)).toEqual([0x40]);
    expect(uleb(624_485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(0)).toEqual([0x00]);
    expect(sleb(32)).toEqual([0x20]);
    // 64 has its sign bit set in one byte: as i32.const's value it takes two.
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-123_456)).toEqual([0xc0, 0xbb, 0x78]);
  });
});

describe('kernelCompiler', () => {
  it('compiles a function of five i32 parameters over the memory it is given, once', () => {
    // store(a) = b, as an i32 at byte address a.
    const body = functionBody([], [op.localGet, 0, op.localGet, 1, 0x36, 2, 0, op.end]);
    let built = 0;
    const compile = kernelCompiler('store', () => {
      built += 1;
      return body;
    });
    const code = compile()!;
    expect(compile()).toBe(code);
    expect(built).toBe(1);
    const { buffer, run } = code.instantiate(70_000);
    expect(buffer.byteLength).toBe(2 * 65_536);
    run(65_540, 1234, 0, 0, 0);
    expect(new Int32Array(buffer, 65_540, 1)[0]).toBe(1234);
  });
});
