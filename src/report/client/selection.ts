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

/** Per-item lookups computed once. */
export interface FactIndex {
  facts: ItemFacts;
  count: number;
  phase: Phase[];
  month: (string | null)[];
  /** Candidate pseudonym number, or a negative key unique to the item (a person of their own). */
  person: Int32Array | number[];
}

export function indexFacts(facts: ItemFacts): FactIndex {
  const stagePhase = facts.stages.map((stage) => phaseOfStage(stage));
  const count = facts.themes.length;
  const phase: Phase[] = new Array(count);
  const month: (string | null)[] = new Array(count);
  const person = new Array<number>(count);
  for (let i = 0; i < count; i += 1) {
    phase[i] = facts.stage[i] === 0 ? 'other' : stagePhase[facts.stage[i] - 1];
    month[i] = facts.month[i] === 0 ? null : facts.months[facts.month[i] - 1];
    person[i] = facts.candidate[i] > 0 ? facts.candidate[i] : -(i + 1);
  }
  return { facts, count, phase, month, person };
}

export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

function matches(index: FactIndex, i: number, dimension: Dimension, value: string): boolean {
  if (value === '') return true;
  if (dimension === 'cohort') return String(index.facts.cohort[i]) === value;
  if (dimension === 'stage') return index.phase[i] === value;
  const month = index.month[i];
  if (month === null) return false;
  return value.includes('Q') ? quarterOf(month) === value : month === value;
}

export function selects(index: FactIndex, i: number, selection: Selection): boolean {
  return DIMENSIONS.every((dimension) => matches(index, i, dimension, selection[dimension]));
}

/** Item positions the selection holds. */
export function selectedItems(index: FactIndex, selection: Selection): number[] {
  const chosen: number[] = [];
  for (let i = 0; i < index.count; i += 1) if (selects(index, i, selection)) chosen.push(i);
  return chosen;
}

interface Tally {
  items: number;
  people: Set<number>;
}

/** The values of one dimension an item has (a month counts in its month and its quarter). */
function valuesOf(index: FactIndex, i: number, dimension: Dimension): string[] {
  if (dimension === 'cohort') return index.facts.cohort[i] === 0 ? [] : [String(index.facts.cohort[i])];
  if (dimension === 'stage') return [index.phase[i]];
  const month = index.month[i];
  return month === null ? [] : [month, quarterOf(month)];
}

interface Member {
  person: number;
  values: string[];
}

/** Drops offered values, smallest first, until the items no offered value covers (values held
 * back, and items with no value) come from none or at least `minGroup` candidates: that remainder
 * is what the parent view minus the offered views would show. */
function protectRest(values: readonly string[], tallies: Map<string, Tally>, members: readonly Member[], minGroup: number): Set<string> {
  const offered = new Set(values.filter((value) => (tallies.get(value)?.people.size ?? 0) >= minGroup));
  for (;;) {
    const rest = new Set<number>();
    for (const member of members) if (!member.values.some((value) => offered.has(value))) rest.add(member.person);
    if (rest.size === 0 || rest.size >= minGroup || offered.size === 0) return offered;
    const smallest = [...offered].sort((a, b) => tallies.get(a)!.people.size - tallies.get(b)!.people.size)[0];
    offered.delete(smallest);
  }
}

/** Options of `dimension` that may be offered while the other two dimensions stay as selected. */
export function offeredOptions(index: FactIndex, selection: Selection, dimension: Dimension, minGroup: number): FilterOption[] {
  const context: Selection = { ...selection, [dimension]: '' };
  const tallies = new Map<string, Tally>();
  const members: Member[] = [];
  for (let i = 0; i < index.count; i += 1) {
    if (!selects(index, i, context)) continue;
    const person = index.person[i];
    const values = valuesOf(index, i, dimension);
    members.push({ person, values });
    for (const value of values) {
      let tally = tallies.get(value);
      if (!tally) tallies.set(value, (tally = { items: 0, people: new Set() }));
      tally.items += 1;
      tally.people.add(person);
    }
  }
  let offered = protectRest([...tallies.keys()], tallies, members, minGroup);
  if (dimension === 'period') {
    // Months and quarters overlap: inside each offered quarter, the months held back must not
    // be small either (the quarter minus its offered months would show them).
    for (const quarter of [...offered].filter((value) => value.includes('Q'))) {
      const months = [...offered].filter((value) => !value.includes('Q') && quarterOf(value) === quarter);
      const inside = members.filter((member) => member.values.includes(quarter)).map((member) => ({ person: member.person, values: member.values.filter((value) => value !== quarter) }));
      const kept = protectRest(months, tallies, inside, minGroup);
      for (const month of months) if (!kept.has(month)) offered.delete(month);
    }
    // Dropping months can leave the whole family's remainder small again: check it once more.
    offered = protectRest([...offered], tallies, members, minGroup);
  }
  return optionOrder(index, dimension, [...offered]).map((value) => ({
    value,
    label: optionLabel(index, dimension, value),
    items: tallies.get(value)!.items,
    candidates: tallies.get(value)!.people.size,
  }));
}

function optionOrder(index: FactIndex, dimension: Dimension, values: string[]): string[] {
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
