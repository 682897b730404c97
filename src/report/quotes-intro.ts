// The themes section's words on how its quotes were chosen, true of the quotes this report holds.
import type { ReportModel } from '../analyse/model.js';

/**
 * How the quotes were chosen, as true of this report: each from a different candidate while a theme has
 * enough of them, but a theme heard from one or two is filled up with their other items, and an export
 * without candidate ids cannot tell whose a quote is.
 */
export function quotesIntro(quotes: ReportModel['quotes']): string {
  // Per theme, the candidates its quotes are known to be from.
  const whose = Object.values(quotes).map((theme) => theme.map((quote) => quote.candidate).filter((candidate) => candidate !== null));
  const base = 'Quotes are each theme’s highest-scoring items, never the same words twice';
  if (whose.every((candidates) => candidates.length === 0)) return `${base}.`;
  const repeats = whose.some((candidates) => new Set(candidates).size < candidates.length);
  return repeats
    ? `${base}, from different candidates while a theme has enough of them; a theme heard from fewer quotes one candidate more than once (the reference under each quote says whose it is).`
    : `${base}, each from a different candidate.`;
}
