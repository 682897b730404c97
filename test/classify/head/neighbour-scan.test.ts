import { describe, expect, it } from 'vitest';
import { createNeighbourScan, QUERIES_PER_PRODUCT } from '../../../src/classify/head/neighbour-scan.js';
import { neighbourShares, plainDots, readyNeighbours, sharesOf, WEIGHTED_READ } from '../../../src/classify/head/neighbours.js';
import { seededRandom } from '../../../src/random.js';

const random = seededRandom(3);
const int8s = (length: number) => Int8Array.from({ length }, () => Math.round((random() * 2 - 1) * 127));

describe('the scan as one integer product', () => {
  it('gives exactly the JavaScript loop’s sums, query by query, for any dimensions and more queries than one product takes', async () => {
    for (const dims of [384, 13, 1]) {
      const count = 57;
      const rows = int8s(count * dims);
      const queries = QUERIES_PER_PRODUCT + 3;
      const all = int8s(queries * dims);
      // The extremes, where a sum of products would overflow 16 bits.
      all.fill(-128, 0, dims);
      rows.fill(-128, 0, dims);
      const dots = await createNeighbourScan(rows, dims).dots(all);
      expect(dots).toHaveLength(queries * count);
      for (let q = 0; q < queries; q++) {
        const expected = plainDots(rows, dims, count, all.subarray(q * dims, (q + 1) * dims));
        expect(Array.from(dots.subarray(q * count, (q + 1) * count))).toEqual(Array.from(expected));
      }
    }
  });

  it('gives nothing for no queries and refuses queries of another length', async () => {
    const scan = createNeighbourScan(int8s(8), 4);
    expect(await scan.dots(new Int8Array(0))).toHaveLength(0);
    await expect(scan.dots(new Int8Array(6))).rejects.toThrow(/6 values against rows of 4/);
  });

  it('finds the same neighbours, a product’s worth of queries at a time, as query by query with the plain loop', async () => {
    const dims = 24;
    const count = 200;
    const rows = int8s(count * dims);
    const labels = Uint8Array.from({ length: count * 3 }, () => (random() < 0.3 ? 1 : 0));
    const neighbours = readyNeighbours(rows, dims, 10, labels, 3, WEIGHTED_READ);
    // More than two products' worth, so a query's place in the whole list is what `skip` is told.
    const queries = Array.from({ length: 2 * QUERIES_PER_PRODUCT + 5 }, () => int8s(dims));
    const skip = (q: number, j: number) => (q + j) % 7 === 0;
    const together = await sharesOf(neighbours, queries, skip);
    queries.forEach((query, q) => {
      expect(together[q]).toEqual(neighbourShares(neighbours, query, plainDots(rows, dims, count, query), (j) => skip(q, j)));
    });
  });
});
