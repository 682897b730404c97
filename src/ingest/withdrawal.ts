// A candidate who withdrew or declined was not rejected: an ATS status, outcome or disposition
// ("Withdrawn by Candidate", "Offer declined", "Accepted another offer", "Not interested"), or
// feedback that is the candidate's own word ("I withdrew because …"), marks a row that is no
// rejection, so it never reads as an employer who gave no reason and is worth a call. An employer
// withdrawing the post or declining the application is a rejection, and is not matched here;
// "No show" is the candidate's conduct in a rejection (the conduct theme), and not matched either.

import type { ColumnMapping } from '../types.js';
import { headerWords, normaliseHeader } from './header-words.js';
import { isPersonNameHeader, isStaffHeader } from './people.js';

/** Lower case, one kind of apostrophe and space; a hyphen inside a word is a space ("Self-withdrawn"). */
function normalise(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/(?<=\p{L})[-\u2010\u2011](?=\p{L})/gu, ' ')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PERSON = String.raw`(?:the )?(?:candidate|applicant|student)`;
const BY_PERSON = String.raw`by (?:the )?(?:candidate|applicant|student|self)`;
const AN_OFFER = String.raw`(?:the |our |an |their |my |this |job )?(?:job )?offer`;
const ELSEWHERE = String.raw`(?:(?:another|an? other|other|an alternative|a different|a better) (?:offer|job|role|position|post|opportunity)(?: elsewhere)?|(?:an? )?(?:offer|job|role|position|post) elsewhere)`;

/** What the candidate did, said of them: withdrew, declined an offer, took one elsewhere, lost interest. */
const CANDIDATE_ACT = [
  String.raw`withdr(?:ew|awn|aw)(?: (?:my |their |the |his |her |our )?(?:application|candidacy|interest)| from (?:the )?(?:process|recruitment|application))?`,
  String.raw`(?:decided|chose|opted|asked) to withdraw`,
  String.raw`pulled out`,
  String.raw`(?:declined|turned down|rejected|refused) ${AN_OFFER}`,
  String.raw`accepted ${ELSEWHERE}`,
  String.raw`(?:took|went with|chose) ${ELSEWHERE}`,
  String.raw`(?:is |was |am )?no longer interested`,
];
const ACT = `(?:${CANDIDATE_ACT.join('|')})`;

/** ATS vocabularies' words for it, a whole cell (or a cell's first part, before "-", ":", "(" …). */
const STATUS_FORMS = [
  // Withdrawn, Withdrew, Withdrawn by Candidate, Candidate withdrawn, Self-withdrawn, Withdrawal (candidate).
  String.raw`(?:self |${PERSON} )?withdr(?:ew|awn|awal)(?: (?:application|candidacy))?(?: ${BY_PERSON}| (?:candidate|applicant|student))?`,
  String.raw`${ACT}(?: ${BY_PERSON})?`,
  // Offer declined, Offer declined by candidate, Job offer turned down; never a bare "Declined".
  String.raw`(?:job )?offer (?:declined|turned down|refused|rejected by (?:the )?(?:candidate|applicant|student))(?: ${BY_PERSON})?`,
  String.raw`declined ${BY_PERSON}`,
  String.raw`${PERSON} declined(?: to (?:proceed|continue|attend)| (?:the |an |our |their )?(?:interview|invitation|invite)(?: to (?:interview|attend))?)?`,
  // Declined - candidate, Declined (candidate): who declined follows; a bare "Declined" is the employer's.
  String.raw`declined(?= ?[-–—:(/] ?(?:by )?(?:the )?(?:candidate|applicant|student|self)\b)`,
  String.raw`(?:${PERSON} )?dropped out(?: of (?:the )?(?:process|recruitment|application))?`,
  String.raw`offer accepted elsewhere`,
];
const STATUS = new RegExp(String.raw`^(?:${STATUS_FORMS.join('|')})(?=$|\s*[-–—:;,.!(/|])`);
/** What may follow the status: who did it, a reason of the candidate's own, or the withdrawal said again. */
const QUALIFIER = new RegExp(
  String.raw`^(?:${BY_PERSON}|(?:the )?(?:candidate|applicant|student|self)(?:'s (?:choice|request|decision))?|(?:personal|family|health) reasons|relocati(?:on|ng)|other)$`,
);
const SEPARATOR = /^\s*[-–—:;,.!(/|]+\s*/;
/** "Not interested": an ATS reason of the candidate's; in an employer's feedback it could be theirs. */
const NOT_INTERESTED = new RegExp(
  String.raw`^(?:${PERSON} )?not interested(?: in (?:the |this )?(?:role|position|job|post|offer|opportunity))?(?:$|\s*[-–—:;,.!(/|])`,
);

/** The employer's side: a post withdrawn or closed, an offer withdrawn, withdrawn by the employer. */
const EMPLOYER_SIDE =
  /\b(?:by (?:the )?(?:employer|company|client|organi[sz]ation|firm|business|recruiter|hiring manager|hiring team|us)\b|(?:employer|company|client|recruiter|we) (?:has |have |had )?(?:withdr|declin|pull)|(?:post|role|position|vacancy|job|requisition|req|opening|offer) (?:was |has been |had been )?(?:withdrawn|closed|filled|cancell?ed|pulled|rescinded))/;

/** A sentence that opens with the candidate withdrawing, said by them or of them, after an optional
 * label ("Note: "): "I withdrew because …", "Candidate withdrew – accepted another offer". */
const SAID_OF_CANDIDATE = new RegExp(
  String.raw`^(?:[a-z ]{0,20}: )?(?:i|${PERSON}) (?:have |has |had |then |eventually |finally )?${ACT}\b`,
);

/** An ATS status, outcome or disposition cell saying the candidate withdrew or declined. */
export function statusSaysWithdrawn(cell: string): boolean {
  const text = normalise(cell);
  if (text === '' || EMPLOYER_SIDE.test(text)) return false;
  return SAID_OF_CANDIDATE.test(text) || statusAlone(text) || NOT_INTERESTED.test(text);
}

/**
 * A status alone, or followed only by who did it, a reason of the candidate's own or the
 * withdrawal's own words ("Withdrawn – accepted another offer"). "Withdrawn - 40 min late to the site
 * visit" is an employer's note of a rejection for conduct, however it opens.
 */
function statusAlone(said: string): boolean {
  const status = STATUS.exec(said);
  if (status === null) return false;
  const rest = said
    .slice(status[0].length)
    .replace(SEPARATOR, '')
    .replace(/[\s.!)]+$/, '');
  return rest === '' || QUALIFIER.test(rest) || SAID_OF_CANDIDATE.test(rest) || STATUS.test(rest) || NOT_INTERESTED.test(rest);
}

