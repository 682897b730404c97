// A candidate who withdrew or declined was not rejected: such rows go to rejects.csv with that
// reason, never to the themes or the list of employers to ask for a reason.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/index.js';
import { feedbackSaysWithdrawn, statusSaysWithdrawn, withdrawalColumns } from '../../src/ingest/withdrawal.js';
import { tempFiles } from './helpers.js';

const temp = tempFiles();

const WITHDREW = 'the candidate withdrew or declined: not a rejection';

describe('statusSaysWithdrawn: ATS statuses, outcomes and dispositions', () => {
  it.each([
    'Withdrawn',
    'WITHDRAWN.',
    'withdrew',
    'Withdrawn by Candidate',
    'Withdrawn - by candidate',
    'Withdrawn (Candidate)',
    'Self-withdrawn',
    'Candidate withdrew',
    'candidate_withdrew',
    'Candidate Withdrawn',
    'Withdrew application',
    'Declined offer',
    'Offer declined',
    'Offer Declined by Candidate',
    'Candidate declined offer',
    'Candidate declined',
    'Declined by candidate',
    'Turned down offer',
    'Not interested',
    'Candidate not interested',
    'No longer interested',
    'Accepted another offer',
    'Accepted an offer elsewhere',
    'Offer accepted elsewhere',
    'Withdrawn – accepted another offer',
    'Withdrawn - personal reasons',
    'Withdrawn: not interested',
    'Candidate declined interview',
    'Candidate declined the invitation to interview',
    'Declined - candidate',
    'Declined (candidate)',
    'Candidate dropped out',
    'Dropped out of the process',
  ])('%s is the candidate withdrawing or declining', (cell) => {
    expect(statusSaysWithdrawn(cell)).toBe(true);
  });

  it.each([
    'Declined',
    'Rejected',
    'Not progressed',
    // Not turning up is the candidate's conduct in a rejection (the conduct theme), not a withdrawal.
    'No show',
    'No-show',
    'Withdrawn by employer',
    'Withdrawn (by employer)',
    'Job withdrawn by company',
    'Position withdrawn',
    'Offer withdrawn',
    'Withdrawal of offer',
    'Role withdrawn - budget',
    'Candidate declined to provide references',
    'Not interested in your profile at this time',
    // An employer's note of a rejection for conduct, whatever word it opens with.
    'Withdrawn - 40 min late to the site visit, no call ahead',
    '',
  ])('%s is not', (cell) => {
    expect(statusSaysWithdrawn(cell)).toBe(false);
  });
});

describe('feedbackSaysWithdrawn: the whole feedback is the withdrawal', () => {
  it.each([
    'I withdrew because the start date clashed with my finals.',
    'I withdrew my application after the first interview.',
    'I decided to withdraw as the role was not what was advertised',
    'I declined their offer: the salary was too low.',
    'I accepted another offer before the final round.',
    'Note: I withdrew, the commute was too long',
    'The candidate withdrew because they relocated.',
    'Candidate has accepted another role elsewhere.',
    'Withdrawn by Candidate',
    'Withdrawn (candidate)',
    'Withdrawn – accepted another offer',
    'Offer declined',
  ])('%s', (text) => {
    expect(feedbackSaysWithdrawn(text)).toBe(true);
  });

  it.each([
    'The employer withdrew the post after a restructure.',
    'We withdrew the vacancy.',
    'The role was withdrawn after the restructure.',
    'We declined your application as the role needs a degree in English.',
    'Unfortunately we have decided to decline your application.',
    'Declined',
    'Withdrawn - 40 min late to the site visit, no call ahead',
    // From an employer, "Not interested" is a rejection that gives no reason (worth a call).
    'Not interested',
    'You were a strong candidate but another applicant accepted our offer.',
    'Other candidates had more experience; had you not withdrawn from the group task you might have scored higher.',
  ])('not: %s', (text) => {
    expect(feedbackSaysWithdrawn(text)).toBe(false);
  });
});

