// The analysed view of a run: everything the report and summary.json show, computed once and
// purely from the classified items. Rendering never recounts anything.

import type { EmergingTheme, EngineInfo, IngestFileReport, RejectedRow, Theme } from '../types.js';

/** Where in the hiring process a rejection happened, from the free-text stage value. */
export type Phase = 'application' | 'testing' | 'interview' | 'assessment' | 'other';

export interface ThemeChange {
  /** Items now minus items in the previous run. */
  items: number;
  /** Share now minus share in the previous run (fractions, not percentage points). */
  share: number;
}

export interface ThemeSummary {
  id: string;
  label: string;
  actionable: boolean;
  items: number;
  /** Fraction of all items carrying the theme, 0–1, rounded to 4 places. */
  share: number;
  candidates: number;
  /** Candidates who got this theme, with the head sure of it, in two or more of their feedback items. */
  recurringCandidates: number;
  change: ThemeChange | null;
}

export interface GroupBreakdown {
  /** Group value as written (most common spelling); null for items without one. */
  key: string | null;
  items: number;
  candidates: number;
  /** True when the group has fewer than `minGroup` candidates: counts by theme are withheld. */
  suppressed: boolean;
  /** Theme id → items, every taxonomy theme in taxonomy order; null when suppressed. */
  themes: Record<string, number> | null;
}

export interface Breakdowns {
  byStage: GroupBreakdown[];
  byCohort: GroupBreakdown[];
  byMonth: GroupBreakdown[];
}

export interface RecurringTheme {
  id: string;
  items: number;
}

export interface RecurringCandidate {
  /** Pseudonym (`Candidate 3`) unless ids are shown. */
  candidate: string;
  /** All feedback items of the candidate. */
  items: number;
  /** Only the themes seen in two or more of the candidate's items, strongest first. */
  themes: RecurringTheme[];
}

export interface Cooccurrence {
  a: string;
  b: string;
  items: number;
}

export interface PhaseBreakdown extends GroupBreakdown {
  key: Phase;
  /** The stage values that mapped to this phase. */
  stages: string[];
}

export interface ThemeShare {
  id: string;
  items: number;
  /** Fraction of the side's items. */
  share: number;
}

export interface DiagnosisSide {
  phases: Phase[];
  items: number;
  candidates: number;
  suppressed: boolean;
  /** Leading themes on this side (at most five, with items > 0); null when suppressed. */
  top: ThemeShare[] | null;
}

export type StageVerdict = 'before-interview' | 'at-interview' | 'mixed' | 'unknown';

export interface StageDiagnosis {
  phases: PhaseBreakdown[];
  /** Application and testing: not getting to interview. */
  beforeInterview: DiagnosisSide;
  /** Interview and assessment: losing once in the room. */
  atInterview: DiagnosisSide;
  /** Items whose stage is missing or did not map to a phase. */
  unstagedItems: number;
  verdict: StageVerdict;
  takeaway: string;
}

export interface QuotePart {
  text: string;
  /** `evidence`: the sentence the theme was matched on; `cue`: a taxonomy cue inside it. */
  mark: 'none' | 'evidence' | 'cue';
}

export interface Quote {
  itemId: string;
  /** The item's position in input order: its index in ItemFacts. */
  position: number;
  /** Display name of the candidate (pseudonym unless ids are shown). */
  candidate: string | null;
  stage: string | null;
  date: string | null;
  score: number;
  parts: QuotePart[];
}

/** Items and students in this run that the earlier run did not have (counts only, never ids). */
export interface Arrivals {
  /** Items new since: by content (candidate and text) where the earlier run recorded it, else by id. */
  items: number;
  students: number;
  /** References of students on the follow-up list now but not on the earlier run's (never real ids);
   * null when the earlier run did not record its list. */
  followUp: string[] | null;
  /** Items of the earlier run whose text is no longer in the export (removed rows), and whose row now
   * says something else (same id, other text: edited); null when that run did not record its items'
   * texts. Items now = items then − gone + new; an edited item is in neither. */
  itemsGone: number | null;
  itemsEdited: number | null;
  /** Students of the earlier run no longer in the export. */
  studentsGone: number;
  /** Students on the earlier run's follow-up list and on no row of this one, by reference, with
   * whether they are still in the export (their feedback or its reading changed) or not (their rows
   * were removed); null when the earlier run did not record its list. */
  leftFollowUp: LeftFollowUp[] | null;
}

