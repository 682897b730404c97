// HDBSCAN (Campello, Moulavi & Sander 2013; McInnes & Healy 2017) on a few dimensions, written
// here because the npm package checked (hdbscan-ts 1.0.17) squares its distances, scores a
// cluster's stability by its size times one λ rather than per point, and did not match
// scikit-learn on a fixture. This follows scikit-learn's `HDBSCAN` (1.3 on) step for step, and
// test/discover/hdbscan.test.ts checks its labels against scikit-learn's on a fixture:
// - core distance: the distance to the `minSamples`-th nearest point, the point itself counted;
// - the minimum spanning tree of the mutual reachability distances (Prim, dense: the points are
//   a bounded sample), its edges merged shortest first into a single-linkage tree;
// - that tree condensed at `minClusterSize` (a split leaving a side smaller than it is points
//   falling out, not a new cluster), each cluster's stability Σ (λ_p − λ_birth), λ = 1/distance;
// - the clusters selected by excess of mass (`eom`, the root excluded) or as the condensed tree's
//   leaves (`leaf`); every point under a selected cluster is labelled with it, the rest −1.
// Deterministic: ties go to the lower index, and nothing is random.

export type ClusterSelection = 'eom' | 'leaf';

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d]! - b[d]!) ** 2;
  return Math.sqrt(sum);
}

/** Each point's distance to its `minSamples`-th nearest point, itself included (at distance 0). */
function coreDistances(points: readonly ArrayLike<number>[], minSamples: number): Float64Array {
  const n = points.length;
  const k = Math.min(minSamples, n);
  return Float64Array.from(points, (p) => {
    const row = points.map((q) => distance(p, q)).sort((a, b) => a - b);
    return row[k - 1]!;
  });
}

/** Edges [a, b, weight] of the minimum spanning tree of the mutual reachability distances. */
function spanningTree(points: readonly ArrayLike<number>[], core: Float64Array): [number, number, number][] {
  const n = points.length;
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  const edges: [number, number, number][] = [];
  let current = 0;
  inTree[0] = 1;
  for (let added = 1; added < n; added++) {
    let next = -1;
    for (let j = 0; j < n; j++) {
      if (inTree[j]) continue;
      const reach = Math.max(distance(points[current]!, points[j]!), core[current]!, core[j]!);
      if (reach < best[j]!) {
        best[j] = reach;
        from[j] = current;
      }
      if (next < 0 || best[j]! < best[next]!) next = j;
    }
    edges.push([from[next]!, next, best[next]!]);
    inTree[next] = 1;
    current = next;
  }
  return edges;
}

interface Tree {
  /** Per merged node n + i: its two children and the distance they merge at. */
  left: Int32Array;
  right: Int32Array;
  height: Float64Array;
  size: Int32Array;
}

/** How many points a node of the tree holds: a point (under n) one, a merged node its size. */
function sizeOf(tree: Tree, n: number, node: number): number {
  return node < n ? 1 : tree.size[node - n]!;
}

/** The single-linkage tree: the spanning tree's edges merged shortest first (scipy's numbering). */
function singleLinkage(n: number, edges: [number, number, number][]): Tree {
  const sorted = edges.map((edge, i) => ({ edge, i })).sort((x, y) => x.edge[2] - y.edge[2] || x.i - y.i);
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const tree: Tree = {
    left: new Int32Array(n - 1),
    right: new Int32Array(n - 1),
    height: new Float64Array(n - 1),
    size: new Int32Array(n - 1),
  };
  sorted.forEach(({ edge: [a, b, w] }, i) => {
    const ra = find(a);
    const rb = find(b);
    tree.left[i] = ra;
    tree.right[i] = rb;
    tree.height[i] = w;
    tree.size[i] = sizeOf(tree, n, ra) + sizeOf(tree, n, rb);
    parent[ra] = parent[rb] = n + i;
  });
  return tree;
}

interface Condensed {
  parent: number[];
  child: number[];
  lambda: number[];
  size: number[];
}