describe('withdrawalColumns', () => {
  it('reads the stage and any status, outcome or disposition column as an outcome, never a date, staff or feedback column', () => {
    const headers = [
      'Candidate ID',
      'Stage',
      'Status',
      'Disposition reason',
      'Rejection reason',
      'Outcome notes',
      'Decision date',
      'Recruiter',
      'Notes',
    ];
    const columns = withdrawalColumns(headers, { text: 'Notes', stage: 'Stage', date: 'Decision date' }, [8, 3, 5]);
    expect(columns.outcome.map((column) => headers[column])).toEqual(['Stage', 'Status', 'Disposition reason']);
    expect(columns.feedback.map((column) => headers[column])).toEqual(['Notes', 'Disposition reason', 'Outcome notes']);
  });

  it('reads a column named after a stage of feedback written a column per stage ("Round 2" beside "Round 2 feedback") as that round\'s outcome', () => {
    const headers = ['Student ID', 'Round 1', 'Round 1 feedback', 'Round 2', 'Round 2 feedback'];
    const columns = withdrawalColumns(headers, { text: 'Round 1 feedback' }, [2, 4], ['Round 1', 'Round 2']);
    expect(columns.outcome.map((column) => headers[column])).toEqual(['Round 1', 'Round 2']);
  });
});

describe('an export with an outcome and feedback column per round', () => {
  it('rejects a row whose round outcome says the candidate withdrew or declined, so it is never on the call list', async () => {
    const file = temp.write(
      'rounds.csv',
      [
        'Student ID,Employer,Round 1,Round 1 feedback,Round 2,Round 2 feedback',
        'S1,Acme,Passed,Good CV.,Withdrawn,',
        'S2,Beta,Candidate declined,,,',
        'S3,Gamma,Passed,Fine.,Failed,Not enough experience in retail.',
        'S4,Delta,Failed,,,',
      ].join('\n'),
    );
    const { items, rejects, dataRows } = await ingestFiles([file], { columns: {}, maxTextChars: 20_000 });
    expect(rejects.map((reject) => [reject.candidateIds?.[0], reject.reason])).toEqual([
      ['S1', WITHDREW],
      ['S2', WITHDREW],
    ]);
    expect(items.map((item) => item.candidate)).toEqual(['S3', 'S4']);
    expect(items.length + rejects.length).toBe(dataRows);
  });
});

describe('an ATS export with withdrawals (test/fixtures/exports/ats-withdrawals.csv)', () => {
  const fixture = fileURLToPath(new URL('../fixtures/exports/ats-withdrawals.csv', import.meta.url));

  it('rejects the rows where the candidate withdrew or declined, and keeps every rejection; a note says which columns said so', async () => {
    const { items, rejects, dataRows, files } = await ingestFiles([fixture], { columns: {}, maxTextChars: 20_000 });
    expect(rejects.map((reject) => [reject.candidateIds?.[0], reject.reason])).toEqual([
      ['C-2002', WITHDREW],
      ['C-2003', WITHDREW],
      ['C-2004', WITHDREW],
      ['C-2005', WITHDREW],
      ['C-2006', WITHDREW],
      ['C-2010', WITHDREW],
      ['C-2012', WITHDREW],
    ]);
    // A rejection with no reason, a no-show, a post the employer withdrew and an application it declined stay.
    expect(items.map((item) => [item.candidate, item.text])).toEqual([
      ['C-2001', ''],
      ['C-2007', 'No show'],
      ['C-2008', 'The employer withdrew the post after a restructure.'],
      ['C-2009', 'We declined your application as the role needs a degree in English.'],
      ['C-2011', 'Withdrawn by employer'],
    ]);
    expect(items.length + rejects.length).toBe(dataRows);
    expect(files[0].notes).toContain(
      '7 rows where the candidate withdrew or declined (said in "Status" 2, "Disposition reason" 4, "Notes" 1): not rejections, so not themed or listed to follow up; they are in rejects.csv',
    );
  });
});
