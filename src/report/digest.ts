// candidates/<pseudonym number>.html: one self-contained page per student with two or more
// rejections, written to the student. Same rules as the report: offline, strict CSP (no script at
// all), every value escaped, redacted text only, prints on A4.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CandidateDigest, DigestEntry, QuotePart, ReportModel } from '../analyse/model.js';
import { PHASE_LABELS } from '../analyse/phases.js';
import { assetsDirectory } from './assets.js';
import { howFound } from './confidence.js';
import { breakable, html, unsafe, type Html } from './html.js';

let css: string | null = null;

function digestCss(): string {
  css ??= readFileSync(`${assetsDirectory()}digest.css`, 'utf8').replace(/<\/(style)/gi, '<\\/$1');
  return css;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

function times(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function partOf(part: number, whole: number): string {
  if (part === whole) return whole === 2 ? 'both of your rejections' : `all ${whole} of your rejections`;
  return `${part} of your ${times(whole, 'rejection')}`;
}

function marked(parts: readonly QuotePart[]): Html[] {
  return parts.map((part) =>
    part.mark === 'none'
      ? html`${part.text}`
      : part.mark === 'cue'
        ? html`<mark class="cue">${part.text}</mark>`
        : html`<mark>${part.text}</mark>`,
  );
}

function dateRange(digest: CandidateDigest): string {
  const dates = digest.entries
    .map((entry) => entry.date)
    .filter((date): date is string => date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date));
  if (dates.length === 0) return '';
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first === last ? `, on ${first}` : `, from ${first} to ${last}`;
}

function pattern(digest: CandidateDigest, labels: ReadonlyMap<string, string>): Html {
  const repeats =
    digest.repeating.length > 0
      ? html`<p>The reasons that came back more than once:</p>
<ul class="repeats">${digest.repeating.map((theme) => html`<li><strong>${labels.get(theme.id) ?? theme.id}</strong>: in ${partOf(theme.items, digest.items)}</li>`)}</ul>`
      : html`<p>None of the reasons came up in more than one of your rejections.</p>`;
  return html`<section class="pattern" aria-labelledby="pattern-title">
<h2 id="pattern-title">The pattern</h2>
${digest.diagnosis.map((paragraph) => html`<p>${paragraph}</p>`)}
${repeats}
${digest.outsideControl ? html`<p class="outside">${digest.outsideControl}</p>` : ''}
${digest.noReason ? html`<p class="no-reason">${digest.noReason}</p>` : ''}
</section>`;
}

/** Why a piece of feedback was not read, in place of its reasons. */
const UNREAD: Record<NonNullable<DigestEntry['unread']>, string> = {
  'other-language': 'not read: it is not in English, so go through it with your careers adviser',
  elsewhere: 'not read: the reasons are in an attachment or link, not in the feedback itself',
};

/** A label inside a sentence: "possibly conduct and first impressions", but "possibly CV, …" and "possibly UK visa". */
function inSentence(label: string): string {
  return /^\p{Lu}[\p{Lu}\d]/u.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function themeList(entry: DigestEntry, labels: ReadonlyMap<string, string>): string {
  if (entry.unread !== undefined) return UNREAD[entry.unread];
  const sure = entry.themes.map((id) => labels.get(id) ?? id).join(', ');
  const possibly = (entry.possibly ?? []).map((id) => `possibly ${inSentence(labels.get(id) ?? id)}`).join(', ');
  return [sure, possibly].filter(Boolean).join('; ') || 'no theme found';
}

function stageText(entry: DigestEntry): string {
  if (entry.stage === null) return 'not recorded';
  const phase = PHASE_LABELS[entry.phase];
  // "Application" is already one of "Application / CV screening": said once.
  const names = phase.toLowerCase().split(' / ');
  return entry.phase === 'other' || names.includes(entry.stage.toLowerCase()) ? entry.stage : `${entry.stage} (${phase})`;
}

function timeline(digest: CandidateDigest, labels: ReadonlyMap<string, string>): Html {
  const rows = digest.entries.map(
    (entry) =>
      html`<tr><th scope="row">${entry.date ?? 'no date'}</th><td data-label="Employer">${breakable(entry.employer ?? '—')}</td><td data-label="Role">${breakable(entry.role ?? '—')}</td><td data-label="Stage">${breakable(stageText(entry))}</td><td data-label="Reasons given">${themeList(entry, labels)}</td></tr>\n`,
  );
  return html`<section aria-labelledby="timeline-title">
<h2 id="timeline-title">Your applications, in order</h2>
<div class="table-wrap"><table class="timeline">
<caption>${times(digest.items, 'rejection')}</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Employer</th><th scope="col">Role</th><th scope="col">Stage</th><th scope="col">Reasons given</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
${digest.throughStages.map(({ employer, role, stages }) => html`<p class="through-stages">${employer}, ${role}: the feedback at ${inList(stages)} is one application, so it counts once, as a rejection at ${stages.at(-1)!}.</p>`)}
</section>`;
}

/** "A, B and C". */
function inList(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}

function feedback(digest: CandidateDigest): Html {
  const items = digest.entries.map((entry) => {
    const caption = [entry.date, entry.employer, entry.role, entry.stage].filter((part): part is string => Boolean(part)).join(' · ');
    const words =
      entry.parts.length > 0 ? html`<blockquote>${marked(entry.parts)}</blockquote>` : html`<p class="no-text">No feedback given.</p>`;
    return html`<figure class="item">${words}<figcaption>${caption || 'no details recorded'}</figcaption></figure>`;
  });
  return html`<section aria-labelledby="feedback-title">
<h2 id="feedback-title">In the employers’ words</h2>
<p class="legend">Highlighted: the sentences each reason was read from, with the telling words in bold.</p>
${items}
</section>`;
}

/**
 * Said once, near the top, when no reason on the page carries a calibrated confidence (no theme
 * head): the program cannot say how sure it is, so the student and adviser confirm each reason
 * from the employers' words before the advice is acted on.
 */
function unconfirmed(model: ReportModel): Html | '' {
  if (model.confidence !== null) return '';
  return html`<p class="unconfirmed"><strong>How sure:</strong> the program found these reasons ${howFound(model)}, which cannot say how sure it is of any of them. Read the employers’ words below with your careers adviser and agree which reasons they really give before you act on the advice.</p>`;
}

function advice(digest: CandidateDigest, model: ReportModel): Html {
  if (digest.advice.length === 0) return html``;
  const scope =
    digest.adviceScope === 'repeating'
      ? 'For the reasons that keep coming back'
      : 'No reason repeats yet, so here is the advice for each reason you were given';
  const intro = model.confidence === null ? `${scope}, once you and your adviser agree the feedback says so:` : `${scope}:`;
  const items = digest.advice.map(
    (item) => html`<div class="advice-item"><h3>${item.label}</h3>
<p class="advice-count">In ${partOf(item.items, digest.items)}${item.actionable ? '' : ' · outside your control'}</p>
<p>${item.text}</p></div>`,
  );
  return html`<section aria-labelledby="advice-title">
<h2 id="advice-title">What you can do next</h2>
<p>${intro}</p>
${items}
</section>`;
}

export function renderDigest(digest: CandidateDigest, model: ReportModel): string {
  const style = digestCss();
  const labels = new Map(model.themes.map((theme) => [theme.id, theme.label]));
  const csp = ["default-src 'none'", `style-src 'sha256-${sha256(style)}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="feedback-themes">
<title>Your rejection feedback, put together</title>
<style>${unsafe(style)}</style>
</head>
<body>
<main>
<header>
<p class="eyebrow">Your rejection feedback, put together</p>
<h1>What your feedback says</h1>
<p class="lede">${times(digest.items, 'rejection')}${dateRange(digest)}. Each piece of feedback is a small piece of evidence; put together, they show the bigger picture.</p>
<p class="reference">Reference: ${digest.pseudonym}</p>
${unconfirmed(model)}
</header>
${pattern(digest, labels)}
${timeline(digest, labels)}
${feedback(digest)}
${advice(digest, model)}
<footer>Put together on ${model.generatedAt.slice(0, 10)} from the feedback employers gave, by feedback-themes. The reasons are read by a program and can be wrong: talk them through with your careers adviser.</footer>
</main>
</body>
</html>
`;
  return page.value;
}
