// Who a clause's subject is (the candidate, the writer, the employer's side, the other applicants,
// the job), read from its first content word: grammar the clause-role reader is told about
// (grammar.ts), and what the rules of reading ask of who a "not even" is said of (rule-outs.ts).

import { words } from '../lexical/text.js';

export type Subject = 'candidate' | 'writer' | 'employer' | 'others' | 'job' | 'nobody' | null;

// Words that open a clause before its subject: connectives, fillers and subordinators.
const OPENERS = new Set(
  (
    'but however though although and so also just only unfortunately sadly regrettably honestly frankly overall still yet plus then ' +
    'ok okay well look again while whereas because as since if when where once even really basically clearly obviously ' +
    'that which who sure certainly'
  ).split(' '),
);
const DETERMINERS = new Set('the a an this that these those one some any each every all both'.split(' '));
const CANDIDATE = new Set(
  'you your yours yourself u ur he she his her him himself herself candidate cand applicant interviewee student'.split(' '),
);
const WRITER = new Set('i my me myself'.split(' '));
const EMPLOYER = new Set(
  (
    'we our us they their them panel panellists panelists interviewer interviewers recruiter recruiters recruitment hr company ' +
    'employer agency manager managers hiring team assessor assessors client firm organisation organization receptionist ' +
    'reception business school hospital trust board director partner partners staff'
  ).split(' '),
);
const OTHERS = new Set(
  'other others another someone somebody successful appointee appointed winner finalist finalists rest hire hired shortlist'.split(' '),
);
const JOB = new Set('role job position post vacancy shift shifts hours rota work placement programme program contract'.split(' '));
const NOBODY = new Set('nobody noone none neither nothing'.split(' '));

/** Who a clause's subject is: read from its first content word after openers and determiners. */
export function subjectOf(clause: string): Subject {
  return subjectOfWords(words(clause));
}

/** `subjectOf` for a clause's word tokens (`words`), which the reader has already. */
export function subjectOfWords(tokens: readonly string[]): Subject {
  const i = firstContentWord(tokens);
  const first = tokens[i];
  if (first === undefined) return null;
  if (first === 'no' && tokens[i + 1] === 'one') return 'nobody';
  if (NOBODY.has(first)) return 'nobody';
  // A possessor names who the subject belongs to: "your answers", "the panel's view", "their process".
  if (CANDIDATE.has(first)) return 'candidate';
  if (WRITER.has(first)) return 'writer';
  if (OTHERS.has(first)) return 'others';
  if (EMPLOYER.has(first)) return 'employer';
  if (JOB.has(first)) return 'job';
  return null;
}

/** Where a clause's first content word is, past openers and determiners: the token count when it has none ("Honestly, not even…" before its negation). */
export function firstContentWord(tokens: readonly string[]): number {
  let i = 0;
  while (i < tokens.length && (OPENERS.has(tokens[i]!) || DETERMINERS.has(tokens[i]!))) i++;
  return i;
}
