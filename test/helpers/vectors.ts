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

/**
 * Gaussian draws and random unit directions of `dims` dimensions from one seeded stream (every
 * direction as likely), and unit vectors around a centre, `noise` the length of the random part: paraphrases
 * of one topic.
 */
export function topicSpace(dims: number, seed: number) {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const direction = () => unit(Array.from({ length: dims }, gaussian));
  const around = (centre: Float32Array, count: number, noise: number) =>
    Array.from({ length: count }, () => {
      const offset = direction();
      return unit(Array.from(centre, (c, d) => c + noise * offset[d]!));
    });
  return { gaussian, direction, around };
}
