import { describe, expect, it } from 'vitest';
import { parseSafetensors, SafetensorsError } from '../../src/models/safetensors.js';
import { safetensorsBytes } from '../helpers/checkpoint.js';

function withHeader(header: Record<string, unknown>, data: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, data]);
}

describe('parseSafetensors', () => {
  it('reads float32 tensors with their shapes', () => {
    const file = parseSafetensors(
      safetensorsBytes({ a: { shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) }, b: { shape: [1], data: Float32Array.of(-0.5) } }),
    );
    expect(file.names).toEqual(['a', 'b']);
    expect(file.shape('a')).toEqual([2, 2]);
    expect(Array.from(file.float32('a'))).toEqual([1, 2, 3, 4]);
    expect(Array.from(file.float32('b'))).toEqual([-0.5]);
    expect(() => file.float32('c')).toThrow(/tensor c is missing/);
  });

  it('widens float16 and bfloat16 to float32', () => {
    const half = Buffer.alloc(6);
    [0x3c00, 0xc000, 0x3555].forEach((h, i) => {
      half.writeUInt16LE(h, i * 2);
    }); // 1, -2, ~0.3333
    const bf = Buffer.alloc(4);
    [0x3f80, 0x4049].forEach((h, i) => {
      bf.writeUInt16LE(h, i * 2);
    }); // 1, ~3.14
    const file = parseSafetensors(
      withHeader(
        { h: { dtype: 'F16', shape: [3], data_offsets: [0, 6] }, b: { dtype: 'BF16', shape: [2], data_offsets: [6, 10] } },
        Buffer.concat([half, bf]),
      ),
    );
    const h = Array.from(file.float32('h'));
    expect(h[0]).toBe(1);
    expect(h[1]).toBe(-2);
    expect(h[2]).toBeCloseTo(1 / 3, 3);
    const b = Array.from(file.float32('b'));
    expect(b[0]).toBe(1);
    expect(b[1]).toBeCloseTo(3.14, 1);
  });

  it('refuses truncated files, bad headers and byte ranges that do not fit the shape', () => {
    const good = safetensorsBytes({ a: { shape: [4], data: Float32Array.of(1, 2, 3, 4) } });
    expect(() => parseSafetensors(good.subarray(0, 5))).toThrow(SafetensorsError);
    expect(() => parseSafetensors(good.subarray(0, good.length - 4))).toThrow(/past the end of the file/);
    expect(() => parseSafetensors(withHeader({ a: { dtype: 'F32', shape: [3], data_offsets: [0, 16] } }, Buffer.alloc(16)))).toThrow(
      /does not match its shape/,
    );
    expect(() => parseSafetensors(withHeader({ a: { dtype: 'F32', shape: 'x', data_offsets: [0, 4] } }, Buffer.alloc(4)))).toThrow(
      /malformed/,
    );
    expect(() => parseSafetensors(withHeader({ a: { dtype: 'Q4', shape: [1], data_offsets: [0, 1] } }, Buffer.alloc(1)))).toThrow(
      /unknown dtype Q4/,
    );
    const notJson = Buffer.concat([Buffer.from([3, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{{{')]);
    expect(() => parseSafetensors(notJson)).toThrow(/not valid JSON/);
    expect(() =>
      parseSafetensors(withHeader({ i: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, Buffer.alloc(8))).float32('i'),
    ).toThrow(/not a floating-point tensor/);
  });
});
