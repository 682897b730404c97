import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CliError } from '../../src/errors.js';
import { loadTaxonomy, parseTaxonomy, readTaxonomyFile } from '../../src/taxonomy/load.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/taxonomy/${name}`, import.meta.url));

async function loadError(path: string): Promise<CliError> {
  try {
    await loadTaxonomy(path);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error(`expected ${path} to fail to load`);
}

describe('loadTaxonomy', () => {
  it('loads a small valid file, quoted text with colons included', async () => {
    const path = fixture('valid-minimal.yaml');
    const taxonomy = await loadTaxonomy(path);
    expect(taxonomy.source).toBe(path);
    expect(taxonomy.themes.map((theme) => theme.id)).toEqual(['nerves', 'no_reason']);
    expect(taxonomy.themes[0].examples[1]).toBe('Your hands were shaking: it was distracting.');
    expect(taxonomy.themes[0].cues).toEqual(['nervous', 'anxious']);
    expect(taxonomy.themes[1].actionable).toBe(false);
  });

  it('lists every problem with file, line, path and message in one exit-2 error', async () => {
    const path = fixture('many-problems.yaml');
    const error = await loadError(path);
    expect(error.exitCode).toBe(2);
    const [header, ...problems] = error.message.split('\n');
    expect(header).toBe(`Taxonomy ${path} has 10 problems:`);
    expect(problems).toEqual([
      `  ${path}:3: themes[0].id: "Interview Nerves" is not a valid id. Use lowercase letters, digits and _, starting with a letter, e.g. "interview_nerves".`,
      `  ${path}:6: themes[0].exemples: unknown key "exemples". Did you mean "examples"? Allowed keys: id, label, description, examples, cues, advice, actionable, interview_practice.`,
      `  ${path}:8: themes[0].examples: needs at least 3 exemplar sentences, found 1. Add sentences that sound like real feedback for this theme.`,
      `  ${path}:10: themes[0].cues: must be a list of cue phrases (one "- " line each), found text "nervous".`,
      `  ${path}:12: themes[0].actionable: must be true or false (without quotes), found text "yes".`,
      `  ${path}:14: themes.no_reason.label: is empty. Add a short name for the theme as advisers should see it.`,
      `  ${path}:18: themes.no_reason.examples[1]: is empty. Remove the line or write the text.`,
      `  ${path}:20: themes.no_reason.examples[3]: repeats examples[2]. Remove it or write a different one.`,
      `  ${path}:21: themes.no_reason.cues: needs at least 1 cue phrase, found 0. Add short words or phrases that are evidence of this theme.`,
      `  ${path}:24: themes[2].id: duplicate id "no_reason" (also used by themes[1]). Each theme needs its own id; rename one or merge the two.`,
    ]);
  });

  it('gives the line and column of a YAML syntax error', async () => {
    const path = fixture('syntax-error.yaml');
    const error = await loadError(path);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(new RegExp(`^Taxonomy ${path} has \\d+ problems?:\\n`));
    expect(error.message).toContain(
      `${path}:6:1: syntax: Missing closing "quote. A quote or bracket is not closed; close it on the same line.`,
    );
  });

  it('says to indent with spaces when the file uses tabs', async () => {
    const { taxonomy, problems } = await readTaxonomyFile(fixture('tabs.yaml'));
    expect(taxonomy).toBeNull();
    expect(problems[0]).toMatchObject({ path: 'syntax', line: 3, column: 1 });
    expect(problems[0].message).toContain('Indent with spaces, not tabs.');
  });

  it('reports a duplicated key as a syntax problem with its position', () => {
    const { problems } = parseTaxonomy('themes:\n  - id: a\n    id: b\n', 'dup.yaml');
    expect(problems).toEqual([
      {
        path: 'syntax',
        line: 3,
        column: 5,
        message: 'Map keys must be unique. A key appears twice in the same theme or at the top; keep one.',
      },
    ]);
  });

  it('rejects a file whose top level is a list, or which has no themes, or is empty', async () => {
    expect((await loadError(fixture('top-level-list.yaml'))).message).toContain(
      'top-level-list.yaml:1: (top level): must be a mapping with "version:" and "themes:" at the top, found a list.',
    );
    const noThemes = (await loadError(fixture('no-themes.yaml'))).message;
    expect(noThemes).toContain('no-themes.yaml:2: theme: unknown key "theme". Did you mean "themes"?');
    expect(noThemes).toContain('no-themes.yaml: themes: is missing.');
    expect((await loadError(fixture('empty.yaml'))).message).toContain('(top level): is empty.');
  });

  it('names the path when the file does not exist or is a folder', async () => {
    const missing = fixture('does-not-exist.yaml');
    const notFound = await loadError(missing);
    expect(notFound.exitCode).toBe(2);
    expect(notFound.message).toBe(
      `${missing}: cannot read the taxonomy file: no such file. ` +
        'Give the path of a taxonomy .yaml file to --taxonomy, or leave it out to use the built-in taxonomy.',
    );
    const folder = fixture('');
    const isFolder = await loadError(folder);
    expect(isFolder.exitCode).toBe(2);
    expect(isFolder.message).toMatch(/: cannot read the taxonomy file: it is a folder, not a file\. Give the path/);
  });

  it('ignores a byte-order mark at the start of the file', () => {
    const text =
      '\uFEFFversion: 1\nthemes:\n  - id: a\n    label: A\n    description: d\n    examples: [x, y, z]\n    cues: [c]\n    advice: v\n    actionable: true\n';
    const { taxonomy, problems } = parseTaxonomy(text, 'bom.yaml');
    expect(problems).toEqual([]);
    expect(taxonomy?.themes[0].id).toBe('a');
  });

  it('says of every built-in theme whether interview practice works on it', async () => {
    const { themes } = await loadTaxonomy();
    const inTheRoom = themes.filter((theme) => theme.interviewPractice === true).map((theme) => theme.id);
    expect(themes.every((theme) => typeof theme.interviewPractice === 'boolean')).toBe(true);
    expect(inTheRoom).toEqual(['culture_fit', 'delivery', 'examples', 'motivation', 'preparation', 'conduct']);
  });
});
