import { describe, expect, it } from 'vitest';
import { readComparison } from '../../src/classify/comparison.js';

const subjectOf = (text: string) => readComparison(text)?.subject;

describe('readComparison: the shapes a comparison with another candidate takes', () => {
  it.each([
    // The other candidate as the subject of what they had or did, wherever the clause starts.
    ['The other applicant had spent four years on a hospital ward.', 'had spent four years on a hospital ward'],
    ['Spoke to the manager - other finalist had 3 yrs in logistics vs cand 1', 'had 3 yrs in logistics'],
    ['Apparently the other person had run a warehouse before, so they chose him.', 'had run a warehouse before'],
    ['Both other two had managed budgets. he hasnt', 'had managed budgets'],
    ['all 4 on the shortlist ahead of her had taught A level', 'had taught A level'],
    ['The 3 other finalists both had more years in sales; ours is new to it.', 'both had more years in sales'],
    ['Top three all currently in senior posts; this one junior.', 'all currently in senior posts'],
    ['The others brought more experience of live events.', 'more experience of live events'],
    ['The appointee had six years in the charity sector.', 'had six years in the charity sector'],
    ['The internal candidate already knew the finance system well.', 'already knew the finance system well'],
    // A decision that picked someone, told by the indefinite person and what follows them.
    ['We interviewed a strong group and went with someone who had coached a squad before.', 'had coached a squad before'],
    ["They've hired a graduate who did a placement in the department; ours hasn't.", 'did a placement in the department'],
    ["We've gone with a chap who's been volunteering with us for three years.", 'been volunteering with us for three years'],
    ['We went with the other finalist, who had the exact retail background we needed.', 'who had the exact retail background we needed'],
    ['we choose other person with more experience in the warehouse', 'more experience in the warehouse'],
    ['We decided to move forward with a candidate who has more time in a busy A&E.', 'has more time in a busy A&E'],
    ["It's been decided to go with another candidate who's already running a similar team.", 'already running a similar team'],
    ['In the end we went with someone more senior.', 'more senior'],
    ['The other shortlisted profile had 6 years of client handling.', 'had 6 years of client handling'],
    ['internal bloke knew the suppliers already. no contest', 'knew the suppliers already'],
    ['The nurse we hired has been a ward sister for three years.', 'has been a ward sister for three years'],
    ['They have given the job to a man who has been running depots for a decade.', 'has been running depots for a decade'],
    ['A candidate who had already taught the syllabus applied, and the head preferred her.', 'already taught the syllabus applied'],
    ['Please note that candidate with prior payroll exposure has been selected.', 'prior payroll exposure'],
    ['Placed 4th. Behind the top three: all already team leaders.', 'all already team leaders'],
    // A contest lost, or a field stronger on something.
    ['You were pipped by someone who had already done the job elsewhere.', 'had already done the job elsewhere'],
    ['REJ - stronger candidate w/ 4 yrs in audit selected', '4 yrs in audit selected'],
    ['You were up against people who had done this for a decade.', 'had done this for a decade'],
    ['up against ppl w/ 3+ yrs running payroll', '3+ yrs running payroll'],
    ['This time we had a stronger field on stakeholder management.', 'stakeholder management'],
    ['The pool was simply deeper on commercial experience.', 'commercial experience'],
    // "…stronger than yours": what the other had comes before.
    ['Her written exercise was stronger than yours.', 'Her written exercise was'],
  ])('"%s" compares, with what the other had: "%s"', (text, subject) => {
    expect(subjectOf(text)).toBe(subject);
  });

  it('stops the subject where the other candidate’s clause ends', () => {
    expect(subjectOf('The other applicant had led a merger, which tipped it.')).toBe('had led a merger');
    expect(subjectOf('We appointed someone who has run a site of 200; you have run one of 20.')).toBe('has run a site of 200');
  });

  it('keeps a comparison with nothing said of the other candidate, without a subject', () => {
    expect(readComparison('The position has been filled by an internal candidate.')).toEqual({ subject: null, workHistory: false });
    expect(readComparison('Someone else got it.')).toEqual({ subject: null, workHistory: false });
    expect(readComparison('Look, it came down to you and one other, and the panel picked them.')).toEqual({
      subject: null,
      workHistory: false,
    });
    expect(readComparison('Came down to the two of you.')).toEqual({ subject: null, workHistory: false });
  });

  it('reads a decision that came down to the candidate and another only where nothing else names the other', () => {
    // The other candidate named later in the sentence gives the subject, not the contest before it.
    expect(subjectOf('It came down to two, and the other one had her forklift and first aid tickets.')).toBe(
      'had her forklift and first aid tickets',
    );
    expect(subjectOf("Came down to you and a fella who's done six years on a Pilbara site.")).toBe('done six years on a Pilbara site');
    expect(readComparison('It came down to your notice period in the end.')).toBeNull();
    expect(readComparison('It came down to her not having managed direct reports yet.')).toBeNull();
  });

  it.each([
    ['The other applicant had led a merger of two services.', true],
    ['We went with someone who had already done the job at a rival firm.', true],
    ["You were up against people who'd done this for a decade.", true],
    ['The successful candidate has been running a similar unit for a while.', true],
    ['Both other finalists had more years on the wards.', true],
    ['REJ - stronger candidate w/ 4 yrs in audit selected', true],
    ['The appointee had a background in retail banking.', true],
    ['We went with someone more senior.', true],
    ['The other applicant had done more research on our clients.', false],
    ['The successful candidate holds the CIPD Level 5.', false],
    ['Her written exercise was stronger than yours.', false],
    ['Another applicant clicked with the team and how they run things.', false],
    ['The nurse we hired has been a ward sister for three years.', true],
    ['The other finalist gave clearer examples of working under pressure.', false],
    ['Cand 3 ranked higher on years managing night shifts.', true],
    ['We chose a candidate who showed more enthusiasm for working in schools.', false],
    ['We went with someone who had done a year of college in plumbing.', false],
    ['We went with an applicant who already holds a Working with Vulnerable People card.', false],
    ['We went with someone who is working with refugees already.', true],
    // One already inside the employer: an internal appointment, not experience the candidate lacked.
    ['In the end the post went to a nurse already working on the ward on a fixed-term contract.', false],
    ['Another applicant was already working many years as site engineer for wind parks.', true],
  ])('"%s" says the other had more work history: %s', (text, workHistory) => {
    expect(readComparison(text)?.workHistory).toBe(workHistory);
  });

  it.each([
    'All candidates are assessed against the same criteria.',
    'We want to appoint someone who has led a team.',
    'We need someone who has already managed a team.',
    'You talked over two other candidates in the group task.',
    'After careful consideration, we have decided to pursue other candidates.',
    'We regret that other applicants whose experience better meets our needs have been shortlisted.',
    'You would be working with someone who has run the service for years.',
    'We would prefer a candidate with more confidence.',
    'A candidate who has this will be preferred.',
  ])('reads no comparison in "%s"', (text) => {
    expect(readComparison(text)).toBeNull();
  });
});

describe('readComparison: the one who got the job, named by a relative clause on any person noun', () => {
  it.each([
    ['the plumber who got it had his gas ticket already', 'had his gas ticket already'],
    ['Heard the lass they took on had two seasons on a dairy farm.', 'had two seasons on a dairy farm'],
    ['The teacher who was appointed has led a maths department for years.', 'has led a maths department for years'],
    ['the chap they went with knew the software inside out', 'knew the software inside out'],
  ])('"%s" compares, with what they had as its subject', (text, subject) => {
    expect(subjectOf(text)).toBe(subject);
  });

  it.each([
    'The recruiter who got back to me was lovely.',
    'The manager who took the call was apologetic.',
    'The answer that got the most marks was about budgeting.',
  ])('"%s" is no comparison', (text) => {
    expect(readComparison(text)).toBeNull();
  });
});
