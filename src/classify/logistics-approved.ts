// `logistics` is the candidate's pay, place, hours, dates, papers or travel as the reason they were
// turned down. Named only to say it suited ("Your salary ask sat comfortably inside what we'd
// budgeted", "re salary - you were under budget if anything", "Your spring start date would have
// suited us perfectly well", "the holiday you've booked - we can work round that"), it is no reason.
// Read clause by clause, as conduct praised is (conduct-praised.ts): the sentence names such a term,
// some clause approves, and no clause faults or limits anything (a clause that is a rule-out aside).

import { straightenQuotes } from './lexical/text.js';
import { isRuledOut } from './rule-outs.js';

// The terms themselves, as a topic.
const TERM =
  /\b(?:salary|salaries|pay|paid|wage|wages|money|compensation|package|rate|notice(?:\s+period)?|commute|commuting|travel(?:l?ing)?|journey|start(?:ing)?\s+date|start|visa|sponsorship|right\s+to\s+work|work\s+permit|location|relocat\w*|hours|shifts?|rota|roster|availability|holiday|leave|days\s+in\s+the\s+office|hybrid|remote)\b/i;
// Said to suit: inside the budget or band, agreed, no trouble to anyone.
const APPROVED =
  /\b(?:(?:with)?in|inside|under|below|middle\s+of)\s+(?:(?:the|our|your|what\s+we(?:'d|\s+had)?)\s+)?(?:band|range|budget|budgeted|bracket|envelope)\b|\bunder\s+budget\b|\b(?:suited|suit|suits)\s+us\b|\b(?:agreed|settled|sorted|cleared|verified|confirmed|accommodated|approved|acceptable|absorbable|manageable|workable|doable)\b|\bwork\s+(?:round|around)\b|\b(?:fine|happy|okay|ok)\s+(?:by|with|for)\s+us\b|\bno\s+(?:bother|drama|dramas|trouble|flag|issue|problem|problems|worries)\b|\b(?:perfectly|entirely|completely)\s+(?:fine|happy|well|reasonable|ok|okay)\b/i;
const APPROVALS = new RegExp(APPROVED.source, 'gi');
// Anything that may be the finding: a shortfall, a limit, a condition or a turn.
const FAULT =
  /\b(?:not|never|nothing|without|can't|cannot|couldn't|wouldn't|won't|unable|only|too|over|above|higher|more|exceed\w*|beyond|outside|until|till|unless|but|however|though|although|except|needs?|needed|require\w*|must|want\w*|prefer\w*|part-time|full-time|far|away|long|difficult|hard|problem\s+(?:is|was)|issue\s+(?:is|was))\b|n't\b/i;
// Clauses: at punctuation, a spaced dash, or a turn.
const CLAUSE = /[,;:.!?()|]+|\s[-\u2013\u2014]+\s|\b(?:but|however|though|yet|whereas)\b/i;

/** Whether a sentence names the candidate's pay, place, hours, dates, papers or travel only to say they suited. */
export function logisticsOnlyApproved(text: string): boolean {
  const plain = straightenQuotes(text);
  if (!APPROVED.test(plain)) return false;
  const clauses = plain
    .split(CLAUSE)
    .map((c) => c.trim())
    .filter(Boolean);
  let approved = 0;
  for (const clause of clauses) {
    // "no trouble"/"no issue" deny nothing about the term, and "under budget" is no shortfall.
    const rest = clause.replace(APPROVALS, ' ');
    // Something faulted or limited anywhere may be the finding: "Salary within band, but you live too
    // far away"; a rule-out is not ("- that was never going to be where it fell down").
    if (FAULT.test(rest) && !isRuledOut(clause)) return false;
    // A term named with no verdict of its own is the topic the next clause judges: "re salary - …".
    if (APPROVED.test(clause)) approved++;
  }
  return approved > 0 && clauses.some((clause) => TERM.test(clause));
}
