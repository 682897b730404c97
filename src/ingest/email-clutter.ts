// A whole email pasted into the feedback cell brings what a mail client adds around the feedback:
// the forwarded email's own header lines ("-----Original Message-----", "From: … Sent: … To: …
// Subject: …"), the sender's signature block (name, job title, phone, address), a confidentiality
// disclaimer and "Sent from my iPhone". None of it is feedback: read as feedback, a disclaimer's
// "confidential … delete it" came out as conduct on a rejection that gave no reason, and every line
// of a signature was a sentence to classify, quote and show on the student's page. They are left
// out here, before anything is redacted, classified or shown; the reader counts the rows in a note.
// A reply's quoted earlier email ("On … wrote:", "> …", or a header under the reply's own words) is
// the classifier's to set aside (classify/quoted.ts), so it is never touched here, nor is anything
// under it.

/** What a phone or mail app adds under what was written: "Sent from my iPhone", "Get Outlook for iOS". */
const MOBILE =
  /(?:sent from my [\p{L}\d ’'.-]{2,40}|sent from (?:outlook|mail|yahoo mail|gmail|aol|samsung|proton ?mail)\b[\p{L}\d ’'.-]{0,40}|get outlook for (?:ios|android)|sent (?:via|using) (?:outlook|gmail|the [\p{L} ]{2,30} app)|envoyé de mon [\p{L} ]{2,30}|von meinem [\p{L}\d ]{2,30} gesendet|enviado desde mi [\p{L}\d ]{2,30}|verzonden (?:vanaf|met) mijn [\p{L}\d ]{2,30})[.!]?/iu;
const MOBILE_LINE = new RegExp(`^${MOBILE.source}$`, 'iu');
/** The same at the end of a line of feedback, after its last sentence (the line breaks lost, as some platforms store them). */
const MOBILE_TAIL = new RegExp(`(?<=[.!?…]\\s*)${MOBILE.source}$`, 'iu');

/** The line that starts a forwarded or quoted email in Outlook and other clients. */
const SEPARATOR_LINE =
  /^(?:-{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|mensaje reenviado|oorspronkelijk bericht|doorgestuurd bericht)\s*-{2,}|begin forwarded message:|_{10,})$/i;

/** One line of a mail header: "From: …", "Sent: …", "Betreff: …", "Objet : …". */
const HEADER_LINE =
  /^(?:from|sent|date|to|cc|bcc|subject|reply-to|importance|von|gesendet|datum|an|betreff|de|envoyé|à|objet|enviado|para|asunto|van|verzonden|aan|onderwerp)\s?:/i;
/** The header line that names the sender: a block of header lines is a mail header only with one. */
const SENDER_LINE = /^(?:from|von|de|van)\s?:/i;

/** The words that close a letter. */
const SIGN_OFF =
  /(?:(?:kind|best|warm|warmest|many|with (?:kind|best|warm)) (?:regards|wishes|thanks)|regards|best|thanks|thank you|many thanks|cheers|sincerely|yours (?:sincerely|faithfully|truly)|all the best|respectfully|cordialement|bien à vous|mit freundlichen grüßen|viele grüße|beste grüße|saludos(?: cordiales)?|un saludo|atentamente|met vriendelijke groet(?:en)?|hartelijke groet(?:en)?|groeten)/iu;
/** A line that closes a letter, alone or with the sender's name after a comma or dash ("Kind regards, Jo Smith"). */
const SIGN_OFF_LINE = new RegExp(
  `^${SIGN_OFF.source}[,.!]?(?:\\s*[,–—-]\\s*\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3})?$`,
  'iu',
);
/** A sign-off (or a signature's "--") after the last sentence of a line, and what follows it to the line's end. */
const SIGN_OFF_TAIL = new RegExp(`(?<=[.!?…]\\s+)(?:${SIGN_OFF.source}\\b[,.!]?|--?|—)(?=\\s|$)(.*)$`, 'iu');

/** A postscript ("P.S.", "PS:"): what follows it was written after the signature, to be read, whatever its case. */
const POSTSCRIPT = /(?:^|\s)(?:p\.\s?s\b\.?|ps:)/i;

