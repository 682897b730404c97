import { describe, expect, it } from 'vitest';
import { distinctUnitTexts, foldUnitScores, segmentItems, unitTextsOf } from '../../src/classify/units.js';

describe('classifier units', () => {
  const items = segmentItems([
    { id: 'a', text: 'Strong CV. Your answers lacked examples, and you arrived late.' },
    { id: 'b', text: 'Strong CV.' },
  ]);

  it('splits items into segments and marks praise-only ones', () => {
    expect(items.map((i) => i.segments.map((s) => s.segment.text))).toEqual([
      ['Strong CV.', 'Your answers lacked examples, and you arrived late.'],
      ['Strong CV.'],
    ]);
    expect(items[0]!.segments[0]!.praiseOnly).toBe(true);
    expect(items[0]!.segments[1]!.praiseOnly).toBe(false);
  });

  it('scores a segment whole and clause by clause unless clauses are off', () => {
    const reason = items[0]!.segments[1]!;
    expect(unitTextsOf(reason, true).length).toBeGreaterThan(1);
    expect(unitTextsOf(reason, true)[0]).toBe(reason.scoredText);
    expect(unitTextsOf(reason, false)).toEqual([reason.scoredText]);
    // The repeated "Strong CV." is one distinct unit.
    expect(distinctUnitTexts(items, false)).toEqual(['Strong CV.', reason.scoredText]);
  });

  it('lists a repeated sentence’s clauses afresh each time: a list changed by its caller changes no other', () => {
    const [first, second] = segmentItems([
      { id: 'c', text: 'Your answers lacked examples, and you arrived late.' },
      { id: 'd', text: 'Your answers lacked examples, and you arrived late.' },
    ]).map((item) => item.segments[0]!);
    const listed = unitTextsOf(first!, true);
    const expected = [...listed];
    expect(listed.length).toBe(3);
    listed.splice(1, 2, 'changed');
    expect(unitTextsOf(first!, true)).toEqual(expected);
    expect(unitTextsOf(second!, true)).toEqual(expected);
  });

  it('takes, per theme, the best unit score and that unit’s nearest exemplar', () => {
    const copy = segmentItems([{ id: 'c', text: 'Your answers lacked examples, and you arrived late.' }]);
    const [whole, ...clauses] = unitTextsOf(copy[0]!.segments[0]!, true);
    const table = new Map([[whole!, { scores: [0.5, 0.1], nearest: [0, 0] }]]);
    clauses.forEach((c, i) => {
      table.set(c, { scores: [0.2, 0.25 * (i + 1)], nearest: [1, 2 + i] });
    });
    foldUnitScores(copy, true, (text) => table.get(text)!);
    const segment = copy[0]!.segments[0]!;
    expect(segment.scores).toEqual([0.5, 0.25 * clauses.length]);
    expect(segment.nearest).toEqual([0, 2 + clauses.length - 1]);
    expect(segment.units.map((u) => u.text)).toEqual([whole, ...clauses]);
  });

  it('scores what redaction left of a phone number or an email address as if it were not there', () => {
    const [item] = segmentItems([{ id: 'd', text: 'Sadly no offer. Please reach her at [phone] or [email] for more.' }]);
    const segment = item!.segments[1]!;
    expect(segment.segment.text).toContain('[phone]');
    expect(segment.scoredText).toBe('Please reach her at or for more.');
  });

  it('scores feedback without its markup, and shows it as written', () => {
    const [item] = segmentItems([{ id: 'e', text: '<script>alert(1)</script> The role went to an <b>internal</b> candidate.' }]);
    const segment = item!.segments[0]!;
    expect(segment.segment.text).toContain('<script>');
    expect(segment.scoredText).toBe('alert(1) The role went to an internal candidate.');
  });

  it('reads whose fault it was in the whole sentence without its markup, as the rest is read', () => {
    const conductOf = (text: string) => segmentItems([{ id: 'f', text }])[0]!.segments[0]!.reading.ruledOut;
    const scene = 'A man in the waiting area was shouting into his phone the whole time she was there';
    expect(conductOf(`${scene} - not a reflection on her.`)).toContain('conduct');
    expect(conductOf(`${scene} - not a reflection on <i>her</i>.`)).toContain('conduct');
    expect(conductOf(`${scene} - <b>rude</b>.`)).not.toContain('conduct');
  });
});

describe('a preamble before the sentence that names the reason', () => {
  it('is read as praise, and a sentence with a shortfall of its own is not', () => {
    const [item] = segmentItems([
      {
        id: 'a',
        text: 'Lovely to meet you. The sticking point is the licence. Your answers were too short. What let you down was the test.',
      },
    ]);
    expect(item!.segments.map((s) => s.praiseOnly)).toEqual([true, false, false, false]);
  });
});

describe('a sentence that says the thing ruled out just before is usual', () => {
  it('goes with the rule-out, and the same sentence after a reason stays', () => {
    const ruled = segmentItems(
      [{ id: 'a', text: "Don't go thinking it was your nerves. Everyone's nervous, we make allowances." }],
      ['delivery'],
    );
    expect(ruled[0]!.segments.map((s) => s.praiseOnly)).toEqual([true, true]);
    const after = segmentItems([{ id: 'b', text: "You spoke very quietly. Everyone's nervous, we make allowances." }], ['delivery']);
    expect(after[0]!.segments.map((s) => s.praiseOnly)).toEqual([false, false]);
  });
});

