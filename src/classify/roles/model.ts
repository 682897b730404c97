// The clause-role reader: what a clause does in rejection feedback, learnt from labelled clauses
// (data/eval/clause-roles.csv) rather than written as word patterns. Its input is the sentence
// model's vector of the clause, which knows praise, rule-outs and a candidate's complaint about an
// employer in wording no pattern lists, plus a few word-level signals (negation, the word rules'
// own verdicts, who is addressed). One logistic model per role, one against the rest; their
// probabilities are normalised to sum to one.

import { isPraiseClause } from '../favourable.js';
import { NEGATIONS, straightenQuotes, words } from '../lexical/text.js';
import { readsAsSilence } from '../reading.js';
import { isRuledOut } from '../rule-outs.js';
import { negatesVerdict } from '../negated-criticism.js';
import { logit, sigmoid, type LogisticModel } from '../head/logistic.js';
import { modelPart } from '../head/probe.js';
import { judgesNamedTopic, negatesPredicateWords, subjectOfWords, type Subject } from './grammar.js';

/**
 * What a clause does: gives a `reason` for the rejection, praises the candidate (`praise`), says
 * what was not the reason (`rule_out`), is the candidate's note about the employer's side
 * (`employer`: silence, delays, the interviewer's manners), or is a polite formula (`boilerplate`).
 */
export const CLAUSE_ROLES = ['reason', 'praise', 'rule_out', 'employer', 'boilerplate'] as const;
export type ClauseRole = (typeof CLAUSE_ROLES)[number];

/** Roles whose clauses give no evidence for a theme of the candidate's. */
export const NOT_A_REASON: readonly ClauseRole[] = ['praise', 'rule_out', 'employer'];

export interface RoleModels {
  /** Leading components of the engine's vector that are the sentence model's (normalised before use). */
  dims: number;
  standardise: { mean: number[]; sd: number[] };
  /** One model per role, in CLAUSE_ROLES order. */
  roles: LogisticModel[];
}

const CONTRAST = /\b(?:but|however|though|although|unfortunately|sadly|whereas)\b/i;
const SECOND_PERSON = /\b(?:you|your|yours|you're|you've|you'd|u|ur)\b/i;
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|me|my|myself)\b/i;
const THIRD_PERSON = /\b(?:he|she|him|her|his|candidate|applicant)\b/i;
const EMPLOYER_SIDE = /\b(?:they|them|their|recruiter|hr|interviewer|panel|company|employer|agency|manager)\b/i;

/** The word-level signals, by name; the role file lists them so a file from another version is refused. */
export const LEXICAL_SIGNALS: ReadonlyArray<[string, (text: string, tokens: string[]) => boolean]> = [
  ['negation', (_, tokens) => tokens.some((t) => NEGATIONS.has(t))],
  ['praise_rule', (text) => isPraiseClause(text)],
  ['rule_out_rule', (text) => isRuledOut(text)],
  ['negated_verdict', (text) => negatesVerdict(text)],
  ['silence_rule', (text) => readsAsSilence(text)],
  ['contrast', (text) => CONTRAST.test(text)],
  ['second_person', (text) => SECOND_PERSON.test(text)],
  ['first_person', (text) => FIRST_PERSON.test(text)],
  ['third_person', (text) => THIRD_PERSON.test(text)],
  ['employer_side', (text) => EMPLOYER_SIDE.test(text)],
  // Grammar (grammar.ts): who the subject is, a negated predicate, a topic named then judged.
  ...(['candidate', 'writer', 'employer', 'others', 'job', 'nobody'] as const).map(
    (who): [string, (text: string, tokens: string[]) => boolean] => [
      `subject_${who}`,
      (_, tokens) => subjectOfWords(tokens) === (who satisfies Subject),
    ],
  ),
  ['negated_predicate', (_, tokens) => negatesPredicateWords(tokens)],
  ['topic_judged', (text) => judgesNamedTopic(text)],
];

/** The features of one clause: its model vector (leading `dims` components, unit length), then the word signals. */
export function roleFeatures(vector: Float32Array, dims: number, text: string): number[] {
  const model = modelPart(vector, dims);
  const features = new Array<number>(dims + LEXICAL_SIGNALS.length);
  for (let d = 0; d < dims; d++) features[d] = model[d]!;
  const plain = straightenQuotes(text);
  const tokens = words(plain);
  LEXICAL_SIGNALS.forEach(([, signal], j) => {
    features[dims + j] = signal(plain, tokens) ? 1 : 0;
  });
  return features;
}

/** Probability of each role (CLAUSE_ROLES order) from a clause's raw features. */
export function roleProbabilitiesOf(models: RoleModels, features: readonly number[]): number[] {
  const { mean, sd } = models.standardise;
  const x = features.map((v, j) => (v - mean[j]!) / sd[j]!);
  const raw = models.roles.map((model) => sigmoid(logit(model, x)));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((p) => (total > 0 ? p / total : 1 / raw.length));
}

export function roleProbabilities(models: RoleModels, vector: Float32Array, text: string): number[] {
  return roleProbabilitiesOf(models, roleFeatures(vector, models.dims, text));
}

/**
 * The role a unit is read as, or null when the reader is unsure. "Not a reason" is one decision:
 * praise, rule-out and employer together reach `confidentAt` (the likeliest of them is the role),
 * since they are handled alike and a clause often sounds a little like two of them; otherwise a
 * reason or boilerplate that reaches it on its own.
 */
export function readRole(probabilities: readonly number[] | undefined, confidentAt: number): ClauseRole | null {
  if (!probabilities || probabilities.length !== CLAUSE_ROLES.length) return null;
  let mass = 0;
  let best: ClauseRole | null = null;
  CLAUSE_ROLES.forEach((role, r) => {
    if (!NOT_A_REASON.includes(role)) return;
    mass += probabilities[r]!;
    if (best === null || probabilities[r]! > probabilities[CLAUSE_ROLES.indexOf(best)]!) best = role;
  });
  if (mass >= confidentAt) return best;
  for (const role of ['reason', 'boilerplate'] as const) if (probabilities[CLAUSE_ROLES.indexOf(role)]! >= confidentAt) return role;
  return null;
}

/** The likeliest role, however unsure (for reports of the reader's accuracy). */
export function likeliestRole(probabilities: readonly number[]): ClauseRole {
  let best = 0;
  for (let r = 1; r < probabilities.length; r++) if (probabilities[r]! > probabilities[best]!) best = r;
  return CLAUSE_ROLES[best]!;
}

export function isNotAReason(role: ClauseRole | null): boolean {
  return role !== null && NOT_A_REASON.includes(role);
}
