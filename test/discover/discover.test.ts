import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { createLexicalEmbedder } from '../../src/classify/lexical.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { discoverEmerging } from '../../src/discover/index.js';
import type { DiscoverOptions } from '../../src/discover/options.js';
import { UNEXPLAINED_FEATURES, type UnexplainedModel } from '../../src/discover/unexplained.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import type { ClassifiedItem, FeedbackItem, Taxonomy } from '../../src/types.js';
import { feedbackItems, ORDINARY, SOCIAL_MEDIA, TIMEKEEPING } from '../fixtures/discover/feedback.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';

/** The items classified by the lexical engine, with what discovery needs besides. */
async function classifyLexically(taxonomy: Taxonomy, items: FeedbackItem[]) {
  const embedder = createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
  const classifier = await createClassifier(taxonomy, embedder, ENGINE_PROFILES.lexical.scoring);
  const thresholds = defaultThresholds('lexical', null);
  return { embedder, thresholds, classified: await classifier.classify(items, thresholds) };
}

async function discover(taxonomy: Taxonomy, items: FeedbackItem[], options: Partial<DiscoverOptions> = {}) {
  const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
  return discoverEmerging(classified, taxonomy, thresholds, embedder, { ...ENGINE_PROFILES.lexical.discovery, ...options });
}

/** The item with `motivation` stated by a head with probability `confidence` (a social-media item has none). */
function withMotivation(entry: ClassifiedItem, confidence: number, tentative = false): ClassifiedItem {
  const evidence = { segmentIndex: 0, segment: entry.item.text, exemplar: '', cues: [], cueRanges: [], score: confidence };
  const theme = { themeId: 'motivation', score: confidence, confidence, evidence, ...(tentative ? { tentative: true as const } : {}) };
  return { ...entry, themes: [...entry.themes, theme] };
}

function membersOf(result: Awaited<ReturnType<typeof discover>>, id: string): string[] {
  return [...result.byItem]
    .filter(([, ids]) => ids.includes(id))
    .map(([itemId]) => itemId)
    .sort();
}

const full = await loadTaxonomy();
const withoutConduct: Taxonomy = { ...full, themes: full.themes.filter((theme) => theme.id !== 'conduct') };

