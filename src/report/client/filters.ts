// The #filters form: three selects whose options are only those the suppression rule allows
// (see selection.ts), a count of the items selected, and a redraw of every selection-dependent
// section (charts, tables, takeaways, theme cards) when a select changes. The unfiltered page is
// restored exactly as it was rendered. Sections are replaced with markup from the same escaping
// template the page was rendered with (src/report/html.ts), so feedback stays text.

import { chartData, type ChartData } from '../chart-data.js';
import type { FilterData } from '../filter-data.js';
import { formatCount } from '../format.js';
import {
  cohortSection,
  cooccurrenceSection,
  keyFindings,
  overTimeSection,
  prevalenceSection,
  recurrenceSection,
  stageSection,
  themesSection,
} from '../sections.js';
import { filteredModel } from './filtered.js';
import { DIMENSIONS, EVERYTHING, indexFacts, offeredOptions, selectedItems, settle, type Dimension, type Selection } from './selection.js';

/** Sections that depend on the selection, by element id; the rest of the page describes the run. */
const SECTION_IDS = ['findings', 'prevalence', 'stages', 'over-time', 'recurrence', 'cooccurrence', 'cohorts', 'themes'] as const;

const ALL_LABELS: Record<Dimension, string> = { cohort: 'All cohorts', stage: 'All stages', period: 'All dates' };

export function setUpFilters(data: FilterData, redraw: (chart: ChartData) => void, initial: ChartData): void {
  const form = document.getElementById('filters') as HTMLFormElement | null;
  if (!form) return;
  const index = indexFacts(data.facts);
  const original = new Map(SECTION_IDS.map((id) => [id, document.getElementById(id)?.outerHTML ?? '']));
  const count = form.querySelector<HTMLElement>('[data-count="items"]');
  const status = form.querySelector<HTMLElement>('.filter-status-note');
  const select = (dimension: Dimension) => form.querySelector<HTMLSelectElement>(`select[name="${dimension}"]`)!;
  let selection: Selection = { ...EVERYTHING };

  const fillOptions = () => {
    for (const dimension of DIMENSIONS) {
      const element = select(dimension);
      element.replaceChildren(new Option(ALL_LABELS[dimension], ''));
      const options = offeredOptions(index, selection, dimension, data.minGroup);
      let group: HTMLOptGroupElement | null = null;
      for (const option of options) {
        if (dimension === 'period') {
          const label = option.value.includes('Q') ? 'Quarters' : 'Months';
          if (group === null || group.label !== label) {
            group = document.createElement('optgroup');
            group.label = label;
            element.append(group);
          }
        }
        // Option text is set as text, never markup.
        (group ?? element).append(new Option(`${option.label} (${formatCount(option.items)})`, option.value));
      }
      element.value = selection[dimension];
    }
  };

  const replaceSections = (html: Record<string, string>) => {
    for (const id of SECTION_IDS) {
      const element = document.getElementById(id);
      if (element && html[id]) element.outerHTML = html[id];
    }
  };

  const apply = (changed: Dimension) => {
    selection = settle(index, selection, data.minGroup, changed);
    fillOptions();
    const everything = DIMENSIONS.every((dimension) => selection[dimension] === '');
    const chosen = everything ? null : selectedItems(index, selection);
    if (count) count.textContent = formatCount(chosen === null ? index.count : chosen.length);
    if (status)
      status.textContent = everything ? '' : 'Filtered view: change since the last run is not shown; candidates are pseudonymised.';
    if (chosen === null) {
      replaceSections(Object.fromEntries(original));
      redraw(initial);
      return;
    }
    const model = filteredModel(data, chosen);
    const labels = new Map(model.themes.map((theme) => [theme.id, theme.label]));
    const chart = chartData(model);
    replaceSections({
      findings: keyFindings(model, true).value,
      prevalence: prevalenceSection(model).value,
      stages: stageSection(model, labels).value,
      'over-time': overTimeSection(model, chart, labels).value,
      recurrence: recurrenceSection(model, labels).value,
      cooccurrence: cooccurrenceSection(model, labels).value,
      cohorts: cohortSection(model, chart, labels).value,
      themes: themesSection(model).value,
    });
    redraw(chart);
  };

  for (const dimension of DIMENSIONS) {
    select(dimension).addEventListener('change', () => {
      selection = { ...selection, [dimension]: select(dimension).value };
      apply(dimension);
    });
  }
  form.addEventListener('submit', (event) => event.preventDefault());
  fillOptions();
  form.hidden = false;
}
