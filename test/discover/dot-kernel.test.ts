import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRowDots } from '../../src/discover/dot-kernel.js';
import { themeNearnesses } from '../../src/discover/group.js';
import { dot, nearestNeighbours, pairSimilarity, similarityMatrix } from '../../src/discover/neighbours.js';
import { seededRandom } from '../../src/random.js';

function unitVectors(count: number, dims: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, () => random() * 2 - 1);
    const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    return v.map((x) => x / norm);
  });
}

describe('createRowDots', () => {
  const rows = unitVectors(37, 384, 3);

  it('gives dot of a query with every row, equal to the last bit', () => {
    const kernel = createRowDots(rows)!;
    expect(kernel).not.toBeNull();
    for (const query of unitVectors(5, 384, 4)) {
      const sums = kernel.dots(query);
      rows.forEach((row, r) => {
        expect(Object.is(sums[r], dot(query, row))).toBe(true);
      });
    }
  });

  it('takes one of its rows as the query, and a range of rows', () => {
    const kernel = createRowDots(rows)!;
    const sums = Array.from(kernel.dots(7, 10, 20));
    expect(sums).toEqual(rows.slice(10, 30).map((row) => dot(rows[7]!, row)));
    expect(() => kernel.dots(0, 30, 10)).toThrow(RangeError);
    expect(() => kernel.dots(new Float32Array(8))).toThrow(RangeError);
  });

  it('is not made for vectors whose length is no multiple of four, of mixed lengths, or none', () => {
    expect(createRowDots(unitVectors(4, 6, 5))).toBeNull();
    expect(createRowDots([...unitVectors(2, 8, 6), ...unitVectors(2, 12, 7)])).toBeNull();
    expect(createRowDots([])).toBeNull();
  });
});

describe('discovery sums through the kernel', () => {
  const vectors = unitVectors(41, 384, 8);
  const plainDots = (a: readonly Float32Array[], b: readonly Float32Array[]) => a.map((x) => b.map((y) => dot(x, y)));

  it('reads the same pairs as dot', () => {
    const pairs = pairSimilarity(vectors);
    const expected = plainDots(vectors, vectors);
    expect(Array.from(pairs.values)).toEqual(expected.flat());
    const matrix = similarityMatrix(vectors);
    expect(Array.from(matrix)).toEqual(expected.flatMap((row, i) => row.map((s, j) => (i === j ? 1 : Math.fround(s)))));
  });

  it('finds the same nearest neighbours and the same nearness to each theme', () => {
    const queries = unitVectors(6, 384, 9);
    const near = nearestNeighbours(queries, vectors, 5);
    plainDots(queries, vectors).forEach((row, q) => {
      const best = row
        .map((s, p) => ({ s, p }))
        .sort((x, y) => y.s - x.s || x.p - y.p)
        .slice(0, 5);
      expect(Array.from(near.index.subarray(q * 5, q * 5 + 5))).toEqual(best.map((b) => b.p));
    });
    const exemplars = [vectors.slice(0, 7), [], vectors.slice(7, 9), vectors.slice(9, 30)];
    for (const query of queries) {
      const expected = exemplars.map((list) => {
        if (list.length === 0) return -1;
        const top = list
          .map((e) => dot(query, e))
          .sort((a, b) => b - a)
          .slice(0, 3);
        return top.reduce((a, b) => a + b, 0) / top.length;
      });
      expect(themeNearnesses(query, exemplars)).toEqual(expected);
    }
  });
});

describe('a runtime without WebAssembly SIMD', () => {
  const vectors = unitVectors(23, 384, 10);
  const queries = unitVectors(4, 384, 11);
  const exemplars = [vectors.slice(0, 5), [], vectors.slice(5, 12)];

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  // The Node typings this project compiles with do not declare WebAssembly's values.
  const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } };

  // The kernel is compiled once per module instance: each case loads discovery afresh.
  async function discoveryWithout(runtime: () => void) {
    runtime();
    vi.resetModules();
    return {
      ...(await import('../../src/discover/dot-kernel.js')),
      ...(await import('../../src/discover/neighbours.js')),
      ...(await import('../../src/discover/group.js')),
    };
  }

  it.each([
    ['rejects the SIMD module', () => void vi.spyOn(wasm, 'validate').mockReturnValue(false)],
    ['has no WebAssembly', () => void vi.stubGlobal('WebAssembly', undefined)],
  ])('that %s leaves every sum to dot, with the same results', async (_, runtime) => {
    const plain = await discoveryWithout(() => undefined);
    expect(plain.createRowDots(vectors)).not.toBeNull();
    const expected = {
      pairs: Array.from(plain.pairSimilarity(vectors).values),
      matrix: Array.from(plain.similarityMatrix(vectors)),
      near: plain.nearestNeighbours(queries, vectors, 5),
      nearness: queries.map((query) => plain.themeNearnesses(query, exemplars)),
    };
    const without = await discoveryWithout(runtime);
    expect(without.createRowDots(vectors)).toBeNull();
    expect(Array.from(without.pairSimilarity(vectors).values)).toEqual(expected.pairs);
    expect(Array.from(without.similarityMatrix(vectors))).toEqual(expected.matrix);
    expect(without.nearestNeighbours(queries, vectors, 5)).toEqual(expected.near);
    expect(queries.map((query) => without.themeNearnesses(query, exemplars))).toEqual(expected.nearness);
    expect(expected.pairs).toEqual(vectors.flatMap((a) => vectors.map((b) => dot(a, b))));
  });
});
