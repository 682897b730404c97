// A sentence in which the candidate asks or worries about something says no conduct of theirs: "Cand asked if being ten mins
// late mattered - client says…, zero weight", "He asked about arriving five minutes after the time on
// his letter", "His worry was that the manager walking out mid-interview was about him", "He ask me if
// the receptionist was angry because of him". Who asks is the candidate; what they ask is the topic
// of an answer, not a finding, however the reader hears it. Conduct said outside the question ("Turned
// up late and asked if…", "…asked if being late mattered; it did, and he was curt with reception")
// is read as it stands.

import { speaksOfConduct } from './conduct.js';
import { straightenQuotes } from './lexical/text.js';

// The candidate in the third person may ask someone ("He ask me if…"); "I" or "you" only ask outright:
// "I asked him about the lateness" is the employer's side asking.
const THIRD = String.raw`(?:he|she|cand|candidate|applicant)`;
const ASKED = String.raw`(?:(?:had|has|also|then|just|later|first)\s+)?(?:asked|ask|asks|asking|wondered|wonders|wondering|queried|(?:was|were|is|am|'m)\s+(?:worried|concerned|anxious))`;
// A note with its writer left out, asking of someone whether it was the writer's doing: "Point-blank
// asked the recruiter whether turning up in jeans sank me".
const OWN_NOTE_ASKS = String.raw`^\W*(?:[\w-]+\s+)?(?:asked|queried)\s+(?:[\w'-]+\s+){0,3}?(?:if|whether)\b(?=[^.;!?]*\b(?:me|my|i)\b)`;
const REPORTED_QUESTION = new RegExp(
  String.raw`\b${THIRD}\s+${ASKED}(?:\s+(?:me|us))?\s+(?:if|whether|about|that)\b|\b(?:i|you|u)\s+${ASKED}\s+(?:if|whether|about|that|what|why|how)\b|${OWN_NOTE_ASKS}|\b(?:his|her|my|your|their)\s+(?:worry|concern|fear|question)\s+(?:was|is)\s+(?:that|whether|if)\b`,
  'i',
);
// The question's clause ends at a stop, a semicolon or a dash.
const CLAUSE_END = /[.;!?\u2013\u2014]|\s-\s/;

/** Whether a sentence reports a question or worry of the candidate's and speaks of no conduct outside it. */
export function asksOfOwnConduct(text: string): boolean {
  const plain = straightenQuotes(text);
  const asked = REPORTED_QUESTION.exec(plain);
  if (!asked || asked.index === undefined) return false;
  // Written to the candidate, a he or she who asks is someone else: "…because you argued with our
  // manager when she asked about the gap in your CV".
  if (/^(?:he|she)\b/i.test(asked[0]) && /\byou\b/i.test(plain.slice(0, asked.index))) return false;
  const after = plain.slice(asked.index + asked[0].length);
  const end = CLAUSE_END.exec(after);
  const rest = end ? after.slice(end.index) : '';
  return !speaksOfConduct(plain.slice(0, asked.index)) && !speaksOfConduct(rest);
}