export interface LeftFollowUp {
  reference: string;
  inExport: boolean;
}

export interface Takeaways {
  prevalence: string;
  stageHeatmap: string;
  overTime: string;
  recurrence: string;
  cooccurrence: string;
  cohorts: string;
  /** What moved since the previous run; null when there is none to compare with. */
  changes: string | null;
}

export interface ShareCount {
  items: number;
  of: number;
  share: number;
}

/** A theme whose share moved beyond noise since the previous run (see significance.ts). */
export interface ThemeMovement {
  theme: string;
  label: string;
  before: ShareCount;
  after: ShareCount;
  direction: 'up' | 'down';
  /** after.share − before.share, as a fraction. */
  difference: number;
  z: number;
  pValue: number;
}

/** How `changes` was decided, so a reader of summary.json can check it. */
export interface ChangeTest {
  previousRunId: string;
  method: 'two-proportion z-test, pooled, two-sided, Bonferroni over themes tested';
  alpha: number;
  themesTested: number;
  minItems: number;
  minExpected: number;
  minDifference: number;
}

/** One line of the adviser's private follow-up list (followup.csv). */
export interface FollowUpRow {
  /** The real identifier as exported: personal data, only ever written to followup.csv. */
  candidate: string;
  /** The student's name, email and phone as exported (null when the export has no such column). */
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The candidate's reference (`Candidate 4K7QXM`), whether or not the report shows real ids. */
  pseudonym: string;
  /** `repeat`: the theme came back in two or more rejections; `no-reason`: rejections gave no reason;
   * `single`: the student has a page but neither (no theme: the row lists the page). */
  kind: 'repeat' | 'no-reason' | 'single';
  themeId: string;
  label: string;
  rejections: number;
  of: number;
  firstDate: string | null;
  lastDate: string | null;
  stages: string[];
  employers: string[];
  suggestion: string;
  /** Relative path of the candidate's page, when pages are written. */
  digest: string | null;
  /** The student's themes the tool was only ever unsure of ("possibly"), "Label ×N" in taxonomy order: never the basis of a row or a suggestion. */
  possibly: string[];
  /** True when this (student, theme) row was not on the earlier run's list; null without one to compare
   * with (no earlier run, one that did not record its list, or a `single` row). */
  isNew: boolean | null;
  /** The ids (as in `items.csv`) of the rows this row rests on: those with its theme, or all the student's for `single`. */
  items: string[];
}

export interface DigestEntry {
  itemId: string;
  /** ISO date, else the date as written, else null. */
  date: string | null;
  employer: string | null;
  role: string | null;
  stage: string | null;
  phase: Phase;
  /** Theme ids in taxonomy order. */
  themes: string[];
  /** Themes the head was not sure of, in taxonomy order: shown as "possibly …", never advised on. */
  possibly?: string[];
  /** Feedback the model cannot read (another language, "see attached"): no theme is shown for it, not even "possibly". */
  unread?: 'other-language' | 'elsewhere';
  /** The whole feedback with the evidence of each theme marked (nothing marked when unread). */
  parts: QuotePart[];
}

export interface DigestAdvice {
  themeId: string;
  label: string;
  /** The taxonomy's advice, written to the student. */
  text: string;
  items: number;
  actionable: boolean;
}

