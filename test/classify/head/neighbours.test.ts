import { describe, expect, it } from 'vitest';
import {
  itemQuery,
  neighbourFile,
  neighbourShares,
  neighboursFromFile,
  outOfFoldShares,
  plainDots,
  quantise,
  type Neighbours,
} from '../../../src/classify/head/neighbours.js';

const THEMES = ['experience', 'delivery', 'competition'];

/** The shares with the dot products of the plain loop. */
function sharesNear(neighbours: Neighbours, query: Int8Array, skip?: (item: number) => boolean) {
  return neighbourShares(neighbours, query, plainDots(neighbours.rows, neighbours.dims, neighbours.count, query), skip);
}

/** Items of 4 dimensions, labelled by theme index. */
function store(rows: number[][], labels: number[][], k = 2) {
  const file = neighbourFile(
    rows.map((r) => quantise(r).values),
    labels.map((own) => own.map((t) => THEMES[t]!)),
    THEMES,
    4,
  );
  return neighboursFromFile({ ...file, k }, [0, 1, 2]);
}

describe('quantise', () => {
  it('scales the largest entry to ±127 and keeps the scale to undo it', () => {
    const q = quantise([0.5, -1, 0.25, 0]);
    expect(Array.from(q.values)).toEqual([64, -127, 32, 0]);
    expect(q.scale).toBeCloseTo(1 / 127, 6);
  });
  it('keeps an all-zero vector all zeros', () => {
    expect(Array.from(quantise([0, 0]).values)).toEqual([0, 0]);
  });
});

describe('itemQuery', () => {
  it('is the mean of the segments as kept in 8 bits, in 8 bits again', () => {
    const query = itemQuery([quantise([1, 0, 0, 0]), quantise([0, 1, 0, 0])], 4);
    expect(Array.from(query)).toEqual([127, 127, 0, 0]);
  });
});

describe('neighbourShares', () => {
  const neighbours = store(
    [
      [1, 0, 0, 0],
      [0.9, 0.1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ],
    [[0], [0, 2], [1], [2]],
  );

  it('gives each theme the share of the k nearest items (by cosine) that carry it', () => {
    const { shares } = sharesNear(neighbours, quantise([1, 0.05, 0, 0]).values);
    expect(shares).toEqual([1, 0, 0.5]);
  });

  it('passes over the items it is told to skip', () => {
    const { shares } = sharesNear(neighbours, quantise([1, 0.05, 0, 0]).values, (j) => j === 0);
    // Items 1 (experience, competition) and 2 (delivery) are then the nearest.
    expect(shares).toEqual([0.5, 0.5, 0.5]);
  });

  it('ranks by cosine, not by the dot product: a long vector does not win for its length', () => {
    const long = store(
      [
        [1, 1, 0, 0],
        [1, 0.05, 0, 0],
      ],
      [[1], [0]],
      1,
    );
    expect(sharesNear(long, quantise([1, 0, 0, 0]).values).shares).toEqual([1, 0, 0]);
  });

  it('keeps the earlier of two items at the same distance', () => {
    const twins = store(
      [
        [0, 0, 1, 0],
        [0, 0, 1, 0],
      ],
      [[1], [2]],
      1,
    );
    expect(sharesNear(twins, quantise([0, 0, 1, 0]).values).shares).toEqual([0, 1, 0]);
  });

  it('reads an item with nothing in it as near nothing', () => {
    expect(sharesNear(neighbours, new Int8Array(4))).toEqual({ shares: [0, 0, 0], weighted: [0, 0, 0] });
  });
});

describe('the weighted share', () => {
  // Two near twins of the query (experience) among looser neighbours (delivery, at cosines of 0.8 and 0.6).
  const crowd = store(
    [
      [0, 1, 0, 0],
      [0.6, 0.8, 0, 0],
      [0.6, 0.8, 0.1, 0],
      [1, 0, 0, 0],
    ],
    [[1], [0], [0], [1]],
    3,
  );

  it('reads mostly the nearest item when the rest are much further, where the plain share counts them alike', () => {
    const { shares, weighted } = sharesNear(crowd, quantise([0.6, 0.8, 0, 0]).values);
    expect(shares).toEqual([2 / 3, 1 / 3, 0]);
    // Item 2 is at a cosine of 0.995 (weight about e^-0.17), items 0 and 3 at 0.8 and 0.6 (weights under e^-6).
    expect(weighted[0]).toBeGreaterThan(0.99);
    expect(weighted[1]).toBeLessThan(0.01);
    expect(weighted[0]! + weighted[1]! + weighted[2]!).toBeCloseTo(1, 12);
  });

  it('weighs items at the same distance alike, and reads its own count of items, not k', () => {
    const file = neighbourFile(
      [
        [1, 0, 0, 0],
        [1, 0, 0, 0],
        [0, 1, 0, 0],
      ].map((r) => quantise(r).values),
      [['experience'], ['delivery'], ['competition']],
      THEMES,
      4,
    );
    const one = neighboursFromFile({ ...file, k: 1, weighted: { k: 2, temperature: 0.03 } }, [0, 1, 2]);
    const evidence = sharesNear(one, quantise([1, 0, 0, 0]).values);
    expect(evidence.shares).toEqual([1, 0, 0]);
    expect(evidence.weighted).toEqual([0.5, 0.5, 0]);
  });
});

describe('neighboursFromFile', () => {
  it("reports the shares in the run's theme order, and none for a theme the head does not know", () => {
    const file = neighbourFile([quantise([1, 0, 0, 0]).values], [['experience', 'competition']], THEMES, 4);
    // The run's themes: competition, a theme the head does not know, experience.
    const neighbours = neighboursFromFile({ ...file, k: 1 }, [2, -1, 0]);
    expect(sharesNear(neighbours, quantise([1, 0, 0, 0]).values).shares).toEqual([1, 0, 1]);
  });
});

describe('outOfFoldShares', () => {
  it("reads each stored item's shares from the other folds only, and extra queries from every item", async () => {
    const rows = [
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ];
    const neighbours = store(rows, [[0], [1], [2]], 1);
    const queries = rows.map((r) => quantise(r).values);
    // Two folds: items 0 and 2 share a fold, item 1 is alone in the other.
    const shares = await outOfFoldShares(neighbours, queries, 2, [quantise([1, 0, 0, 0]).values]);
    expect(shares.map((evidence) => evidence.shares)).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });
});
