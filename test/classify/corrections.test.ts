import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/classifier.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  correctionKey,
  learnFromCorrections,
  MAX_CORRECTIONS,
  parseCorrections,
  readCorrections,
  resolveCorrections,
} from '../../src/classify/corrections.js';
import { createLexicalEmbedder } from '../../src/classify/lexical.js';
import { defaultThresholds } from '../../src/classify/thresholds.js';
import { isCliError } from '../../src/errors.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { ENGINE_PROFILES } from '../../src/classify/profiles.js';

const taxonomy = await loadTaxonomy();
const ids = taxonomy.themes.map((t) => t.id);
const thresholds = defaultThresholds('lexical', null);

function errorOf(run: () => unknown): { message: string; exitCode: number } {
  try {
    run();
  } catch (error) {
    if (isCliError(error)) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('expected an error');
}

describe('corrections file', () => {
  it('reads text,themes and id,themes rows, as copied from items.csv with other columns kept', () => {
    const csv = 'id,candidate,themes,scores,text\nr1,s1,delivery|conduct,x,\nr2,s2,,x,"Some feedback, with a comma"\n';
    const { rows } = parseCorrections(csv, 'fix.csv', ids);
    expect(rows).toEqual([
      { line: 2, id: 'r1', themes: ['delivery', 'conduct'] },
      { line: 3, text: 'Some feedback, with a comma', themes: [] },
    ]);
  });

  it('reads a file Excel saved as "CSV UTF-8", byte-order mark and all', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ft-corrections-bom-'));
    try {
      const file = path.join(dir, 'fix.csv');
      await writeFile(file, '\uFEFFtext,themes\r\n"Café staff found you rude",conduct\r\n', 'utf8');
      expect((await readCorrections(file, ids)).rows).toEqual([{ line: 2, text: 'Café staff found you rude', themes: ['conduct'] }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a semicolon-separated file, as Excel saves CSV in much of Europe', () => {
    const { rows } = parseCorrections('id;themes;text\r\nr1;delivery|conduct;"Late; and rude"\r\nr2;;x\r\n', 'fix.csv', ids);
    expect(rows).toEqual([
      { line: 2, text: 'Late; and rude', themes: ['delivery', 'conduct'] },
      { line: 3, text: 'x', themes: [] },
    ]);
  });

  it('lists every unknown theme id with its line and exits 2', () => {
    const csv = 'text,themes\n"fine",delivery\n"two\nlines",delivry\n"x",motivation|nerves|late\n';
    const error = errorOf(() => parseCorrections(csv, 'fix.csv', ids));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('fix.csv:3: unknown theme id "delivry"');
    // Its row as a spreadsheet shows it: the line break in the row above does not count.
    expect(error.message).toContain('fix.csv:4: unknown theme ids "nerves", "late"');
    expect(error.message).toMatch(/Valid theme ids: qualifications, .*conduct, uninformative/);
  });

  it('reads theme ids typed in any case and with spaces around them, as a spreadsheet keeps them', () => {
    const { rows } = parseCorrections('id,themes\nr1,"Delivery | LOGISTICS "\nr2, Examples\n', 'fix.csv', ids);
    expect(rows).toEqual([
      { line: 2, id: 'r1', themes: ['delivery', 'logistics'] },
      { line: 3, id: 'r2', themes: ['examples'] },
    ]);
    const error = errorOf(() => parseCorrections('id,themes\nr1,Delivery|Deliveryy\n', 'fix.csv', ids));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/^fix\.csv:2: unknown theme id "Deliveryy"\n/);
  });

  it(`refuses more than ${MAX_CORRECTIONS} rows before learning from any (blank lines do not count)`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Answer ${i} lacked examples.,examples`).join('\n');
    const over = errorOf(() => parseCorrections(`text,themes\n${rows(MAX_CORRECTIONS + 1)}\n`, 'fix.csv', ids));
    expect(over.exitCode).toBe(2);
    expect(over.message).toMatch(/^fix\.csv: 2001 correction rows, over the limit of 2000\./);
    expect(parseCorrections(`text,themes\n${rows(MAX_CORRECTIONS)}\n\n\n`, 'fix.csv', ids).rows).toHaveLength(MAX_CORRECTIONS);
  });

  it('needs a themes column and a text or id column', () => {
    expect(errorOf(() => parseCorrections('feedback,labels\na,b\n', 'fix.csv', ids)).message).toMatch(
      /^fix\.csv:1: a corrections file needs a "themes" column/,
    );
  });

  it('lists item ids that are not in the run, with their lines, and exits 2', () => {
    const corrections = parseCorrections('id,themes\nr1,delivery\nr9,motivation\nr7,\n', 'fix.csv', ids);
    const items = [
      { id: 'r1', text: 'You rambled.' },
      { id: 'r9', text: 'Not keen.' },
      { id: 'r7', text: 'x' },
    ];
    expect(resolveCorrections(corrections, items)).toEqual([
      { text: 'You rambled.', themes: ['delivery'], line: 2, by: 'id' },
      { text: 'Not keen.', themes: ['motivation'], line: 3, by: 'id' },
      { text: 'x', themes: [], line: 4, by: 'id' },
    ]);
    const error = errorOf(() => resolveCorrections(corrections, [{ id: 'r7', text: 'x' }]));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'fix.csv:2: unknown item id "r1" (not in this run\'s input; ids are those of items.csv)\nfix.csv:3: unknown item id "r9" (not in this run\'s input; ids are those of items.csv)',
    );
  });

  it('lists rows that correct the same feedback two ways, and lets a repeated identical row through', () => {
    const csv = 'text,themes\n"You rambled.",delivery\n"you  rambled.",delivery\n"You rambled.",examples\n"Late.",conduct\n';
    const corrections = parseCorrections(csv, 'fix.csv', ids);
    const error = errorOf(() => resolveCorrections(corrections, []));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'fix.csv:4: corrects the same feedback as line 2 differently ("examples" against "delivery"); keep one of the two rows',
    );
    const consistent = parseCorrections(
      'text,themes\n"You rambled.",delivery|examples\n"you rambled. ",examples|delivery\n',
      'fix.csv',
      ids,
    );
    expect(resolveCorrections(consistent, [])).toEqual([{ text: 'You rambled.', themes: ['delivery', 'examples'], line: 2, by: 'text' }]);
  });

  it("names a text by its words: case, spacing, curly quotes and items.csv's formula apostrophe do not count", () => {
    expect(correctionKey("'-  You didn\u2019t  answer.\n")).toBe(correctionKey("- you didn't answer."));
    expect(correctionKey("'Twas late")).toBe("'twas late");
    expect(correctionKey('You rambled.')).not.toBe(correctionKey('You rambled on.'));
  });
});

describe('learning from corrections', () => {
  const embedder = createLexicalEmbedder({ corpus: taxonomy.themes.flatMap((t) => t.examples) });
  const themesOf = async (classifier: Awaited<ReturnType<typeof createClassifier>>, text: string) =>
    classifier
      .assign(await classifier.score([{ id: 'x', text }]), thresholds)[0]!
      .themes.map((t) => t.themeId)
      .sort();

  it('agrees with the corrections on the corrected items and generalises to similar feedback', async () => {
    const base = await createClassifier(taxonomy, embedder, ENGINE_PROFILES.lexical.scoring);
    // Feedback about a topic no exemplar speaks of: the classifier misses it or gets it wrong.
    const corrected = [
      { text: 'The partners noticed you vaping outside the office before your interview.', themes: ['conduct'] },
      { text: 'You were seen smoking by the entrance just before the panel.', themes: ['conduct'] },
    ];
    const similar = 'Someone saw you vaping outside reception before you came in.';
    const before = await themesOf(base, similar);
    expect(before).not.toEqual(['conduct']);
    const lessons = await learnFromCorrections(taxonomy, base, thresholds, corrected);
    expect(lessons.taxonomy.themes.find((t) => t.id === 'conduct')!.examples).toEqual(expect.arrayContaining(corrected.map((c) => c.text)));
    const taught = await createClassifier(lessons.taxonomy, embedder, {
      ...ENGINE_PROFILES.lexical.scoring,
      counterExamples: lessons.counterExamples,
    });
    for (const { text, themes } of corrected) expect(await themesOf(taught, text)).toEqual(themes);
    expect(await themesOf(taught, similar)).toContain('conduct');
  });

  it('removes a theme the adviser took away, as counter-evidence, on that item and ones like it', async () => {
    const base = await createClassifier(taxonomy, embedder, ENGINE_PROFILES.lexical.scoring);
    // A remark made in passing, not a reason: the adviser clears the theme the classifier gave it.
    const text = 'We talked about salary and hours at the end of the interview.';
    const before = await themesOf(base, text);
    expect(before).toContain('logistics');
    const lessons = await learnFromCorrections(taxonomy, base, thresholds, [{ text, themes: [] }]);
    expect(lessons.counterExamples.logistics).toEqual([text]);
    const taught = await createClassifier(lessons.taxonomy, embedder, {
      ...ENGINE_PROFILES.lexical.scoring,
      counterExamples: lessons.counterExamples,
    });
    expect(await themesOf(taught, text)).not.toContain('logistics');
    expect(await themesOf(taught, 'We talked about salary and working hours at the end of your interview.')).not.toContain('logistics');
    // Feedback that really is about salary keeps the theme.
    expect(await themesOf(taught, 'The salary you asked for is higher than our budget for the post.')).toContain('logistics');
  });

  it('gives the corrected items exactly their corrected themes, even where the scores disagree', async () => {
    const base = await createClassifier(taxonomy, embedder, ENGINE_PROFILES.lexical.scoring);
    const text = 'Your answers rambled and you gave no examples. We talked about salary at the end.';
    const before = await themesOf(base, text);
    const corrected = [
      { text, themes: ['conduct', 'delivery'] },
      { text: 'Thank you for your interest in the role.', themes: [] },
    ];
    expect(before).not.toEqual(['conduct', 'delivery']);
    const lessons = await learnFromCorrections(taxonomy, base, thresholds, corrected);
    const taught = await createClassifier(lessons.taxonomy, embedder, {
      ...ENGINE_PROFILES.lexical.scoring,
      counterExamples: lessons.counterExamples,
      pinned: lessons.pinned,
    });
    // As copied back from items.csv: the same words, other spacing and case.
    const [item, empty] = taught.assign(
      await taught.score([
        { id: 'a', text: `  ${text.toUpperCase()} ` },
        { id: 'b', text: 'Thank you for your interest in the role.' },
      ]),
      thresholds,
    );
    expect(item!.themes.map((t) => t.themeId).sort()).toEqual(['conduct', 'delivery']);
    // Each pinned theme cites a sentence of the item, and that sentence carries it.
    for (const theme of item!.themes) expect(item!.segments[theme.evidence.segmentIndex]!.themes).toContain(theme.themeId);
    expect(empty!.themes).toEqual([]);
    expect(await themesOf(taught, 'Your answers rambled.')).not.toContain('conduct');
  });
});