/** A page for one student with two or more rejections: their feedback and nobody else's. */
export interface CandidateDigest {
  /** Relative path inside the output folder, from the reference's code: never the real id. */
  file: string;
  pseudonym: string;
  items: number;
  entries: DigestEntry[]; // the timeline: dated items first, oldest first
  throughStages: { employer: string; role: string; stages: string[] }[]; // one application each, counted once, ended at the last stage
  repeating: RecurringTheme[];
  /** The stage diagnosis for this student alone, in "you" form. */
  diagnosis: string[];
  /** Said plainly when reasons lay outside their control (strong field, role withdrawn). */
  outsideControl: string | null;
  /** Reasons given no feedback at all, and what to do about it. */
  noReason: string | null;
  /** Advice for the repeating themes, or for every reason given when none repeats. */
  adviceScope: 'repeating' | 'given';
  advice: DigestAdvice[];
}

export interface ReportCounts {
  items: number;
  segments: number;
  /** Distinct candidates; an item without a candidate counts as one person of its own. */
  candidates: number;
  rejectedRows: number;
  unthemedItems: number;
  dataRows: number;
  itemsWithoutCandidate: number;
}

/** One entry per item, column by column (index i of every array is item i, in input order). Group
 * columns index into their value list plus one; 0 means not recorded. `candidate` is a number into
 * `references` plus one (0: no candidate id); `themes` a bit mask over the taxonomy's theme order. */
export interface ItemFacts {
  cohorts: string[];
  /** Each candidate's reference (`Candidate 4K7QXM`), never a real id. */
  references: string[];
  stages: string[];
  months: string[];
  cohort: number[];
  stage: number[];
  month: number[];
  candidate: number[];
  themes: number[];
  /** [item, mask]: of an item's `themes`, those the head was not sure of ("possibly"); absent when it was sure of every one. */
  unsure?: [number, number][];
  /** [item, n]: the item is part of its student's n-th rejection, where its month does not tell (facts.ts). */
  rejection?: [number, number][];
}

/** The theme head a run used: where it came from and its two cuts (calibrated probabilities). */
export interface HeadSummary {
  source: string;
  assignAt: number;
  confidentAt: number;
}

export interface ReportModel {
  schemaVersion: 1;
  generatedAt: string;
  /** This run's id, the name of its folder under `runs/` and its row in the store; null when not made by a run (tests, filtered views). */
  runId: string | null;
  engine: EngineInfo;
  taxonomy: { source: string; themes: Theme[] };
  thresholdsSource: string;
  inputs: {
    files: IngestFileReport[];
    rejects: RejectedRow[];
    dataRows: number;
    dateRange: { from: string; to: string } | null;
  };
  counts: ReportCounts;
  /** Every taxonomy theme, in taxonomy order, even at zero. */
  themes: ThemeSummary[];
  /** Candidates meeting a theme again, counting only themes the head was sure of. */
  recurrence: RecurringCandidate[];
  breakdowns: Breakdowns;
  cooccurrence: Cooccurrence[];
  stageDiagnosis: StageDiagnosis;
  /** Theme id → representative quotes (at most five). */
  quotes: Record<string, Quote[]>;
  takeaways: Takeaways;
  /** Themes whose share moved beyond noise since the previous run, largest move first. */
  changes: ThemeMovement[];
  changeTest: ChangeTest | null;
  /** Items and students new since `previousRun` (counts only); null without a comparable earlier run. */
  newSincePrevious: Arrivals | null;
  /** The adviser's private list: holds real identifiers, never shown in the report or summary. */
  followUp: FollowUpRow[];
  /** Candidate id → how every output but followup.csv names them (reference, or id with --show-ids). */
  displayNames: ReadonlyMap<string, string>;
  /** Candidate pages, when asked for (`--digests`); null otherwise. */
  digests: CandidateDigest[] | null;
  cache: { hits: number; misses: number } | null;
  /** The theme head and, per theme id, items where it is sure of the theme and items where it is only possible; null without a head. */
  confidence: { head: HeadSummary; themes: Record<string, { sure: number; possible: number }> } | null;
  previousRun: { runId: string; finishedAt: string } | null;
  options: { minGroup: number; showIds: boolean; digests: boolean };
  /** What the report's filters redraw from; null when the taxonomy is too large for them. */
  facts: ItemFacts | null;
  /** What the taxonomy may be missing: clusters of unexplained feedback, largest first. */
  emerging: EmergingTheme[];
}