/**
 * Feedback that says the candidate withdrew or declined: an ATS status written as the feedback
 * ("Withdrawn by Candidate"), a note about the candidate ("Candidate withdrew – accepted another
 * offer"), or the candidate's own ("I withdrew because …"). A bare "Not interested" is not enough
 * here: from an employer it is a rejection that gives no reason.
 */
export function feedbackSaysWithdrawn(text: string): boolean {
  const said = normalise(text);
  if (said === '') return false;
  if (SAID_OF_CANDIDATE.test(said)) return true;
  return !EMPLOYER_SIDE.test(said) && statusAlone(said);
}

/** Header words of the columns an ATS writes an application's outcome in ("Status", "Disposition reason"). */
const OUTCOME_WORDS = new Set(['status', 'outcome', 'disposition', 'result', 'decision', 'reason', 'stage', 'state']);
/** ...unless it names the employer's words ("Rejection reason", "Outcome notes"): a bare "Not interested" there is theirs. */
const FEEDBACK_WORDS = new Set(['rejection', 'feedback', 'comment', 'comments', 'note', 'notes', 'remarks']);

/** Where a row may say that the candidate withdrew: the feedback columns, and the outcome columns. */
export interface WithdrawalColumns {
  /** Read with `feedbackSaysWithdrawn`: the text column and the other feedback-like columns. */
  feedback: number[];
  /** Read with `statusSaysWithdrawn`: the stage column and any status, outcome or disposition column. */
  outcome: number[];
}

/**
 * `stages` are the stages named by feedback written a column per stage ("Round 1" of "Round 1
 * feedback"): a column named just that ("Round 1") holds that round's outcome, withdrawals included.
 */
export function withdrawalColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
  feedback: readonly number[],
  stages: readonly string[] = [],
): WithdrawalColumns {
  const outcome: number[] = [];
  const stageNames = new Set(stages.map(normaliseHeader));
  headers.forEach((header, column) => {
    if (header === mapping.date || isPersonNameHeader(header) || isStaffHeader(header)) return;
    const words = headerWords(header);
    if (words.some((word) => FEEDBACK_WORDS.has(word))) return;
    if (header === mapping.stage || stageNames.has(normaliseHeader(header)) || words.some((word) => OUTCOME_WORDS.has(word)))
      outcome.push(column);
  });
  return { feedback: [...new Set(feedback)].filter((column) => column >= 0), outcome };
}

/** The column of a row that says the candidate withdrew or declined, or null. */
export function withdrawalIn(fields: readonly string[], headers: readonly string[], columns: WithdrawalColumns): string | null {
  const found =
    columns.outcome.find((column) => statusSaysWithdrawn(fields[column] ?? '')) ??
    columns.feedback.find((column) => feedbackSaysWithdrawn(fields[column] ?? ''));
  return found === undefined ? null : headers[found]!;
}
