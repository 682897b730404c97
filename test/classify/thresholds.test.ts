import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import type { ScoredItem } from '../../src/classify/units.js';
import { evaluateAssignments } from '../../src/classify/evaluate.js';
import {
  bestThreshold,
  calibrate,
  defaultThresholds,
  loadThresholds,
  parseThresholds,
  serialiseThresholds,
} from '../../src/classify/thresholds.js';
import { CliError } from '../../src/errors.js';
import type { Thresholds } from '../../src/types.js';
import { fakeEmbedder, taxonomyOf, theme } from '../fixtures/classify/fake-embedder.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';

describe('defaults', () => {
  it('differ by engine and carry the model for transformers only', () => {
    const lexical = defaultThresholds('lexical', 'ignored');
    const neural = defaultThresholds('transformers', 'Xenova/all-MiniLM-L6-v2');
    expect(lexical).toMatchObject({ engine: 'lexical', model: null, source: 'default' });
    expect(neural).toMatchObject({
      engine: 'transformers',
      model: 'Xenova/all-MiniLM-L6-v2',
      floor: ENGINE_PROFILES.transformers.thresholds.floor,
      margin: ENGINE_PROFILES.transformers.thresholds.margin,
    });
    expect(lexical.floor).not.toBe(neural.floor);
    for (const t of [lexical, neural]) {
      expect(t.floor).toBeGreaterThan(0);
      expect(t.floor).toBeLessThan(1);
      expect(t.margin).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('thresholds files', () => {
  const fitted: Thresholds = {
    engine: 'transformers',
    model: 'Xenova/all-MiniLM-L6-v2',
    floor: 0.41,
    margin: 0.06,
    perTheme: { delivery: 0.5 },
    source: 'x',
  };

  it('round-trips through serialise and load (JSON or YAML)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thr-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const json = join(dir, 't.json');
    await writeFile(json, serialiseThresholds(fitted));
    expect(await loadThresholds(json, 'transformers', 'Xenova/all-MiniLM-L6-v2')).toEqual({ ...fitted, source: json });
    const yaml = 'engine: lexical\nmodel: null\nfloor: 0.2\nmargin: 0.05\nperTheme:\n  delivery: 0.3\n';
    expect(parseThresholds(yaml, 't.yaml', 'lexical', null)).toMatchObject({ floor: 0.2, perTheme: { delivery: 0.3 } });
    // A local folder holding the same model is accepted.
    expect(parseThresholds(serialiseThresholds(fitted), 'f', 'transformers', '/models/all-MiniLM-L6-v2/').floor).toBe(0.41);
  });

  it('names the file and key of a bad value', () => {
    const bad = (text: string, pattern: RegExp) => {
      let error: unknown;
      try {
        parseThresholds(text, 'th.json', 'lexical', null);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as Error).message).toMatch(pattern);
    };
    bad('{"engine":"lexical","floor":"high","margin":0.1}', /^th\.json: floor: expected a number/);
    bad('{"engine":"lexical","floor":0.2,"margin":-1}', /^th\.json: margin:/);
    bad('{"engine":"lexical","floor":0.2,"margin":0.1,"perTheme":{"delivery":7}}', /^th\.json: perTheme\.delivery:/);
    bad('{"engine":"neural","floor":0.2,"margin":0.1}', /^th\.json: engine:/);
    bad('[1, 2', /^th\.json: not valid JSON or YAML/);
    bad('{"engine":"transformers","floor":0.2,"margin":0.1}', /fitted for the transformers engine, but this run uses the lexical engine/);
  });

  it('refuses thresholds fitted for another model, and explains how to fix it', async () => {
    expect(() => parseThresholds(serialiseThresholds(fitted), 'f.json', 'transformers', 'Xenova/bge-small-en')).toThrow(
      /fitted for model "Xenova\/all-MiniLM-L6-v2", but this run uses "Xenova\/bge-small-en".*--calibrate/,
    );
    await expect(loadThresholds('/nonexistent/t.json', 'lexical', null)).rejects.toThrow(/^\/nonexistent\/t\.json: cannot read/);
  });
});

describe('calibrate', () => {
  it('picks the cut between neighbouring scores that maximises F1, never under the floor', () => {
    expect(bestThreshold([0.9, 0.8, 0.6, 0.4, 0.3], [true, true, false, true, false], 0.1)).toBeCloseTo(0.35);
    expect(bestThreshold([0.9, 0.8, 0.6, 0.2], [true, true, false, false], 0.1)).toBeCloseTo(0.7);
    expect(bestThreshold([0.9, 0.8], [false, false], 0.1)).toBeNull();
    expect(bestThreshold([0.05, 0.02], [true, false], 0.1)).toBeNull();
  });

  it('improves F1 on a scored set where the default floor is wrong for one theme', async () => {
    // Theme "a" truly needs ≥ 0.6; "b" is fine at the floor. Vectors: axis 0 = a, axis 1 = b.
    const table: Record<string, number[]> = { 'a ex': [1, 0, 0], 'b ex': [0, 1, 0], 'u ex': [0, 0, 1] };
    const texts: { text: string; gold: string[] }[] = [];
    const add = (name: string, cosA: number, cosB: number, gold: string[]) => {
      table[name] = [cosA, cosB, Math.sqrt(Math.max(0, 1 - cosA * cosA - cosB * cosB))];
      texts.push({ text: `${name}.`, gold });
    };
    add('alpha one', 0.9, 0.1, ['a']);
    add('alpha two', 0.7, 0.1, ['a']);
    add('alpha three', 0.65, 0.2, ['a']);
    add('near miss one', 0.5, 0.1, ['uninformative']);
    add('near miss two', 0.45, 0.2, ['uninformative']);
    add('near miss three', 0.4, 0.1, ['uninformative']);
    add('beta one', 0.1, 0.5, ['b']);
    add('beta two', 0.1, 0.35, ['b']);
    const taxonomy = taxonomyOf(theme('a', ['a ex']), theme('b', ['b ex']), theme('uninformative', ['u ex']));
    const classifier = await createClassifier(taxonomy, fakeEmbedder(table), { topK: 1, centroidWeight: 0 });
    const scored: ScoredItem[] = await classifier.score(texts.map((t, i) => ({ id: String(i), text: t.text })));
    const gold = texts.map((t) => t.gold);
    const ids = ['a', 'b', 'uninformative'];
    const base: Thresholds = { engine: 'lexical', model: null, floor: 0.3, margin: 1, perTheme: {}, source: 'default' };
    const f1 = (t: Thresholds) =>
      evaluateAssignments(
        classifier.assign(scored, t).map((r) => r.themes.map((x) => x.themeId)),
        gold,
        ids,
      ).microF1;

    const fitted = calibrate(scored, gold, taxonomy, base);
    expect(fitted).toMatchObject({ floor: 0.3, margin: 1, engine: 'lexical', source: 'calibrated' });
    expect(fitted.perTheme.a).toBeGreaterThan(0.5);
    expect(fitted.perTheme.a).toBeLessThan(0.65);
    expect(fitted.perTheme.b).toBeGreaterThanOrEqual(0.3);
    expect(f1(fitted)).toBeGreaterThan(f1(base));
    expect(f1(fitted)).toBe(1);
  });
});
