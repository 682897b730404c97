// The "Side by side" view: two groups of one dimension, each theme's share in both, the
// difference and the same beyond-chance guard as "since the last run". Groups are the filters'
// offered options (selection.ts), so a group below the anonymity minimum can never be chosen.

import { themesOfMask } from '../../analyse/facts.js';
import { CHANGE_GUARD, compareProportions, formatP, type GuardOutcome } from '../../analyse/significance.js';
import type { FilterData } from '../filter-data.js';
import { formatCount, formatShare } from '../format.js';
import { html, type Html } from '../html.js';
import { EVERYTHING, type Dimension, type FactIndex, type FilterOption, indexFacts, offeredOptions, selectedItems } from './selection.js';

const DIMENSION_LABELS: Record<Dimension, string> = { period: 'Two periods', cohort: 'Two cohorts', stage: 'Two stages' };
const ORDER: Dimension[] = ['period', 'cohort', 'stage'];

export interface GroupShare {
  items: number;
  of: number;
  share: number;
}

export interface ComparedTheme {
  id: string;
  label: string;
  a: GroupShare;
  b: GroupShare;
  /** Share of b minus share of a. */
  difference: number;
  outcome: GuardOutcome;
}

export interface Comparison {
  a: FilterOption;
  b: FilterOption;
  themes: ComparedTheme[];
}

/** Items per theme in a group of items. */
function themeCounts(data: FilterData, items: readonly number[]): number[] {
  const ids = data.taxonomy.themes.map((theme) => theme.id);
  const counts = new Array<number>(ids.length).fill(0);
  for (const i of items) for (const id of themesOfMask(data.facts.themes[i], ids)) counts[ids.indexOf(id)] += 1;
  return counts;
}

/** Every theme present in either group, largest combined share first. Themes are tested together,
 * so the guard divides its threshold among them (as "since the last run" does). */
export function compareGroups(data: FilterData, index: FactIndex, dimension: Dimension, a: FilterOption, b: FilterOption): Comparison {
  const itemsA = selectedItems(index, { ...EVERYTHING, [dimension]: a.value });
  const itemsB = selectedItems(index, { ...EVERYTHING, [dimension]: b.value });
  const countsA = themeCounts(data, itemsA);
  const countsB = themeCounts(data, itemsB);
  const present = data.taxonomy.themes.map((theme, t) => ({ theme, t })).filter(({ t }) => countsA[t] + countsB[t] > 0);
  const share = (items: number, of: number): GroupShare => ({ items, of, share: of === 0 ? 0 : items / of });
  const themes = present.map(({ theme, t }) => {
    const sideA = share(countsA[t], itemsA.length);
    const sideB = share(countsB[t], itemsB.length);
    return {
      id: theme.id,
      label: theme.label,
      a: sideA,
      b: sideB,
      difference: sideB.share - sideA.share,
      outcome: compareProportions(sideA, sideB, present.length),
    };
  });
  themes.sort((x, y) => y.a.share + y.b.share - (x.a.share + x.b.share) || (x.id < y.id ? -1 : 1));
  return { a, b, themes };
}

function points(difference: number): string {
  const value = Math.round(difference * 1000) / 10;
  if (value === 0) return '±0 pts';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} pts`;
}

function verdict(outcome: GuardOutcome): Html {
  if (outcome.significant) {
    return html`<abbr class="exact" title="${formatP(outcome.pValue)} (two-proportion z-test, adjusted for testing every theme at once)">Yes, beyond chance</abbr>`;
  }
  if (outcome.reason === 'too-few')
    return html`<abbr class="exact" title="${`Each group needs at least ${CHANGE_GUARD.minItems} items, and ${CHANGE_GUARD.minExpected} expected with and without the theme, before a difference is tested.`}">Too few to tell</abbr>`;
  if (outcome.pValue === null) return html`No`;
  const why = outcome.reason === 'too-small' ? 'the difference is under 2 points' : 'a difference this size could well be chance';
  return html`<abbr class="exact" title="${`${formatP(outcome.pValue)}: ${why}`}">No</abbr>`;
}

export function comparisonTable(comparison: Comparison): Html {
  const { a, b, themes } = comparison;
  const rows = themes.map(
    (theme) =>
      html`<tr><th scope="row">${theme.label}</th><td>${formatShare(theme.a.share)} <span class="muted">(${formatCount(theme.a.items)})</span></td><td>${formatShare(theme.b.share)} <span class="muted">(${formatCount(theme.b.items)})</span></td><td>${points(theme.difference)}</td><td>${verdict(theme.outcome)}</td></tr>\n`,
  );
  const caption = `${a.label} (${formatCount(a.items)} items) against ${b.label} (${formatCount(b.items)} items)`;
  return html`<p class="scroll-cue" hidden>Scroll sideways for more columns →</p><div class="table-scroll" role="region" tabindex="0" aria-label="${caption}"><table class="compare-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">Theme</th><th scope="col">${a.label}</th><th scope="col">${b.label}</th><th scope="col">Difference</th><th scope="col">Beyond chance?</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** Fills the "Side by side" form and redraws its table on every change. */
export function setUpComparison(data: FilterData, afterRender: () => void): void {
  const section = document.getElementById('compare');
  const form = section?.querySelector<HTMLFormElement>('form.compare-form');
  const result = section?.querySelector<HTMLElement>('.compare-result');
  if (!section || !form || !result) return;
  const index = indexFacts(data.facts);
  const offered = new Map(ORDER.map((dimension) => [dimension, offeredOptions(index, EVERYTHING, dimension, data.minGroup)]));
  const dimensions = ORDER.filter((dimension) => (offered.get(dimension) ?? []).length >= 2);
  if (dimensions.length === 0) {
    result.textContent = 'No two groups are large enough to compare while keeping candidates anonymous.';
    return;
  }
  const by = form.querySelector<HTMLSelectElement>('select[name="by"]')!;
  const first = form.querySelector<HTMLSelectElement>('select[name="a"]')!;
  const second = form.querySelector<HTMLSelectElement>('select[name="b"]')!;
  for (const dimension of dimensions) by.append(new Option(DIMENSION_LABELS[dimension], dimension));

  const fillGroups = () => {
    const options = offered.get(by.value as Dimension)!;
    for (const [select, chosen] of [
      [first, 0],
      [second, 1],
    ] as const) {
      select.replaceChildren(...options.map((option) => new Option(`${option.label} (${formatCount(option.items)})`, option.value)));
      select.selectedIndex = chosen;
    }
  };
  const draw = () => {
    const options = offered.get(by.value as Dimension)!;
    const a = options.find((option) => option.value === first.value)!;
    const b = options.find((option) => option.value === second.value)!;
    // Markup from the escaping template only: labels are the data's own text.
    result.innerHTML =
      a === b
        ? html`<p>Choose two different groups.</p>`.value
        : comparisonTable(compareGroups(data, index, by.value as Dimension, a, b)).value;
    afterRender();
  };
  by.addEventListener('change', () => {
    fillGroups();
    draw();
  });
  first.addEventListener('change', draw);
  second.addEventListener('change', draw);
  form.addEventListener('submit', (event) => event.preventDefault());
  fillGroups();
  draw();
  form.hidden = false;
}
