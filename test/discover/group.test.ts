import { describe, expect, it } from 'vitest';
import { groupByNeighbourhood, joinGroups, novelty } from '../../src/discover/group.js';
import { ENGINE_PROFILES, type GroupingSettings } from '../../src/classify/profiles.js';
import { seededRandom } from '../../src/random.js';
import { unit } from '../helpers/vectors.js';

const DIMS = 24;
const random = seededRandom(5);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const direction = () => unit(Array.from({ length: DIMS }, gaussian));
/** Unit vectors around a direction, `noise` the length of the random part: paraphrases of one topic. */
const around = (centre: Float32Array, count: number, noise: number) =>
  Array.from({ length: count }, () => {
    const offset = direction();
    return unit(Array.from(centre, (c, d) => c + noise * offset[d]!));
  });

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

  it('shows no group when nothing is missing: the missed feedback of known themes sits nearer their exemplars (the novelty test)', () => {
    const { groups, candidates } = groupByNeighbourhood(background, exemplars, settings);
    expect(candidates.length).toBeGreaterThan(0);
    for (const candidate of candidates) expect(candidate.novelty).toBeLessThan(settings.minNovelty);
    expect(groups).toEqual([]);
    // Without the first theme, its feedback is a group.
    const { groups: without } = groupByNeighbourhood(background, exemplars.slice(1), settings);
    expect(without.some((g) => g.members.filter((i) => i < 15).length >= 10)).toBe(true);
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
    const joined = joinGroups([...around(topicA, 3, 1), ...around(known[0]!, 1, 1.4)], vectors, groupOf, settings);
    expect(joined.slice(0, 3)).toEqual([topicGroup, topicGroup, topicGroup]);
    expect(joined[3]).toBe(-1);
  });
});
