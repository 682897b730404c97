import { describe, expect, it } from 'vitest';
import type { WeightedEdge } from '../../src/discover/neighbours.js';
import { umapLayout } from '../../src/discover/umap-layout.js';

/** Every pair of `members` linked at full strength. */
const clique = (members: number[]): WeightedEdge[] => members.flatMap((a, i) => members.slice(i + 1).map((b) => ({ a, b, weight: 1 })));

describe('UMAP layout', () => {
  it('places two groups of linked points apart, each tight, the same way for the same seed', () => {
    const first = Array.from({ length: 10 }, (_, i) => i);
    const second = Array.from({ length: 10 }, (_, i) => 10 + i);
    // A weak link between the groups, so the graph is one component.
    const edges = [...clique(first), ...clique(second), { a: 0, b: 10, weight: 0.05 }];
    const layout = umapLayout(edges, 20, 3, 0, 7);
    const distance = (i: number, j: number) => Math.hypot(...[0, 1, 2].map((d) => layout[i * 3 + d]! - layout[j * 3 + d]!));
    const mean = (pairs: [number, number][]) => pairs.reduce((sum, [i, j]) => sum + distance(i, j), 0) / pairs.length;
    const within = mean(
      [...first, ...second].flatMap((i) =>
        [...first, ...second].filter((j) => j > i && j < 10 === i < 10).map((j) => [i, j] as [number, number]),
      ),
    );
    const between = mean(first.flatMap((i) => second.map((j) => [i, j] as [number, number])));
    expect(between).toBeGreaterThan(3 * within);
    expect(Array.from(umapLayout(edges, 20, 3, 0, 7))).toEqual(Array.from(layout));
    expect(Array.from(umapLayout(edges, 20, 3, 0, 8))).not.toEqual(Array.from(layout));
  });
});