/** Words a signature line may hold besides capitalised ones: "Head of Early Careers", "Harlow & Finch". */
const CONNECTIVES = new Set([
  ...['of', 'and', 'for', 'the', 'at', 'in', 'to', 'de', 'und', 'et', 'y', 'en', 'van', 'von', 'plc', 'ltd', 'llp'],
  // "Emerging Talent team", "HR department"
  ...['team', 'department', 'office', 'services', 'recruitment'],
]);
/** Contact details and their labels: "T: …", "Mob …", a number, a UK postcode, an email, a web address, "|" between parts. */
const CONTACT_LIKE =
  /@|\d{3}|\||https?:|www\.|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|^(?:(?:[tmpewf]|tel|mob|mobile|phone|direct|dd|office|email|e-mail|web|fax)\s*:\s*\S|(?:tel|mob|mobile|phone|direct|dd|fax)\.?\s*[\d+(])/i;

/** A footer's label alone: "Disclaimer:", "Legal notice". */
const FOOTER_LABEL = String.raw`(?:confidentiality (?:notice|note|statement|disclaimer|warning)|e-?mail disclaimer|disclaimer|legal notice)\b`;
const FOOTER_LABEL_START = new RegExp(`^(?:${FOOTER_LABEL})`, 'i');
/**
 * What a footer under its label speaks of. "Disclaimer: I was not on the panel, but they said you
 * were late" is the writer's aside, and feedback: read as a footer, it and all under it were cut.
 */
const FOOTER_WORDS =
  /confidential|privileged|intended (?:solely |only |exclusively )?for|recipient|addressee|liabilit|virus|monitored|attachment|registered|(?:views|opinions) expressed|unauthori[sz]ed|prohibited|legally binding|this (?:e-?mail|message|communication|transmission)\b/i;

/** The opening words of a confidentiality or legal footer. */
const DISCLAIMER_PARTS = [
  String.raw`(?:${FOOTER_LABEL}|privileged (?:and|&) confidential\b)`,
  String.raw`this (?:e-?mail|message|communication|transmission)\b[^\n]{0,120}?\b(?:confidential|privileged|intended (?:solely|only|exclusively) for|addressee)`,
  String.raw`the (?:information|contents?) (?:in|of|contained in) this (?:e-?mail|message|communication)\b[^\n]{0,80}\b(?:confidential|privileged|intended)`,
  String.raw`if you (?:are not the intended|have received this (?:e-?mail|message|communication) in error)`,
  String.raw`(?:please )?(?:consider the environment|think) before (?:you )?print(?:ing)?\b`,
  String.raw`this (?:e-?mail|message)(?: and any attachments?)? (?:has|have) been (?:scanned|checked|swept)\b`,
  String.raw`(?:e-?mails|communications) (?:sent to or from [^\n]{0,60})?(?:are|may be) (?:monitored|recorded)\b`,
  // With the company's number: 'not registered in England with the NMC, no registration number yet' is a reason.
  String.raw`[^\n]{0,80}\bregistered in (?:england|scotland|wales|northern ireland)\b[^\n]{0,50}?\b(?:no|number)\b\.?\s*:?\s*[a-z]{0,2}\d`,
  String.raw`registered (?:office|address)\s*:|(?:company|registered|registration) (?:no|number)\b\.?\s*:?\s*[a-z]{0,2}\d`,
  // Of the email or "any" loss: 'he accepts no responsibility for the loss of the client' is conduct.
  String.raw`[^\n]{0,80}\baccepts? no (?:liability|responsibility) for\b(?:[^\n]{0,80}\b(?:virus|viruses|e-?mail|message|attachments?)\b| any (?:loss|damage)\b)`,
  String.raw`(?:any )?(?:views|opinions) expressed in this (?:e-?mail|message)`,
  String.raw`diese (?:e-?mail|nachricht) (?:enthält|ist) vertraulich|ce (?:message|courriel) (?:est|et) [^\n]{0,40}confidentiel|este (?:correo|mensaje) [^\n]{0,40}confidencial|deze e-?mail is [^\n]{0,40}vertrouwelijk`,
];
const DISCLAIMER_ALTERNATIVES = DISCLAIMER_PARTS.map((part) => `(?:${part})`).join('|');
const DISCLAIMER_START = new RegExp(`^(?:${DISCLAIMER_ALTERNATIVES})`, 'i');
/** A footer that starts inside a line: its label in capitals anywhere ("… 0777 DISCLAIMER: …"), or written with a colon. */
const DISCLAIMER_LABEL_INSIDE =
  /(?<=\s)(?:(?:CONFIDENTIALITY NOTICE|CONFIDENTIALITY|DISCLAIMER|LEGAL NOTICE)\b|(?:[Cc]onfidentiality notice|[Dd]isclaimer|[Ll]egal notice)\s*:)/;
/** Or its first sentence, after a sentence end. */
const DISCLAIMER_SENTENCE_INSIDE = new RegExp(`(?<=[.!?…]\\s+)(?:${DISCLAIMER_ALTERNATIVES})`, 'i');

/** Words of the line: runs of letters, digits and the placeholders of redaction. */
function wordsOf(line: string): string[] {
  return line.match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu) ?? [];
}

