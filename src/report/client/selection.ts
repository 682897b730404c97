// Which filter options the report may offer, and which items a selection holds. Pure: tested in
// Node, run in the browser. The rule that keeps suppression intact: a value is offered only when
// it holds at least `minGroup` candidates and what it leaves out (the other values, pooled) holds
// none or at least `minGroup` too, so no difference of two views can single out a small group; a
// selection is only ever shown when each of its values is offered given the other two.

import type { ItemFacts, Phase } from '../../analyse/model.js';
import { phaseOfStage, PHASE_LABELS, PHASES } from '../../analyse/phases.js';

export const DIMENSIONS = ['cohort', 'stage', 'period'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** '' means every value. cohort: index into facts.cohorts (as text); stage: a phase; period: YYYY-MM or YYYY-Qn. */
export type Selection = Record<Dimension, string>;
export const EVERYTHING: Selection = { cohort: '', stage: '', period: '' };

export interface FilterOption {
  value: string;
  label: string;
  items: number;
  candidates: number;
}

/** One dimension's values, and per item the value it has (-1: none). A period has two: the
 * month (`primary`) and its quarter (`secondary`), both codes into `values`. */
interface Column {
  values: string[];
  primary: Int32Array;
  secondary: Int32Array | null;
}

/** Per-item codes computed once, so counting a selection allocates nothing per item. */
export interface FactIndex {
  facts: ItemFacts;
  count: number;
  columns: Record<Dimension, Column>;
  phase: Phase[];
  month: (string | null)[];
  /** Candidate pseudonym number, or a negative key unique to the item (a person of their own). */
  person: Int32Array;
}

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export function indexFacts(facts: ItemFacts): FactIndex {
  const stagePhase = facts.stages.map((stage) => PHASES.indexOf(phaseOfStage(stage)));
  const quarters = [...new Set(facts.months.map(quarterOf))];
  const monthQuarter = facts.months.map((month) => facts.months.length + quarters.indexOf(quarterOf(month)));
  const count = facts.themes.length;
  const cohort = new Int32Array(count);
  const stage = new Int32Array(count);
  const month = new Int32Array(count);
  const quarter = new Int32Array(count);
  const person = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    cohort[i] = facts.cohort[i] - 1;
    stage[i] = facts.stage[i] === 0 ? PHASES.indexOf('other') : stagePhase[facts.stage[i] - 1];
    month[i] = facts.month[i] - 1;
    quarter[i] = facts.month[i] === 0 ? -1 : monthQuarter[facts.month[i] - 1];
    person[i] = facts.candidate[i] > 0 ? facts.candidate[i] : -(i + 1);
  }
  return {
    facts,
    count,
    columns: {
      cohort: { values: facts.cohorts.map((_, index) => String(index + 1)), primary: cohort, secondary: null },
      stage: { values: [...PHASES], primary: stage, secondary: null },
      period: { values: [...facts.months, ...quarters], primary: month, secondary: quarter },
    },
    phase: Array.from(stage, (code) => PHASES[code]),
    month: Array.from(month, (code) => (code < 0 ? null : facts.months[code])),
    person,
  };
}

/** The selection as value codes; -2 for every value. */
function codesOf(index: FactIndex, selection: Selection): Record<Dimension, number> {
  const code = (dimension: Dimension) => (selection[dimension] === '' ? -2 : index.columns[dimension].values.indexOf(selection[dimension]));
  return { cohort: code('cohort'), stage: code('stage'), period: code('period') };
}

function has(column: Column, i: number, code: number): boolean {
  return code === -2 || column.primary[i] === code || (column.secondary !== null && column.secondary[i] === code);
}

function selectsCodes(index: FactIndex, i: number, codes: Record<Dimension, number>): boolean {
  const { columns } = index;
  return has(columns.cohort, i, codes.cohort) && has(columns.stage, i, codes.stage) && has(columns.period, i, codes.period);
}

export function selects(index: FactIndex, i: number, selection: Selection): boolean {
  return selectsCodes(index, i, codesOf(index, selection));
}

/** Item positions the selection holds. */
export function selectedItems(index: FactIndex, selection: Selection): number[] {
  const codes = codesOf(index, selection);
  const chosen: number[] = [];
  for (let i = 0; i < index.count; i += 1) if (selectsCodes(index, i, codes)) chosen.push(i);
  return chosen;
}

/** Drops offered values, smallest first, until the items no offered value covers (values held
 * back, and items with no value) come from none or at least `minGroup` candidates: that remainder
 * is what the parent view minus the offered views would show. */
