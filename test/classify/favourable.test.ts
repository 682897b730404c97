import { describe, expect, it } from 'vitest';
import { analysePraise, isPraiseClause, labelRuledOut, praisesOthers } from '../../src/classify/favourable.js';
import { isPreamble } from '../../src/classify/preamble.js';

describe('analysePraise', () => {
  it('drops the praised clause before "but" and keeps the reason', () => {
    const a = analysePraise('Your CV was excellent, but your answers lacked examples.');
    expect(a.favourable).toBe(true);
    expect(a.praiseOnly).toBe(false);
    expect(a.reasonText).toBe('your answers lacked examples.');
    expect('Your CV was excellent, but your answers lacked examples.'.slice(...a.praise[0]!)).toBe('Your CV was excellent');
  });

  it('handles "although X, Y", "Y, although X" and "X; however, Y"', () => {
    expect(analysePraise('Although your experience is impressive, you had not researched the company.').reasonText).toBe(
      'you had not researched the company.',
    );
    expect(analysePraise('You seemed unsure why you applied, although your presentation was great.').reasonText).toBe(
      'You seemed unsure why you applied',
    );
    expect(analysePraise('Your technical test was strong; however, we went with an internal candidate.').reasonText).toBe(
      'we went with an internal candidate.',
    );
  });

  it('marks a segment that only praises', () => {
    const a = analysePraise('Your presentation was really impressive.');
    expect(a).toMatchObject({ favourable: true, praiseOnly: true });
  });

  it('does not treat negated praise, shortfalls or praise of others as favourable', () => {
    for (const text of [
      'Your experience was not strong enough for this role.',
      "Your answers weren't as good as we hoped.",
      'We were looking for strong SQL skills.',
      'We would have liked more detail in an otherwise good answer.',
      'The other candidates were exceptionally strong.',
      'We wish you well for the future.',
      'Good luck with your search.',
      'Your salary expectations were well above the budget for this role.',
      'Your score was well short of the pass mark.',
    ]) {
      expect(analysePraise(text).favourable, text).toBe(false);
      expect(analysePraise(text).reasonText, text).toBe(text);
    }
  });

  it('keeps a criticism that merely follows "but" when nothing before it is praise', () => {
    const a = analysePraise('You were late, but the bigger issue was your lack of preparation.');
    expect(a.favourable).toBe(false);
    expect(a.reasonText).toBe('You were late, but the bigger issue was your lack of preparation.');
  });
});

describe('themes ruled out', () => {
  it('drops a part that only rules a theme out and keeps the reason after it', () => {
    expect(analysePraise('Your CV was not the issue, it was your lack of examples.').reasonText).toBe('it was your lack of examples.');
    expect(analysePraise('We had no concerns about your experience; however your salary expectations were too high.').reasonText).toBe(
      'your salary expectations were too high.',
    );
    expect(analysePraise("The problem wasn't your CV - it was how you came across.").reasonText).toBe('it was how you came across.');
    expect(analysePraise("It wasn't your answers that let you down, it was the presentation.").favourable).toBe(true);
  });

  it('reads "re:" as "regarding", so the rule-out keeps its object', () => {
    expect(analysePraise('no concerns re: her timekeeping, but she lacks the CSCS card.').reasonText).toBe('she lacks the CSCS card.');
  });

  it('keeps criticisms that merely contain a negation near a dismissing word', () => {
    for (const text of [
      "You didn't address our concerns about your availability.",
      'You did not show problem solving in the case study.',
      'You had no questions for us at the end.',
      'There were issues with the accuracy of your figures.',
    ]) {
      expect(analysePraise(text).reasonText, text).toBe(text);
    }
  });
});

describe('liking and comparison', () => {
  it('reads "like" as a comparison and "we would have liked" as a shortfall', () => {
    for (const text of [
      'You seemed quite robotic, like you were reciting answers.',
      "We'd have liked to hear the result of your actions.",
      "We'd like to see more commercial awareness.",
      'It is likely that the role will be filled internally.',
    ]) {
      expect(analysePraise(text).favourable, text).toBe(false);
    }
    expect(analysePraise('We liked your energy, but the role needs a driving licence.').reasonText).toBe(
      'the role needs a driving licence.',
    );
    expect(analysePraise('Your application was fine but your answers were vague.').reasonText).toBe('your answers were vague.');
  });
});

