// The job wanted for something other than the work: the pay, a visa, the commute, the hours, a perk
// ("said the short commute was the main draw", "only after the free gym membership", "the main
// reason for you is the visa and not the work", "more interested in the home office than in the job
// itself"). By the labels that is `motivation`, though its words lie near pay, hours and places
// (`logistics`). Read by grammar: what drew the candidate is named as the draw, or set against the
// work itself; a term the candidate cannot meet ("the hours are the problem") is not it.

import { straightenQuotes } from './lexical/text.js';

// The work itself, as what the candidate should have wanted.
const WORK = String.raw`(?:the\s+|this\s+|our\s+)?(?:actual\s+|day-to-day\s+)?(?:work|job|role|position|post|mission|teaching|project|domain|field|sector|profession|trade|career)`;
// What can draw someone to a job besides the work.
const PERK = String.raw`(?:money|pay|salary|package|hike|bonus|benefits|perks?|discount|membership|visa|permit|papers|location|commute|hours|holidays|title|weighting|remote|wfh|hybrid|home\s+office|onsite|flexibility|fifo|roster|training\s+budget|tuition|travel|uniform|glamour|car|allowance)`;

const DRAWN_BY = new RegExp(
  [
    // "the short commute was the main draw", "the main attraction for him", "the real pull"
    String.raw`\b(?:main|real|big|biggest|only|chief)\s+(?:draws?|attractions?|appeal|pull|selling\s+point)\b`,
    // "the main reason for you is the visa", "main reason you applied"
    String.raw`\b(?:main|real|only)\s+reason\s+(?:for\s+(?:you|him|her|them)\b|(?:you|he|she|they)\s+(?:want|wanted|applied|apply|are\s+applying))`,
    // "only after the free gym membership", "mainly in it for the money", "applying only for the onsite opportunity"
    String.raw`\b(?:only|mainly|mostly|just|purely|really)\s+(?:after|in\s+it\s+for|interested\s+in|keen\s+on|(?:applying|apply|applied|here|looking)\s+(?:\w+\s+)?for)\s+(?:the\s+|a\s+|your\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?${PERK}\b`,
    // "applying only for the onsite opportunity", "here mainly for the visa"
    String.raw`\b(?:applying|apply|applied|here|looking)\s+(?:only|mainly|mostly|just|purely)\s+for\s+(?:the\s+|a\s+|your\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?${PERK}\b`,
    // "more interested in the home office than in the job itself", "more keen on the surf than the job"
    String.raw`\bmore\s+(?:interested\s+in|keen\s+on|taken\s+with|about|into|excited\s+about)\s+[^.;!?]{1,60}?\s+than\s+(?:in\s+|about\s+|with\s+)?${WORK}\b`,
    // "… rather than the work itself", "and not the work in the laboratory", "not in the role as such"
    String.raw`\b(?:rather\s+than|and\s+not(?:\s+(?:in|for|about))?|not\s+(?:in|for|about))\s+${WORK}\s+(?:itself|as\s+such|in\s+the)\b`,
  ].join('|'),
  'i',
);

/** Whether a sentence says the candidate wants the job for something other than the work (`motivation`). */
export function drawnByOtherThanWork(text: string): boolean {
  return DRAWN_BY.test(straightenQuotes(text));
}
