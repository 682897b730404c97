import { describe, expect, it } from 'vitest';
import { describeMovement } from '../../src/analyse/changes.js';
import { followUpMembers } from '../../src/analyse/followup.js';
import { compareNatural } from '../../src/analyse/util.js';
import { itemContent } from '../../src/hash.js';
import { buildSummary } from '../../src/report/summary.js';
import { analyse, type AnalysisInput } from '../../src/analyse/index.js';
import type { ReportModel } from '../../src/analyse/model.js';
import type { PreviousRun } from '../../src/previous-run.js';
import type { ClassifiedItem } from '../../src/types.js';
import { TAXONOMY, classifiedItem } from '../fixtures/analyse/build.js';
import { lexicalAnalysisInput } from '../helpers/analysis-input.js';
import { referenceOf } from '../helpers/references.js';

const input = (classified: ClassifiedItem[], previous: PreviousRun | null): AnalysisInput =>
  lexicalAnalysisInput(classified, { generatedAt: '2026-05-01T09:00:00.000Z', previous });

/** `count` items, the first `withTheme` of them carrying `theme`, the rest cycling through `others`. */
function batch(prefix: string, count: number, theme: string, withTheme: number, others: string[]): ClassifiedItem[] {
  return Array.from({ length: count }, (_, i) =>
    classifiedItem({
      id: `${prefix}${i}`,
      candidate: `${prefix}-c${i % 15}`,
      themes: [i < withTheme ? theme : others[i % others.length]],
      line: i + 2,
      source: `${prefix}.csv`,
    }),
  );
}

/** What the store would hand back after recording `model`'s run. */
function asPrevious(model: ReportModel, themeIds: string[] | null = null): PreviousRun {
  return {
    runId: 'run-1',
    finishedAt: '2026-04-01T08:00:00.000Z',
    items: model.counts.items,
    candidates: model.counts.candidates,
    themes: Object.fromEntries(model.themes.filter((theme) => theme.items > 0).map((theme) => [theme.id, theme.items])),
    themeIds,
  };
}

const OTHERS = ['application', 'examples', 'experience', 'preparation', 'motivation', 'qualifications'];
const base = () => batch('jan', 60, 'delivery', 6, OTHERS);

