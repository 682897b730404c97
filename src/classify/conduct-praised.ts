// What praise or a wave of the hand falls on, when it falls on the candidate's own conduct. Conduct
// named only to praise it ("Your behaviour on the day could not have been more professional", "cand
// fine on the day - on time, polite", "my timekeeping and attitude on the trial were spot on", "dress
// fine. punctual.") is no finding of conduct; nor is conduct the sentence itself sets aside
// ("…so cand was seen late - not held against her at all", "reception flagged late arrival; HM says
// disregard"). Both are read from the sentence's clauses, not from its topic: a clause that names
// conduct and denies or faults anything, or conduct said in another clause ("On time, polite, but
// in a hoodie"), keeps it.

import { asksOfOwnConduct } from './asked-of-conduct.js';
import { speaksOfConduct } from './conduct.js';
import { conductOfAClass } from './conduct-job.js';
import { CONDUCT_IN_OTHER_WORDS } from './conduct-words.js';
import { straightenQuotes } from './lexical/text.js';

// Conduct named as a topic ("behaviour", "timekeeping", "dress"), or a virtue of it that is both topic
// and praise ("punctual", "polite", "on time").
const TOPIC =
  /\b(?:behaviou?r|conduct|timekeeping|punctuality|manners|attitude|dress|dressed|attire|appearance|demeanou?r|arrival|arrived|uniform|courtesy|grooming)\b/i;
// A virtue qualifying a noun is no praise of conduct: "a polite chaser", "Professional Engineer".
const VIRTUE =
  /(?<![-\w])(?:punctual|on\s+time|polite|courteous|respectful|well[-\s]mannered|well[-\s]presented|smartly\s+dressed|professional)\b(?=\s*$|\s+(?:to|with|throughout|and|or|on|at|in|from|all|during|the\s+whole)\b)/i;
// Praise of a topic named in its clause; idioms that deny a fault, not a virtue, are praise too.
const PRAISE_IDIOM =
  /\bcould(?:n't|\s+not)\s+have\s+been\s+(?:more|better|nicer)\b|\bnothing\s+to\s+fault\b|\bno\s+(?:issues?|problems?|concerns?|complaints?)\b|\bbeyond\s+reproach\b|\bfaultless\b/gi;
const PRAISE =
  /\b(?:fine|spot\s+on|impeccable|excellent|great|good|perfect|exemplary|immaculate|smart|lovely|first[-\s]class|all\s+good|ok|okay|appropriate|early|correct|yes|neat|tidy)\b/i;
// Anything denied or faulted in a clause that names conduct: it may be the finding.
const FAULT =
  /\b(?:not|no|never|nothing|without|n't|lack\w*|poor|bad|sloppy|casual|inappropriate|unprofessional|late|rude|too|could\s+have|should|concerns?|issues?|problems?|question\w*|although|except|more|less|enough|needs?|needed|wants?|wanted|someone|require\w*|expect\w*|improv\w*)\b|n't\b/i;
const TOPICS = new RegExp(TOPIC.source, 'gi');
const LABELLED_TOPIC = new RegExp(String.raw`(${TOPIC.source})\s*:\s*`, 'gi');
// Clauses: at punctuation, a spaced dash, or a turn ("but", "however").
const CLAUSE = /[,;:.!?()]+|\s[-\u2013\u2014]+\s|\b(?:but|however|though|yet|whereas)\b/i;

/** A virtue of conduct in a clause; one written with a capital inside it is a title ("Solutions Architect Professional"). */
function virtueIn(clause: string): boolean {
  const found = VIRTUE.exec(clause);
  return found !== null && (found.index === 0 || found[0][0] === found[0][0]!.toLowerCase());
}

/** Whether a sentence names the candidate's conduct only to praise it, and speaks of no conduct otherwise. */
export function conductOnlyPraised(text: string): boolean {
  // A score sheet's field and its verdict are one clause: "Arrived: 5 mins early - yes", "Dress: appropriate".
  const clauses = straightenQuotes(text)
    .replace(LABELLED_TOPIC, '$1 ')
    .split(CLAUSE)
    .map((c) => c.trim())
    .filter(Boolean);
  let praised = 0;
  for (const clause of clauses) {
    const virtue = virtueIn(clause);
    const named = TOPIC.test(clause) || virtue;
    if (!named) {
      if (speaksOfConduct(clause) || CONDUCT_IN_OTHER_WORDS.test(clause)) return false;
      continue;
    }
    const rest = clause.replace(PRAISE_IDIOM, ' ');
    const praise = rest !== clause || virtue || PRAISE.test(clause);
    // The topic itself is no conduct in other words: "Arrived: 5 mins early".
    if (!praise || FAULT.test(rest) || CONDUCT_IN_OTHER_WORDS.test(rest.replace(TOPICS, ' '))) return false;
    praised++;
  }
  return praised > 0;
}

// A clause that waves the sentence's conduct aside, naming no fault of its own: "not held against
// her at all", "HM says disregard", "zero weight". "We couldn't disregard that" weighs it.
const WAVED =
  /\b(?:not|never|wasn't|weren't)\s+(?:\w+\s+)?(?:held|counted|used)\s+against\b|(?<!\b(?:not|never|n't|couldn't|can't|cannot|didn't|won't)\s+)\bdisregard(?:ed)?\b|\b(?:zero|no)\s+weight\b/i;

/** Whether a sentence that speaks of conduct sets it aside in one of its own clauses. */
export function conductWavedAside(text: string): boolean {
  const plain = straightenQuotes(text);
  return WAVED.test(plain) && speaksOfConduct(plain);
}

/**
 * The candidate's conduct named but not found against them: asked about or worried over
 * (asked-of-conduct.ts), praised or waved aside in the sentence, or the conduct of a class of people
 * the job deals with (conduct-job.ts). `whole`: the sentence before its praise clauses were left out.
 */
export function ownConductNotFound(plain: string, whole: string): boolean {
  // Praise read in the whole sentence too, where praise clauses were left out of it: that also left out
  // the stops between the rest.
  const praisedInWhole = whole !== plain && conductOnlyPraised(whole);
  return asksOfOwnConduct(plain) || conductOnlyPraised(plain) || praisedInWhole || conductWavedAside(whole) || conductOfAClass(plain);
}