function protectRest(
  candidates: readonly number[],
  people: readonly Set<number>[],
  members: readonly number[],
  column: Column,
  minGroup: number,
  offered: Uint8Array,
  person: Int32Array,
): void {
  for (const code of candidates) offered[code] = people[code] !== undefined && people[code].size >= minGroup ? 1 : 0;
  for (;;) {
    const rest = new Set<number>();
    for (const i of members) {
      const first = column.primary[i];
      const second = column.secondary === null ? -1 : column.secondary[i];
      if (!((first >= 0 && offered[first]) || (second >= 0 && offered[second]))) rest.add(person[i]);
    }
    const shown = candidates.filter((code) => offered[code]);
    if (rest.size === 0 || rest.size >= minGroup || shown.length === 0) return;
    const smallest = shown.sort((a, b) => people[a].size - people[b].size)[0];
    offered[smallest] = 0;
  }
}

/** Options of `dimension` that may be offered while the other two dimensions stay as selected. */
export function offeredOptions(index: FactIndex, selection: Selection, dimension: Dimension, minGroup: number): FilterOption[] {
  const codes = codesOf(index, { ...selection, [dimension]: '' });
  const column = index.columns[dimension];
  const size = column.values.length;
  const items = new Int32Array(size);
  const people: Set<number>[] = new Array(size);
  const members: number[] = [];
  const count = (code: number, person: number) => {
    items[code] += 1;
    people[code] ??= new Set();
    people[code].add(person);
  };
  for (let i = 0; i < index.count; i += 1) {
    if (!selectsCodes(index, i, codes)) continue;
    members.push(i);
    if (column.primary[i] >= 0) count(column.primary[i], index.person[i]);
    if (column.secondary !== null && column.secondary[i] >= 0) count(column.secondary[i], index.person[i]);
  }
  const offered = new Uint8Array(size);
  const all = Array.from({ length: size }, (_, code) => code);
  if (column.secondary === null) {
    protectRest(all, people, members, column, minGroup, offered, index.person);
  } else {
    // Months and quarters overlap: protect them as one family, then inside each offered quarter
    // the months held back (the quarter minus its offered months would show them), then the
    // family once more, since holding months back can leave its remainder small again.
    protectRest(all, people, members, column, minGroup, offered, index.person);
    const secondary = column.secondary;
    const monthsOnly: Column = { values: column.values, primary: column.primary, secondary: null };
    for (const quarter of all.filter((code) => offered[code] && code >= index.facts.months.length)) {
      const months = all.filter(
        (code) => offered[code] && code < index.facts.months.length && column.values.indexOf(quarterOf(column.values[code])) === quarter,
      );
      const inside = members.filter((i) => secondary[i] === quarter);
      const kept = new Uint8Array(size);
      protectRest(months, people, inside, monthsOnly, minGroup, kept, index.person);
      for (const month of months) offered[month] = kept[month];
    }
    const stillOffered = all.filter((code) => offered[code]);
    offered.fill(0);
    for (const code of stillOffered) offered[code] = 1;
    protectRest(stillOffered, people, members, column, minGroup, offered, index.person);
  }
  const values = all.filter((code) => offered[code]).map((code) => column.values[code]);
  return optionOrder(index, dimension, values).map((value) => {
    const code = column.values.indexOf(value);
    return { value, label: optionLabel(index, dimension, value), items: items[code], candidates: people[code].size };
  });
}

function optionOrder(_index: FactIndex, dimension: Dimension, values: string[]): string[] {
  if (dimension === 'cohort') return values.sort((a, b) => Number(a) - Number(b));
  if (dimension === 'stage') return PHASES.filter((phase) => values.includes(phase));
  // Quarters first, then months, each in time order.
  return values.sort((a, b) => Number(b.includes('Q')) - Number(a.includes('Q')) || (a < b ? -1 : a > b ? 1 : 0));
}

function optionLabel(index: FactIndex, dimension: Dimension, value: string): string {
  if (dimension === 'cohort') return index.facts.cohorts[Number(value) - 1];
  if (dimension === 'stage') return PHASE_LABELS[value as Phase];
  return value.includes('Q') ? value.replace('-', ' ') : value;
}

/** The selection made valid: a value no longer offered given the others falls back to every
 * value, the dimension just changed (`keep`) last. */
export function settle(index: FactIndex, wanted: Selection, minGroup: number, keep?: Dimension): Selection {
  const selection = { ...wanted };
  const order = [...DIMENSIONS.filter((dimension) => dimension !== keep), ...(keep ? [keep] : [])];
  for (let round = 0; round < DIMENSIONS.length + 1; round += 1) {
    let changed = false;
    for (const dimension of order) {
      if (selection[dimension] === '') continue;
      const offered = offeredOptions(index, selection, dimension, minGroup);
      if (!offered.some((option) => option.value === selection[dimension])) {
        selection[dimension] = '';
        changed = true;
        break;
      }
    }
    if (!changed) return selection;
  }
  return selection;
}
