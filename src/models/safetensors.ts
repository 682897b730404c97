// safetensors: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
// shape and byte range, then the raw little-endian data. Read straight from a buffer; half
// precision is widened to float32, since the ONNX graph is built in float32.

import { JsonLimitError, parseBoundedJson } from '../io/json.js';

export interface TensorInfo {
  dtype: string;
  shape: number[];
  start: number;
  end: number;
}

export interface SafetensorsFile {
  names: string[];
  has(name: string): boolean;
  shape(name: string): number[];
  /** The tensor as float32, row-major. Throws for a missing tensor or a non-float dtype. */
  float32(name: string): Float32Array;
}

/** The bytes are not a valid safetensors file; the message says why, in one line. */
export class SafetensorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SafetensorsError';
  }
}

const BYTES_PER_ELEMENT: Record<string, number> = { F32: 4, F16: 2, BF16: 2, F64: 8, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

export function parseSafetensors(bytes: Buffer): SafetensorsFile {
  if (bytes.length < 8) throw new SafetensorsError('the file is shorter than a safetensors header');
  const headerLength = Number(bytes.readBigUInt64LE(0));
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) {
    throw new SafetensorsError(`the header claims ${headerLength} bytes but the file has ${bytes.length} (truncated?)`);
  }
  let header: unknown;
  try {
    header = parseBoundedJson(bytes.toString('utf8', 8, 8 + headerLength), 8);
  } catch (error) {
    if (error instanceof JsonLimitError) throw new SafetensorsError(`the header cannot be read: ${error.message}`);
    throw error;
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new SafetensorsError('the header is not a JSON object');
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, TensorInfo>();
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') continue;
    tensors.set(name, checkTensor(name, value, bytes.length - dataStart));
  }

  const info = (name: string): TensorInfo => {
    const tensor = tensors.get(name);
    if (!tensor) throw new SafetensorsError(`tensor ${name} is missing`);
    return tensor;
  };
  return {
    names: [...tensors.keys()],
    has: (name) => tensors.has(name),
    shape: (name) => info(name).shape,
    float32(name) {
      const tensor = info(name);
      const view = bytes.subarray(dataStart + tensor.start, dataStart + tensor.end);
      return toFloat32(name, tensor.dtype, view);
    },
  };
}

function checkTensor(name: string, value: unknown, dataBytes: number): TensorInfo {
  const tensor = value as Partial<{ dtype: unknown; shape: unknown; data_offsets: unknown }>;
  const offsets = tensor?.data_offsets;
  const shape = tensor?.shape;
  if (
    typeof tensor?.dtype !== 'string' ||
    !Array.isArray(shape) ||
    !shape.every((d) => Number.isInteger(d) && d >= 0) ||
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isInteger(o) && o >= 0)
  ) {
    throw new SafetensorsError(`tensor ${name} has a malformed header entry`);
  }
  const [start, end] = offsets as [number, number];
  const width = BYTES_PER_ELEMENT[tensor.dtype];
  const elements = (shape as number[]).reduce((a, b) => a * b, 1);
  if (width === undefined) throw new SafetensorsError(`tensor ${name} has unknown dtype ${tensor.dtype}`);
  if (end < start || end > dataBytes || end - start !== elements * width) {
    throw new SafetensorsError(`tensor ${name}: its byte range does not match its shape, or lies past the end of the file (truncated?)`);
  }
  return { dtype: tensor.dtype, shape: shape as number[], start, end };
}

function toFloat32(name: string, dtype: string, view: Buffer): Float32Array {
  const count = view.length / (BYTES_PER_ELEMENT[dtype] ?? 1);
  const out = new Float32Array(count);
  if (dtype === 'F32') {
    // Copy through bytes: the view need not be 4-byte aligned.
    new Uint8Array(out.buffer).set(view);
    return out;
  }
  if (dtype === 'F16') {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(view.readUInt16LE(i * 2));
    return out;
  }
  if (dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) bits[i] = view.readUInt16LE(i * 2) << 16;
    return out;
  }
  if (dtype === 'F64') {
    for (let i = 0; i < count; i++) out[i] = view.readDoubleLE(i * 8);
    return out;
  }
  throw new SafetensorsError(`tensor ${name} is ${dtype}, not a floating-point tensor`);
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