describe('changes since the last run', () => {
  it('is empty with no test when there is no previous run', () => {
    const model = analyse(input(base(), null));
    expect(model.changes).toEqual([]);
    expect(model.changeTest).toBeNull();
    expect(model.takeaways.changes).toBeNull();
  });

  it('is empty on an identical re-run, and says so', () => {
    const first = analyse(input(base(), null));
    const again = analyse(input(base(), asPrevious(first)));
    expect(again.changes).toEqual([]);
    expect(again.changeTest).toMatchObject({
      previousRunId: 'run-1',
      alpha: 0.05,
      themesTested: 12,
      minItems: 30,
      minExpected: 5,
      minDifference: 0.02,
    });
    expect(again.takeaways.changes).toBe('No theme’s share moved beyond noise (compared with the run of 2026-04-01).');
  });

  it('lists the theme that moved after feedback is added, with counts and shares on both sides', () => {
    const first = analyse(input(base(), null));
    const grown = [...base(), ...batch('feb', 40, 'delivery', 30, OTHERS)];
    const model = analyse(input(grown, asPrevious(first)));
    expect(model.changes).toHaveLength(1);
    const [delivery] = model.changes;
    expect(delivery).toMatchObject({
      theme: 'delivery',
      label: 'Delivery',
      before: { items: 6, of: 60, share: 0.1 },
      after: { items: 36, of: 100, share: 0.36 },
      direction: 'up',
      difference: 0.26,
    });
    expect(delivery.pValue).toBeLessThan(0.05 / 12);
    expect(describeMovement(delivery)).toBe('Delivery up from 10% to 36% of items');
    expect(model.takeaways.changes).toBe('Delivery up from 10% to 36% of items (p < 0.001), compared with the run of 2026-04-01.');
  });

  it('counts the items and students new since the earlier run of a growing export, by count only', () => {
    const first = analyse(input(base(), null));
    const previous = { ...asPrevious(first), itemIds: base().map((c) => c.item.id), candidateIds: ['jan-c0', 'jan-c1'] };
    const grown = analyse(input([...base(), ...batch('feb', 40, 'delivery', 4, OTHERS)], previous));
    // 13 of January's 15 students were not in the earlier run's list, plus February's 15.
    expect(grown.takeaways.changes).toMatch(/^40 new items and 28 new students since 2026-04-01\. /);
    expect(grown.takeaways.changes).not.toContain('feb-c');
    // The summary carries the same counts.
    const grownCounts = {
      items: 40,
      students: 28,
      followUp: null,
      itemsGone: null,
      itemsEdited: null,
      studentsGone: 0,
      leftFollowUp: null,
    };
    expect(grown.newSincePrevious).toEqual(grownCounts);
    expect(buildSummary(grown).newSincePrevious).toEqual(grownCounts);
    const same = analyse(input(base(), { ...previous, candidateIds: base().map((c) => c.item.candidate ?? '') }));
    expect(same.takeaways.changes).toMatch(/^0 new items and 0 new students since 2026-04-01\. No theme/);
    expect(same.newSincePrevious).toEqual({
      items: 0,
      students: 0,
      followUp: null,
      itemsGone: null,
      itemsEdited: null,
      studentsGone: 0,
      leftFollowUp: null,
    });
    // No earlier run, or one that did not record what it held: no counts rather than made-up ones.
    expect(first.newSincePrevious).toBeNull();
    expect(analyse(input(base(), asPrevious(first))).newSincePrevious).toBeNull();
  });

  it('names, by reference only, the students who newly need a follow-up, and marks their rows', () => {
    const one = (id: string, candidate: string, theme: string) =>
      classifiedItem({ id, candidate, themes: [theme], line: 2, source: 'x.csv' });
    const january = [
      one('j1', 'S-ANN', 'delivery'),
      one('j2', 'S-ANN', 'delivery'),
      one('j3', 'S-BEN', 'examples'),
      one('j4', 'S-CAT', 'experience'),
    ];
    const first = analyse(input(january, null));
    expect(first.followUp.map((row) => [row.candidate, row.isNew])).toEqual([['S-ANN', null]]);
    const previous: PreviousRun = {
      ...asPrevious(first),
      itemIds: january.map((c) => c.item.id),
      candidateIds: ['S-ANN', 'S-BEN', 'S-CAT'],
      followUp: followUpMembers(first.followUp),
    };
    // February: Ben's examples come back, Ann's delivery again (not new), Dan arrives with two.
    const february = [
      ...january,
      one('f1', 'S-BEN', 'examples'),
      one('f2', 'S-ANN', 'delivery'),
      one('f3', 'S-DAN', 'preparation'),
      one('f4', 'S-DAN', 'preparation'),
    ];
    const grown = analyse(input(february, previous));
    const ids = ['S-ANN', 'S-BEN', 'S-CAT', 'S-DAN'];
    const [ben, dan] = [referenceOf('S-BEN', ids), referenceOf('S-DAN', ids)];
    expect(grown.newSincePrevious).toEqual({
      items: 4,
      students: 1,
      followUp: [ben, dan].sort(compareNatural),
      itemsGone: null,
      itemsEdited: null,
      studentsGone: 0,
      leftFollowUp: [],
    });
    expect(Object.fromEntries(grown.followUp.map((row) => [row.candidate, row.isNew]))).toEqual({
      'S-ANN': false,
      'S-BEN': true,
      'S-DAN': true,
    });
    expect(grown.takeaways.changes).toContain(
      `4 new items and 1 new student since 2026-04-01; 2 students newly need a follow-up: ${[ben, dan].sort(compareNatural).join(', ')}. `,
    );
    expect(JSON.stringify(buildSummary(grown))).not.toMatch(/S-(ANN|BEN|DAN)/);
    // Ann on the list again for a new theme is a new row, but not a student newly on the list.
    const annAgain = analyse(input([...february, one('f5', 'S-ANN', 'examples'), one('f6', 'S-ANN', 'examples')], previous));
    const ann = annAgain.followUp.filter((row) => row.candidate === 'S-ANN').map((row) => [row.themeId, row.isNew]);
    expect(ann).toEqual([
      ['delivery', false],
      ['examples', true],
    ]);
    expect(annAgain.newSincePrevious?.followUp).not.toContain(referenceOf('S-ANN', ids));
    // Nobody new: said so.
    const none = analyse(input(january, previous));
    expect(none.takeaways.changes).toMatch(/^0 new items and 0 new students since 2026-04-01; nobody newly needs a follow-up\. /);
  });

  describe('an export with rows removed or edited since', () => {
    const one = (id: string, candidate: string, theme: string, source = 'x.csv') =>
      classifiedItem({ id, candidate, themes: [theme], line: 2, source });
    /** The earlier run as the store hands it back, with what each of its items held. */
    const recorded = (model: ReportModel, items: ClassifiedItem[]): PreviousRun => ({
      ...asPrevious(model),
      itemIds: items.map((c) => c.item.id),
      candidateIds: [...new Set(items.map((c) => c.item.candidate ?? ''))],
      itemContents: items.map((c) => itemContent(c.item)),
      followUp: followUpMembers(model.followUp),
    });
    const withContents = (items: ClassifiedItem[], previous: PreviousRun) =>
      analyse({ ...input(items, previous), contents: items.map((c) => itemContent(c.item)) });

    it('counts the rows gone and edited, and names who left the follow-up list and why', () => {
      const january = [
        one('j1', 'S-ANN', 'delivery'),
        one('j2', 'S-ANN', 'delivery'),
        one('j3', 'S-BEN', 'examples'),
        one('j4', 'S-BEN', 'examples'),
        one('j5', 'S-CAT', 'experience'),
        one('j6', 'S-EVE', 'uninformative'),
      ];
      const first = analyse(input(january, null));
      const reference = (candidate: string) => first.followUp.find((row) => row.candidate === candidate)!.pseudonym;
      expect(first.followUp.map((row) => row.candidate)).toEqual(['S-ANN', 'S-BEN', 'S-EVE']);
      // Ann's second delivery row and Eve's only row removed; Ben's j4 and Cat's j5 rewritten.
      const edited = [january[0]!, january[2]!, one('j4', 'S-BEN', 'application'), one('j5', 'S-CAT', 'motivation')];
      const model = withContents(edited, recorded(first, january));
      expect(model.newSincePrevious).toEqual({
        items: 0,
        students: 0,
        followUp: [],
        itemsGone: 2,
        itemsEdited: 2,
        studentsGone: 1,
        leftFollowUp: [
          { reference: reference('S-ANN'), inExport: true },
          { reference: reference('S-BEN'), inExport: true },
          { reference: reference('S-EVE'), inExport: false },
        ].sort((a, b) => compareNatural(a.reference, b.reference)),
      });
      expect(model.takeaways.changes).toMatch(
        /^0 new items and 0 new students since 2026-04-01; 2 items gone from the export \(1 student no longer in it\) and 2 items edited; nobody newly needs a follow-up; 3 students are no longer on the list: /,
      );
      expect(model.takeaways.changes).toContain(`${reference('S-EVE')} (no longer in the export)`);
      expect(model.takeaways.changes).toContain(`${reference('S-ANN')} (still in the export: their feedback changed)`);
      expect(JSON.stringify(buildSummary(model))).not.toMatch(/S-(ANN|BEN|CAT|EVE)/);
    });

    it('says a student is gone from the export when an edit, not a removal, took their only row', () => {
      const before = [one('j1', 'S-ANN', 'delivery'), one('j2', 'S-EVE', 'examples')];
      // Eve's only row rewritten as Ann's: no row gone, one edited, and Eve no longer in the export.
      const after = [before[0]!, one('j2', 'S-ANN', 'delivery')];
      const model = withContents(after, recorded(analyse(input(before, null)), before));
      expect(model.newSincePrevious).toMatchObject({ itemsGone: 0, itemsEdited: 1, studentsGone: 1 });
      expect(model.takeaways.changes).toMatch(/; 1 item edited and 1 student no longer in the export[;.]/);
    });

    it('does not read a row that moved up a line (its line id shifted) as edited, and keeps the sum: now = then − gone + new', () => {
      const rows = (texts: string[]) =>
        texts.map((theme, i) => classifiedItem({ id: `x.csv:${i + 2}`, candidate: `S-${i}`, themes: [theme], line: i + 2 }));
      const before = rows(['delivery', 'examples', 'experience', 'application']);
      // The second row removed: the rows under it move up a line, and each line id now holds the next row's text.
      const after = [before[0]!, ...before.slice(2).map((c, i) => ({ ...c, item: { ...c.item, id: `x.csv:${i + 3}` } }))];
      after.push(classifiedItem({ id: 'x.csv:5', candidate: 'S-9', themes: ['motivation'], line: 5 }));
      const model = withContents(after, recorded(analyse(input(before, null)), before));
      expect(model.newSincePrevious).toMatchObject({ items: 1, itemsGone: 1, itemsEdited: 0, studentsGone: 1 });
      const { items, itemsGone } = model.newSincePrevious!;
      expect(before.length - itemsGone! + items).toBe(after.length);
    });
  });

  it('finds falls as well as rises, largest move first', () => {
    const before = [...batch('a', 50, 'delivery', 25, OTHERS), ...batch('b', 50, 'application', 5, ['examples'])];
    const after = [...batch('a', 50, 'delivery', 5, ['examples']), ...batch('b', 50, 'application', 30, ['experience'])];
    const model = analyse(input(after, asPrevious(analyse(input(before, null)))));
    // By hand: application 9 → 30 of 100, delivery 25 → 5, experience 4 → 20; examples 50 → 45 is noise.
    expect(model.changes.map((change) => [change.theme, change.direction, change.before.items, change.after.items])).toEqual([
      ['application', 'up', 9, 30],
      ['delivery', 'down', 25, 5],
      ['experience', 'up', 4, 20],
    ]);
    const differences = model.changes.map((change) => Math.abs(change.difference));
    expect([...differences].sort((a, b) => b - a)).toEqual(differences);
  });

  it('never compares a theme the previous taxonomy did not have', () => {
    const first = analyse(input(base(), null));
    const grown = [...base(), ...batch('feb', 40, 'delivery', 30, OTHERS)];
    const model = analyse(
      input(
        grown,
        asPrevious(
          first,
          TAXONOMY.themes.map((theme) => theme.id).filter((id) => id !== 'delivery'),
        ),
      ),
    );
    expect(model.changes.map((change) => change.theme)).not.toContain('delivery');
    expect(model.changeTest?.themesTested).toBe(11);
  });

  it('claims nothing between runs of a dozen items, whatever the shares', () => {
    const small = batch('x', 12, 'delivery', 1, OTHERS);
    const smallAfter = batch('y', 12, 'delivery', 10, OTHERS);
    const model = analyse(input(smallAfter, asPrevious(analyse(input(small, null)))));
    expect(model.changes).toEqual([]);
    expect(model.takeaways.changes).toBe(
      'Too few items to tell a change from noise (each run needs at least 30; compared with the run of 2026-04-01).',
    );
  });
});

