// The field of applicants as the ground of a decline: its strength, its calibre or its size against
// the places ("We had a very strong field and have decided not to take your application further",
// "the calibre of applicants was exceptional", "1,140 apps for 12 places", "ranked sixth"). By the
// labelling conventions that is `competition`, a reason, however briefly or politely it is put; a
// decline that only names others ("we've decided to pursue other applicants") or a volume of
// applications with no number ("a very high number of applications") names none. Read by grammar:
// strength said of the field (as its adjective or its predicate), not of the writer's feelings
// about the people met ("we were impressed by the calibre of people we met").

import { COUNT_UP_TO_TEN, straightenQuotes } from './lexical/text.js';

const INTENSIFIER = String.raw`(?:(?:very|really|super|so|extremely|exceptionally|particularly|unusually|incredibly|genuinely|truly|highly|fiercely|especially|quite|such\s+an?|an?)\s+)*`;
const STRENGTH = String.raw`(?:strong|competitive|talented|impressive|excellent|exceptional|outstanding|high[- ]calibre|high[- ]quality|good|great|brilliant|deep|accomplished)`;
// The field itself, or the people in it as a plural (a single "strong candidate" is the candidate).
const FIELD_NOUN = String.raw`(?:field|pool|shortlist|short-list|bunch|cohort|line-?up|crop|set\s+of\s+(?:candidates|applicants|applications|finalists)|group\s+of\s+(?:candidates|applicants|people|finalists)|candidates|applicants|applications|apps|profiles|people|finalists|interviewees|cvs|resumes|contenders)`;
const FIELD_SUBJECT = String.raw`(?:field|pool|shortlist|competition|(?:calibre|standard)\s+of\s+(?:the\s+)?(?:field|candidates|applicants|applications|shortlist|finalists)|(?:other\s+)?(?:candidates|applicants|applications|finalists))`;
const NUMBER = String.raw`(?:\d[\d,]*|${COUNT_UP_TO_TEN}|a\s+single|only\s+(?:\d+|one|two|three|four|five|six))`;
const PLACES = String.raw`(?:places?|posts?|spots?|roles?|positions?|vacanc(?:y|ies)|seats?|jobs?|openings?|slots?|offers?|hires?)`;
const ORDINAL = String.raw`(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|bottom)`;

const FIELD_AS_GROUND = new RegExp(
  [
    // Strength as the field's adjective: "a very strong field", "many excellent applicants", "a
    // really strong bunch", "so many strong people"; not after a verb of the writer's feeling.
    String.raw`(?<!\b(?:impressed|pleased|delighted|struck|encouraged)\s+(?:with|by)\s+(?:the\s+)?(?:\w+\s+){0,2})\b${INTENSIFIER}(?:(?:many|lots\s+of|plenty\s+of|a\s+number\s+of|a\s+lot\s+of|several|numerous)\s+${INTENSIFIER})?${STRENGTH}\s+(?:and\s+\w+\s+)?${FIELD_NOUN}\b`,
    // Strength as the field's predicate: "the field was exceptionally strong", "the calibre of applicants was very high".
    String.raw`\b${FIELD_SUBJECT}\s+(?:was|were|is|are|has been|have been|proved|came out)\s+${INTENSIFIER}(?:${STRENGTH}|high|fierce|tough|stiff|tight|close)\b`,
    // Competition itself as hard: "stiff competition", "it was a very competitive process".
    String.raw`\b(?:stiff|fierce|tough|strong|intense|heavy|huge)\s+competition\b|\b(?:very|extremely|highly|fiercely|incredibly|really|super)\s+competitive\s+(?:process|round|year|field|pool|campaign|vacancy|role|post|scheme|intake)\b`,
    // Size against the places: "1,140 apps for 12 places", "over 300 applied for two spots", "more than 300, and we can only take one".
    String.raw`\b\d[\d,]*\+?\s+(?:\w+\s+){0,4}?(?:for|to fill|chasing|competing for|and\s+(?:only|just)|but\s+only|with\s+only)\s+${NUMBER}\s+(?:[\w-]+\s+){0,3}?${PLACES}\b`,
    String.raw`\b(?:more than|over|nearly|almost|around|some)\s+\d[\d,]*\b[^.;]{0,30}?\b(?:can|could)\s+only\s+(?:take|hire|appoint|offer|interview|shortlist|select|invite)\b`,
    // A place in the field: "you were ranked sixth", "she came 5th", "ranked outside the top 14".
    String.raw`\b(?:ranked|placed|came|finished|scored)\s+(?:${ORDINAL}|(?:just\s+)?(?:outside|below)\s+the\s+top)\b`,
  ].join('|'),
  'i',
);

/** Whether a sentence states the field's strength, calibre or size against the places, or the candidate's place in it. */
export function statesFieldAsGround(text: string): boolean {
  return FIELD_AS_GROUND.test(straightenQuotes(text));
}
