import { describe, expect, it } from 'vitest';
import { segmentItems } from '../../src/classify/units.js';
import { analysePraise } from '../../src/classify/favourable.js';
import {
  agreesWithRuleOut,
  asidesBefore,
  asksYesOrNo,
  continuesList,
  frontsTopic,
  isBareTopic,
  isRuledOut,
  justifiesRuleOut,
  lacksSubject,
  leftUnscored,
  refersBack,
  reportsDoubt,
  statesWhatIsUsual,
} from '../../src/classify/rule-outs.js';

describe('isRuledOut', () => {
  it('recognises a theme named only to rule it out', () => {
    for (const text of [
      'This is no reflection on your interview.',
      'None of this reflects on your interview',
      "Please don't read this as a comment on your qualifications",
      'Please don’t take this as a criticism of your preparation',
      'We were not worried about your degree classification.',
      'Nobody doubted your enthusiasm for the work.',
      "We don't doubt that you could do the job",
      "We didn't feel your lack of a master's degree mattered.",
      'Your lateness did not count against you at all',
      "You didn't do anything wrong in the interview.",
      'Nothing you did on the day counted against you',
      'Salary wasn’t a factor in our decision.',
      'the numeracy score carries no real weight here',
      'The gap in your CV made no odds to us',
      'Your application was not the reason we said no.',
      'There was nothing wrong with how you interviewed',
      'Location was not a problem for us',
      // Who did not doubt may take a few words to name; the decision itself negated.
      'No-one on the interview panel questioned your commitment.',
      'Your accent was not what decided it.',
      "The outcome wasn't influenced by your test scores.",
      'We had no reservations about your written English.',
      'No complaints at all about how you handled the in-tray.',
    ]) {
      expect(isRuledOut(text), text).toBe(true);
    }
  });

  it('reads shorthand pronouns as the pronouns ("ur" is "your"), but not a "U." initial', () => {
    expect(isRuledOut("it wasn't ur answers that did it, honestly")).toBe(true);
    expect(isRuledOut('honestly nothing u did, the role was pulled')).toBe(true);
    expect(isRuledOut('ur answers were too short')).toBe(false);
    expect(isRuledOut('nothing U. Smith did')).toBe(false);
  });

  it('keeps criticism that merely contains a negation', () => {
    for (const text of [
      'You did not give any examples of leading a team.',
      'Nobody on the panel felt you had enough retail experience yet.',
      'We had reservations about your written English.',
      'You were not driven by the work itself, it seemed.',
      "You didn't address our concerns about your availability.",
      'We were worried about your lack of experience with children.',
      'Your answers did not show what you personally did.',
      'The reason was your salary expectation.',
      'No reason was given by the panel.',
    ]) {
      expect(isRuledOut(text), text).toBe(false);
    }
  });
});

describe('justifiesRuleOut', () => {
  it('is true for a clause that explains the rule-out before it', () => {
    expect(justifiesRuleOut(' since the job is fully remote.')).toBe(true);
    expect(justifiesRuleOut('as the train strike held up several candidates')).toBe(true);
    expect(justifiesRuleOut('your answers lacked examples')).toBe(false);
  });
});

describe('rule-outs in a segment', () => {
  it('drops the rule-out and its justification and keeps the reason', () => {
    const text = 'Location was not a problem for us, since the job is fully remote, but your answers lacked examples.';
    const a = analysePraise(text);
    expect(a.reasonText).toBe('your answers lacked examples.');
  });

  it('takes the rest of the list a rule-out began with it, but not a reason after it', () => {
    expect(analysePraise("The outcome wasn't influenced by your degree, the aptitude test or your notice period.").praiseOnly).toBe(true);
    expect(continuesList('the aptitude test or your notice period.')).toBe(true);
    expect(continuesList('your answers lacked examples or detail')).toBe(false);
    expect(continuesList('the lack of examples')).toBe(false);
    expect(analysePraise('Your degree was not the issue, the presentation or the case study was.').reasonText).toBe(
      'the presentation or the case study was.',
    );
  });

  it('leaves nothing to score when the whole sentence rules a theme out', () => {
    expect(analysePraise('This is no reflection on your interview.').praiseOnly).toBe(true);
    expect(analysePraise('Please know this isn’t about your grades.').praiseOnly).toBe(true);
  });
});