/**
 * Words that say something of the candidate, never of who signs: "Weak Answers On Teamwork",
 * "No Examples Of Leadership" in capitals under a sign-off are feedback, not a job title.
 */
const FEEDBACK_WORDS = new Set([
  ...['no', 'not', 'never', 'too', 'very', 'you', 'your', 'we', 'was', 'were', 'did', 'didn’t', "didn't", 'could', 'should', 'would'],
  ...['lack', 'lacks', 'lacked', 'lacking', 'weak', 'weaker', 'poor', 'poorly', 'need', 'needs', 'needed', 'missing', 'vague'],
  ...['unclear', 'rehearsed', 'insufficient', 'failed', 'struggled', 'answers', 'examples', 'improve', 'improvement'],
  // A score sheet's headings: "Panel Feedback", "Interview Score", "Strengths".
  ...['feedback', 'score', 'scores', 'scored', 'rating', 'expectations', 'strengths', 'weaknesses'],
]);
/** A rating or a mark ("Commercial Awareness: Below Expectations", "Case Study 1/5", "60%"): a score sheet's line, not a signature's. */
const SCORE_LINE = /^[\p{L}][\p{L} &'’-]{1,40}:\s*\p{L}|\b\d{1,3}\s*(?:\/|out of)\s*\d{1,3}\b|\b\d{1,3}\s*%/iu;

/** A line of a signature: a name or job title in capitalised words, or a line of contact details or an address. */
function isSignatureLine(line: string): boolean {
  if (line === '' || MOBILE_LINE.test(line)) return true;
  if (SEPARATOR_LINE.test(line) || HEADER_LINE.test(line) || line.startsWith('>') || POSTSCRIPT.test(line)) return false;
  const words = wordsOf(line);
  // A sentence is never part of a signature ("P.S. Your salary expectation of 28000 was high.").
  if (/[.!?]$/.test(line) && words.length >= 5) return false;
  if (CONTACT_LIKE.test(line)) return words.length <= 20;
  if (SCORE_LINE.test(line)) return false;
  if (words.length === 0 || words.length > 12 || /[.!?]$/.test(line)) return false;
  if (words.some((word) => FEEDBACK_WORDS.has(word.toLowerCase()))) return false;
  return words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || CONNECTIVES.has(word.toLowerCase()));
}

/** One lowercase word of a name's length, alone on its line. */
const LOWERCASE_NAME = /^\p{Ll}[\p{Ll}'’-]{1,19}$/u;

/** Words without which no line ends in clutter: most lines are passed over without the patterns below. */
const CLUTTER_HINT =
  /confidential|disclaim|notice|intended|recipient|registered|liabilit|environment|sent |outlook|regards|wishes|thanks|thank you|cheers|sincerely|faithfully|truly|best|respectfully|cordialement|grüße|saludo|atentamente|groet|--|—/i;

/** What follows a sign-off inside a line is a signature: names, a job title, contact details, an address; no sentence of lowercase words. */
function isSignatureTail(tail: string): boolean {
  if (POSTSCRIPT.test(tail)) return false;
  const tokens = tail
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  return (
    tokens.length <= 25 &&
    tokens.every((token) => /^[\p{Lu}\p{N}]|[@\d]|^www\.|^https?:/u.test(token) || CONNECTIVES.has(token.toLowerCase()))
  );
}

/**
 * Where the clutter at the end of a line of feedback starts (its line breaks lost, as some platforms
 * store an email): a footer, "Sent from my …", or a sign-off followed by a signature alone; null when none.
 * `signOff` says a sign-off was cut: the signature may go on below it ("… get back in touch. Best wishes,⏎Maureen").
 * Only after the line's first sentence, so a line is never left without its feedback.
 */
function tailClutterStart(line: string): { cut: number; signOff: boolean } | null {
  if (!CLUTTER_HINT.test(line)) return null;
  const footers = [DISCLAIMER_LABEL_INSIDE.exec(line), DISCLAIMER_SENTENCE_INSIDE.exec(line)].map((footer) =>
    footer && readsAsFooter(line.slice(footer.index)) ? footer : null,
  );
  let cut = Math.min(...footers.map((footer) => (footer && footer.index > 0 ? footer.index : line.length)));
  const mobile = MOBILE_TAIL.exec(line.slice(0, cut).trimEnd());
  if (mobile) cut = mobile.index;
  const signOff = SIGN_OFF_TAIL.exec(line.slice(0, cut).trimEnd());
  const signed = signOff !== null && isSignatureTail(signOff[1] ?? '');
  if (signed) cut = signOff.index;
  return cut < line.length && /\p{L}/u.test(line.slice(0, cut)) ? { cut, signOff: signed } : null;
}

/** A footer's text reads as one: a label alone ("Disclaimer:") must be followed by a footer's words. */
function readsAsFooter(text: string): boolean {
  return !FOOTER_LABEL_START.test(text) || FOOTER_WORDS.test(text);
}

/** Lines of the email's own header at the top: separators and a block of header lines naming the sender. */
function topHeaderEnd(lines: readonly string[]): number {
  let index = 0;
  let end = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line === '' || SEPARATOR_LINE.test(line)) {
      index++;
      if (line !== '') end = index;
      continue;
    }
    if (!HEADER_LINE.test(line)) break;
    let last = index;
    while (last < lines.length && HEADER_LINE.test(lines[last]!)) last++;
    const block = lines.slice(index, last);
    if (block.length < 2 || !block.some((l) => SENDER_LINE.test(l))) break;
    end = last;
    index = last;
  }
  return end;
}

