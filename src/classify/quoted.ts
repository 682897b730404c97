// A reply quotes the email it answers: "> Could you tell me why?" lines, or everything under
// "On Mon, 16 Mar 2026, Jo Bloggs <…> wrote:" or Outlook's "From: … Sent: …". That earlier email is
// usually the candidate's own ("I was so nervous, I think I rambled"), not the employer's feedback,
// so its sentences are not segments: nothing is classified from them. The text shown keeps them.
// A header followed by ">" lines ends where those lines end: what the writer put below the quote
// (a reply written under it) is read. A text that is all quotation (a student pasting the
// employer's email as a quote) is read whole,
// and a forwarded message (or one a note above passes on) is the feedback itself, never left out.

/** A line that starts the quoted earlier email, in English and the other languages read (a mail client's header carries a date). */
const REPLY_HEADER = new RegExp(
  [
    String.raw`^On\b(?=[^\n]*\d)[^\n]{4,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$`,
    String.raw`^Le\b(?=[^\n]*\d)[^\n]{4,200}(?:\n[^\n]{0,200})?\ba écrit ?:[ \t]*$`,
    String.raw`^Am\b(?=[^\n]*\d)[^\n]{4,200}(?:\n[^\n]{0,200})?\bschrieb\b[^\n]{0,100}:[ \t]*$`,
    String.raw`^El\b(?=[^\n]*\d)[^\n]{4,200}(?:\n[^\n]{0,200})?\bescribió:[ \t]*$`,
    String.raw`^Op\b(?=[^\n]*\d)[^\n]{4,200}(?:\n[^\n]{0,200})?\bschreef\b[^\n]{0,100}:[ \t]*$`,
    String.raw`^-{2,}[ \t]*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Oorspronkelijk bericht)[ \t]*-{2,}`,
    String.raw`^(?:From|Von|De|Van):[^\n]{1,300}\n(?:Sent|Date|Gesendet|Envoyé|Enviado|Verzonden):`,
  ].join('|'),
  'imu',
);
/** A forwarded message: what it holds is the feedback, read whole. */
const FORWARDED =
  /forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|doorgestuurd bericht|^(?:subject:\s*)?(?:fwd?|wg|tr|rv):/im;
/** A note above the header that passes the email on ("Forwarding the feedback below", "Please see below"): the email is the feedback. */
const PASSED_ON =
  /\b(?:forwarding|passing (?:this|it|on)|(?:please )?see (?:the )?(?:feedback |email |message |their (?:feedback|reply) )?below|(?:feedback|reply) (?:is )?below)\b/i;
/** A line quoted with ">" (as mail clients quote), and the line break that ends it. */
const QUOTED_LINE = /^[ \t]*>[^\n]*\n?/gm;
/** The run of ">" lines (blank lines between them included) right under a reply header. */
const QUOTED_RUN_UNDER_HEADER = /^(?:[ \t]*\r?\n)*(?:[ \t]*>[^\n]*(?:\n|$)(?:[ \t]*\r?\n)*)*[ \t]*>[^\n]*\n?/;

/** Where the quote that a reply header starts ends: after its ">" lines when it has them, else at the end of the text. */
function quoteEnd(text: string, headerEnd: number): number {
  const afterHeader = text.slice(headerEnd).replace(/^\r?\n/, '');
  const run = QUOTED_RUN_UNDER_HEADER.exec(afterHeader);
  return run ? text.length - afterHeader.length + run[0].length : text.length;
}

/**
 * The text above a header is a note passing the email on, with at most a greeting or a sign-off beside it:
 * "see below" over a paragraph of the writer's own feedback points to that feedback.
 */
function passesOn(above: string): boolean {
  const paragraphs = above.trim().split(/\n[ \t]*\n/);
  return paragraphs.some((p) => PASSED_ON.test(p)) && paragraphs.every((p) => PASSED_ON.test(p) || p.trim().length <= 40);
}

/** [start, end) of the quoted earlier email in a reply; none when nothing but quotation has words. */
export function quotedRanges(text: string): Array<[number, number]> {
  if (!text.includes('>') && !/wrote|écrit|schrieb|escribió|schreef|from|von|de|van|original/i.test(text)) return [];
  if (FORWARDED.test(text)) return [];
  const ranges: Array<[number, number]> = [];
  const header = REPLY_HEADER.exec(text);
  if (header && passesOn(text.slice(0, header.index))) return [];
  const quoteUntil = header ? quoteEnd(text, header.index + header[0].length) : text.length;
  if (header) ranges.push([header.index, quoteUntil]);
  const outsideHeaderQuote = (at: number) => !header || at < header.index || at >= quoteUntil;
  for (const line of text.matchAll(QUOTED_LINE)) {
    if (outsideHeaderQuote(line.index)) ranges.push([line.index, line.index + line[0].length]);
  }
  if (ranges.length === 0) return [];
  let unquoted = '';
  let last = 0;
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    unquoted += text.slice(last, Math.max(last, start));
    last = Math.max(last, end);
  }
  unquoted += text.slice(last);
  return /\p{L}{2,}/u.test(unquoted) ? ranges : [];
}
