// Deterministic synthetic feedback exports for benchmarks: rows of 1–4 sentences built from a
// grammar of openers, reasons and closings with many fillers, so most reason sentences are
// distinct (as in real exports, where advisers and panels write their own words) while stock
// phrases repeat (as they do in real rejection letters).

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../src/random.js';

const SKILLS = [
  'SQL',
  'Python',
  'Excel modelling',
  'CAD',
  'stakeholder management',
  'copywriting',
  'data visualisation',
  'project planning',
  'Java',
  'financial analysis',
  'survey design',
  'budgeting',
];
const ROLES = [
  'graduate analyst',
  'marketing assistant',
  'junior engineer',
  'policy officer',
  'research assistant',
  'trainee accountant',
  'software developer',
  'account executive',
];
const STAGES = [
  'first interview',
  'final interview',
  'assessment centre',
  'telephone interview',
  'video interview',
  'online test',
  'application review',
];
const TEAMS = ['the panel', 'the hiring manager', 'our assessors', 'the team', 'the interviewers', 'we'];
const QUALIFIERS = [
  'at times',
  'in several answers',
  'especially early on',
  'throughout',
  'when questions got harder',
  'in the second half',
];
/** Optional lead-ins and tails: real feedback words the same point many ways. */
const LEADS = [
  '',
  '',
  '',
  'Unfortunately, ',
  'On reflection, ',
  'Overall, ',
  'To be candid, ',
  'In our view, ',
  'As discussed, ',
  'Compared with other candidates, ',
  'Looking at your interview as a whole, ',
  'Having reviewed our notes, ',
  'On this occasion, ',
  'Following the panel discussion, ',
  'From the interview notes, ',
  'Speaking frankly, ',
];
const TAILS = [
  '',
  '',
  '',
  ', and that was the main concern for the panel',
  ', which was the deciding factor',
  ' compared with the other shortlisted candidates',
  ', something we discussed at length afterwards',
  ' for a role at this level',
  ', and several panel members raised it',
  ', which is something you could work on',
  ' on this occasion',
  ' in a closely balanced decision',
];
const TOPICS = [
  'the question on teamwork',
  'the question about a difficult deadline',
  'the scenario question',
  'the question on leadership',
  'the question about a mistake you made',
  'the final question',
  'the opening question',
  'the question about conflict',
  'the question on prioritising work',
  'the question about customer service',
  'the technical question',
  'the question on change',
];

const REASONS: ((pick: <T>(xs: T[]) => T) => string)[] = [
  (p) => `${cap(p(TEAMS))} felt your answers sounded rehearsed ${p(QUALIFIERS)}.`,
  (p) => `You found it hard to keep eye contact with ${p(TEAMS)} ${p(QUALIFIERS)}.`,
  (p) => `Your answer to ${p(TOPICS)} stayed general, with no example of your own part in it.`,
  (p) => `In ${p(TOPICS)} you spoke for a long time without getting to the point ${p(QUALIFIERS)}.`,
  (p) => `Your answers tended to run on, which made it hard for ${p(TEAMS)} to follow them.`,
  (p) => `The role needs strong ${p(SKILLS)} and we did not see enough evidence of it.`,
  (p) => `Other applicants for the ${p(ROLES)} post had several more years in similar roles.`,
  (p) => `We were looking for someone with direct experience of ${p(SKILLS)} in a commercial setting.`,
  (p) => `When asked about ${p(SKILLS)}, you described what the team achieved rather than your own part.`,
  (p) => `Your examples lacked measurable results, so ${p(TEAMS)} could not judge your impact.`,
  (p) => `It was not clear why you wanted to be a ${p(ROLES)} with us in particular.`,
  (p) => `You did not seem to know much about our clients or recent projects before the ${p(STAGES)}.`,
  (p) => `Your CV did not reflect the ${p(SKILLS)} requirements listed in the advert for the ${p(ROLES)} role.`,
  (_p) => `The cover letter was generic and addressed to the wrong company.`,
  (p) => `Your score in the numerical reasoning test at the ${p(STAGES)} was below our benchmark.`,
  (_p) => `In the group exercise you struggled to build on other people's ideas.`,
  (p) => `We felt your preferred working style would not suit our small, fast-moving ${p(['team', 'office', 'department'])}.`,
  (p) => `The salary you asked for was above the budget for the ${p(ROLES)} position.`,
  (p) => `The post requires you to be on site in ${p(['Leeds', 'Bristol', 'Glasgow', 'Cardiff', 'Norwich'])} five days a week.`,
  (p) => `We appointed an internal candidate to the ${p(ROLES)} role.`,
  (_p) => `The field was exceptionally strong this year and the margins were very small.`,
  (p) => `You seemed nervous ${p(QUALIFIERS)}, which hid some of your strengths.`,
  (p) => `Your presentation at the ${p(STAGES)} overran and did not answer the brief.`,
];
const OPENERS = [
  'Thank you for your interest in the role.',
  'Thank you for attending the interview.',
  'We enjoyed meeting you.',
  'Thanks for taking the time to speak with us.',
];
const UNINFORMATIVE = [
  'Unfortunately you have not been successful on this occasion.',
  'We have decided not to progress your application further.',
  'After careful consideration we will not be taking your application forward.',
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface SyntheticRow {
  id: string;
  candidate: string;
  cohort: string;
  stage: string;
  date: string;
  feedback: string;
}

/** Rows of 1–4 sentences, mixed lengths, in a realistic (unsorted) order. */
export function* syntheticRows(count: number, seed = 42): Generator<SyntheticRow> {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const cohorts = ['BSc Computer Science', 'MA Marketing', 'BA History', 'MEng Civil Engineering', 'Graduate Skills Programme'];
  const candidates = Math.max(1, Math.floor(count / 2.5));
  for (let i = 0; i < count; i++) {
    const sentences: string[] = [];
    const length = 1 + Math.floor(random() * 4);
    if (length > 1 && random() < 0.4) sentences.push(pick(OPENERS));
    while (sentences.length < length) {
      if (random() < 0.08) sentences.push(pick(UNINFORMATIVE));
      else {
        const lead = pick(LEADS);
        const reason = pick(REASONS)(pick);
        const body = lead ? reason.charAt(0).toLowerCase() + reason.slice(1) : reason;
        sentences.push(`${lead}${body.slice(0, -1)}${pick(TAILS)}.`);
      }
    }
    const month = 1 + Math.floor(random() * 10);
    const day = 1 + Math.floor(random() * 28);
    yield {
      id: `B${String(i + 1).padStart(7, '0')}`,
      candidate: `S${1000 + Math.floor(random() * candidates)}`,
      cohort: pick(cohorts),
      stage: cap(pick(STAGES)),
      date: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      feedback: sentences.join(' '),
    };
  }
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes a CSV export of `count` synthetic rows, streaming so 200k rows use little memory. */
export async function writeSyntheticCsv(file: string, count: number, seed = 42): Promise<void> {
  const out = createWriteStream(file);
  out.write('Response ID,Student ID,Programme,Application Stage,Date,Employer Feedback\n');
  for (const row of syntheticRows(count, seed)) {
    const line = `${[row.id, row.candidate, row.cohort, row.stage, row.date, row.feedback].map(csvField).join(',')}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
