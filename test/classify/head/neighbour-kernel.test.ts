import { describe, expect, it } from 'vitest';
import { createNeighbourKernel } from '../../../src/classify/head/neighbour-kernel.js';
import { neighbourShares, plainDots, readyNeighbours, WEIGHTED_READ } from '../../../src/classify/head/neighbours.js';
import { seededRandom } from '../../../src/random.js';

describe('the scan in WebAssembly', () => {
  it('gives exactly the JavaScript loop’s integer sums, for dimensions that are not a multiple of eight too', () => {
    const random = seededRandom(3);
    for (const dims of [384, 13, 8, 1]) {
      const count = 57;
      const rows = Int8Array.from({ length: count * dims }, () => Math.round((random() * 2 - 1) * 127));
      const query = Int8Array.from({ length: dims }, () => Math.round((random() * 2 - 1) * 127));
      const kernel = createNeighbourKernel(rows, dims);
      expect(kernel).not.toBeNull();
      expect(Array.from(kernel!.dots(query))).toEqual(Array.from(plainDots(rows, dims, count, query)));
    }
  });

  it('finds the same neighbours with the kernel as without it', () => {
    const random = seededRandom(5);
    const dims = 24;
    const count = 200;
    const rows = Int8Array.from({ length: count * dims }, () => Math.round((random() * 2 - 1) * 127));
    const labels = Uint8Array.from({ length: count * 3 }, () => (random() < 0.3 ? 1 : 0));
    const withKernel = readyNeighbours(rows, dims, 10, labels, 3, WEIGHTED_READ);
    const without = { ...withKernel, kernel: null };
    for (let n = 0; n < 20; n++) {
      const query = Int8Array.from({ length: dims }, () => Math.round((random() * 2 - 1) * 127));
      expect(neighbourShares(withKernel, query)).toEqual(neighbourShares(without, query));
    }
  });
});
