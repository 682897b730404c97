// Unit vectors for the discovery tests: made unit length, or drawn at random from a seed.
import { seededRandom } from '../../src/random.js';

export function unit(values: readonly number[]): Float32Array {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (v) => v / norm);
}

export function randomVectors(n: number, dims: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => unit(Array.from({ length: dims }, () => random() - 0.5)));
}