/** The lines from `index` to the end of its paragraph, joined. */
function paragraphFrom(lines: readonly string[], index: number, limit: number): string {
  const end = lines.findIndex((line, i) => i >= index && (i >= limit || line === ''));
  return lines.slice(index, end < 0 ? limit : end).join(' ');
}

/** Whether any line before `index` has words: a sign-off or footer needs something above it to be one. */
function hasWordsBefore(lines: readonly string[], index: number): boolean {
  return lines.slice(0, index).some((line) => /\p{L}/u.test(line));
}

/**
 * The feedback without what a mail client added around it (see the top of this file), lines joined
 * as they were; `removed` says whether anything was left out. Text with no such lines is returned as
 * it is. Expects normalised text (`normaliseText`: `\n` line ends, single spaces, trimmed lines).
 */
export function withoutEmailClutter(text: string): { text: string; removed: boolean } {
  const lines = text.split('\n');
  const keep = lines.map(() => true);
  let trimmed = false;
  // The pasted email's own header, when nothing is written above it.
  const headerEnd = topHeaderEnd(lines);
  for (let i = 0; i < headerEnd; i++) keep[i] = false;
  // The first mark of an earlier email quoted under a reply: nothing from there on is touched.
  const quoteFrom = lines.findIndex(
    (line, i) =>
      i >= headerEnd && (SEPARATOR_LINE.test(line) || line.startsWith('>') || (HEADER_LINE.test(line) && SENDER_LINE.test(line))),
  );
  const limit = quoteFrom < 0 ? lines.length : quoteFrom;
  /** Leaves out the signature lines under line `at` (a sign-off); a blank line before what follows stays. Returns the last line left out. */
  const dropSignatureBelow = (at: number): number => {
    let last = at;
    // A name signed in lowercase, as a quick reply is ("Thanks,⏎jo"): one word alone on the next line
    // with words (an HTML email's <div>s put blank lines between).
    let next = last + 1;
    while (next < limit && next - last <= 2 && lines[next] === '') next++;
    const name = lines[next] ?? '';
    if (next < limit && LOWERCASE_NAME.test(name) && !FEEDBACK_WORDS.has(name.toLowerCase())) while (last < next) keep[++last] = false;
    while (last + 1 < limit && isSignatureLine(lines[last + 1]!)) keep[++last] = false;
    for (let blank = last; blank > at && lines[blank] === '' && last + 1 < limit; blank--) keep[blank] = true;
    return last;
  };
  for (let i = headerEnd; i < limit; i++) {
    const line = lines[i]!;
    if (MOBILE_LINE.test(line)) keep[i] = false;
    else if (DISCLAIMER_START.test(line) && hasWordsBefore(lines, i) && readsAsFooter(paragraphFrom(lines, i, limit))) {
      // A footer runs to the end of its paragraph. One that opens the cell is feedback worded like one
      // ('He accepts no responsibility for the loss of the client'): left out, it was no feedback given.
      while (i < limit && lines[i] !== '') keep[i++] = false;
    } else if (SIGN_OFF_LINE.test(line) && hasWordsBefore(lines.slice(headerEnd), i - headerEnd)) {
      keep[i] = false;
      i = dropSignatureBelow(i);
    } else {
      const tail = tailClutterStart(line);
      if (tail) {
        lines[i] = line.slice(0, tail.cut).trimEnd();
        trimmed = true;
        if (tail.signOff) i = dropSignatureBelow(i);
      }
    }
  }
  if (keep.every(Boolean) && !trimmed) return { text, removed: false };
  const kept = lines
    .filter((_, i) => keep[i])
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text: kept, removed: true };
}