/** The tree condensed at `minClusterSize`; clusters are numbered from n (the root) on. */
function condense(n: number, tree: Tree, minClusterSize: number): Condensed {
  const out: Condensed = { parent: [], child: [], lambda: [], size: [] };
  const add = (parent: number, child: number, lambda: number, size: number) => {
    out.parent.push(parent);
    out.child.push(child);
    out.lambda.push(lambda);
    out.size.push(size);
  };
  const leavesUnder = (node: number): number[] => {
    const found: number[] = [];
    const stack = [node];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x < n) found.push(x);
      else stack.push(tree.right[x - n]!, tree.left[x - n]!);
    }
    return found;
  };
  let nextLabel = n + 1;
  // Breadth first from the root; each merged node carries the cluster it belongs to.
  const queue: [number, number][] = [[2 * n - 2, n]];
  for (let head = 0; head < queue.length; head++) {
    const [node, label] = queue[head]!;
    if (node < n) continue;
    const left = tree.left[node - n]!;
    const right = tree.right[node - n]!;
    const height = tree.height[node - n]!;
    const lambda = height > 0 ? 1 / height : Number.POSITIVE_INFINITY;
    const bigLeft = sizeOf(tree, n, left) >= minClusterSize;
    const bigRight = sizeOf(tree, n, right) >= minClusterSize;
    for (const [side, big, other] of [
      [left, bigLeft, bigRight],
      [right, bigRight, bigLeft],
    ] as const) {
      if (big && other) {
        const cluster = nextLabel++;
        add(label, cluster, lambda, sizeOf(tree, n, side));
        queue.push([side, cluster]);
      } else if (big) {
        queue.push([side, label]);
      } else {
        for (const point of leavesUnder(side)) add(label, point, lambda, 1);
      }
    }
  }
  return out;
}

/**
 * Cluster labels (0, 1, … in order of the selected clusters' numbers; −1 for noise) of `points`
 * (a few dimensions each), as scikit-learn's HDBSCAN gives them with `min_samples` = `minSamples`.
 */
export function hdbscan(
  points: readonly ArrayLike<number>[],
  minClusterSize: number,
  selection: ClusterSelection,
  minSamples = minClusterSize,
): Int32Array {
  const n = points.length;
  const labels = new Int32Array(n).fill(-1);
  if (n < 2 || n < minClusterSize) return labels;
  const tree = singleLinkage(n, spanningTree(points, coreDistances(points, minSamples)));
  const condensed = condense(n, tree, minClusterSize);
  const clusters = Math.max(n + 1, ...condensed.child.map((c) => c + 1)) - n;
  // Stability: Σ over what leaves a cluster (points and child clusters) of (λ − λ_birth) × size.
  const birth = new Float64Array(clusters);
  condensed.child.forEach((child, r) => {
    if (child >= n) birth[child - n] = condensed.lambda[r]!;
  });
  const stability = new Float64Array(clusters);
  condensed.parent.forEach((parent, r) => {
    stability[parent - n]! += (condensed.lambda[r]! - birth[parent - n]!) * condensed.size[r]!;
  });
  const children: number[][] = Array.from({ length: clusters }, () => []);
  condensed.parent.forEach((parent, r) => {
    if (condensed.child[r]! >= n) children[parent - n]!.push(condensed.child[r]! - n);
  });
  const selected = new Uint8Array(clusters);
  if (selection === 'leaf') {
    for (let c = 1; c < clusters; c++) if (children[c]!.length === 0) selected[c] = 1;
  } else {
    // Excess of mass: children are numbered after their parent, so the last cluster is decided first.
    const unselect = (c: number) => {
      for (const child of children[c]!) {
        selected[child] = 0;
        unselect(child);
      }
    };
    for (let c = clusters - 1; c >= 1; c--) {
      const below = children[c]!.reduce((sum, child) => sum + stability[child]!, 0);
      if (children[c]!.length > 0 && below > stability[c]!) stability[c] = below;
      else {
        selected[c] = 1;
        unselect(c);
      }
    }
  }
  const labelOf = new Int32Array(clusters).fill(-1);
  let next = 0;
  for (let c = 1; c < clusters; c++) if (selected[c]) labelOf[c] = next++;
  // Each point takes the label of the nearest selected cluster above it in the condensed tree.
  const parentOf = new Int32Array(n + clusters).fill(-1);
  condensed.child.forEach((child, r) => {
    parentOf[child] = condensed.parent[r]!;
  });
  for (let p = 0; p < n; p++) {
    for (let x = parentOf[p]!; x >= n; x = parentOf[x]!) {
      if (selected[x - n]) {
        labels[p] = labelOf[x - n]!;
        break;
      }
    }
  }
  return labels;
}