describe('clause helpers', () => {
  it('recognises praise words only without negation', () => {
    expect(isPraiseClause('your CV was excellent')).toBe(true);
    expect(isPraiseClause("your CV wasn't excellent")).toBe(false);
    expect(isPraiseClause('your CV was long')).toBe(false);
  });

  it("reads no praise in words that only share a praise word's stem", () => {
    expect(analysePraise('Closed - position on hold pending restructure').praiseOnly).toBe(false);
    expect(analysePraise('The gap is Excel - the test showed you would struggle with pivots.').praiseOnly).toBe(false);
    expect(analysePraise('Fail - Knowledge of Org (0/3)').praiseOnly).toBe(false);
    expect(isPraiseClause('The panel were blown away by your knowledge of our funds.')).toBe(true);
  });
});

describe('praise of manners, fit and skills before the reason', () => {
  it.each([
    ['You arrived on time and were very polite, but your answers lacked specific examples.', 'your answers lacked specific examples.'],
    [
      "You had the right technical skills, but you didn't seem to know much about what we do.",
      "you didn't seem to know much about what we do.",
    ],
    [
      'Your qualifications are exactly what we look for; where you fell short was the group exercise.',
      'where you fell short was the group exercise.',
    ],
    [
      'Great eye contact and a confident manner throughout; the gap was that you lack a relevant degree.',
      'the gap was that you lack a relevant degree.',
    ],
    [
      'Your timekeeping and manners were faultless; the issue was that you haven’t worked in retail before.',
      'the issue was that you haven’t worked in retail before.',
    ],
  ])('%s', (text, reason) => {
    expect(analysePraise(text).reasonText).toBe(reason);
  });

  it.each([
    'Your cover letter was one of the best we have read.',
    'Your technical knowledge is excellent and clearly above what the role needs.',
    'You handled the group exercise really well, listening and building on others’ ideas.',
    'Your emails to us were always courteous and prompt.',
  ])('reads "%s" as praise only', (text) => {
    expect(analysePraise(text).praiseOnly).toBe(true);
  });

  it('does not read another person, or the best of luck, as praise of the candidate', () => {
    for (const text of [
      'The person we appointed already holds the CIPD Level 5 qualification we ask for.',
      'The best candidates had all led teams before.',
      'Your salary expectation is well beyond what the role can pay.',
    ]) {
      expect(analysePraise(text).favourable, text).toBe(false);
    }
  });
});

describe('what a concession grants', () => {
  it('is not a reason, unless it is itself a shortfall', () => {
    expect(analysePraise('Whilst your degree is in a relevant subject, we need someone with two years in a laboratory.').reasonText).toBe(
      'we need someone with two years in a laboratory.',
    );
    const shortfall = 'Although you were not ready for this level, your answers were thoughtful.';
    expect(analysePraise(shortfall).reasonText).toContain('you were not ready for this level');
  });

  it('reads homework done, and professionalism, as praise', () => {
    expect(analysePraise('You clearly did your homework on us before the interview.').praiseOnly).toBe(true);
    expect(analysePraise('You clearly researched us thoroughly.').praiseOnly).toBe(true);
    expect(analysePraise('Your emails and calls with us were perfectly professional.').praiseOnly).toBe(true);
  });
});

describe('praise in more words', () => {
  it.each([
    'You would fit in brilliantly with the team.',
    'Your examples were detailed and convincing.',
    'Your qualifications are first class.',
    'You knew our business inside out.',
    'We could tell how much you want this job.',
  ])('reads "%s" as praise only', (text) => {
    expect(analysePraise(text).praiseOnly).toBe(true);
  });

  it('does not read "hard to engage with" as praise', () => {
    expect(analysePraise('The panel felt your answers were rehearsed and hard to engage with.').favourable).toBe(false);
  });
});

