// The report for a selection of items, computed in the browser by the same analysis and section
// renderers that made the page, from the embedded facts alone.

import { analyse } from '../../analyse/index.js';
import type { ReportModel } from '../../analyse/model.js';
import { themesOfMask } from '../../analyse/facts.js';
import type { ClassifiedItem } from '../../types.js';
import type { FilterData } from '../filter-data.js';

export function filteredModel(data: FilterData, chosen: readonly number[]): ReportModel {
  const { facts } = data;
  const themeIds = data.taxonomy.themes.map((theme) => theme.id);
  const unsureOf = new Map(facts.unsure ?? []);
  const rejectionOf = new Map(facts.rejection ?? []);
  const classified: ClassifiedItem[] = chosen.map((i) => {
    const month = facts.month[i] === 0 ? null : facts.months[facts.month[i] - 1];
    const unsure = new Set(themesOfMask(unsureOf.get(i) ?? 0, themeIds));
    const rejection = rejectionOf.get(i);
    return {
      item: {
        id: String(i),
        candidate: facts.candidate[i] > 0 ? facts.references[facts.candidate[i] - 1] : null,
        cohort: facts.cohort[i] === 0 ? null : facts.cohorts[facts.cohort[i] - 1],
        stage: facts.stage[i] === 0 ? null : facts.stages[facts.stage[i] - 1],
        // Not the employer, which the facts do not hold: the page's rejection, so that rows are
        // grouped into rejections as the page grouped them (two in one month stay two).
        employer: rejection === undefined ? null : `rejection ${rejection}`,
        role: null,
        date: month === null ? null : `${month}-01`,
        text: '',
        source: '',
        line: i,
      },
      themes: themesOfMask(facts.themes[i], themeIds).map((themeId) => ({
        themeId,
        score: 0,
        // Unsure stays unsure: "who keeps meeting the same problem" counts only what the head was sure of.
        ...(unsure.has(themeId) ? { tentative: true as const } : {}),
        evidence: { segmentIndex: 0, segment: '', exemplar: '', cues: [], cueRanges: [], score: 0 },
      })),
      segments: [],
    };
  });
  const model = analyse({
    classified,
    taxonomy: data.taxonomy,
    engine: data.engine,
    inputs: { files: [], rejects: [], dataRows: chosen.length },
    thresholdsSource: data.thresholdsSource,
    previous: null,
    // The candidates are already references ("Candidate 4K7QXM"): keep them.
    references: (ids) => new Map(ids.map((id) => [id, id])),
    options: { minGroup: data.minGroup, showIds: false, generatedAt: data.generatedAt },
    withFacts: false,
  });
  const inSelection = new Set(chosen);
  const quotes: ReportModel['quotes'] = {};
  for (const id of themeIds)
    quotes[id] = (data.quotes[id] ?? []).filter((entry) => inSelection.has(entry.item)).map((entry) => entry.quote);
  return { ...model, quotes };
}
