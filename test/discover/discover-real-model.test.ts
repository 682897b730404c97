// Discovery with the default engine on the real all-MiniLM-L6-v2 (hybrid, q8), on the same
// fixtures as the lexical tests: the sentences the hybrid classifier leaves unexplained are grouped
// on the model's own vectors. A theme removed from the taxonomy comes back as one group about it,
// a topic no theme covers is found, feedback the themes explain gives no group, the row order
// changes nothing, and the suggested theme catches its group on the next run.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCachedEmbedder, memoryVectorCache } from '../../src/classify/cache.js';
import { createClassifier } from '../../src/classify/classifier.js';
import { createHybridEmbedder } from '../../src/classify/hybrid.js';
import { lexicalEmbedderFor } from '../../src/classify/lexical.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { createTransformersEmbedder } from '../../src/models/transformers.js';
import { DEFAULT_MODEL } from '../../src/models/catalog.js';
import { discoverEmerging } from '../../src/discover/index.js';
import { seededRandom } from '../../src/random.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import type { Embedder, FeedbackItem, Taxonomy } from '../../src/types.js';
import { feedbackCsv, feedbackItems, ORDINARY, SOCIAL_MEDIA, TIMEKEEPING } from '../fixtures/discover/feedback.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';

const available = requireRealModel('real-model discovery tests');
let neural: Embedder | null = null;

async function discover(taxonomy: Taxonomy, items: FeedbackItem[]) {
  neural ??= createCachedEmbedder(
    await createTransformersEmbedder({ model: REAL_MODEL_DIR, cacheDir: REAL_MODEL_DIR, offline: true, dtype: 'q8' }),
    memoryVectorCache(),
  );
  const hybrid = ENGINE_PROFILES.hybrid;
  const embedder = createHybridEmbedder(neural, lexicalEmbedderFor(taxonomy), hybrid.neuralShare!);
  const classifier = await createClassifier(taxonomy, embedder, hybrid.scoring);
  const thresholds = defaultThresholds('hybrid', DEFAULT_MODEL);
  return discoverEmerging(await classifier.classify(items, thresholds), taxonomy, thresholds, neural, hybrid.discovery);
}

function membersOf(result: Awaited<ReturnType<typeof discover>>, id: string): string[] {
  return [...result.byItem]
    .filter(([, ids]) => ids.includes(id))
    .map(([itemId]) => itemId)
    .sort();
}

describe.skipIf(!available)('emerging themes with the default engine on the real model', () => {
  afterAll(async () => {
    await neural?.dispose?.();
  });

  it('brings back a removed theme as one group about it, and finds a topic no theme covers', async () => {
    const full = await loadTaxonomy();
    const withoutConduct = { ...full, themes: full.themes.filter((theme) => theme.id !== 'conduct') };
    const items = [...feedbackItems(TIMEKEEPING, 't'), ...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const result = await discover(withoutConduct, items);
    for (const [prefix, topic] of [
      ['t', TIMEKEEPING],
      ['s', SOCIAL_MEDIA],
    ] as const) {
      const holding = result.emerging.filter((cluster) => membersOf(result, cluster.id).some((id) => id.startsWith(prefix)));
      expect(holding, `${prefix}: ${JSON.stringify(result.emerging.map((c) => c.label))}`).toHaveLength(1);
      const members = membersOf(result, holding[0]!.id);
      // Mostly about one thing: at least 4 in 5 of the group's items are that topic's.
      expect(members.filter((id) => id.startsWith(prefix)).length).toBeGreaterThanOrEqual(Math.max(5, members.length * 0.8));
      expect(members.filter((id) => id.startsWith(prefix)).length).toBeGreaterThanOrEqual(topic.length - 2);
    }
  });

  it('gives the same groups, labels and members whatever the row order', async () => {
    const full = await loadTaxonomy();
    const withoutConduct = { ...full, themes: full.themes.filter((theme) => theme.id !== 'conduct') };
    const items = [...feedbackItems(TIMEKEEPING, 't'), ...feedbackItems(SOCIAL_MEDIA, 's'), ...feedbackItems(ORDINARY, 'o')];
    const first = await discover(withoutConduct, items);
    const random = seededRandom(3);
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(shuffled.map((i) => i.id)).not.toEqual(items.map((i) => i.id));
    const again = await discover(withoutConduct, shuffled);
    expect(first.emerging.length).toBeGreaterThanOrEqual(2);
    expect(again.emerging).toEqual(first.emerging);
    expect([...again.byItem].sort()).toEqual([...first.byItem].sort());
  });

  it('shows no group when the themes explain the feedback', async () => {
    const covered = await discover(await loadTaxonomy(), feedbackItems(ORDINARY, 'o'));
    expect(covered.emerging).toEqual([]);
  });

  it('turns the group into a suggested theme that validates and then catches that feedback (taxonomy suggest, default engine)', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'ft-suggest-real-'));
    try {
      const input = path.join(work, 'export.csv');
      await writeFile(input, feedbackCsv([...SOCIAL_MEDIA, ...ORDINARY]));
      const model = ['--model', REAL_MODEL_DIR, '--offline'];
      const env = { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') };
      const suggested = path.join(work, 'suggested.yaml');
      const suggest = await runCli(['taxonomy', 'suggest', input, ...model, '--out', suggested], env);
      expect(suggest.code, suggest.stderr).toBe(0);
      expect(suggest.stderr).toMatch(/classifying 28 item\(s\) with the hybrid engine/);
      expect((await runCli(['taxonomy', 'validate', suggested], env)).code).toBe(0);
      const taxonomy = await loadTaxonomy(suggested);
      const added = taxonomy.themes.at(-1)!;
      expect((await loadTaxonomy()).themes.map((t) => t.id)).not.toContain(added.id);
      expect(added.id).toBe('social_media');
      expect(added.label).toMatch(/^Social media\b/);

      const out = path.join(work, 'out');
      const run = await runCli(['run', input, ...model, '--taxonomy', suggested, '--no-store', '--out', out, '--quiet'], env);
      expect(run.code, run.stderr).toBe(0);
      const rows = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
      const caught = rows.filter((row) => row.themes.split('|').includes(added.id)).map((row) => row.text);
      expect(caught.sort()).toEqual([...SOCIAL_MEDIA].sort());
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