describe('praise in notes', () => {
  it.each([
    'quals ticked every box fwiw',
    'Recruiter: manner/appearance fine by client.',
    'Candidate was on time for the video round',
    'she raved about his CV layout and covering letter',
  ])('"%s" is praise', (text) => {
    expect(isPraiseClause(text)).toBe(true);
  });

  it('still reads another candidate as competition', () => {
    expect(isPraiseClause('The successful candidate was excellent')).toBe(false);
    expect(isPraiseClause('Another candidate was on time')).toBe(false);
  });
});

describe('a test passed', () => {
  it('reads a test passed as praise', () => {
    expect(isPraiseClause('you passed comfortably')).toBe(true);
    expect(isPraiseClause("you haven't passed the numerical test")).toBe(false);
    expect(isPraiseClause('you cleared the online tests easily')).toBe(true);
    // Noted without its subject.
    expect(isPraiseClause('Breezed through the coding test, the recruiter said')).toBe(true);
    expect(isPraiseClause('Passed over for the senior post')).toBe(false);
  });
});

describe("praise of the candidate's own attribute", () => {
  it('is read in the predicate: what the subject names does not take it back', () => {
    expect(isPraiseClause('Your answer on why you want to join us was heartfelt and convincing')).toBe(true);
    expect(isPraiseClause('Your preparation was second to none')).toBe(true);
  });

  it('is not praise where the predicate states a shortfall, or holds no praise', () => {
    expect(isPraiseClause('Your strong CV was not enough on its own')).toBe(false);
    expect(isPraiseClause('Your good answers were let down by a lack of examples')).toBe(false);
    expect(isPraiseClause('Your knowledge was good but not deep enough')).toBe(false);
  });

  it('makes a sentence of such praise a preamble to one that names the reason', () => {
    const reason = 'The problem is the in-tray, which you did not finish.';
    expect(isPreamble('Top answer on why you want to work for a charity - it moved us.', reason)).toBe(true);
    expect(isPreamble('Your preparation was second to none.', reason)).toBe(true);
    expect(isPreamble('Your answers were too short.', reason)).toBe(false);
  });
});

describe('verdicts in notes', () => {
  it.each(['quals & refs verified OK', 'prep and motivation both ok', 'client rated her highly on the case study', 'you came across fine'])(
    '"%s" is praise',
    (text) => {
      expect(isPraiseClause(text)).toBe(true);
    },
  );
});

describe('praise marked on a score sheet', () => {
  it('reads a bare topic ticked, passed or marked near the top of its scale, and a plus line, as praise', () => {
    for (const line of [
      'Research on the charity: 5/5.',
      'Questions at the end - tick.',
      'Written exercise: 18/20',
      'Technical: 4 out of 5',
      'SJT: pass',
      'Numerical: 92nd percentile',
      'Integrity: met.',
      '+ clearly wants to be in cardiology',
    ])
      expect(isPraiseClause(line), line).toBe(true);
  });

  it('keeps a low mark, a criterion not met, a minus line and a topic with a verb as the reason', () => {
    for (const line of [
      'Safeguarding knowledge: 1/5.',
      'Teamwork: 3/5',
      'Collaboration: not met.',
      '- could not talk through a sepsis escalation',
      'We scored you: 5/5',
      'Verbal reasoning: 41st percentile',
      '+ not enough examples',
    ])
      expect(isPraiseClause(line), line).toBe(false);
  });
});

describe('praise as a condition contrary to fact whose outcome is the hire', () => {
  it('reads "if it had rested on X, you would be starting" as praise of X, not a condition that stays unmet', () => {
    expect(isPraiseClause("If the decision had rested on your written exercise alone, you'd be starting with us next month.")).toBe(true);
    expect(isPraiseClause('If it had come down to your case study alone, you would be joining us in May.')).toBe(true);
    expect(isPraiseClause("If you had prepared, you'd have got the job.")).toBe(false);
    expect(isPraiseClause('If you had a licence you would be starting with us.')).toBe(false);
  });
});

