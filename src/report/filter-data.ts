// What the report's filters need to redraw the page for a selection, embedded as JSON beside the
// chart data: the per-item facts, the theme definitions the cards show, and the quotes already on
// the page (tied to their item's position, with references only). One type for both sides.

import type { ItemFacts, Quote, ReportModel } from '../analyse/model.js';
import type { EngineInfo, Theme } from '../types.js';
import { own } from '../own.js';

export interface FilterQuote {
  /** Index of the quote's item in the facts. */
  item: number;
  quote: Quote;
}

export interface FilterData {
  facts: ItemFacts;
  minGroup: number;
  generatedAt: string;
  engine: EngineInfo;
  thresholdsSource: string;
  taxonomy: { source: string; themes: Theme[] };
  quotes: Record<string, FilterQuote[]>;
}

/** Null when the report has no facts (then it has no filters either). */
export function filterData(model: ReportModel): FilterData | null {
  const facts = model.facts;
  if (facts === null) return null;
  const quotes: Record<string, FilterQuote[]> = {};
  for (const theme of model.taxonomy.themes) {
    quotes[theme.id] = (own(model.quotes, theme.id) ?? []).map((quote) => {
      const number = facts.candidate[quote.position];
      // The page may show real ids when asked to; a filtered view never does.
      return {
        item: quote.position,
        quote: { ...quote, itemId: '', candidate: quote.candidate === null ? null : number > 0 ? facts.references[number - 1] : null },
      };
    });
  }
  return {
    facts,
    minGroup: model.options.minGroup,
    generatedAt: model.generatedAt,
    engine: model.engine,
    thresholdsSource: model.thresholdsSource,
    // Exemplars and cues are not shown on the page, so they are not embedded either.
    taxonomy: { source: model.taxonomy.source, themes: model.taxonomy.themes.map((theme) => ({ ...theme, examples: [], cues: [] })) },
    quotes,
  };
}
