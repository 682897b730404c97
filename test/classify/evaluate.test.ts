import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { evaluateAssignments, parseGold, readGold, scoreGold } from '../../src/classify/evaluate.js';
import { lexicalEmbedderFor } from '../../src/classify/lexical.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { CliError } from '../../src/errors.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import type { Thresholds } from '../../src/types.js';
import { fakeEmbedder, taxonomyOf, theme } from '../fixtures/classify/fake-embedder.js';

describe('evaluateAssignments', () => {
  it('computes per-theme, micro and macro figures (worked by hand)', () => {
    const gold = [['a'], ['a', 'b'], ['b'], ['c']];
    const predicted = [['a'], ['a'], ['a', 'b'], []];
    const r = evaluateAssignments(predicted, gold, ['a', 'b', 'c', 'd']);
    // a: tp 2, fp 1, fn 0 → P 2/3, R 1, F1 0.8.  b: tp 1, fp 0, fn 1 → P 1, R 0.5, F1 2/3.
    // c: tp 0, fn 1 → F1 0.  d: never used → left out of macro.
    const a = r.themes.find((t) => t.id === 'a')!;
    expect(a).toMatchObject({ support: 2, predicted: 3 });
    expect(a.precision).toBeCloseTo(2 / 3);
    expect(a.recall).toBe(1);
    expect(a.f1).toBeCloseTo(0.8);
    expect(r.themes.find((t) => t.id === 'b')!.f1).toBeCloseTo(2 / 3);
    expect(r.themes.find((t) => t.id === 'c')).toMatchObject({ f1: 0, support: 1, predicted: 0 });
    // micro: tp 3, fp 1, fn 2 → P 0.75, R 0.6, F1 2/3.
    expect(r.microPrecision).toBeCloseTo(0.75);
    expect(r.microRecall).toBeCloseTo(0.6);
    expect(r.microF1).toBeCloseTo(2 / 3);
    expect(r.macroF1).toBeCloseTo((0.8 + 2 / 3 + 0) / 3);
    expect(r.items).toBe(4);
  });

  it('averages macro-F1 over labelled themes only, lists predicted-only themes apart and counts unthemed items', () => {
    const r = evaluateAssignments([['a', 'd'], []], [['a'], ['b']], ['a', 'b', 'c', 'd']);
    // a: F1 1, b: F1 0; d is only predicted, c is nowhere.
    expect(r.macroF1).toBeCloseTo(0.5);
    expect(r.predictedOnly).toEqual(['d']);
    expect(r.unthemed).toBe(1);
  });

  it('is perfect on perfect predictions and rejects mismatched lengths', () => {
    const r = evaluateAssignments([['a'], ['b']], [['a'], ['b']], ['a', 'b']);
    expect([r.microF1, r.macroF1]).toEqual([1, 1]);
    expect(() => evaluateAssignments([['a']], [], ['a'])).toThrow();
  });
});

