import { describe, expect, it } from 'vitest';
import { overqualified, readsAsWorkHistory, readWorkHistory, speaksOfStaying } from '../../src/classify/work-history.js';

describe('readsAsWorkHistory: a requirement and the candidate’s record against it', () => {
  it.each([
    // A requirement for someone whose work history is named.
    'The panel needs someone who has already run a production line of this size.',
    'We were looking for a manager who had led a regional team through a merger.',
    'The client wants someone with a track record in grant funding.',
    // A requirement of time in work.
    'The brief asks for a minimum of 4 years in treasury operations.',
    'Req: 2 yrs post-qualification in family law',
    // The candidate's lesser record, set against it.
    'Your work so far has been for a single family business rather than a chain.',
    "You've only worked in cafes, and this is a hotel kitchen at full tilt.",
    'She has mostly done desk research; the post is fieldwork from day one.',
    'You have done reception cover only, so we could not shortlist.',
    "You've spent your career in small charities, and we are a national body.",
    'All her schools have been in the independent sector.',
    'His background is mainly from logistics firms and we are a retailer.',
    'Her placements have been care homes rather than acute wards.',
    'You work only with teenagers so far, and this is a nursery.',
    'REJ - all residential lets on CV, role is block management',
    // A requirement in non-native English, with "which".
    'The director prefer candidate which already worked in a laboratory.',
    // More work than the candidate has, put as what the role needs or requires.
    'The post needs somebody a good deal further along in contract negotiation.',
    'We felt the role calls for a bit more time actually managing a rota.',
    'For this job is required some more practice of running audits alone.',
    'Rather more exposure to board reporting would be needed for this post.',
    'The partners are looking for someone more senior for the team lead seat.',
  ])('reads work history in "%s"', (text) => {
    expect(readsAsWorkHistory(text)).toBe(true);
  });

  it.each([
    // A requirement of a certificate, a skill or a way of working names no work history.
    'We need someone who holds a current forklift licence.',
    'The team wants someone who is comfortable with ambiguity.',
    'We were hoping to hire someone who is set on a career here.',
    // A residency, a notice period or a missing part of a form is not time in work.
    'Security clearance needs five years’ UK residency.',
    'The last 3 years of your employment history were missing from the form.',
    // The candidate's papers, not their record.
    'Your application has been on hold while we checked references.',
    // What the candidate says or knows is not their work record.
    'Your examples were all from one summer job and said little about your part.',
    'Your skills are mostly in Java, and we build in Go.',
    'Your interest was in the design side rather than the client work.',
    // More time to decide or prepare, more examples or practice at answering, are not work history.
    'We need a bit more time to decide, and will write by Friday.',
    'Your answers needed more examples of what you did yourself.',
    'The panel wanted more practice at structuring answers before the final round.',
    // A notice period said either way round, a second attempt at a slot, a time of arrival, a way of answering.
    'The position needs a person who can start on 1 March and your notice is three months.',
    'no show 1st time, came 2nd time 15 min late.',
    'You appeared at reception at 11:05 although the slot was 10:00, and no message came from you before.',
    'Your mock segment was very stiff - you sounded like you were reciting rather than talking to viewers.',
  ])('does not in "%s"', (text) => {
    expect(readsAsWorkHistory(text)).toBe(false);
  });
});

describe('readsAsWorkHistory: a move of setting or sector', () => {
  it.each([
    'Coming from a global consultancy, you may find our lack of process hard.',
    "You're coming from a head-of title and this is a hands-on analyst job.",
    'As someone from a purely academic background, the commercial pace would be new to you.',
    'Setting: hospital only, role is community based',
    'You came from big bank with many layers, here everybody decide together.',
  ])('reads work history in "%s"', (text) => {
    expect(readsAsWorkHistory(text)).toBe(true);
  });

  it.each([
    'You would be coming from Leeds each day, which is a long commute.',
    'Switching to a four-day week is not possible in this team.',
    'You came from home by train and were on time.',
  ])('does not in "%s"', (text) => {
    expect(readsAsWorkHistory(text)).toBe(false);
  });
});

describe('readsAsWorkHistory: work not yet done, and time in a setting', () => {
  it.each([
    "You haven't done much contract negotiation before.",
    'He has not done enough in a regulated environment.',
    'You never was managing a team before.',
    'Your CV does not show any time in a warehouse role.',
    'No background in the charity sector.',
    'no experience running a till on your own',
  ])('reads work history in "%s"', (text) => {
    expect(readsAsWorkHistory(text)).toBe(true);
  });

  it.each(["You hadn't done any research on our products.", 'You had not done enough reading on the case study.'])(
    'does not in "%s" (preparation)',
    (text) => {
      expect(readsAsWorkHistory(text)).toBe(false);
    },
  );
});

describe('overqualified and staying', () => {
  it('reads overqualified or too senior as work history', () => {
    expect(overqualified('Frankly over-qualified for a band 3 post.')).toBe(true);
    expect(readsAsWorkHistory('They felt you were too senior for the grade.')).toBe(true);
    expect(overqualified('You are not yet qualified for this post.')).toBe(false);
  });

  it('reads a level apart as work history', () => {
    expect(readsAsWorkHistory('They said I was too junior for the post.')).toBe(true);
    expect(readsAsWorkHistory('A band 8 applying for a band 6 post would soon be bored.')).toBe(true);
    expect(readsAsWorkHistory('You hold a Level 2 and the post needs a Level 3.')).toBe(false);
  });

  it('reads how long the candidate would stay as commitment unless work is named', () => {
    expect(speaksOfStaying("We need people who'll be around for the whole contract.")).toBe(true);
    for (const text of [
      "They need someone for at least two years, so it's a no.",
      "The super wants people who'll still be here in three years.",
      'They want someone for the long haul.',
      'We are looking for a person for the whole year.',
      'You want to stay only for the summer season and then go back to study.',
      'Management is looking for someone who will continue with us for minimum 2 to 3 years.',
    ])
      expect(speaksOfStaying(text), text).toBe(true);
    expect(speaksOfStaying('We need someone with at least two years in a similar role.')).toBe(false);
    expect(speaksOfStaying('She has five years in retail and would stay for the long haul.')).toBe(false);
    expect(speaksOfStaying('Overqualified, and she would leave within a year.')).toBe(false);
  });
});

describe('readWorkHistory: no missing qualification in work history, staying or driving with no qualification named', () => {
  it.each([
    "You've only worked in cafes, and this is a hotel kitchen at full tilt.",
    'She told us she would leave once her place on the masters comes through.',
    'The van round needs a full UK licence and you have an automatic one.',
  ])('names no missing qualification in "%s"', (text) => {
    expect(readWorkHistory(text, false).noQualification).toBe(true);
  });

  it.each([
    // A qualification named by a word, a level or its letters keeps the theme possible.
    'No PRINCE2, and you have only worked on small projects.',
    'The post needs a Level 3 and two years in a nursery; you have neither.',
    'Without a B.Sc and with only a year in the lab, it is too early.',
    'You need a forklift licence as well as your own car.',
    // A sentence that is not about work history, staying or driving.
    'Your answers lacked detail.',
  ])('leaves it possible in "%s"', (text) => {
    expect(readWorkHistory(text, false).noQualification).toBe(false);
  });

  it('leaves it possible where a missing skill was read', () => {
    expect(readWorkHistory("You've only worked with spreadsheets, no SQL.", true).noQualification).toBe(false);
  });
});