describe('a bare topic asked as a question', () => {
  it('goes with an answer that is all rule-out or praise, and not a question word’s question', () => {
    const read = (text: string) => segmentItems([{ id: 'q', text }], ['delivery'])[0]!.segments.map((s) => s.praiseOnly);
    expect(read("Your nerves? Mate, everyone's shaking in that chair, didn't rate a mention.")).toEqual([true, true]);
    expect(read("why analytics? 'it pays well'")).toEqual([false, true]);
    expect(read('Your nerves? They showed, and the panel struggled to follow you.')).toEqual([false, false]);
  });
});

describe('a bare topic asked and answered by what is usual', () => {
  it('goes with the answer, as with a rule-out; an answer that turns to the candidate stays', () => {
    const read = (text: string) => segmentItems([{ id: 'u', text }], ['delivery'])[0]!.segments.map((s) => s.praiseOnly);
    expect(read('Nerves? Everyone has them. That shaky first answer cost you precisely zero points.')).toEqual([true, true, true]);
    expect(read('Nerves? Everyone has them, but yours got in the way.')).toEqual([false, false]);
  });
});

describe('a question answered by a "not even" said of no candidate', () => {
  it('goes with the answer, whatever the question; a "not even" said of the candidate, or a question word, stays', () => {
    const read = (text: string) => segmentItems([{ id: 'e', text }], ['experience'])[0]!.segments.map((s) => s.praiseOnly);
    expect(read('Fit with the team? Not even a conversation.')).toEqual([true, true]);
    expect(read("Two years in your father's shop after B.Com? The panel has not even discussed it.")).toEqual([true, true]);
    expect(read('Did your lack of a CPA count against you? Honestly, not even a little.')).toEqual([true, true]);
    expect(read("Your research on us? You hadn't even looked at the website.")).toEqual([false, false]);
    // The candidate named in a third-person note, or by a first name, is who the "not even" is said of.
    expect(read('Was preparation an issue? The candidate had not even read the job description.')).toEqual([false, false]);
    expect(read('Did the research count? Applicant had not even looked at our website.')).toEqual([false, false]);
    expect(read('Was attendance a problem? Priya did not even show up.')).toEqual([false, false]);
    expect(read('Why sales? Not even a clear answer.')).toEqual([false, false]);
    expect(read('Your notice period? We could not even wait a month.')).toEqual([false, false]);
  });
});

describe('a sentence waved away by a short rule-out after it', () => {
  it('goes with the rule-out when it names no topic of its own; one that names its own, or speaks to the candidate, does not', () => {
    const read = (text: string) => segmentItems([{ id: 'w', text }], ['logistics'])[0]!.segments.map((s) => s.praiseOnly);
    expect(read("Three months' notice sounds long, but we've held seats open for longer than that. Didn't trouble us.")).toEqual([
      true,
      true,
    ]);
    expect(read('The commute from Jersey City? Folks here do worse every day. Zero concern.')).toEqual([true, true, true]);
    expect(read('The shifts start at 5am and you said you cannot do that. Salary no issue.')).toEqual([false, true]);
    expect(read('The shifts start at 5am and you said you cannot do that. Not a problem for you, we know.')).toEqual([false, false]);
  });

  it('marks a sentence already read as praise as answered too, so no reading of it alone makes it a reason; not a question', () => {
    const answered = (text: string) => segmentItems([{ id: 'w', text }], ['preparation'])[0]!.segments.map((s) => s.answered === true);
    expect(answered('Research on us - tick. Questions at the end - tick. No issues there.')).toEqual([false, true, false]);
    expect(answered('Your notice period? Zero concern.')).toEqual([true, false]);
    expect(answered('Was it your notice period? Not really.')).toEqual([false, false]);
  });
});

describe('a sentence that opens by saying it was not the candidate', () => {
  it('lays the fault of the sentence before elsewhere: `conduct` is ruled out there, and nowhere else', () => {
    const read = (text: string) => segmentItems([{ id: 'n', text }])[0]!.segments.map((s) => s.reading.ruledOut.includes('conduct'));
    const scene = 'Heads up, the other finalist got into it with our front desk over parking validation.';
    expect(read(`${scene} Not you - you were great. Your background is web, not iOS.`)).toEqual([true, false, false]);
    expect(read(`${scene} Your background is web, not iOS.`)).toEqual([false, false]);
    expect(read(`${scene} Not your fault at all.`)[0]).toBe(true);
  });
});

describe('a yes-or-no question answered by a plain "no"', () => {
  it('goes with an answer that is all praise after the "no", said or relayed; an answer that gives the reason stays', () => {
    const read = (text: string) => segmentItems([{ id: 'o', text }], ['assessment'])[0]!.segments.map((s) => s.praiseOnly);
    expect(read('Was it the presentation? Client says no, presentation was solid. It is the Mandarin.')).toEqual([true, true, false]);
    expect(read('Was it the presentation? No, it was the Mandarin.')).toEqual([false, false]);
  });
});
