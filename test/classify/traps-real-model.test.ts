// Trap sentences with the default engine on the real all-MiniLM-L6-v2: praise, rule-outs, "X but Y"
// comparisons and candidates' notes about an employer's silence must not get the themes they name
// as forbidden (data/eval/traps.csv). The bar (issue 17) is at most one forbidden theme per 14
// sentences. The dev part, which the rules of reading were tuned on, must stay under it: a change
// that stops applying those rules fails here. The held-out part is only reported (it is short of
// the bar: see docs/engines-and-quality.md, Trap sentences).

import { describe, expect, it } from 'vitest';
import { prepareClassifier } from '../../src/classify/prepare.js';
import { resolveEngineConfig } from '../../src/config.js';
import { createMemoryLogger } from '../../src/logger.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';
import { readTraps, scoreTraps } from '../helpers/traps.js';

const available = requireRealModel('real-model trap tests');

describe.skipIf(!available)('trap sentences with the default engine on the real model', () => {
  it('keep the tuned-on dev part under one forbidden theme per 14 sentences, and report the held-out part', async () => {
    const prepared = await prepareClassifier(resolveEngineConfig({ model: REAL_MODEL_DIR, offline: true }, {}), createMemoryLogger());
    try {
      expect(prepared.engine.name).toBe('hybrid');
      const { classifier, thresholds } = prepared;
      const measure = async (part: 'dev' | 'test') => {
        const traps = readTraps(part);
        const assigned = classifier.assign(await classifier.score(traps.map((t) => ({ id: t.id, text: t.text }))), thresholds);
        return scoreTraps(
          traps,
          assigned.map((a) => a.themes.map((t) => t.themeId)),
        );
      };
      const dev = await measure('dev');
      const heldOut = await measure('test');
      for (const [name, score] of [
        ['dev', dev],
        ['held-out', heldOut],
      ] as const) {
        console.info(
          `${name} traps: ${score.forbiddenHits} forbidden themes on ${score.sentences} sentences; required recall ${score.requiredRecall.toFixed(3)}`,
        );
      }
      expect(dev.sentences).toBeGreaterThanOrEqual(100);
      expect(dev.forbiddenHits * 14).toBeLessThanOrEqual(dev.sentences);
    } finally {
      await prepared.dispose();
    }
  }, 180_000);
});
