import { describe, expect, it } from 'vitest';
import { groupByNeighbourhood, novelty } from '../../src/discover/group.js';
import { joinGroups } from '../../src/discover/join.js';
import { ENGINE_PROFILES, type GroupingSettings } from '../../src/classify/profiles.js';
import { topicSpace, unit } from '../helpers/vectors.js';

const { gaussian, direction, around } = topicSpace(24, 5);

// What a pool holds when nothing is missing: loose sentences about four known themes (feedback
// the classifier missed), each theme with tighter exemplars; and two topics no theme covers.
const known = Array.from({ length: 4 }, direction);
const exemplars = known.map((theme) => around(theme, 10, 0.5));
const background = known.flatMap((theme) => around(theme, 15, 1.4));
const topicA = direction();
const topicB = direction();
const settings: GroupingSettings = ENGINE_PROFILES.hybrid.discovery.grouping!;

describe('grouping by neighbourhood', () => {
  it('finds two planted topics among scattered sentences, each as one group of mostly its own points', () => {
    const a = around(topicA, 15, 1);
    const b = around(topicB, 12, 1);
    const vectors = [...background, ...a, ...b];
    const { groups } = groupByNeighbourhood(vectors, exemplars, settings);
    for (const [from, count] of [
      [60, 15],
      [75, 12],
    ] as const) {
      const holding = groups.filter((g) => g.members.some((i) => i >= from && i < from + count));
      expect(holding).toHaveLength(1);
      const inside = holding[0]!.members.filter((i) => i >= from && i < from + count).length;
      expect(inside).toBeGreaterThanOrEqual(count - 2);
      expect(inside / holding[0]!.members.length).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('shows no group when nothing is missing: the missed feedback of known themes sits nearer their exemplars', () => {
    const { groups } = groupByNeighbourhood(background, exemplars, settings);
    expect(groups).toEqual([]);
    // Without the first theme, its feedback is a group.
    const { groups: without } = groupByNeighbourhood(background, exemplars.slice(1), settings);
    expect(without.some((g) => g.members.filter((i) => i < 15).length >= 10)).toBe(true);
  });

  it('shows only groups that come back when the pool is resampled: none cut out of scattered feedback', () => {
    // Sentences about nothing in particular, far from every theme and about as far from one
    // another (random directions of a high-dimensional space): Louvain still splits them into
    // communities, and their members pass the member margin, but no two resamples split them alike.
    const wide = () => unit(Array.from({ length: 256 }, gaussian));
    const themes = [Array.from({ length: 5 }, wide)];
    const scattered = Array.from({ length: 120 }, wide);
    // A high resolution (alone), so that Louvain cuts the cloud into several communities.
    const fine = { ...settings, resolution: 2, secondResolution: 0 };
    const unguarded = groupByNeighbourhood(scattered, themes, { ...fine, minStability: 0 });
    expect(unguarded.groups.length).toBeGreaterThan(1);
    const guarded = groupByNeighbourhood(scattered, themes, fine);
    const steadiest = Math.max(...guarded.candidates.map((candidate) => candidate.stability));
    // A planted topic among them comes back in every resample.
    const centre = wide();
    const topic = Array.from({ length: 15 }, () => {
      const offset = wide();
      return unit(Array.from(centre, (c, d) => c + 1.2 * offset[d]!));
    });
    const withTopic = groupByNeighbourhood([...scattered, ...topic], themes, fine);
    const found = withTopic.candidates.find((g) => g.members.filter((i) => i >= 120).length >= 13)!;
    expect(found.stability).toBeGreaterThanOrEqual(0.8);
    expect(found.stability).toBeGreaterThan(steadiest + 0.15);
    // With the bar between the two, only the topic is shown.
    const bar = { ...fine, minStability: (found.stability + steadiest) / 2 };
    expect(groupByNeighbourhood(scattered, themes, bar).groups).toEqual([]);
    const shown = groupByNeighbourhood([...scattered, ...topic], themes, bar).groups;
    expect(shown).toHaveLength(1);
    expect(shown[0]!.members.filter((i) => i >= 120).length).toBeGreaterThanOrEqual(13);
  });

  it('measures stability on the counted sentences alone (unsureStability): a topic with strays it swept in comes back steadily', () => {
    // A planted topic among scattered sentences: its community also sweeps in some of them, a
    // different few in each resample, so it matches its resamples less well. Counting only the
    // topic's sentences (the strays standing for items the head is sure of) measures the topic.
    const wide = () => unit(Array.from({ length: 256 }, gaussian));
    const themes = [Array.from({ length: 5 }, wide)];
    const scattered = Array.from({ length: 120 }, wide);
    const centre = wide();
    const topic = Array.from({ length: 15 }, () => {
      const offset = wide();
      return unit(Array.from(centre, (c, d) => c + 1.2 * offset[d]!));
    });
    const vectors = [...scattered, ...topic];
    const isTopic = (i: number) => i >= 120;
    const topicGroup = (grouping: ReturnType<typeof groupByNeighbourhood>) =>
      grouping.candidates.find((g) => g.members.filter(isTopic).length >= 13)!;
    const all = groupByNeighbourhood(vectors, themes, settings);
    const counted = Uint8Array.from(vectors, (_, i) => (isTopic(i) ? 1 : 0));
    const byCount = groupByNeighbourhood(vectors, themes, settings, vectors, { counted });
    expect(topicGroup(all).members.some((i) => !isTopic(i))).toBe(true);
    expect(topicGroup(byCount).members).toEqual(topicGroup(all).members);
    expect(topicGroup(byCount).stability).toBeGreaterThanOrEqual(0.95);
    expect(topicGroup(byCount).stability).toBeGreaterThan(topicGroup(all).stability + 0.2);
    // A group with fewer than two counted sentences is measured on all of them, as without a count.
    const others = (grouping: ReturnType<typeof groupByNeighbourhood>) =>
      grouping.candidates.filter((g) => g.members.filter(isTopic).length < 2).map((g) => g.stability);
    expect(others(byCount)).toEqual(others(all));
    expect(others(all).length).toBeGreaterThan(0);
    // Every sentence counted is no count at all.
    const everyOne = groupByNeighbourhood(vectors, themes, settings, vectors, { counted: new Uint8Array(vectors.length).fill(1) });
    expect(everyOne.candidates.map((g) => g.stability)).toEqual(all.candidates.map((g) => g.stability));
  });

  it('with a second resolution, the groups of both partitions compete: none shares a sentence, the planted topics still found', () => {
    const a = around(topicA, 15, 1);
    const b = around(topicB, 12, 1);
    const vectors = [...background, ...a, ...b];
    const one = groupByNeighbourhood(vectors, exemplars, { ...settings, secondResolution: 0 });
    const two = groupByNeighbourhood(vectors, exemplars, { ...settings, secondResolution: 0.3 });
    // Both partitions' communities are candidates; the coarser one finds some the finer does not.
    expect(two.candidates.length).toBeGreaterThan(one.candidates.length);
    const members = two.groups.flatMap((g) => g.members);
    expect(new Set(members).size).toBe(members.length);
    for (const [from, count] of [
      [60, 15],
      [75, 12],
    ] as const) {
      const best = Math.max(...two.groups.map((g) => g.members.filter((i) => i >= from && i < from + count).length));
      expect(best).toBeGreaterThanOrEqual(count - 2);
    }
  });

  it('keeps in a group only the sentences nearer one another than their nearest theme', () => {
    // A topic and, between it and a known theme, feedback nearer that theme's exemplars than one
    // another: linked into the topic's community, it leaves it.
    const near = around(unit(Array.from(known[0]!, (k, d) => k + 0.7 * topicA[d]!)), 5, 1);
    const vectors = [...around(topicA, 15, 1), ...near];
    const { candidates } = groupByNeighbourhood(vectors, exemplars, {
      ...settings,
      resolution: 0.05,
      secondResolution: 0,
      minStability: 0,
      memberMargin: 0,
    });
    const holding = candidates.filter((g) => g.members.some((i) => i < 15));
    expect(holding).toHaveLength(1);
    expect(holding[0]!.members.filter((i) => i >= 15)).toEqual([]);
    const unfiltered = groupByNeighbourhood(vectors, exemplars, {
      ...settings,
      resolution: 0.05,
      secondResolution: 0,
      minStability: 0,
      memberMargin: -1,
    });
    expect(unfiltered.candidates.some((g) => g.members.some((i) => i < 15) && g.members.some((i) => i >= 15))).toBe(true);
  });

  it('measures novelty: positive for a topic no theme covers, negative for feedback near a theme', () => {
    const vectors = [...background, ...around(topicA, 15, 1)];
    expect(
      novelty(
        vectors,
        Array.from({ length: 15 }, (_, i) => 60 + i),
        exemplars,
      ),
    ).toBeGreaterThan(0);
    expect(
      novelty(
        vectors,
        Array.from({ length: 15 }, (_, i) => i),
        exemplars,
      ),
    ).toBeLessThan(0);
  });

  it('is deterministic, and a sentence outside the sample joins the group of its nearest sampled sentences', () => {
    const vectors = [...background, ...around(topicA, 15, 1)];
    const first = groupByNeighbourhood(vectors, exemplars, settings);
    expect(groupByNeighbourhood(vectors, exemplars, settings)).toEqual(first);
    const groupOf = new Int32Array(vectors.length).fill(-1);
    first.groups.forEach((g, index) => {
      for (const i of g.members) groupOf[i] = index;
    });
    const topicGroup = groupOf[first.groups.flatMap((g) => g.members).find((i) => i >= 60)!]!;
    const joined = joinGroups([...around(topicA, 3, 1), ...around(known[0]!, 1, 1.4)], vectors, groupOf, settings, exemplars);
    expect(joined.slice(0, 3)).toEqual([topicGroup, topicGroup, topicGroup]);
    expect(joined[3]).toBe(-1);
  });

  it('splits the graph by density instead (a UMAP map clustered by HDBSCAN): the planted topics, the same every run', () => {
    const a = around(topicA, 15, 1);
    const b = around(topicB, 12, 1);
    const vectors = [...background, ...a, ...b];
    const density: GroupingSettings = { ...settings, method: 'umap-hdbscan', resamples: 2 };
    const first = groupByNeighbourhood(vectors, exemplars, density);
    for (const [from, count] of [
      [60, 15],
      [75, 12],
    ] as const) {
      const holding = first.groups.filter((g) => g.members.some((i) => i >= from && i < from + count));
      expect(holding).toHaveLength(1);
      const inside = holding[0]!.members.filter((i) => i >= from && i < from + count).length;
      expect(inside).toBeGreaterThanOrEqual(count - 2);
      expect(inside / holding[0]!.members.length).toBeGreaterThanOrEqual(0.8);
    }
    expect(groupByNeighbourhood(vectors, exemplars, density)).toEqual(first);
    // Nothing missing: no group big enough to show (discovery shows none under five items).
    expect(groupByNeighbourhood(background, exemplars, density).groups.filter((g) => g.members.length >= 5)).toEqual([]);
  });
});