describe('readGold', () => {
  it('reads text and themes, ignores other columns, and reports the rows a spreadsheet shows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gold-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, 'gold.csv');
    await writeFile(path, '\uFEFFid,Text,themes,notes\r\n1,"Two\nlines",delivery|examples,x\r\n\r\n2,Too junior,experience,\r\n');
    expect(await readGold(path)).toEqual([
      { text: 'Two\nlines', themes: ['delivery', 'examples'], line: 2 },
      { text: 'Too junior', themes: ['experience'], line: 4 },
    ]);
  });

  it('gives a Windows-1252 labelled file the same evaluation as its UTF-8 twin', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gold-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const csv = [
      'text,themes',
      'Your résumé was generic and not tailored to the rôle,application',
      '"Naïve answers; the café scenario went badly",delivery',
      'Strong candidate but the field was exceptional – no concerns,competition',
      'Your CV listed duties rather than achievements,examples',
      '',
    ].join('\r\n');
    await writeFile(join(dir, 'utf8.csv'), csv);
    await writeFile(join(dir, 'cp1252.csv'), iconv.encode(csv, 'windows-1252'));
    const [utf8, cp1252] = [await readGold(join(dir, 'utf8.csv')), await readGold(join(dir, 'cp1252.csv'))];
    expect(utf8[0]!.text).toBe('Your résumé was generic and not tailored to the rôle');
    expect(cp1252).toEqual(utf8);
    const taxonomy = await loadTaxonomy();
    const ids = taxonomy.themes.map((t) => t.id);
    const classifier = await createClassifier(taxonomy, lexicalEmbedderFor(taxonomy), ENGINE_PROFILES.lexical.scoring);
    const thresholds = defaultThresholds('lexical', null);
    const [a, b] = [await scoreGold(classifier, utf8, ids), await scoreGold(classifier, cp1252, ids)];
    expect(b.measure(thresholds)).toEqual(a.measure(thresholds));
    expect(b.predict(thresholds)).toEqual(a.predict(thresholds));
  });

  it('reads theme ids typed in any case and with spaces around them as the taxonomy spells them', () => {
    expect(parseGold('text,themes\nYou were late.," Delivery|LOGISTICS"\nNo examples.,Examples ; examples\n', 'g.csv')).toEqual([
      { text: 'You were late.', themes: ['delivery', 'logistics'], line: 2 },
      { text: 'No examples.', themes: ['examples'], line: 3 },
    ]);
    expect(() => parseGold('text,themes\nYou were late.,Delivery|Punctuality\n', 'g.csv')).toThrow(
      /^g\.csv:2: unknown theme id "Punctuality"\n/,
    );
  });

  it('names the file, line and valid ids for an unknown theme', () => {
    const error = (() => {
      try {
        parseGold('text,themes\nfine,delivery\n"bad",delivry\n', 'g.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(/^g\.csv:3: unknown theme id "delivry"\nValid ids: qualifications, .*uninformative/);
  });

  it('names missing columns and checks against the ids it is given', async () => {
    expect(() => parseGold('text,label\nx,y\n', 'g.csv')).toThrow(/g\.csv:1: missing column\(s\) themes/);
    expect(() => parseGold('', 'g.csv')).toThrow(CliError);
    expect(parseGold('text,themes\nx,custom\n', 'g.csv', ['custom'])).toEqual([{ text: 'x', themes: ['custom'], line: 2 }]);
    await expect(readGold('/nonexistent/gold.csv')).rejects.toThrow(/\/nonexistent\/gold\.csv: cannot read/);
  });
});

describe('scoreGold', () => {
  const table = { 'a one': [1, 0], 'b one': [0, 1], 'Mostly a': [0.9, 0.2], 'Mostly b': [0.3, 0.9] };
  const taxonomy = taxonomyOf(theme('a', ['a one']), theme('b', ['b one']));
  const thresholds = (floor: number): Thresholds => ({ engine: 'lexical', model: null, floor, margin: 0, perTheme: {}, source: 'test' });
  const gold = [
    { text: 'Mostly a', themes: ['a'], line: 2 },
    { text: 'Mostly b', themes: ['a'], line: 3 },
  ];

  it('scores the labelled texts once and measures them at any thresholds', async () => {
    const embedder = fakeEmbedder(table);
    const scored = await scoreGold(await createClassifier(taxonomy, embedder, { topK: 3, centroidWeight: 0 }), gold, ['a', 'b']);
    const calls = embedder.calls.length;
    expect(scored.labels).toEqual([['a'], ['a']]);
    expect(scored.predict(thresholds(0.5))).toEqual([['a'], ['b']]);
    const report = scored.measure(thresholds(0.5));
    expect(report).toEqual(evaluateAssignments([['a'], ['b']], [['a'], ['a']], ['a', 'b']));
    expect(report.microF1).toBeCloseTo(0.5, 6);
    expect(scored.measure(thresholds(0.99)).microF1).toBe(0);
    expect(embedder.calls.length).toBe(calls); // measuring embeds nothing more
  });
});