describe('a rule-out that points back', () => {
  it('takes the part it points at with it', () => {
    const text = 'Your emails and calls with us were perfectly casual, so please don’t worry about that, but your examples were thin.';
    expect(analysePraise(text).reasonText).toBe('your examples were thin.');
  });

  it('leaves the part before alone when the rule-out is about something else', () => {
    expect(analysePraise('Your examples were thin, and salary was not a factor.').reasonText).toBe('Your examples were thin');
  });

  it('points back past a short aside to the topic', () => {
    const late =
      "She told us security wouldn't let her up and that's why she was fifteen minutes late - completely understood, and it didn't factor in.";
    expect(analysePraise(late).praiseOnly).toBe(true);
    expect(analysePraise('Your commute from Croydon was raised by you, not us, and it made no odds.').praiseOnly).toBe(true);
    // Only a pointer back skips an aside; an aside with a verb of its own is a part of its own.
    expect(analysePraise('You were late, not ideal, and salary was not a factor.').reasonText).toBe('You were late, not ideal');
    expect(asidesBefore(['You were late', 'that was fair', "and it didn't factor in"], 2)).toBe(0);
    expect(asidesBefore(['You were late', 'not us', "and it didn't factor in"], 2)).toBe(1);
    expect(asidesBefore(['not us', "and it didn't factor in"], 1)).toBe(0);
  });

  it('points back past two short asides, setting both aside with the topic', () => {
    const late = "You were fifteen minutes late, completely understood, no fuss, and it didn't factor in.";
    expect(analysePraise(late)).toMatchObject({ praiseOnly: true, reasonText: '' });
  });
});

describe('reportsDoubt', () => {
  it('finds a worry or question reported for the next sentence to answer', () => {
    expect(reportsDoubt('I know you were worried that the login problem might have told against you.')).toBe(true);
    expect(reportsDoubt('I asked if it was because I had not heard of their parent company.')).toBe(true);
    expect(reportsDoubt('You may be wondering whether your degree class mattered.')).toBe(true);
    expect(reportsDoubt('We were worried about your availability.')).toBe(false);
    expect(reportsDoubt('You asked good questions at the end.')).toBe(false);
  });
});

