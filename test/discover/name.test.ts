import { describe, expect, it } from 'vitest';
import { nameGroups } from '../../src/discover/name.js';
import type { UnexplainedSegment } from '../../src/discover/select.js';
import type { ClassifiedItem } from '../../src/types.js';
import { feedbackItem } from '../../support/feedback-item.js';

/** One single-sentence item per text, assigned `theme` (or nothing). */
function classified(texts: string[], prefix: string, theme: string | null): ClassifiedItem[] {
  return texts.map((text, i) => {
    const item = feedbackItem({ id: `${prefix}${i}`, candidate: `${prefix}${i}`, text, source: 'test', line: i + 2 });
    const segment = { itemId: item.id, index: 0, text, start: 0, end: text.length, scores: [], themes: theme ? [theme] : [] };
    return { item, themes: [], segments: [segment] } as unknown as ClassifiedItem;
  });
}

const hitsOf = (entries: ClassifiedItem[]): UnexplainedSegment[] =>
  entries.map((entry) => ({
    itemId: entry.item.id,
    candidate: entry.item.candidate,
    segmentIndex: 0,
    text: entry.segments[0]!.text,
    reasonText: entry.segments[0]!.text,
    spread: 0,
  }));

describe('naming a group', () => {
  it('never names a group by words every rejection uses, nor by a word only one or two of its sentences say', () => {
    // The failure this guards against: "Candidates, awareness and bring" from feedback whose shared
    // words were generic, and a rare word that scored high because nothing else used it.
    const group = classified(
      [
        'Candidates need to bring a reference from a recent employer.',
        'Your referee did not reply, and candidates must bring two references.',
        'We could not verify your references in time.',
        'Both references came back with concerns.',
        'Your former manager declined to give a reference, which raised awareness of gaps.',
        'We need two references before an offer can be made.',
      ],
      'r',
      null,
    );
    const others = classified(
      ['Your answers were vague.', 'The salary was above our budget.', 'We appointed an internal candidate.'],
      'o',
      'experience',
    );
    const [name] = nameGroups([...group, ...others], [hitsOf(group)], [group[2]!.segments[0]!.text]);
    expect(name!.terms[0]).toMatch(/^referenc/);
    for (const generic of ['candidates', 'bring', 'need', 'awareness']) expect(name!.terms).not.toContain(generic);
    expect(name!.label).not.toMatch(/Candidates|bring|awareness/);
  });

  it('falls back to the opening words of its most central sentence when no word is shared widely enough', () => {
    const group = classified(
      ['Alpha beta gamma.', 'Delta epsilon zeta.', 'Eta theta iota.', 'Kappa lambda mu.', 'Nu xi omicron.'],
      'g',
      null,
    );
    const exemplar = 'The team noticed that your portfolio links were broken when we opened them on the day of the interview.';
    const [name] = nameGroups(group, [hitsOf(group)], [exemplar]);
    expect(name!.label).toBe('The team noticed that your portfolio links were broken…');
    // Its terms (a suggested theme's cues) are then the exemplar's own content words.
    expect(name!.terms).toEqual(['noticed', 'portfolio', 'links', 'broken', 'opened']);
  });
});
