import { describe, expect, it } from 'vitest';
import { validateTaxonomy, type TaxonomyProblem } from '../../src/taxonomy/validate.js';

function theme(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'nerves',
    label: 'Nerves',
    description: 'The candidate seemed anxious.',
    examples: ['You seemed very nervous.', 'Your hands were shaking.', 'We could tell you were anxious.'],
    cues: ['nervous'],
    advice: 'Practise with mock interviews.',
    actionable: true,
    ...overrides,
  };
}

function problemsOf(raw: unknown): TaxonomyProblem[] {
  const result = validateTaxonomy(raw, 'test.yaml');
  expect(result.taxonomy).toBeNull();
  return result.problems;
}

function lines(problems: TaxonomyProblem[]): string[] {
  return problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('validateTaxonomy', () => {
  it('accepts a valid taxonomy, trimming text and keeping order', () => {
    const result = validateTaxonomy(
      { version: 1, themes: [theme({ label: '  Nerves ' }), theme({ id: 'other', actionable: false })] },
      'mine.yaml',
    );
    expect(result.problems).toEqual([]);
    expect(result.taxonomy?.source).toBe('mine.yaml');
    expect(result.taxonomy?.themes.map((t) => [t.id, t.label, t.actionable])).toEqual([
      ['nerves', 'Nerves', true],
      ['other', 'Nerves', false],
    ]);
  });

  it('rejects a top level that is not a mapping', () => {
    expect(lines(problemsOf(['a', 'b']))).toEqual([
      '(top level): must be a mapping with "version:" and "themes:" at the top, found a list.',
    ]);
    expect(lines(problemsOf(null))[0]).toMatch(/^\(top level\): is empty/);
  });

  it('reports missing, wrong-type and empty themes', () => {
    expect(lines(problemsOf({ version: 1 }))).toEqual(['themes: is missing. Add a "themes:" list with one entry per theme.']);
    expect(lines(problemsOf({ themes: 'delivery' }))[0]).toBe(
      'themes: must be a list of themes (each entry starting with "- id:"), found text "delivery".',
    );
    expect(lines(problemsOf({ themes: [] }))).toEqual(['themes: is empty. Add at least one theme.']);
  });

  it('reports a theme that is not a mapping by its index', () => {
    expect(lines(problemsOf({ themes: [theme(), 'delivery'] }))).toEqual([
      'themes[1]: must be a theme with keys id, label, description, examples, cues, advice, actionable, interview_practice, found text "delivery".',
    ]);
  });

  it('names unknown keys, suggests the close one and lists the allowed keys', () => {
    const problems = problemsOf({ version: 1, themes: [theme({ exemples: ['x'] })], colour: 'red' });
    expect(lines(problems)).toContain(
      'themes.nerves.exemples: unknown key "exemples". Did you mean "examples"? Allowed keys: id, label, description, examples, cues, advice, actionable, interview_practice.',
    );
    expect(lines(problems)).toContain('colour: unknown key "colour". Allowed keys: version, themes.');
  });

  it('rejects an unsupported version', () => {
    expect(lines(problemsOf({ version: 2, themes: [theme()] }))).toEqual([
      'version: must be 1, found the number 2. This program reads taxonomy files of version 1.',
    ]);
  });

  it('checks ids: missing, wrong type, bad pattern, duplicate', () => {
    const { id: _id, ...noId } = theme();
    expect(lines(problemsOf({ themes: [noId] }))[0]).toMatch(/^themes\[0\]\.id: is missing\./);
    expect(lines(problemsOf({ themes: [theme({ id: 7 })] }))[0]).toMatch(/^themes\[0\]\.id: must be text, found the number 7\./);
    expect(lines(problemsOf({ themes: [theme({ id: 'Interview Nerves' })] }))).toEqual([
      'themes[0].id: "Interview Nerves" is not a valid id. Use lowercase letters, digits and _, starting with a letter, e.g. "interview_nerves".',
    ]);
    expect(lines(problemsOf({ themes: [theme(), theme({ label: 'Again' })] }))).toEqual([
      'themes[1].id: duplicate id "nerves" (also used by themes[0]). Each theme needs its own id; rename one or merge the two.',
    ]);
  });

  it('checks text fields: missing, wrong type, empty', () => {
    const { description: _d, ...noDescription } = theme();
    expect(lines(problemsOf({ themes: [noDescription] }))).toEqual([
      'themes.nerves.description: is missing. Add a sentence or two saying what the theme covers and what it does not.',
    ]);
    expect(lines(problemsOf({ themes: [theme({ label: ['a'] })] }))).toEqual([
      'themes.nerves.label: must be text, found a list. Add a short name for the theme as advisers should see it.',
    ]);
    expect(lines(problemsOf({ themes: [theme({ advice: '   ' })] }))).toEqual([
      'themes.nerves.advice: is empty. Add what an adviser should suggest to a candidate who gets this feedback.',
    ]);
  });

  it('needs at least 3 exemplars', () => {
    expect(lines(problemsOf({ themes: [theme({ examples: ['Only one.'] })] }))).toEqual([
      'themes.nerves.examples: needs at least 3 exemplar sentences, found 1. Add sentences that sound like real feedback for this theme.',
    ]);
  });

  it('reports empty and non-text list entries by their index', () => {
    const problems = lines(problemsOf({ themes: [theme({ examples: ['One.', '', 'Two.', { 'Your answer': 'too long' }, 'Three.'] })] }));
    expect(problems).toEqual([
      'themes.nerves.examples[1]: is empty. Remove the line or write the text.',
      'themes.nerves.examples[3]: must be text, found a mapping. Wrap it in double quotes if it contains a colon.',
    ]);
  });

  it('reports repeated exemplars within a theme', () => {
    const problems = lines(problemsOf({ themes: [theme({ examples: ['One.', 'Two.', 'one', 'Three.'] })] }));
    expect(problems).toEqual(['themes.nerves.examples[2]: repeats examples[0]. Remove it or write a different one.']);
  });

  it('reports a cue listed twice', () => {
    expect(lines(problemsOf({ themes: [theme({ cues: ['nervous', 'shaky', 'Nervous'] })] }))).toEqual([
      'themes.nerves.cues[2]: repeats cues[0]. Remove it or write a different one.',
    ]);
  });

  it('needs cues as a non-empty list', () => {
    expect(lines(problemsOf({ themes: [theme({ cues: 'nervous' })] }))).toEqual([
      'themes.nerves.cues: must be a list of cue phrases (one "- " line each), found text "nervous".',
    ]);
    expect(lines(problemsOf({ themes: [theme({ cues: [] })] }))).toEqual([
      'themes.nerves.cues: needs at least 1 cue phrase, found 0. Add short words or phrases that are evidence of this theme.',
    ]);
  });

  it('needs actionable to be a boolean', () => {
    expect(lines(problemsOf({ themes: [theme({ actionable: 'yes' })] }))).toEqual([
      'themes.nerves.actionable: must be true or false (without quotes), found text "yes".',
    ]);
    const { actionable: _a, ...noActionable } = theme();
    expect(lines(problemsOf({ themes: [noActionable] }))[0]).toMatch(/^themes\.nerves\.actionable: is missing\./);
  });

  it('reads interview_practice as optional: true, false or left out (then the theme does not say)', () => {
    const read = (extra: Record<string, unknown>) => validateTaxonomy({ version: 1, themes: [theme(extra)] }, 'x.yaml');
    expect(read({ interview_practice: true }).taxonomy!.themes[0]!.interviewPractice).toBe(true);
    expect(read({ interview_practice: false }).taxonomy!.themes[0]!.interviewPractice).toBe(false);
    expect('interviewPractice' in read({}).taxonomy!.themes[0]!).toBe(false);
    expect(lines(problemsOf({ themes: [theme({ interview_practice: 'yes' })] }))).toEqual([
      'themes.nerves.interview_practice: must be true or false (without quotes), found text "yes".',
    ]);
  });

  it('reports every problem at once, across themes', () => {
    const problems = problemsOf({
      version: 1,
      themes: [
        theme({ id: 'Bad Id', cues: 'x' }),
        theme({ id: 'second', examples: ['a'], actionable: 1 }),
        theme({ id: 'second', label: '' }),
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'themes[0].id',
      'themes[0].cues',
      'themes.second.examples',
      'themes.second.actionable',
      'themes[2].id',
      'themes[2].label',
    ]);
  });
});