describe('more rule-outs', () => {
  it.each([
    'Being five minutes late made no difference to our decision.',
    'Your degree result played no part in this.',
    "Please don't think this is about whether you'd fit in here.",
    'Not having a CSCS card yet was a non-issue; we sort that for new starters.',
    'Your GPA was a total non-factor.',
  ])('"%s"', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it('reads a noun denied by its own prefix, but not a non-starter, which is the reason', () => {
    expect(isRuledOut('Your salary expectation was a non-starter for this budget.')).toBe(false);
  });
});

describe('rule-outs as a verdict on a topic', () => {
  it.each([
    'Your cover letter was the least of our worries.',
    "Your lack of a car didn't enter the equation.",
    'how u dressed wasnt even on our radar',
    'Your examples were hardly the weak link',
    "so please don't go thinking that was it",
    "The assessment day result isn't why",
  ])('"%s" rules its theme out', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it('takes a bare topic labelled with a verbless verdict with it, but not a shortfall or a clause', () => {
    expect(analysePraise('Visa - no issue.').praiseOnly).toBe(true);
    expect(analysePraise('Motivation: no concerns. ').praiseOnly).toBe(true);
    expect(analysePraise('Python weak - no issues with attitude').reasonText).toBe('Python weak');
    expect(analysePraise('Python skills, no issues').reasonText).toBe('Python skills');
    expect(analysePraise('You lacked examples - no issue with the rest').reasonText).toBe('You lacked examples');
  });

  it('takes a topic asked as a question with the verdict that answers it', () => {
    const [item] = segmentItems([
      { id: 'a', text: 'Your fit with the team? Never a worry. Your knowledge of safeguarding law? That is where we had doubts.' },
    ]);
    expect(item!.segments.map((s) => s.praiseOnly)).toEqual([true, true, false, false]);
  });
});

describe('a shortfall nobody judged the candidate to have', () => {
  it.each([
    'nobody thought you were underprepared fwiw',
    'At no point did the panel feel your answers were too long.',
    'Please do not think that your written English was lacking.',
    'We never found you under-qualified for the post.',
    // Nobody as the subject, in its other forms.
    'Not one of us questioned whether you had read the brief.',
    'Not a single assessor doubted your commitment.',
    'Never did anyone raise your notice period as a concern.',
    // A shortfall denied.
    "Your answers didn't lack for structure.",
  ])('"%s" rules its theme out', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it.each([
    // Judged so without a shortfall, it is the reason.
    'We did not feel you were ready for a team lead role.',
    'We did not think your examples were strong enough.',
    // The shortfall in a clause of its own is the reason too.
    "You didn't say much and your answers were too short.",
    'We were not sure and felt you were too junior.',
    'Not one of your answers had an example.',
    'Not once did you give an example.',
    'You lacked structure in your answers.',
  ])('"%s" does not', (text) => {
    expect(isRuledOut(text)).toBe(false);
  });
});

describe('more verdicts that rule a theme out', () => {
  it.each([
    'We did not have any reservation regarding your references.',
    "we've no quibble with ur degree",
    'Your notice period never came up in our discussions.',
    "Your portfolio wasn't among our reasons.",
    'Where you live was neither here nor there.',
    'The interview scores were neither a help nor a hindrance.',
  ])('"%s"', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it('keeps "neither… nor" that lists what the candidate lacked', () => {
    expect(isRuledOut('You had neither the experience nor the qualifications.')).toBe(false);
    expect(isRuledOut('Your answers were neither clear nor concise.')).toBe(false);
  });
});

describe('rule-outs read from their grammar', () => {
  it.each([
    // A "problem" noun denied, with degree words between.
    'Your postcode is not at all a constraint for this team.',
    'The notice period was never really a hurdle.',
    'References came back without a hitch.',
    // Where the decision came from, denied.
    "That's not where this decision came from.",
    "Your portfolio wouldn't be where I'd look for a reason.",
    'That was never what the outcome was about.',
    "that's not what held you back",
    'that was never going to be where it fell down',
    "The interview isn't where it went wrong.",
    // What was just said stands.
    "We wouldn't want you to think otherwise.",
  ])('"%s" rules its theme out', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it.each([
    'Your answers were not what we were looking for.',
    "Your SQL isn't where we need it to be yet.",
    'The commute would be a real constraint on early starts.',
  ])('"%s" is the reason', (text) => {
    expect(isRuledOut(text)).toBe(false);
  });

  it('agrees with a rule-out where the grammar denies or belittles, and not otherwise', () => {
    expect(agreesWithRuleOut('Your degree class was not the sticking point.')).toBe(true);
    expect(agreesWithRuleOut('Your gap year was a side note, nothing more.')).toBe(true);
    expect(agreesWithRuleOut("Your CV wasn't the weak spot in the pack.")).toBe(true);
    expect(agreesWithRuleOut('You arrived late and seemed distracted.')).toBe(false);
  });

  it('takes a subjectless predicate with the subject before it', () => {
    expect(lacksSubject('is not the reason.')).toBe(true);
    expect(lacksSubject('we had other reasons')).toBe(false);
    expect(analysePraise('About your time in retail, for us it counts, is not the reason.').praiseOnly).toBe(true);
    expect(analysePraise('Your notice period, long as it is, was not a factor.').praiseOnly).toBe(true);
  });

  it('takes a clause across the turn with a rule-out that points back at it, unless the rule-out names its own topic', () => {
    expect(analysePraise("You'd barely heard of the company; that's not what held you back.").praiseOnly).toBe(true);
    expect(analysePraise('Your maths test was borderline; that was never what this was about.').praiseOnly).toBe(true);
    expect(analysePraise('Your answers were short; this is not about your CV.').reasonText).toBe('Your answers were short');
  });

  it('takes a count of the employer’s own people as the justification of a rule-out', () => {
    expect(justifiesRuleOut('we have plenty of staff who commute from Leeds')).toBe(true);
    expect(justifiesRuleOut('lots of the team live further out')).toBe(true);
    expect(justifiesRuleOut('we have concerns about your SQL')).toBe(false);
    expect(justifiesRuleOut('many of our staff have a degree you lack')).toBe(false);
    expect(analysePraise('Your location is not a constraint, we have many staff commuting from Thane.').praiseOnly).toBe(true);
  });

  it('takes a topic asked as a question with a verdict whose subject is left out', () => {
    const [item] = segmentItems([{ id: 'a', text: "The drive from Ely? Wasn't an issue for us. Your Excel was basic though." }]);
    expect(item!.segments.map((s) => s.praiseOnly)).toEqual([true, true, false]);
  });
});

describe('weight denied or slight, criticism denied, a fronted topic', () => {
  it.each([
    'The panel had not a bad word to say about your references.',
    'Your gap year counted for very little in the end.',
    'We hardly even considered the personality questionnaire.',
    'Where you studied cut no ice with the partners.',
    'Your accent was a plus, if anything.',
    'No alarm bells on your references.',
    'The notice period was never going to be what sank this.',
    "Please don't feel bad about that.",
  ])('"%s" rules its theme out', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it.each([
    'Your answers counted against you.',
    'You barely looked up from your notes.',
    'The panel had a few critical comments on your SQL.',
  ])('"%s" is the reason', (text) => {
    expect(isRuledOut(text)).toBe(false);
  });

  it('takes a fronted topic, and a bare "not why", with the rule-out', () => {
    expect(frontsTopic('Regarding your degree')).toBe(true);
    expect(frontsTopic('Regarding your degree we felt')).toBe(false);
    expect(frontsTopic('When it comes to your degree')).toBe(true);
    expect(isBareTopic("Hiring manager's comments")).toBe(true);
    expect(isBareTopic('Got feedback')).toBe(false);
    expect(isBareTopic('one two three four five six seven eight nine')).toBe(false);
    expect(analysePraise('As for your degree, there was no issue at all.').praiseOnly).toBe(true);
    expect(analysePraise('portfolio fine, not why').praiseOnly).toBe(true);
    expect(analysePraise('No concerns there, your references came across fine.').praiseOnly).toBe(true);
  });
});

describe('a belief the candidate is told not to hold', () => {
  it('rules out what it names, told to the candidate or negated over a decisive obstacle', () => {
    for (const text of [
      "Don't go thinking it was your nerves.",
      'Kindly don’t feel your notice period of 90 days was the hurdle',
      'Please do not assume that your degree was the problem',
      "We don't feel your accent was an issue",
    ])
      expect(isRuledOut(text), text).toBe(true);
  });

  it('keeps the writer’s own negated belief about the candidate as the reason', () => {
    for (const text of [
      "We don't think this is the right place for you",
      "we don't think it was your strongest answer",
      "We don't feel your answers were detailed enough",
    ])
      expect(isRuledOut(text), text).toBe(false);
    expect(justifiesRuleOut('we are used to that only')).toBe(true);
    expect(justifiesRuleOut("Everyone's nervous, we make allowances")).toBe(true);
    expect(justifiesRuleOut('Everyone else had the licence you lacked')).toBe(false);
  });
});

describe('rule-outs by the grammar of the obstacle denied', () => {
  it('reads a negated quantity or becoming of an obstacle, nothing to fault, no mention earned, nothing registered', () => {
    for (const text of [
      'Whether you would get on with the team was never so much as a flicker of doubt.',
      'Living out at Ipswich was never gonna be a dealbreaker',
      'Your accent never came within cooee of being a problem',
      'gave us nothing to quibble about',
      "didn't rate a mention",
      "the formatting stuff people stress about didn't register with anybody here",
      'loc/commute ruled out as factor per HM',
    ])
      expect(isRuledOut(text), text).toBe(true);
    for (const text of [
      "you didn't address our concerns",
      'we could not mention the problems with your CV',
      'you never became a team lead',
    ])
      expect(isRuledOut(text), text).toBe(false);
  });

  it('reads attention not paid, importance denied in our weighing, "those" pointing back and a clipped "prob"', () => {
    for (const text of [
      'That you came in jeans was neither noticed nor noted.',
      'The small mistakes in the German on your form, these our director did not even see.',
      'this for us is not important',
      "Your notice period isn't that important to us",
      'exp - plenty. not the prob',
    ])
      expect(isRuledOut(text), text).toBe(true);
    for (const text of [
      'you were neither trained nor qualified for the ward',
      'you did not see the point of the exercise',
      'your experience is not relevant to this role',
      'getting on with the crew = the prob',
    ])
      expect(isRuledOut(text), text).toBe(false);
    expect(refersBack('so those were never the snag')).toBe(true);
    expect(
      analysePraise("Client confirms they'd already built the rota round his part-time hours, so those were never the snag.").praiseOnly,
    ).toBe(true);
  });

  it('finds the subject of a predicate split from it by a parenthetical', () => {
    expect(lacksSubject('gave us nothing to quibble about')).toBe(true);
    expect(lacksSubject('not the weak link', ['Your homework on us was', 'shall we say'])).toBe(true);
    expect(lacksSubject('not because of the work', ['you chose us only because of the location'])).toBe(false);
    expect(analysePraise('Your homework on us was, shall we say, not the weak link.').praiseOnly).toBe(true);
    expect(analysePraise('You chose us only because of the location, not because of the work.').praiseOnly).toBe(false);
  });
});

describe('rule-outs put first, read into, costing nothing, or only emphasised', () => {
  it('reads a subject after a negative put first as nobody', () => {
    expect(isRuledOut('Not for one moment did the panel doubt you wanted this job.')).toBe(true);
    expect(isRuledOut("Not for one minute did we think you'd be a poor fit.")).toBe(true);
    expect(isRuledOut('Not for one moment did the panel see any evidence of planning.')).toBe(false);
  });

  it('reads nothing to be read into it, a weight barely counted, and a cost of nothing as rule-outs', () => {
    expect(isRuledOut("Wouldn't read anything into the group task")).toBe(true);
    expect(isRuledOut('it barely rated in the final tally')).toBe(true);
    expect(isRuledOut('That shaky first answer cost you precisely zero points.')).toBe(true);
    expect(isRuledOut('That shaky first answer cost you the post.')).toBe(false);
    expect(isRuledOut("Please don't think this came down to your presentation")).toBe(true);
  });

  it('lets a word of emphasis carry a rule-out on', () => {
    expect(analysePraise('Not a deciding factor - not a factor of any kind, in fact.').praiseOnly).toBe(true);
    expect(analysePraise('Nothing you did wrong, honestly.').praiseOnly).toBe(true);
    expect(analysePraise('Your examples were thin, honestly.').praiseOnly).toBe(false);
  });
});

describe('topics left out of the scoring', () => {
  it('reads a topic set down as not scored as left out, and "N/A" alone as nothing written', () => {
    expect(leftUnscored('Appearance/punctuality: N/A - not scored')).toBe(true);
    expect(leftUnscored('commute - n/a, not scored')).toBe(true);
    expect(leftUnscored('Reason: N/A')).toBe(false);
    expect(leftUnscored('Your answers on safety were weak and were not scored')).toBe(false);
    expect(analysePraise('Appearance/punctuality: N/A - not scored').praiseOnly).toBe(true);
  });
});

describe('attention not paid, and a differentiator denied', () => {
  it('reads what went unremarked or unnoticed as a rule-out, and "not a differentiator" as "not a factor"', () => {
    expect(isRuledOut("Your CV's length went entirely unremarked by the shortlisting panel.")).toBe(true);
    expect(isRuledOut('above the pass mark, not a differentiator')).toBe(true);
    expect(isRuledOut('Your CV left the panel unimpressed.')).toBe(false);
    expect(isRuledOut('Nobody so much as mentioned the way you speak.')).toBe(true);
    expect(isRuledOut('honestly, not one of us could tell you now what you wore.')).toBe(true);
    expect(isRuledOut('The panel mentioned the way you speak.')).toBe(false);
  });
});

describe('asksYesOrNo', () => {
  it('finds one question that is not a question word’s', () => {
    expect(asksYesOrNo("Two years in your father's shop after B.Com?")).toBe(true);
    expect(asksYesOrNo('Did the nerves show?')).toBe(true);
    expect(asksYesOrNo('Why sales?')).toBe(false);
    expect(asksYesOrNo('no idea apparently. why this role?')).toBe(false);
    expect(asksYesOrNo('Your notice period.')).toBe(false);
  });
});

describe('a ground across a semicolon', () => {
  it('takes what is usual among the employer’s people, after a rule-out and a semicolon, as its ground', () => {
    expect(statesWhatIsUsual('people here commute further.')).toBe(true);
    expect(analysePraise("Travel time from Wigan wasn't a worry for anyone on the panel; people here commute further.").praiseOnly).toBe(
      true,
    );
    expect(analysePraise("Salary wasn't an issue; the role needs a licence.").reasonText).toBe('the role needs a licence.');
  });
});

describe('a denial by "zero", a verb of concern denied, and a double negative nobody judged', () => {
  it.each([
    'Zero concern.',
    'zero issue with the commute',
    "Didn't trouble us.",
    'It never bothered the panel.',
    "No one on the panel felt you hadn't done your homework on us.",
  ])('"%s" is a rule-out', (text) => {
    expect(isRuledOut(text)).toBe(true);
  });

  it.each([
    'Read as not that bothered.',
    'they promised to ring me back with feedback and never bothered',
    'zero questions about the patients',
    "The panel felt you hadn't done your homework on us.",
  ])('"%s" is not', (text) => {
    expect(isRuledOut(text)).toBe(false);
  });

  it('takes "folks here" for what is usual among the employer\'s own people', () => {
    expect(statesWhatIsUsual('Folks here do worse every day.')).toBe(true);
  });
});

describe('what was just said, approved as it is', () => {
  it('sets the clause before aside with it; approval of something else stays', () => {
    expect(analysePraise("He'd emailed the recruiter three times asking for a status update, which is totally fine.").praiseOnly).toBe(
      true,
    );
    expect(analysePraise('He emailed the recruiter three times, which is why we withdrew him.').praiseOnly).toBe(false);
    expect(analysePraise('You told us you like close supervision, which is fine, just not here.').reasonText).toContain(
      'close supervision',
    );
    // Sympathy is not dismissal: the nerves still count.
    expect(analysePraise('You came across pretty nervous, which is totally understandable').praiseOnly).toBe(false);
  });
});

describe('a factor denied with a compound noun', () => {
  it('reads "not a decline factor" as "not a factor"', () => {
    expect(isRuledOut('not a decline factor')).toBe(true);
    expect(isRuledOut('was not a rejection factor for us')).toBe(true);
  });
});
