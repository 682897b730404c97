// Hostile taxonomies (issue finding 6 and the large-taxonomy item): alias bombs, deep nesting,
// too many themes or list entries, an oversized file. Each is a problem with its line (exit 2 from
// the CLI), never a stack trace, and is found before the cost it would cause.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstTooDeep, MAX_YAML_DEPTH } from '../../src/taxonomy/depth.js';
import { DEFAULT_TAXONOMY_PATH, parseTaxonomy } from '../../src/taxonomy/load.js';
import { MAX_LIST_ITEMS, MAX_THEMES } from '../../src/taxonomy/validate.js';
import { runCli } from '../helpers/run-cli.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ft-hostile-taxonomy-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A valid theme as YAML lines, `examples` sentences long. */
function theme(i: number, examples = 3): string[] {
  return [
    `  - id: theme_${i}`,
    `    label: Theme ${i}`,
    `    description: Feedback about topic ${i}.`,
    `    advice: Practise topic ${i}.`,
    '    actionable: true',
    '    cues:',
    `      - topic ${i}`,
    '    examples:',
    ...Array.from({ length: examples }, (_, e) => `      - Sentence ${e} about topic ${i}.`),
  ];
}
const taxonomy = (themes: string[][]) => `${['version: 1', 'themes:', ...themes.flat()].join('\n')}\n`;

function billionLaughs(): string {
  const lines = ['version: 1', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return [...lines, 'themes: *a9'].join('\n');
}

describe('taxonomy files that would exhaust the parser', () => {
  it('billion laughs: the first alias line is named, and the alias limit', () => {
    const { taxonomy: parsed, problems } = parseTaxonomy(billionLaughs(), 'laughs.yaml');
    expect(parsed).toBeNull();
    expect(problems).toEqual([
      { path: 'syntax', line: 3, message: expect.stringMatching(/uses aliases .*over the limit of 100 alias expansions/) },
    ]);
  });

  it.each([
    ['flow', `version: 1\nthemes:\n  - id: a\n    examples: ${'['.repeat(2000)}${']'.repeat(2000)}\n`, 4],
    [
      'block',
      ['version: 1', 'themes:', ...Array.from({ length: 2000 }, (_, d) => `${'  '.repeat(d + 1)}- `)].join('\n'),
      MAX_YAML_DEPTH + 1,
    ],
    ['mapping', `${['version: 1', ...Array.from({ length: 2000 }, (_, d) => `${'  '.repeat(d)}k${d}:`)].join('\n')} x`, MAX_YAML_DEPTH + 2],
  ])('nesting 2,000 deep (%s) is refused at the line it passes the limit', (_kind, text, line) => {
    const { problems } = parseTaxonomy(text, 'deep.yaml');
    expect(problems).toEqual([
      { path: 'syntax', line, message: expect.stringMatching(new RegExp(`levels deep here, over the limit of ${MAX_YAML_DEPTH}`)) },
    ]);
  });

  it('through the CLI: exit 2 naming file and line, for run and taxonomy validate', async () => {
    const file = path.join(work, 'laughs.yaml');
    await writeFile(file, billionLaughs());
    const env = { FEEDBACK_THEMES_CACHE: path.join(work, 'cache') };
    const validate = await runCli(['taxonomy', 'validate', file], env);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(`${file}:3: syntax: uses aliases`);
    const csv = path.join(work, 'feedback.csv');
    await writeFile(csv, 'id,feedback\n1,Too nervous.\n');
    const run = await runCli(['run', csv, '--taxonomy', file, '--engine', 'lexical', '--no-store', '--out', path.join(work, 'out')], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3: syntax: uses aliases`);
  });
});

describe('taxonomies too large to report on', () => {
  it(`more than ${MAX_THEMES} themes: one problem on the themes line, found before each theme is checked`, () => {
    const { problems } = parseTaxonomy(taxonomy(Array.from({ length: MAX_THEMES + 1 }, (_, i) => theme(i))), 'big.yaml');
    expect(problems).toEqual([
      {
        path: 'themes',
        line: 2,
        message: `has ${MAX_THEMES + 1} themes, over the limit of ${MAX_THEMES}. Merge related themes; a report of more cannot be read.`,
      },
    ]);
    expect(parseTaxonomy(taxonomy(Array.from({ length: MAX_THEMES }, (_, i) => theme(i))), 'ok.yaml').problems).toEqual([]);
  });

  it(`more than ${MAX_LIST_ITEMS} examples in one theme`, () => {
    const { problems } = parseTaxonomy(taxonomy([theme(0, MAX_LIST_ITEMS + 1)]), 'long.yaml');
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'themes.theme_0.examples',
        message: expect.stringMatching(/has 201 exemplar sentences, over the limit of 200/),
      }),
    ]);
  });

  it('a file over 4 MB is refused before it is read', async () => {
    const file = path.join(work, 'huge.yaml');
    await writeFile(file, `version: 1\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const result = await runCli(['taxonomy', 'validate', file], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/huge\.yaml: the taxonomy file is 5\.0 MB, over the limit of 4 MB/);
  });
});

describe('firstTooDeep counts structure, not text', () => {
  it('brackets inside quotes and comments, and the lines of block scalars, are not levels', () => {
    const text = [
      'a:',
      `  b: "${'['.repeat(50)}"`,
      `  c: '${'{'.repeat(50)}'`,
      `  d: x # ${'['.repeat(50)}`,
      '  e: |',
      ...Array.from({ length: 50 }, (_, i) => `${' '.repeat(4 + i)}text`),
      '  f: 1',
    ].join('\n');
    expect(firstTooDeep(text, 4)).toBeNull();
    expect(firstTooDeep(`a: [${'['.repeat(4)}]`, 4)).toEqual({ line: 1, depth: 6 });
  });

  it('the built-in taxonomy is well within the limit', async () => {
    expect(firstTooDeep(await readFile(DEFAULT_TAXONOMY_PATH, 'utf8'), 6)).toBeNull();
  });
});
