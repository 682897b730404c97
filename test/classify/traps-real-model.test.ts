// Trap sentences with the default engine on the real all-MiniLM-L6-v2: praise, rule-outs, "X but Y"
// comparisons and candidates' notes about an employer's silence must not get the themes they name
// as forbidden. Measured on the held-out part of data/eval/traps.csv only; the dev part is tuned on.

import { describe, expect, it } from 'vitest';
import { prepareClassifier } from '../../src/classify/prepare.js';
import { resolveEngineConfig } from '../../src/config.js';
import { createMemoryLogger } from '../../src/logger.js';
import { REAL_MODEL_DIR, requireRealModel } from '../helpers/real-model.js';
import { readTraps, scoreTraps } from '../helpers/traps.js';

const available = requireRealModel('real-model trap tests');

describe.skipIf(!available)('held-out trap sentences with the default engine on the real model', () => {
  it('get at most one forbidden theme per 14 sentences', async () => {
    const prepared = await prepareClassifier(resolveEngineConfig({ model: REAL_MODEL_DIR, offline: true }, {}), createMemoryLogger());
    try {
      expect(prepared.engine.name).toBe('hybrid');
      const traps = readTraps('test');
      const { classifier, thresholds } = prepared;
      const assigned = classifier.assign(await classifier.score(traps.map((t) => ({ id: t.id, text: t.text }))), thresholds);
      const score = scoreTraps(
        traps,
        assigned.map((a) => a.themes.map((t) => t.themeId)),
      );
      console.info(`held-out traps: ${score.forbiddenHits} forbidden themes on ${score.sentences} sentences; required recall ${score.requiredRecall.toFixed(3)}`);
      expect(score.forbiddenHits * 14).toBeLessThanOrEqual(score.sentences);
    } finally {
      await prepared.dispose();
    }
  }, 120_000);
});