describe('the over-time takeaway', () => {
  const month = (prefix: string, date: string, count: number, withDelivery: number) =>
    Array.from({ length: count }, (_, i) =>
      classifiedItem({
        id: `${prefix}${i}`,
        candidate: `${prefix}-c${i}`,
        date,
        themes: [i < withDelivery ? 'delivery' : OTHERS[i % OTHERS.length]],
        line: i + 2,
        source: `${prefix}.csv`,
      }),
    );

  it('claims no trend from months of a dozen items', () => {
    const items = [
      ...month('m1', '2026-01-10', 12, 1),
      ...month('m2', '2026-02-10', 12, 3),
      ...month('m3', '2026-03-10', 12, 6),
      ...month('m4', '2026-04-10', 12, 9),
    ];
    const text = analyse(input(items, null)).takeaways.overTime;
    expect(text).toMatch(/^Too few dated items to call a trend in Delivery/);
    expect(text).not.toMatch(/rose|fell/);
  });

  it('reports a rise that passes the guard', () => {
    const items = [
      ...month('m1', '2026-01-10', 40, 4),
      ...month('m2', '2026-02-10', 40, 5),
      ...month('m3', '2026-03-10', 40, 20),
      ...month('m4', '2026-04-10', 40, 22),
    ];
    expect(analyse(input(items, null)).takeaways.overTime).toBe(
      'Delivery, the most common theme, rose from 11% of items (2026-01 to 2026-02) to 53% (2026-03 to 2026-04); p < 0.001.',
    );
  });

  it('says when a difference is only noise', () => {
    const items = [...month('m1', '2026-01-10', 40, 12), ...month('m2', '2026-02-10', 40, 14)];
    expect(analyse(input(items, null)).takeaways.overTime).toBe(
      'Delivery, the most common theme, shows no change beyond noise over time (30% of items in 2026-01, 35% in 2026-02).',
    );
  });
});
