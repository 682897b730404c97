// The lexical engine with its default thresholds on the labelled development set. The held-out
// test set is only reported (scripts/eval-lexical.ts), never asserted on or tuned against.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { readGold, scoreGold } from '../../src/classify/evaluate.js';
import { lexicalEmbedderFor } from '../../src/classify/lexical.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';

const devPath = fileURLToPath(new URL('../../data/eval/dev.csv', import.meta.url));

describe('lexical engine quality', () => {
  it('reaches micro-F1 ≥ 0.70 on data/eval/dev.csv with default thresholds', async () => {
    const taxonomy = await loadTaxonomy();
    const ids = taxonomy.themes.map((t) => t.id);
    const gold = await readGold(devPath, ids);
    const classifier = await createClassifier(taxonomy, lexicalEmbedderFor(taxonomy), ENGINE_PROFILES.lexical.scoring);
    const report = (await scoreGold(classifier, gold, ids)).measure(defaultThresholds('lexical', null));
    expect(report.items).toBeGreaterThan(100);
    expect(report.microF1).toBeGreaterThanOrEqual(0.7);
    // Every theme is found at least sometimes: no theme silently dead.
    for (const theme of report.themes) expect(theme.f1, theme.id).toBeGreaterThan(0.3);
  });
});