describe('praise by comparison with the employer’s own people, and by litotes', () => {
  it('reads outdoing our own staff, and a strength that never wavered, as praise', () => {
    expect(isPraiseClause('you knew our accounts better than our CFO')).toBe(true);
    expect(isPraiseClause('He was across every one of our product lines, more than some of our own staff')).toBe(true);
    expect(isPraiseClause('you knew more about our clients than some of our staff')).toBe(true);
    expect(isPraiseClause('we needed more about our clients than you knew')).toBe(false);
    expect(isPraiseClause('Your wish to do the job never wobbled, not once, from where we sat.')).toBe(true);
    expect(isPraiseClause('the other candidate knew our accounts better than you')).toBe(false);
    expect(isPraiseClause('Not once did you give an example, and your focus wavered')).toBe(false);
  });
});

describe('praisesOthers', () => {
  it('finds praise of the field, the other candidates or the person appointed', () => {
    for (const text of [
      'We had a very strong field.',
      'The calibre of applicants was exceptional.',
      'The final round had six very strong profiles.',
      'The successful candidate was outstanding.',
    ])
      expect(praisesOthers(text), text).toBe(true);
  });

  it('does not take praise of the candidate, or a text without praise, for it', () => {
    for (const text of [
      'Your CV was excellent.',
      'The candidate was polite and punctual.',
      'We had many applications.',
      'You were one of the best we met.',
    ])
      expect(praisesOthers(text), text).toBe(false);
  });
});

describe('labelRuledOut', () => {
  it('reads a labelled topic whose last verdict rules it out as no reason, with what was said of it on the way', () => {
    for (const text of [
      'Written exercise: 14/20 - above the pass mark, not a differentiator',
      "Commitment to sector: evident throughout; no bearing on panel's decision.",
      'Commute - long, but manageable, no issue',
      // A full stop inside the line, where the verdicts run on past it; a compound noun as the factor denied.
      'keenness: plenty. not a factor',
      'SCREEN_NOTE: cover letter generic - disregarded per HM, not a decline factor',
      'qs at end - asked plenty, not an issue. homework on us fine.',
      // A last verdict with no subject that denies the decision in its own words.
      'Spelling & grammar check: 9/10 (pass 6) - not relevant to outcome',
      'knowledge of the org: solid. not in the mix re decision',
      'travel - fine w/ it, not a consideration',
    ]) {
      expect(labelRuledOut(text), text).toBe(true);
      expect(analysePraise(text).praiseOnly, text).toBe(true);
    }
  });

  it('keeps the line a reason when a verdict on the way finds fault, the mark is low, or the rule-out is not last', () => {
    for (const text of [
      'Motivation: weak, not a factor',
      'Written exercise: 6/20, not a differentiator',
      'Written exercise: 14/20 - not a differentiator, but the case study was',
      'Research: could have gone further, no issue',
      'Visa - no issue',
      'keenness: plenty. not a factor. answers thin',
      'Your answers were detailed, not an issue',
      'Client call re Marek: rated him highly, technical round one of the strongest, no issue on money.',
      // "No outcome" (no result given) and a role not held are shortfalls, not the decision denied.
      'Q: Example of working under pressure - generic, no outcome.',
      'This candidate - classroom teacher 4 yrs, no pastoral lead role',
    ])
      expect(labelRuledOut(text), text).toBe(false);
  });
});

describe('a bare topic and the verdict that denies it', () => {
  it('sets the topic aside with a verdict the noun denies by its own prefix', () => {
    for (const text of ['hoodie at interview - non-issue.', 'Notice period: a total non-factor'])
      expect(analysePraise(text).praiseOnly, text).toBe(true);
  });

  it('keeps a topic that has a verb of its own', () => {
    const analysis = analysePraise('you never asked about the team - non-issue for some, not for us');
    expect(analysis.praiseOnly).toBe(false);
  });
});

describe('a mark set against its own pass mark', () => {
  it('is praise when clear of the bar, whatever share of the scale it is; a bare pass or less stays the reason', () => {
    for (const text of [
      'Typing speed: 58 wpm (min 45) - met',
      'Situational judgement: 34/40 (cut-off 26).',
      'Numerical reasoning: 61% (pass mark 50%) - cleared',
    ])
      expect(analysePraise(text).praiseOnly, text).toBe(true);
    for (const text of ['Typing speed: 38 wpm (min 45)', 'Written test: 62 (pass 60).', 'Values interview: 12/24 (threshold 14)'])
      expect(analysePraise(text).praiseOnly, text).toBe(false);
  });
});
