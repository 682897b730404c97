import { describe, expect, it } from 'vitest';
import { finishRejects, redactItems } from '../../src/redact/index.js';
import { hideNamesFound } from '../../src/redact/names-found.js';
import { forgetReadSentences, redactPeople } from '../../src/redact/people.js';
import type { FeedbackItem } from '../../src/types.js';

const pseudonymise = (value: string) => `p-${value}`;
const row = (id: string, text: string): FeedbackItem => ({
  id,
  candidate: null,
  cohort: null,
  stage: null,
  employer: null,
  role: null,
  date: null,
  text,
  source: 'a.csv',
  line: 2,
});
const TEACHES = row('a', 'Fiifi felt the case study was rushed.');
const LATER = row('b', 'I asked fiifi about the offer.');
const redacted = (items: FeedbackItem[]) => {
  forgetReadSentences();
  const out = redactItems(items, { pseudonymise, files: [] });
  return Object.fromEntries(out.map((item) => [item.id, item.text]));
};

describe('names found in one row, hidden in the others', () => {
  it('gives the same text in either order, the name hidden in both rows', () => {
    const forward = redacted([TEACHES, LATER]);
    expect(redacted([LATER, TEACHES])).toEqual(forward);
    expect(forward).toEqual({ a: '[name] felt the case study was rushed.', b: 'I asked [name] about the offer.' });
  });

  it('does not hide a name of one run in the next', () => {
    redacted([TEACHES, LATER]);
    expect(redacted([LATER]).b).toBe(LATER.text);
  });

  it('lets the words around decide: a name found once is not hidden where it reads as something else', () => {
    const found = new Set<string>();
    expect(redactPeople('Rota said your examples were thin.', [], { found })).toBe('[name] said your examples were thin.');
    expect([...found]).toEqual(['Rota']);
    expect(hideNamesFound('The rota was tight, so we asked about weekends.', found)).toBe(
      'The rota was tight, so we asked about weekends.',
    );
    expect(hideNamesFound('We asked rota about weekends.', found)).toBe('We asked [name] about weekends.');
  });

  it('hides a lowercase name found beside a cue in one row wherever another row writes it, not after "the"', () => {
    const out = redacted([
      row('a', 'Cover letter generic, spoke to anjali for more detail.'),
      row('b', 'anjali was impressed by the portfolio but you lacked experience.'),
      row('c', 'I think anjali was right: no examples.'),
      row('d', 'the anjali template was used.'),
    ]);
    expect(out).toEqual({
      a: 'Cover letter generic, spoke to [name] for more detail.',
      b: '[name] was impressed by the portfolio but you lacked experience.',
      c: 'I think [name] was right: no examples.',
      d: 'the anjali template was used.',
    });
    // A word of English written so stays elsewhere: "call rota" does not make every rota a name.
    expect(redacted([row('a', 'call rota about the shifts'), row('b', 'rota is 5 x 8, no flex')]).b).toBe('rota is 5 x 8, no flex');
  });

  it('tells the other rows only capitalised names and listed names, not a word taken for following a cue', () => {
    const found = new Set<string>();
    redactPeople('my boss rang mid-interview and I answered', [], { found });
    expect(found.size).toBe(0);
    redactPeople('Spoke with Mark, and Grace agreed.', [], { found });
    expect(found.has('mark')).toBe(false);
  });

  it('hides in rejected rows the names found in the items', () => {
    const namesFound = new Set<string>();
    redactItems([TEACHES], { pseudonymise, files: [], namesFound });
    const [reject] = finishRejects([{ source: 'a.csv', line: 3, reason: 'r', raw: 'asked fiifi about it,,' }], true, new Map(), namesFound);
    expect(reject!.raw).toBe('asked [name] about it,,');
  });
});
