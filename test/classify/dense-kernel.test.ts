import { describe, expect, it } from 'vitest';
import { createDenseKernel } from '../../src/classify/dense-kernel.js';
import { seededRandom } from '../../src/random.js';

function randomVectors(count: number, dims: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dims }, () => random() - 0.5));
}

describe('createDenseKernel', () => {
  it.each([384, 37, 1])('sums %i leading dimensions exactly as a float64 loop in order, four exemplars at a time', (lead) => {
    const exemplars = randomVectors(10, lead + 5, 1);
    const kernel = createDenseKernel(exemplars, lead);
    // Node has WebAssembly SIMD: the kernel must be there, not silently left to the JavaScript loop.
    expect(kernel).not.toBeNull();
    expect(kernel!.exemplars).toBe(8);
    for (const query of randomVectors(6, lead + 5, 2)) {
      for (let d = 0; d < lead; d++) kernel!.input[d] = query[d]!;
      kernel!.run();
      for (let e = 0; e < 8; e++) {
        let dot = 0;
        for (let d = 0; d < lead; d++) dot += query[d]! * exemplars[e]![d]!;
        expect(kernel!.output[e]).toBe(dot);
      }
    }
  });

  it('is left out with fewer than four exemplars or no dense lead', () => {
    expect(createDenseKernel(randomVectors(3, 8, 1), 8)).toBeNull();
    expect(createDenseKernel(randomVectors(4, 8, 1), 0)).toBeNull();
  });
});
