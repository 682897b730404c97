// The built-in head is what `train` makes from the labelled sets it names, with the default engine
// on the real all-MiniLM-L6-v2: a taxonomy, lexicon or feature change that is not followed by a
// refit fails here (refit with the command in docs/engines-and-quality.md, "The theme head").

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeadFile } from '../../../src/classify/head/file.js';
import { DEFAULT_HEAD_PATH } from '../../../src/classify/head/resolve.js';
import { REAL_MODEL_DIR, requireRealModel } from '../../helpers/real-model.js';
import { runCli } from '../../helpers/run-cli.js';

const available = requireRealModel('real-model head tests');

describe.skipIf(!available)('the built-in head', () => {
  // A fresh fit on every labelled set takes about 3 minutes beside the other tests: the limit leaves room for a busy machine.
  it('is what train fits from the labelled sets it names', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'ft-head-real-'));
    try {
      const shipped = parseHeadFile(await readFile(DEFAULT_HEAD_PATH, 'utf8'), DEFAULT_HEAD_PATH);
      const out = path.join(work, 'head.json');
      const files = shipped.fitted.files.map((name) => path.join('data/eval', name));
      const env = { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') };
      const result = await runCli(['train', ...files, '--model', REAL_MODEL_DIR, '--offline', '--out', out], env);
      expect(result.code, result.stderr).toBe(0);
      const fitted = parseHeadFile(await readFile(out, 'utf8'), out);
      const { themes, standardise, probe, ...rest } = fitted;
      const { themes: shippedThemes, standardise: shippedStandardise, probe: shippedProbe, ...shippedRest } = shipped;
      expect(rest).toEqual(shippedRest);
      // Weights to within what another CPU's arithmetic could move them.
      const close = (a: number[], b: number[]) => {
        a.forEach((x, i) => {
          expect(Math.abs(x - b[i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(b[i]!)));
        });
      };
      expect(probe === null).toBe(shippedProbe === null);
      if (probe && shippedProbe) {
        expect(probe.dims).toBe(shippedProbe.dims);
        close(
          [...probe.centre, ...probe.bias, ...probe.weights.flat()],
          [...shippedProbe.centre, ...shippedProbe.bias, ...shippedProbe.weights.flat()],
        );
      }
      close(standardise.mean, shippedStandardise.mean);
      close(standardise.sd, shippedStandardise.sd);
      themes.forEach((theme, t) => {
        close(
          [...theme.weights, theme.bias, theme.platt.a, theme.platt.b],
          [...shippedThemes[t]!.weights, shippedThemes[t]!.bias, shippedThemes[t]!.platt.a, shippedThemes[t]!.platt.b],
        );
      });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 600_000);
});
