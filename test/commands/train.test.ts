// `train` end to end with the lexical engine (no model needed): bad labelled files are refused line
// by line, a good one gives a head that `evaluate` and `run` use, and a head that does not fit the
// run is refused with what to do.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadFile } from '../../src/classify/head/file.js';
import { parseCsv } from '../helpers/csv.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
const cli = (args: string[]) => runCli(args, { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') });
const LABELLED = path.resolve('data/eval/dev.csv');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-train-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('train: bad labelled files', () => {
  it('names every bad line: unknown theme ids, empty text, no theme, contradicting duplicates, too few items of a theme', async () => {
    const file = path.join(work, 'bad.csv');
    await writeFile(
      file,
      [
        'text,themes',
        'Your CV had typos.,application',
        'You were late.,conduct|punctuality',
        ',delivery',
        'No reason was given.,',
        'your cv had typos.,delivery',
      ].join('\n'),
    );
    const result = await cli(['train', file, '--engine', 'lexical', '--out', path.join(work, 'bad-head.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:3: unknown theme id "punctuality"`);
    expect(result.stderr).toContain(`${file}:4: empty text`);
    expect(result.stderr).toContain(`${file}:5: no theme`);
  });

  it("reads the tool's own items.csv corrected in a spreadsheet: theme ids in any case; blank feedback refused with what to do", async () => {
    const file = path.join(work, 'items-corrected.csv');
    await writeFile(
      file,
      [
        'id,candidate,themes,text',
        'a1,[name],Delivery,You spoke too quietly.',
        'a2,[name], LOGISTICS ,The role needs relocation.',
        'a3,[name],Deliveryy,You mumbled.',
        'a4,[name],examples,',
      ].join('\n'),
    );
    const result = await cli(['train', file, '--engine', 'lexical', '--out', path.join(work, 'items-head.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:4: unknown theme id "Deliveryy"`);
    expect(result.stderr).not.toMatch(/unknown theme id "(Delivery|LOGISTICS)"/);
    expect(result.stderr).toContain(`${file}:5: empty text: add the feedback or delete the row`);
  });

  it('lists rows that label the same feedback two ways, and themes with fewer than 5 items, with their lines', async () => {
    const file = path.join(work, 'thin.csv');
    const rows = (await readFile(LABELLED, 'utf8')).trimEnd().split('\n');
    // Keep every item but three of the four-plus conduct ones, and repeat one row with other themes.
    let conduct = 0;
    const kept = rows.filter((row, i) => i === 0 || !/,([a-z_|]*\|)?conduct(\|[a-z_|]*)?$/.test(row) || ++conduct <= 2);
    kept.push('dup-1,"Your CV had several typos.",application', 'dup-2,"your CV had several typos.",delivery');
    await writeFile(file, `${kept.join('\n')}\n`);
    const result = await cli(['train', file, '--engine', 'lexical', '--out', path.join(work, 'thin-head.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`${file}:${kept.length}: the same feedback as ${file}:${kept.length - 1}, labelled "delivery" there "application"`),
    );
    expect(result.stderr).toMatch(
      /theme "conduct": 2 labelled item\(s\) \(.*thin\.csv:\d+, .*thin\.csv:\d+\); a head needs at least 5 of every theme/,
    );
  });
});

describe('train: partly labelled files (id,text,forbidden,required)', () => {
  it('names each bad row with its line, a row contradicting a labelled one, and a fit with no fully labelled item (exit 2)', async () => {
    const row = parseCsv(await readFile(LABELLED, 'utf8'))[0]!;
    const text = row.text!;
    const theme = row.themes!.split('|')[0]!;
    const file = path.join(work, 'corrections.csv');
    await writeFile(
      file,
      ['id,text,forbidden,required', 'a,Late again.,punctuality,', 'b,,conduct,', `c,"${text.replaceAll('"', '""')}",${theme},`].join('\n'),
    );
    const result = await cli(['train', LABELLED, file, '--engine', 'lexical', '--out', path.join(work, 'bad-partial.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:2: unknown theme id "punctuality"`);
    expect(result.stderr).toContain(`${file}:3: empty text`);
    const good = path.join(work, 'contradicting.csv');
    await writeFile(good, ['id,text,forbidden,required', `c,"${text.replaceAll('"', '""')}",${theme},`].join('\n'));
    const contradicting = await cli(['train', LABELLED, good, '--engine', 'lexical', '--out', path.join(work, 'bad-partial.json')]);
    expect(contradicting.code).toBe(2);
    expect(contradicting.stderr).toMatch(
      new RegExp(`${good}:2: the same feedback as ${LABELLED}:\\d+, labelled ".*" there, which "${theme}" here contradicts`),
    );
    const alone = await cli(['train', good, '--engine', 'lexical', '--out', path.join(work, 'bad-partial.json')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/no fully labelled item/);
  });

  it("fits the trap sentences' development rows beside the labelled ones, never the held-out rows, and the head differs", async () => {
    const out = path.join(work, 'trap-head.json');
    const result = await cli(['train', LABELLED, path.resolve('data/eval/traps.csv'), '--engine', 'lexical', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/fitted a lexical theme head on 186 item\(s\) and \d+ partly labelled from /);
    expect(result.stderr).toMatch(/traps\.csv: \d+ held-out row\(s\) \(ids traps-test-…\) left out: never fitted on/);
    const head = parseHeadFile(await readFile(out, 'utf8'), out);
    const devTraps = (await readFile(path.resolve('data/eval/traps.csv'), 'utf8'))
      .split('\n')
      .filter((row) => row.startsWith('traps-dev-'));
    expect(head.fitted.items).toBe(186);
    expect(head.fitted.partlyLabelled).toBeGreaterThan(0);
    expect(head.fitted.partlyLabelled).toBeLessThanOrEqual(devTraps.length);
    const plain = path.join(work, 'plain-head.json');
    expect((await cli(['train', LABELLED, '--engine', 'lexical', '--out', plain])).code).toBe(0);
    const plainHead = parseHeadFile(await readFile(plain, 'utf8'), plain);
    expect(head.themes.map((t) => t.weights)).not.toEqual(plainHead.themes.map((t) => t.weights));
  }, 180_000);
});

describe('train: a head for the lexical engine', () => {
  const head = () => path.join(work, 'lexical-head.json');

  beforeAll(async () => {
    const result = await cli(['train', LABELLED, '--engine', 'lexical', '--out', head()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/fitted a lexical theme head on 186 item\(s\)/);
  }, 120_000);

  it('writes a valid head bound to the engine and taxonomy, and the same file on a second fit', async () => {
    const text = await readFile(head(), 'utf8');
    const parsed = parseHeadFile(text, head());
    expect(parsed.profile.engine).toBe('lexical');
    expect(parsed.fitted).toMatchObject({ files: ['dev.csv'], items: 186, folds: 5 });
    const again = path.join(work, 'lexical-head-2.json');
    expect((await cli(['train', LABELLED, '--engine', 'lexical', '--out', again])).code).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(text);
  }, 120_000);

  it("names no student in the head: a labelled file named after one is written as '[name] [name] labels.csv'", async () => {
    const named = path.join(work, 'Priya Patel labels.csv');
    await writeFile(named, await readFile(LABELLED));
    const out = path.join(work, 'named-head.json');
    expect((await cli(['train', named, '--engine', 'lexical', '--out', out])).code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(parseHeadFile(text, out).fitted.files).toEqual(['[name] [name] labels.csv']);
    expect(text).not.toMatch(/Priya|Patel/);
  }, 120_000);

  it('is used by evaluate --head, which says so and what decided the themes', async () => {
    const result = await cli(['evaluate', path.resolve('data/eval/dev2.csv'), '--engine', 'lexical', '--head', head(), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ engine: 'lexical', dtype: null, head: { source: head(), probe: null } });
    expect(report.decidedBy).toMatch(/calibrated probabilities/);
    expect(report.calibration.eceAfter).toBeGreaterThanOrEqual(0);
    expect(report.unthemed).toBe(0);
  });

  it('in text says the dtype does not apply to the lexical engine, and refuses --calibrate, which a head replaces', async () => {
    const gold = path.resolve('data/eval/dev2.csv');
    const text = await cli(['evaluate', gold, '--engine', 'lexical', '--head', head()]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/engine lexical, model \(none\), dtype \(does not apply to this engine\)/);
    // The lexical engine has no model vectors for a probe to read.
    expect(text.stdout).toMatch(/fitted on 186 items of dev\.csv; engine scores only\)/);
    expect(text.stdout).toMatch(/expected calibration error: [\d.]+ before calibration, [\d.]+ after/);
    expect(text.stdout).toMatch(/items given no theme: 0 of 238/);
    const calibrate = await cli(['evaluate', gold, '--engine', 'lexical', '--head', head(), '--calibrate', path.join(work, 't.yaml')]);
    expect(calibrate.code).toBe(2);
    expect(calibrate.stderr).toMatch(/--calibrate fits similarity thresholds, which a theme head replaces: add --no-head/);
  });

  it('gives run outputs a calibrated confidence: items.csv per theme, summary.json per theme', async () => {
    const out = path.join(work, 'run');
    const result = await cli([
      'run',
      path.resolve('data/sample-feedback.csv'),
      '--engine',
      'lexical',
      '--no-store',
      '--head',
      head(),
      '--out',
      out,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.confidence.head.source).toBe(head());
    const items = parseCsv(await readFile(path.join(out, 'items.csv'), 'utf8'));
    for (const row of items) {
      const themes = row.themes!.split('|').filter(Boolean);
      const confidence = row.confidence!.split('|').map((pair) => pair.split(':'));
      expect(confidence.map(([id]) => id)).toEqual(themes);
      for (const [, p] of confidence) {
        expect(Number(p)).toBeGreaterThanOrEqual(0);
        expect(Number(p)).toBeLessThanOrEqual(1);
      }
    }
    const sure = Object.values(summary.confidence.themes as Record<string, { sure: number; possible: number }>).reduce(
      (n, t) => n + t.sure + t.possible,
      0,
    );
    expect(sure).toBe(items.reduce((n, row) => n + row.themes!.split('|').filter(Boolean).length, 0));
  });

  it('decides the themes it knows in an edited taxonomy, names those left to similarity thresholds, and is refused (exit 2) when it knows none, or is corrupt', async () => {
    const gold = path.resolve('data/eval/dev2.csv');
    const original = await readFile(path.resolve('data/taxonomy.yaml'), 'utf8');
    const withExemplar = (count: number) => {
      let edited = 0;
      return original.replace(/examples:\n(\s+)- /g, (all, indent: string) =>
        edited++ < count ? `${all}Applicants who wrote a new exemplar.\n${indent}- ` : all,
      );
    };
    // The first theme's exemplars edited: the head decides the other twelve.
    const oneEdited = path.join(work, 'taxonomy-one.yaml');
    await writeFile(oneEdited, withExemplar(1));
    const partly = await cli(['evaluate', gold, '--engine', 'lexical', '--head', head(), '--taxonomy', oneEdited, '--json']);
    expect(partly.code, partly.stderr).toBe(0);
    expect(partly.stderr).toMatch(
      /was not fitted for the theme\(s\) qualifications as this taxonomy defines them .*similarity thresholds.*the head decides the other 12/,
    );
    expect(JSON.parse(partly.stdout).head.unknown).toEqual(['qualifications']);
    // Every theme's exemplars edited: it knows none of them.
    const allEdited = path.join(work, 'taxonomy-all.yaml');
    await writeFile(allEdited, withExemplar(Infinity));
    const none = await cli(['evaluate', gold, '--engine', 'lexical', '--head', head(), '--taxonomy', allEdited]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /this head cannot be used here: it knows none of this taxonomy's themes as they are.*feedback-themes train/,
    );
    const corrupt = path.join(work, 'corrupt.json');
    await writeFile(corrupt, (await readFile(head(), 'utf8')).slice(0, 500));
    const broken = await cli(['evaluate', gold, '--engine', 'lexical', '--head', corrupt]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not a usable head file: it is not valid JSON/);
    const both = await cli(['evaluate', gold, '--engine', 'lexical', '--head', head(), '--thresholds', corrupt]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give --head or --thresholds, not both/);
  });
});
