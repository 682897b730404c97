// The stage diagnosis for one student, written to them. From the seeds: turned down at interview
// again and again despite fitting on paper → look at interview technique (mock interviews); never
// reaching interview → look at the CV against the job description; no reason given → phone and
// ask what to do differently. Reasons outside their control are said to be exactly that.

import { UNINFORMATIVE_THEME, type Theme } from '../types.js';
import { AT_INTERVIEW, BEFORE_INTERVIEW } from './phases.js';
import type { PreparedItem } from './prepare.js';

/** A side of the process counts as "where it goes wrong" when it holds this share of staged items. */
const DOMINANT_SHARE = 0.6;

export interface CandidateDiagnosis {
  diagnosis: string[];
  outsideControl: string | null;
  noReason: string | null;
}

function times(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "4 of your 5 applications", or "all 4 of your applications" / "both of your applications". */
function partOf(part: number, whole: number, noun: string): string {
  if (part === whole) return whole === 2 ? `both of your ${noun}s` : `all ${whole} of your ${noun}s`;
  return `${part} of your ${times(whole, noun)}`;
}

/**
 * The reason given most often across `items` (two or more times), ignoring "no reason"; between
 * reasons given as often, the one given most often across `tieBreak` (the first in the taxonomy).
 */
function leadTheme(
  items: readonly PreparedItem[],
  themes: readonly Theme[],
  tieBreak: readonly PreparedItem[] = [],
): { theme: Theme; items: number } | null {
  const countIn = (list: readonly PreparedItem[], theme: Theme) => list.filter((prepared) => prepared.themeIds.includes(theme.id)).length;
  let best: { theme: Theme; items: number } | null = null;
  for (const theme of themes) {
    if (theme.id === UNINFORMATIVE_THEME) continue;
    const count = countIn(items, theme);
    if (count < 2 || (best !== null && count < best.items)) continue;
    if (best === null || count > best.items || countIn(tieBreak, theme) > countIn(tieBreak, best.theme)) best = { theme, items: count };
  }
  return best;
}

/**
 * The reason within the student's reach that repeats most across `items`: what "the reason that
 * keeps coming back" may send them to work on (a strong field repeating is nothing to practise).
 */
function actionableLead(items: readonly PreparedItem[], themes: readonly Theme[]): { theme: Theme; items: number } | null {
  return leadTheme(
    items,
    themes.filter((theme) => theme.actionable),
  );
}

/** "Both", "All of those" or "3 of those". */
function ofThose(count: number, sideItems: number): string {
  return count === sideItems ? (sideItems === 2 ? 'Both' : 'All of those') : `${count} of those`;
}

function leadSentence(lead: { theme: Theme; items: number } | null, sideItems: number): string {
  if (lead === null) return '';
  const which = ofThose(lead.items, sideItems);
  return lead.theme.actionable
    ? ` ${which} mention the same thing: ${lead.theme.label}.`
    : ` ${which} came down to ${lead.theme.label}, which was outside your control.`;
}

/**
 * Beside a strong field leading a side of the process, the reason within the student's reach that
 * also repeats there: "3 came down to Strong competition" must not hide "2 mention Experience" and
 * send them to keep applying as they are (the seeds: plug the gaps, then apply again).
 */
function reachBeside(
  lead: { theme: Theme } | null,
  side: readonly PreparedItem[],
  items: readonly PreparedItem[],
  themes: readonly Theme[],
): { theme: Theme; items: number } | null {
  // Between reasons as frequent there, the one that repeats most overall: the first advice below.
  if (lead === null || lead.theme.actionable) return null;
  return leadTheme(
    side,
    themes.filter((theme) => theme.actionable),
    items,
  );
}

function reachSentence(reach: { theme: Theme; items: number } | null, sideItems: number): string {
  if (reach === null) return '';
  const which = ofThose(reach.items, sideItems);
  return ` But ${which.charAt(0).toLowerCase()}${which.slice(1)} also mention ${reach.theme.label}, which is within your reach.`;
}

const FIELD_ADVICE = 'That says more about the field than about you.';
const KEEP_APPLYING = 'That says more about the field than about you: keep applying at this level.';
/** A strong field leads a side, but a reason within their reach repeats across the rejections. */
const FIELD_BUT_A_REPEAT = `${FIELD_ADVICE} One reason within your reach does keep coming back across your rejections: that one, below, is what to work on.`;

const INTERVIEW_ADVICE =
  'Getting that far means your applications work on paper, so the place to look is how you come across in the room: practise interview technique in a mock interview with a careers coach, ideally recorded.';
const CV_ADVICE =
  'Look at your CV and cover letter against the job description: do they use its keywords, and could a reader see within 10 seconds that you fit the role?';
const FOLLOW_THE_REPEAT =
  'No one reason repeats at that stage, but one keeps coming back across your rejections: that one, below, is what to work on.';
/**
 * A reason turned down at interview again and again that interview practice does not answer: the
 * reason, not how the student comes across in the room, is what to work on ("Both mention the same
 * thing: Work experience" sent them to mock interviews).
 */
const FOLLOW_THE_LEAD = 'That is not something interview practice fixes: the reason, below, is what to work on.';
/** Where the taxonomy does not say whether interview practice answers the reason (claim neither), and a
 * reason before interview that neither the CV nor the test advice answers. */
const THE_REASON_GUIDES = 'That reason, below, is what to work on.';
const TEST_ADVICE = 'Practise the test formats (reasoning tests, situational judgement) through your careers service, and time yourself.';

/**
 * What to work on after rejections mostly at interview, given the reason that repeats there (if
 * any) and, when that is outside their control, the one within their reach that repeats beside it.
 */
function atInterviewAdvice(
  lead: { theme: Theme } | null,
  reach: { theme: Theme } | null,
  items: readonly PreparedItem[],
  themes: readonly Theme[],
): string {
  // No reason repeats at interview, but one repeats across all the rejections (tests failed online
  // and at the assessment centre): that reason, not interview technique, is what to work on.
  if (lead === null) return actionableLead(items, themes) !== null ? FOLLOW_THE_REPEAT : INTERVIEW_ADVICE;
  const guide = lead.theme.actionable ? lead : reach;
  if (guide === null) return actionableLead(items, themes) !== null ? FIELD_BUT_A_REPEAT : KEEP_APPLYING;
  // The taxonomy says which reasons mock interviews work on (`interview_practice`), not a list of ids here.
  if (guide.theme.interviewPractice === undefined) return THE_REASON_GUIDES;
  return guide.theme.interviewPractice ? INTERVIEW_ADVICE : FOLLOW_THE_LEAD;
}

/**
 * The built-in themes the before-interview advice itself answers (ids are stable and mean what the
 * built-in taxonomy says, as for sub-reasons.ts): the CV, and the online tests.
 */
const STAGE_ANSWERS = new Map([
  ['application', CV_ADVICE],
  ['assessment', TEST_ADVICE],
]);

/**
 * What to work on after rejections mostly before interview. A reason that repeats there guides; the
 * CV and test advice only where it is that reason, or where none repeats ("Both mention the same
 * thing: Practical requirements" was followed by "Look at your CV … keywords").
 */
function beforeInterviewAdvice(
  lead: { theme: Theme } | null,
  reach: { theme: Theme } | null,
  items: readonly PreparedItem[],
  themes: readonly Theme[],
  stageAdvice: string,
): string {
  if (lead === null) return actionableLead(items, themes) !== null ? FOLLOW_THE_REPEAT : stageAdvice;
  const guide = lead.theme.actionable ? lead : reach;
  if (guide === null) return actionableLead(items, themes) !== null ? FIELD_BUT_A_REPEAT : FIELD_ADVICE;
  return STAGE_ANSWERS.get(guide.theme.id) ?? THE_REASON_GUIDES;
}

function stageDiagnosis(items: readonly PreparedItem[], themes: readonly Theme[]): string[] {
  const n = items.length;
  const before = items.filter((prepared) => BEFORE_INTERVIEW.includes(prepared.phase));
  const at = items.filter((prepared) => AT_INTERVIEW.includes(prepared.phase));
  const application = before.filter((prepared) => prepared.phase === 'application').length;
  const testing = before.length - application;
  const staged = before.length + at.length;
  const unstaged = n - staged;
  if (staged === 0) return ['Your feedback does not say at which stage each application ended, so this page goes by the reasons alone.'];
  const unstagedNote =
    unstaged > 0 ? ` (${times(unstaged, 'rejection')} of yours ${unstaged === 1 ? 'does' : 'do'} not say the stage.)` : '';

  if (at.length >= 2 && at.length / staged >= DOMINANT_SHARE) {
    const lead = leadTheme(at, themes);
    const reach = reachBeside(lead, at, items, themes);
    const text = `You reached interview or assessment in ${partOf(at.length, n, 'application')} and were turned down there.${leadSentence(lead, at.length)}${reachSentence(reach, at.length)}`;
    return [`${text}${unstagedNote}`, atInterviewAdvice(lead, reach, items, themes)];
  }
  if (before.length >= 2 && before.length / staged >= DOMINANT_SHARE) {
    const lead = leadTheme(before, themes);
    const where =
      testing === 0
        ? `You were not shortlisted in ${partOf(before.length, n, 'application')}.`
        : application === 0
          ? `You stopped at the online tests in ${partOf(before.length, n, 'application')}.`
          : `You did not reach interview in ${partOf(before.length, n, 'application')} (${application} at the application, ${testing} at online tests).`;
    const reach = reachBeside(lead, before, items, themes);
    const advice = beforeInterviewAdvice(lead, reach, items, themes, application >= testing ? CV_ADVICE : TEST_ADVICE);
    return [`${where}${leadSentence(lead, before.length)}${reachSentence(reach, before.length)}${unstagedNote}`, advice];
  }
  const split = `Your applications ended both before interview (${before.length} of ${n}) and at interview or assessment (${at.length} of ${n}).${unstagedNote}`;
  // With a reason that repeats, that reason is the better guide than a stage that does not point one way.
  const repeats = actionableLead(items, themes) !== null;
  return [
    split,
    repeats
      ? 'So the stage alone does not say where to look; the reason that keeps coming back, below, does.'
      : 'So look at both: your CV against the job description, and your interview technique in a mock interview.',
  ];
}

function outsideControlNote(items: readonly PreparedItem[], themes: readonly Theme[]): string | null {
  const outside = themes.filter((theme) => !theme.actionable && theme.id !== UNINFORMATIVE_THEME);
  const withOutside = items.filter((prepared) => outside.some((theme) => prepared.themeIds.includes(theme.id)));
  if (withOutside.length === 0) return null;
  const named = outside
    .map((theme) => ({ theme, count: withOutside.filter((prepared) => prepared.themeIds.includes(theme.id)).length }))
    .filter(({ count }) => count > 0)
    .map(({ theme, count }) => `${theme.label} (${count})`)
    .join(', ');
  const outsideOrNone = (id: string) => id === UNINFORMATIVE_THEME || outside.some((theme) => theme.id === id);
  const onlyThat = items.every((prepared) => prepared.themeIds.length > 0 && prepared.themeIds.every(outsideOrNone));
  const lead =
    withOutside.length === items.length
      ? `Every one of your ${times(items.length, 'rejection')} came down to something outside your control: ${named}.`
      : `${withOutside.length} of your ${times(items.length, 'rejection')} came down to something outside your control: ${named}.`;
  const close = onlyThat
    ? ' Nothing in this feedback points to something you did wrong.'
    : ' That is about the field or the vacancy, not a judgement on you.';
  return `${lead}${close}`;
}

function noReasonNote(items: readonly PreparedItem[]): string | null {
  const count = items.filter((prepared) => prepared.themeIds.includes(UNINFORMATIVE_THEME)).length;
  if (count === 0) return null;
  const lead =
    count === items.length
      ? `None of your ${times(items.length, 'rejection')} gave a reason.`
      : `${count} of your ${times(items.length, 'rejection')} gave no reason.`;
  return (
    `${lead} It is worth phoning the person who made the decision and asking, politely, "what should I do differently next time?" ` +
    'They do not have to answer, so be gracious and thank them.'
  );
}

export function diagnoseCandidate(items: readonly PreparedItem[], themes: readonly Theme[]): CandidateDiagnosis {
  return { diagnosis: stageDiagnosis(items, themes), outsideControl: outsideControlNote(items, themes), noReason: noReasonNote(items) };
}