describe('emerging themes', () => {
  it('brings back the items of a theme removed from the taxonomy as one cluster that is about them', async () => {
    const items = [...feedbackItems(TIMEKEEPING, 't'), ...feedbackItems(ORDINARY, 'o')];
    const result = await discover(withoutConduct, items);
    const topic = new Set(feedbackItems(TIMEKEEPING, 't').map((item) => item.id));
    const holding = result.emerging.filter((cluster) => membersOf(result, cluster.id).some((id) => topic.has(id)));
    expect(holding).toHaveLength(1);
    const members = membersOf(result, holding[0]!.id);
    expect(members.filter((id) => topic.has(id)).length).toBeGreaterThanOrEqual(TIMEKEEPING.length - 1);
    expect(members.filter((id) => !topic.has(id))).toEqual([]);
    expect(holding[0]!.terms.slice(0, 3)).toContain('late');
    expect(holding[0]!.items).toBe(members.length);
    expect(holding[0]!.examples).toHaveLength(3);
    for (const example of holding[0]!.examples) expect(TIMEKEEPING).toContain(example);
    expect(TIMEKEEPING).toContain(holding[0]!.sentence);
  });

  it('finds a topic no default theme covers, and nothing in feedback the themes explain', async () => {
    const result = await discover(full, [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')]);
    expect(result.emerging).toHaveLength(1);
    expect(membersOf(result, result.emerging[0]!.id)).toEqual(
      feedbackItems(SOCIAL_MEDIA, 's')
        .map((i) => i.id)
        .sort(),
    );
    // The two strongest words make a phrase, kept in reading order in the terms and the label.
    expect(result.emerging[0]!.terms.slice(0, 2)).toEqual(['social', 'media']);
    expect(result.emerging[0]!.label).toMatch(/^Social media and [a-z]+$/);

    const covered = await discover(full, feedbackItems(ORDINARY, 'o'));
    expect(covered.emerging).toEqual([]);
  });

  it('is deterministic: same clusters, ids and terms on a re-run and whatever the row order', async () => {
    const items = [...feedbackItems(TIMEKEEPING, 't'), ...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const first = await discover(withoutConduct, items);
    const again = await discover(withoutConduct, items);
    const reversed = await discover(withoutConduct, [...items].reverse());
    expect(first.emerging.length).toBeGreaterThanOrEqual(2);
    expect(again.emerging).toEqual(first.emerging);
    expect(reversed.emerging.map(({ id, terms, items }) => ({ id, terms, items }))).toEqual(
      first.emerging.map(({ id, terms, items }) => ({ id, terms, items })),
    );
    expect([...reversed.byItem].sort()).toEqual([...first.byItem].sort());
    // Largest first.
    expect(first.emerging.map((c) => c.id)).toEqual(first.emerging.map((_, i) => `E${i + 1}`));
    expect(first.emerging[0]!.items).toBeGreaterThanOrEqual(first.emerging[1]!.items);
  });

  it('does not show a cluster with fewer than 5 items or from fewer than 3 candidates', async () => {
    const four = await discover(withoutConduct, [...feedbackItems(TIMEKEEPING.slice(0, 4), 't'), ...feedbackItems(ORDINARY, 'o')]);
    expect(four.emerging).toEqual([]);
    expect(four.byItem.size).toBe(0);
    // Eight items, but from two people.
    const twoPeople = await discover(withoutConduct, [
      ...feedbackItems(TIMEKEEPING, 't', (i) => `p${i % 2}`),
      ...feedbackItems(ORDINARY, 'o'),
    ]);
    expect(twoPeople.emerging).toEqual([]);
    // The same items shown once the minimums allow them.
    const allowed = await discover(
      withoutConduct,
      [...feedbackItems(TIMEKEEPING, 't', (i) => `p${i % 2}`), ...feedbackItems(ORDINARY, 'o')],
      { minCandidates: 2 },
    );
    expect(allowed.emerging).toHaveLength(1);
    expect(allowed.emerging[0]!.candidates).toBe(2);
  });

  it('clusters a bounded sample and assigns the rest to the nearest centre', async () => {
    const items = [...feedbackItems(TIMEKEEPING, 't'), ...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const whole = await discover(withoutConduct, items);
    const sampled = await discover(withoutConduct, items, { sampleSize: 8 });
    expect(sampled.emerging.length).toBeGreaterThanOrEqual(1);
    // Assignment to the nearest centre keeps the topics apart and leaves the themed feedback out.
    for (const cluster of sampled.emerging) {
      const prefixes = new Set(membersOf(sampled, cluster.id).map((id) => id[0]));
      expect([...prefixes], cluster.label).toHaveLength(1);
      expect(prefixes.has('o'), cluster.label).toBe(false);
    }
    const sampledMembers = sampled.emerging.reduce((n, c) => n + c.items, 0);
    expect(sampledMembers).toBeGreaterThanOrEqual(whole.emerging.reduce((n, c) => n + c.items, 0) - 2);
  });
});

describe('emerging themes: feedback the taxonomy already covers', () => {
  it('hides a group most of whose items already have a stated theme, and shows it otherwise', async () => {
    // A topic the themes do not explain, grouped by neighbourhood; then the same sentences as if a
    // theme head had stated a theme, sure of it, for their items (feedback on known themes in one
    // shared voice).
    const taxonomy = full;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    // Only the coverage guard is tested here: no item leaves a group for being stated.
    const grouping = { ...ENGINE_PROFILES.hybrid.discovery.grouping!, maxCovered: 0.75, sureLeave: 0 };
    const options = { ...ENGINE_PROFILES.lexical.discovery, grouping };
    const shown = await discoverEmerging(classified, taxonomy, thresholds, embedder, options);
    const topic = shown.emerging.find((e) => e.terms.includes('social'));
    expect(topic).toBeDefined();

    const stating = (share: number) => {
      let stated = 0;
      return classified.map((entry) => {
        if (!entry.item.id.startsWith('s') || stated >= share * SOCIAL_MEDIA.length) return entry;
        stated++;
        return withMotivation(entry, 0.9);
      });
    };
    const allStated = await discoverEmerging(stating(1), taxonomy, thresholds, embedder, options);
    expect(allStated.emerging.find((e) => e.terms.includes('social'))).toBeUndefined();
    // A possible theme ("possibly …") is not a stated one, nor a theme assigned without a head.
    const unsure = stating(1).map((entry) => ({ ...entry, themes: entry.themes.map(({ confidence: _, ...t }) => t) }));
    expect((await discoverEmerging(unsure, taxonomy, thresholds, embedder, options)).emerging).toEqual(shown.emerging);
    const tentative = stating(1).map((entry) => ({ ...entry, themes: entry.themes.map((t) => ({ ...t, tentative: true as const })) }));
    expect((await discoverEmerging(tentative, taxonomy, thresholds, embedder, options)).emerging).toEqual(shown.emerging);
    const halfStated = await discoverEmerging(stating(0.5), taxonomy, thresholds, embedder, options);
    expect(halfStated.emerging).toEqual(shown.emerging);
    // With no bar, it shows however much is covered.
    const unguarded = { ...options, grouping: { ...grouping, maxCovered: 1 } };
    expect((await discoverEmerging(stating(1), taxonomy, thresholds, embedder, unguarded)).emerging).toEqual(shown.emerging);
  });

  it('counts "no reason given", stated sure, as covered only with noReasonCovers', async () => {
    const taxonomy = full;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    const noReason = (tentative: boolean) =>
      classified.map((entry) => {
        if (!entry.item.id.startsWith('s')) return entry;
        const evidence = { segmentIndex: 0, segment: entry.item.text, exemplar: '', cues: [], cueRanges: [], score: 0.9 };
        const theme = {
          themeId: 'uninformative',
          score: 0.9,
          confidence: 0.9,
          evidence,
          ...(tentative ? { tentative: true as const } : {}),
        };
        return { ...entry, themes: [theme] };
      });
    const options = (noReasonCovers: boolean) => ({
      ...ENGINE_PROFILES.lexical.discovery,
      grouping: { ...ENGINE_PROFILES.hybrid.discovery.grouping!, maxCovered: 0.75, noReasonCovers, sureLeave: 0 },
    });
    const topicIn = async (entries: ClassifiedItem[], noReasonCovers: boolean) =>
      (await discoverEmerging(entries, taxonomy, thresholds, embedder, options(noReasonCovers))).emerging.find((e) =>
        e.terms.includes('social'),
      );
    expect(await topicIn(noReason(false), false)).toBeDefined();
    expect(await topicIn(noReason(false), true)).toBeUndefined();
    // "Possibly no reason given" covers nothing.
    expect(await topicIn(noReason(true), true)).toBeDefined();
  });
});

describe('emerging themes: items the head is sure of leave a group', () => {
  it('takes out of a shown group the items a head states a theme for with at least sureLeave, after the coverage guard', async () => {
    const taxonomy = full;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    // Every sure item leaves (sureNearer, tested below, keeps none).
    const grouping = { ...ENGINE_PROFILES.hybrid.discovery.grouping!, maxCovered: 0.75, sureLeave: 0.9, sureNearer: Infinity };
    const options = { ...ENGINE_PROFILES.lexical.discovery, grouping };
    const ids = feedbackItems(SOCIAL_MEDIA, 's').map((item) => item.id);
    // The head states `motivation` for the first `count` social-media items (s1, s2, …) with probability `confidence`.
    const sureOf = (count: number, confidence: number, tentative = false) =>
      classified.map((entry) =>
        !entry.item.id.startsWith('s') || Number(entry.item.id.slice(1)) > count ? entry : withMotivation(entry, confidence, tentative),
      );
    const membersIn = async (entries: ClassifiedItem[], sureLeave = 0.9) => {
      const result = await discoverEmerging(entries, taxonomy, thresholds, embedder, {
        ...options,
        grouping: { ...grouping, sureLeave },
      });
      const topic = result.emerging.find((e) => e.terms.includes('social'));
      return topic ? membersOf(result, topic.id) : [];
    };
    expect(await membersIn(classified)).toEqual([...ids].sort());
    expect(ids).toHaveLength(6);
    // One sure item leaves; the group, under the coverage bar, stays with the other five.
    const one = sureOf(1, 0.95);
    expect(await membersIn(one)).toEqual(ids.slice(1).sort());
    // Not at 0 (none leave), nor under the bar, nor when only "possibly" stated.
    expect(await membersIn(one, 0)).toEqual([...ids].sort());
    expect(await membersIn(sureOf(1, 0.85))).toEqual([...ids].sort());
    expect(await membersIn(sureOf(1, 0.95, true))).toEqual([...ids].sort());
    // A group left with fewer than 5 items is not shown.
    expect(await membersIn(sureOf(2, 0.95))).toEqual([]);
  });

  it('shows no group more than maxLeaving of whose items leave it', async () => {
    const taxonomy = full;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    const ids = feedbackItems(SOCIAL_MEDIA, 's').map((item) => item.id);
    // The head is sure the first social-media item is about motivation: one of the group's six leaves.
    const entries = classified.map((entry) => (entry.item.id === 's1' ? withMotivation(entry, 0.95) : entry));
    const membersIn = async (maxLeaving: number) => {
      const grouping = {
        ...ENGINE_PROFILES.hybrid.discovery.grouping!,
        maxCovered: 0.75,
        sureLeave: 0.9,
        sureNearer: Infinity,
        maxLeaving,
      };
      const result = await discoverEmerging(entries, taxonomy, thresholds, embedder, { ...ENGINE_PROFILES.lexical.discovery, grouping });
      const topic = result.emerging.find((e) => e.terms.includes('social'));
      return topic ? membersOf(result, topic.id) : [];
    };
    expect(await membersIn(1)).toEqual(ids.slice(1).sort());
    expect(await membersIn(0.2)).toEqual(ids.slice(1).sort());
    // A sixth of the group leaving is more than a tenth: the group is not shown.
    expect(await membersIn(0.1)).toEqual([]);
  });

  it('keeps a sure item whose sentence there is nearer the group than its sure theme by sureNearer', async () => {
    const taxonomy = full;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    const ids = feedbackItems(SOCIAL_MEDIA, 's').map((item) => item.id);
    // The head is sure the first two social-media items are about motivation, which their
    // sentences are far from: a missing topic taken for a known theme.
    const entries = classified.map((entry) =>
      !entry.item.id.startsWith('s') || Number(entry.item.id.slice(1)) > 2 ? entry : withMotivation(entry, 0.95),
    );
    const membersIn = async (sureNearer: number) => {
      const grouping = { ...ENGINE_PROFILES.hybrid.discovery.grouping!, maxCovered: 0.75, sureLeave: 0.9, sureNearer };
      const result = await discoverEmerging(entries, taxonomy, thresholds, embedder, { ...ENGINE_PROFILES.lexical.discovery, grouping });
      const topic = result.emerging.find((e) => e.terms.includes('social'));
      return topic ? membersOf(result, topic.id) : [];
    };
    // Nearer the group than motivation by more than 0.1: they stay, as at 0.
    expect(await membersIn(0.1)).toEqual([...ids].sort());
    expect(await membersIn(0)).toEqual([...ids].sort());
    // A margin no sentence reaches (similarities lie in [−1, 1]), or none asked: they leave, and
    // the group, left with four items, is not shown.
    expect(await membersIn(2)).toEqual([]);
    expect(await membersIn(Infinity)).toEqual([]);
  });
});

describe('emerging themes: grouping what the head is unsure of', () => {
  it('groups only the sentences of items the head is unsure of; those of items it is sure of may only join', async () => {
    const taxonomy = full;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    // No coverage bar: only which sentences seed a group is tested here.
    const grouping = {
      ...ENGINE_PROFILES.hybrid.discovery.grouping!,
      maxCovered: 1,
      seedBelow: 0.9,
      othersJoin: true,
      joinMargin: -0.06,
      boilerplateJoins: false,
      sureLeave: 0,
    };
    const options = { ...ENGINE_PROFILES.lexical.discovery, grouping };
    const topicOf = (result: Awaited<ReturnType<typeof discoverEmerging>>) => result.emerging.find((e) => e.terms.includes('social'));
    // Without a head no theme has a probability: every item is unsure, and the topic is found.
    const unsure = await discoverEmerging(classified, taxonomy, thresholds, embedder, options);
    expect(topicOf(unsure)?.items).toBe(SOCIAL_MEDIA.length);

    // The head gives the first `count` social-media items a theme with probability `confidence`.
    const sureOf = (count: number, confidence: number, tentative = false) =>
      classified.map((entry) =>
        !entry.item.id.startsWith('s') || Number(entry.item.id.slice(1)) >= count ? entry : withMotivation(entry, confidence, tentative),
      );
    const ids = feedbackItems(SOCIAL_MEDIA, 's').map((item) => item.id);
    const membersIn = (result: Awaited<ReturnType<typeof discoverEmerging>>) =>
      [...result.byItem].filter(([, clusters]) => clusters.includes(topicOf(result)?.id ?? '-')).map(([id]) => id);
    // Sure of every item: nothing seeds a group, and sentences that may only join form none.
    expect(topicOf(await discoverEmerging(sureOf(ids.length, 0.95), taxonomy, thresholds, embedder, options))).toBeUndefined();
    // Sure of half: the unsure half (3 items, under the minimum of 5) seeds the group, the sure half joins it.
    const half = sureOf(3, 0.95);
    expect(membersIn(await discoverEmerging(half, taxonomy, thresholds, embedder, options)).sort()).toEqual([...ids].sort());
    const noJoining = { ...options, grouping: { ...grouping, othersJoin: false } };
    expect(topicOf(await discoverEmerging(half, taxonomy, thresholds, embedder, noJoining))).toBeUndefined();
    // A join margin no sentence reaches keeps the sure half out too.
    const strict = { ...options, grouping: { ...grouping, joinMargin: 1 } };
    expect(topicOf(await discoverEmerging(half, taxonomy, thresholds, embedder, strict))).toBeUndefined();
    // A probability under the bar is unsure, "possibly" or not; at the bar, sure.
    expect(topicOf(await discoverEmerging(sureOf(ids.length, 0.89), taxonomy, thresholds, embedder, noJoining))?.items).toBe(ids.length);
    expect(topicOf(await discoverEmerging(sureOf(ids.length, 0.95, true), taxonomy, thresholds, embedder, options))).toBeUndefined();
    expect(topicOf(await discoverEmerging(sureOf(ids.length, 0.9), taxonomy, thresholds, embedder, noJoining))).toBeUndefined();
    // seedBelow 1 groups every item's sentences, as before the bar.
    const everyone = { ...options, grouping: { ...grouping, seedBelow: 1 } };
    expect(topicOf(await discoverEmerging(sureOf(ids.length, 0.95), taxonomy, thresholds, embedder, everyone))?.items).toBe(ids.length);

    // Sentences the boilerplate theme claims never form a group; with boilerplateJoins they may join one.
    const uninformative = taxonomy.themes.findIndex((theme) => theme.id === 'uninformative');
    const boilerplateOf = (count: number) =>
      classified.map((entry) =>
        !entry.item.id.startsWith('s') || Number(entry.item.id.slice(1)) >= count
          ? entry
          : {
              ...entry,
              segments: entry.segments.map((segment) => ({
                ...segment,
                scores: segment.scores.map((x, t) => (t === uninformative ? 1 : x)),
              })),
            },
      );
    const joining = { ...options, grouping: { ...grouping, boilerplateJoins: true } };
    expect(topicOf(await discoverEmerging(boilerplateOf(3), taxonomy, thresholds, embedder, options))).toBeUndefined();
    expect(membersIn(await discoverEmerging(boilerplateOf(3), taxonomy, thresholds, embedder, joining)).sort()).toEqual([...ids].sort());
    expect(topicOf(await discoverEmerging(boilerplateOf(ids.length), taxonomy, thresholds, embedder, joining))).toBeUndefined();
  });
});

describe('emerging themes: grouping the most novel sentences', () => {
  it('groups the most novel share of the unexplained sentences; the rest join where a group holds their neighbourhood', async () => {
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(full, items);
    const grouping = {
      ...ENGINE_PROFILES.hybrid.discovery.grouping!,
      maxCovered: 1,
      seedShare: 1,
      leastSeeds: 1,
      joinShare: 0.3,
      joinMargin: -0.06,
    };
    const run = (settings: Partial<typeof grouping>, sampleSize?: number) =>
      discoverEmerging(classified, full, thresholds, embedder, {
        ...ENGINE_PROFILES.lexical.discovery,
        grouping: { ...grouping, ...settings },
        ...(sampleSize ? { sampleSize } : {}),
      });
    const membersIn = (result: Awaited<ReturnType<typeof discoverEmerging>>) => {
      const topic = result.emerging.find((e) => e.terms.includes('social'));
      return [...result.byItem]
        .filter(([, clusters]) => clusters.includes(topic?.id ?? '-'))
        .map(([id]) => id)
        .sort();
    };
    const ids = feedbackItems(SOCIAL_MEDIA, 's')
      .map((item) => item.id)
      .sort();
    expect(membersIn(await run({}))).toEqual(ids);
    // Half the pool seeds: the topic's sentences are among the most novel, and the same group forms.
    expect(membersIn(await run({ seedShare: 0.5 }))).toEqual(ids);
    // A third of the pool seeds: fewer of the topic's sentences than a group needs (5 items), the
    // others joining because the group holds their neighbourhood and they are nearer it than any theme.
    expect(membersIn(await run({ seedShare: 0.35 }))).toEqual(ids);
    expect(membersIn(await run({ seedShare: 0.35, joinShare: 1.01 }))).toEqual([]);
    expect(membersIn(await run({ seedShare: 0.35, joinMargin: 1 }))).toEqual([]);
    // A sample smaller than the pool: the sentences outside it are ranked against it and join alike.
    expect(membersIn(await run({ seedShare: 0.5 }, 6))).toEqual(ids);
  });
});

describe('emerging themes: the learnt test keeping sentences out', () => {
  it('with every sentence seeding, groups and shows the sentences the learnt test leaves in, not others in their places', async () => {
    const taxonomy = withoutConduct;
    const items = [...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(TIMEKEEPING, 't'), ...feedbackItems(ORDINARY, 'o')];
    const { embedder, thresholds, classified } = await classifyLexically(taxonomy, items);
    // A learnt test that reads only the head's best probability: the sentences of the items the
    // head states a theme for score near 0, every other 0.5, so learntDrop 0.6 keeps exactly
    // those out (8 of the 14 unexplained sentences).
    const width = UNEXPLAINED_FEATURES.length;
    const model: UnexplainedModel = {
      version: 1,
      features: [...UNEXPLAINED_FEATURES],
      fittedOn: 'test',
      standardisation: { mean: new Array(width).fill(0), sd: new Array(width).fill(1) },
      weights: UNEXPLAINED_FEATURES.map((name) => (name === 'headBest' ? -20 : 0)),
      bias: 0,
    };
    // The head states a theme for the timekeeping items; no item leaves a group for it, and no bar on coverage.
    const entries = classified.map((entry) => (entry.item.id.startsWith('t') ? withMotivation(entry, 0.95) : entry));
    const grouping = { ...ENGINE_PROFILES.hybrid.discovery.grouping!, seedShare: 1, maxCovered: 1, sureLeave: 0, learntRank: 0 };
    const run = (learntDrop: number) =>
      discoverEmerging(entries, taxonomy, thresholds, embedder, {
        ...ENGINE_PROFILES.lexical.discovery,
        grouping: { ...grouping, learntDrop },
        unexplainedModel: model,
      });
    const membersByGroup = (result: Awaited<ReturnType<typeof run>>) => result.emerging.map((e) => membersOf(result, e.id));
    const social = feedbackItems(SOCIAL_MEDIA, 's')
      .map((item) => item.id)
      .sort();
    // Without the drop both topics are found; with it, the timekeeping sentences neither seed nor
    // join, and the social-media group is the same as before, its own items and no other.
    const kept = membersByGroup(await run(0));
    expect(kept).toContainEqual(social);
    expect(kept.some((members) => members.every((id) => id.startsWith('t')))).toBe(true);
    expect(membersByGroup(await run(0.6))).toEqual([social]);
  });
});
