import { straightenQuotes } from './lexical/text.js';

// The vacancy itself as what changed: filled, frozen, withdrawn, cancelled, on hold, no longer there.
const VACANCY_CHANGED =
  /\b(?:post|role|position|vacancy|job|opening|req|requisition|requirement|hire|hiring|recruitment)\b[^.;]{0,40}?\b(?:filled|frozen|withdrawn|cancell?ed|on hold|paused|pulled|scrapped|shelved|put on ice|no longer (?:available|exists|needed|required|going ahead))\b|\b(?:hiring|recruitment) (?:freeze|pause)\b/i;

/**
 * Whether a sentence says the vacancy itself changed ("Unfortunately the post has been filled",
 * "the requirement is cancelled from client side"): however much it sounds like a polite formula,
 * that is the reason (competition), not a decline that gives none.
 */
export function saysVacancyChanged(text: string): boolean {
  return VACANCY_CHANGED.test(straightenQuotes(text));
}
