// Words that name Object.prototype members ("constructor", "__proto__", "toString"…) are ordinary
// words in feedback, in column values and in headers; none may crash or confuse a run.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from '../src/classify/lexical.js';
import { words } from '../src/classify/lexical/text.js';
import { parseDate } from '../src/ingest/dates.js';
import { ingestFiles, parseDelimiterOption } from '../src/ingest/index.js';
import { main, type CliEffects } from '../src/cli.js';

const WORDS = ['constructor', 'constructors', "Constructor's", '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-proto-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('prototype-member words', () => {
  it('are tokenised as words', () => {
    expect(words('you could not explain what a constructor does')).toContain('constructor');
    expect(words('__proto__ toString hasOwnProperty valueOf')).toEqual(['proto', 'tostring', 'hasownproperty', 'valueof']);
  });

  it('embed with the lexical engine', async () => {
    const embedder = createLexicalEmbedder({ corpus: ['a constructor does things'] });
    const vectors = await embedder.embed(WORDS.map((w) => `you could not explain what a ${w} does`));
    expect(vectors).toHaveLength(WORDS.length);
    for (const vector of vectors) expect(vector.some((x) => x !== 0)).toBe(true);
  });

  it('are not months, delimiters or dates', () => {
    expect(parseDate('1 constructor 2026')).toBeNull();
    expect(parseDate('toString 2026')).toBeNull();
    expect(() => parseDelimiterOption('constructor')).toThrow(/unknown delimiter/);
  });

  it('run end to end in feedback, values and headers', async () => {
    const input = path.join(work, 'words.csv');
    const rows = WORDS.map((w, i) => `S${i},${w},${w},"You could not explain what a ${w} does, and your ${w} answers lacked examples."`);
    await writeFile(input, `${['constructor,Stage,Cohort,Feedback', ...rows].join('\n')}\n`);
    const ingested = await ingestFiles([input], { columns: {}, maxTextChars: 5000 });
    expect(ingested.items).toHaveLength(WORDS.length);
    expect(ingested.items[0].stage).toBe('constructor');

    let stderr = '';
    const effects: CliEffects = {
      stdout: () => {},
      stderr: {
        write: (chunk: string) => {
          stderr += chunk;
          return true;
        },
        isTTY: false,
      } as unknown as CliEffects['stderr'],
      now: () => new Date('2026-11-01T09:00:00Z'),
      env: { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') },
    };
    const out = path.join(work, 'out');
    const code = await main(
      ['node', 'feedback-themes', 'run', input, '--out', out, '--engine', 'lexical', '--no-store', '--min-group', '1'],
      effects,
    );
    expect(stderr).not.toMatch(/unexpected error/);
    expect(code).toBe(0);
    const summary = JSON.parse(await readFile(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.counts.items).toBe(WORDS.length);
    const themed = summary.themes.find((t: { id: string; items: number }) => t.id === 'examples');
    expect(themed.items).toBeGreaterThan(0);
  });
});
