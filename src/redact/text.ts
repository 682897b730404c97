// Emails and phone numbers in free text → `[email]`, `[phone]` (form details through identity.ts); given names → `[name]`.
// Recall matters more than elegance here (a missed number is a leak), but years, money, dates,
// percentages, scores and reference numbers must survive, so phone candidates are checked for
// shape (a trunk `0`, an international prefix or the North American 3-3-4 layout) and digit count.

import { redactIdentity } from './identity.js';
import {
  CONTACT_PLACEHOLDERS,
  EMAIL_PLACEHOLDER,
  NAME_PLACEHOLDER,
  PHONE_PLACEHOLDER,
  placeholderAlternatives,
  PROFILE_PLACEHOLDER,
} from './placeholders.js';

// What redaction left of contact and form details, with the space before it. The words inside the
// brackets are no reason for a rejection ("reach her at [phone]" is not `conduct`'s phone on the
// day), so what is scored or named leaves them out. Built from the placeholders' own list, so
// each is spelled in one place.
const CONTACT_PLACEHOLDER = new RegExp(String.raw`\s*(?:${placeholderAlternatives(CONTACT_PLACEHOLDERS)})`, 'g');

/** The text without the placeholders of redacted contact details: what classification and labels read. */
export function withoutContactPlaceholders(text: string): string {
  return text.includes('[') ? text.replace(CONTACT_PLACEHOLDER, '') : text;
}

// Every quantifier is bounded (an address part is at most 64 characters, a label 63, a name a
// handful of labels), so the work at each position of the text is bounded too and one long token
// redacts in linear time; unbounded `+` and `*` here once made a 40k-character token take a minute.
const LOCAL_WORD = String.raw`[\p{L}\p{N}_%+'’=~-]{1,64}`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const SP = String.raw`[ \t\u00a0]{0,3}`;
const OPEN = String.raw`[\[({<]`;
const CLOSE = String.raw`[\])}>]`;
/** `@`, fullwidth `＠`, URL-encoded `%40`, HTML `&#64;` / `&#x40;`. */
const AT_SIGN = String.raw`(?:@|＠|%40|&#0{0,3}64;|&#[xX]0{0,3}40;)`;
const AT = String.raw`(?:${SP}${AT_SIGN}${SP}|${SP}${OPEN}${SP}(?:at|${AT_SIGN})${SP}${CLOSE}${SP})`;
const BRACKETED_DOT = String.raw`${SP}${OPEN}${SP}(?:dot|\.)${SP}${CLOSE}${SP}`;
/** Between the words of the local part: a dot as written (a spaced dot there ends a sentence). */
const LOCAL_DOT = String.raw`(?:[.．]|${BRACKETED_DOT})`;
/** Between the labels of the domain: also spaced, `example . com`. */
const DOMAIN_DOT = String.raw`(?:${SP}[.．]${SP}|${BRACKETED_DOT})`;
// `jane.doe@example.com`, `jane@exämple.com`, `"jane doe"@example.com`, `jane[at]example[dot]com`,
// `jane @ example . com`, `jane＠example.com`, `jane%40example.com`, `jane&#64;example.com`.
const EMAIL = new RegExp(
  String.raw`(?:"[^"\n@]{1,64}"|${LOCAL_WORD}(?:${LOCAL_DOT}${LOCAL_WORD}){0,16})${AT}${LABEL}(?:${DOMAIN_DOT}${LABEL}){0,8}${DOMAIN_DOT}\p{L}{2,24}(?![\p{L}\p{N}])`,
  'giu',
);
const AT_MARKER = new RegExp(String.raw`${AT_SIGN}|${OPEN}${SP}at${SP}${CLOSE}`, 'iu');
const SPOKEN_AT = /\sat\s/i;
// Spelled out: `jane dot doe at example dot co dot uk` (only with a well-known last label, so
// "look at example dot points" stays).
const SPELLED_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${LOCAL_WORD}(?:\s{1,3}dot\s{1,3}${LOCAL_WORD}){0,16}\s{1,3}at\s{1,3}${LABEL}(?:\s{1,3}dot\s{1,3}${LABEL}){0,8}\s{1,3}dot\s{1,3}(?:com|org|net|edu|gov|ac|co|uk|io|info|biz|us|ca|au|ie|de|fr|nl)(?![\p{L}\p{N}])`,
  'giu',
);
// Spoken `at` before a domain written with its dots: `jo at example.com`, `j.smith at uni.ac.uk`
// (only with a well-known last label; "look at gov.uk" is a site, not an address).
const SPOKEN_AT_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(?!(?:look|looked|looking|apply|applied|available|online|found|listed|advertised|posted|jobs|careers|us|here|site|website)\s)${LOCAL_WORD}(?:[.．]${LOCAL_WORD}){0,16}\s{1,3}at\s{1,3}${LABEL}(?:[.．]${LABEL}){0,8}[.．](?:com|org|net|edu|gov|ac|co|uk|io|info|biz|us|ca|au|nz|ie|de|fr|nl|es|it|in|za)(?![\p{L}\p{N}]|[.．]\p{L})`,
  'giu',
);
// A mail provider named without its domain: `jane.doe at gmail`, `jdoe at hotmail dot co dot uk`.
const PROVIDER_EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${LOCAL_WORD}(?:[.．]${LOCAL_WORD}){0,16}\s{1,3}at\s{1,3}(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|aol|protonmail|btinternet|ymail)(?:(?:${DOMAIN_DOT}|\s{1,3}dot\s{1,3})\p{L}{2,24}){0,3}(?![\p{L}\p{N}-])`,
  'giu',
);

// A person's page on a social or portfolio site ("linkedin.com/in/rahulkumar", "github.com/jsmith",
// "x.com/jo_smith"): the address is the person. A company's page ("linkedin.com/company/acme") stays.
const PROFILE_LINK =
  /(?<![\p{L}\p{N}.@-])(?:https?:\/\/)?(?:[a-z]{2,3}\.)?(?:linkedin\.com\/(?:in|pub)|github\.com|gitlab\.com|twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|tiktok\.com|behance\.net|dribbble\.com|medium\.com)\/@?[\p{L}\p{N}_%-](?:[\p{L}\p{N}_.%-]{0,98}[\p{L}\p{N}_%-])(?:\/(?:[^\s<>"'),;]{0,200}[^\s<>"'),;.])?)?/giu;
const PROFILE_MARKER = /\.(?:com|net)\//i;

/** Separators inside a phone number: space, dot, hyphen, en/em dash, slash (optionally spaced). */
const SEP = String.raw`(?:[ \u00a0]?[.\-\u2010-\u2015/][ \u00a0]?|[ \u00a0])`;
/** Words glued to a number that mark it as a phone: `mob07700900123`, `tel:020…`, `t. 020…`. */
const PREFIX = String.raw`(?:tel|tele|telephone|phone|ph|mob|mobile|cell|fax|whatsapp|m|t)`;
const START = String.raw`(?:(?<![\p{L}\p{N}_+\-/£$€¥])(?<!\d[,.])|(?<=(?<![\p{L}])${PREFIX}[.:]?))`;
const EXTENSION = String.raw`(?:[ ,]*(?:x|ext|extn|extension)\.?[ :]*\d{1,6})?`;
// A run of digit groups that may be one or more phone numbers; checked and trimmed below.
const PHONE_RUN = new RegExp(String.raw`${START}(?:\+[ ]?|00)?\(?\d{1,6}\)?(?:${SEP}?\(?\d{1,6}\)?){0,7}`, 'gu');
const EXTENSION_AFTER = new RegExp(`^${EXTENSION}`, 'iu');
/** Dates are digit groups too: `01/02/2026 03/04/2026` is two dates, not a phone number. */
const DATE_AHEAD = /^(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}([/.-])\d{1,2}\2\d{1,2})(?!\d)/;

interface Group {
  digits: string;
  /** End offset of the group (closing bracket included) within the run. */
  end: number;
}

function groupsOf(run: string): Group[] {
  const groups: Group[] = [];
  for (const match of run.matchAll(/\(?(\d+)\)?/g)) groups.push({ digits: match[1], end: match.index + match[0].length });
  return groups;
}

/** Characters at the start of `run` that form one phone number, or 0 when it does not start with one. */
function phoneLength(run: string): number {
  const groups = groupsOf(run);
  const international = run.startsWith('+') || /^00[1-9]/.test(run);
  // Take the shortest leading groups that make a phone, extending while the number stays valid:
  // "07700 900123 07700 900124" is two numbers, "+44 20 7946 0958 12345" a number and a code.
  let best = 0;
  let digits = 0;
  for (let i = 0; i < groups.length; i++) {
    digits += groups[i].digits.length;
    const head = run.slice(0, groups[i].end);
    if (validPhone(head, digits, international, i + 1)) best = groups[i].end;
    else if (best > 0) break;
    if (digits > 15) break;
  }
  return best;
}

function validPhone(head: string, digits: number, international: boolean, groups: number): boolean {
  if (international) {
    const withoutPrefix = head.replace(/^(\+|00)/, '');
    return digits - (head.startsWith('00') ? 2 : 0) >= 8 && digits - (head.startsWith('00') ? 2 : 0) <= 15 && /\d/.test(withoutPrefix);
  }
  const compact = head.replace(/[()]/g, '');
  if (compact.startsWith('0')) return digits === 10 || digits === 11;
  // Ten digits written as one number: a phone without its trunk 0 or area separators.
  if (groups === 1 && digits === 10) return true;
  // North American: 3-3-4 with separators, optionally after a leading 1 ("1-800-555-0199").
  if (groups >= 3) {
    const shape = groupsOf(head).map((g) => g.digits.length);
    const nanp = shape.length === 3 ? shape : shape[0] === 1 && shape.length === 4 && head.startsWith('1') ? shape.slice(1) : null;
    return nanp !== null && nanp[0] === 3 && nanp[1] === 3 && nanp[2] === 4;
  }
  return false;
}

// A local number without its area code ("ph: 555 0147", "phone 9876 5432", "call me on 98765432",
// "my number is 555 0147", "reach me at 555-0147", "Contact: 555-0147") is too short to tell from
// other figures on its own, so it counts only right after words for a phone ("reference number
// 20240118" is no phone).
const PHONE_LABEL_BEFORE =
  /(?:^|[^\p{L}])(?:(?:ph|phone|telephone|tel|mob|mobile|cell|cellphone|call|ring|fax|whatsapp|landline|contact|reach|(?:text|txt)(?=[ \t\u00a0]{1,3}(?:me|us)\b))\.?(?:[ \t\u00a0]{1,3}(?:number|no\.?))?|my[ \t\u00a0]{1,3}(?:number|no\.?))(?:[ \t\u00a0]{1,3}is)?:?[ \t\u00a0]{0,3}(?:(?:me|us|him|her|them)[ \t\u00a0]{1,3})?(?:(?:on|at)[ \t\u00a0]{1,3})?$/iu;
const LOCAL_DIGITS = { min: 6, max: 9 };

/** Characters at the start of `run` that form a local number (groups of 2+ digits, 6–9 in all), or 0. */
function localPhoneLength(run: string): number {
  let best = 0;
  let digits = 0;
  for (const group of groupsOf(run)) {
    if (group.digits.length < 2) break;
    digits += group.digits.length;
    if (digits > LOCAL_DIGITS.max) break;
    if (digits >= LOCAL_DIGITS.min) best = group.end;
  }
  return best;
}

/** An extension on its own ("ext. 214", "extension 3301"): a staff member's direct line. */
const LONE_EXTENSION = /(?<![\p{L}\p{N}])(?:ext|extn|extension)\.?[ :]{0,3}\d{2,6}(?![\p{N}])/giu;

/**
 * A number partly masked by hand ("+61 4xx 123 456", "07xxx 900123", "0412 *** 456") keeps digits
 * that are still the student's: masks beside digits, or standing as a group of two or more, are read
 * as digits, so the whole number is found and hidden. The same length, so offsets hold.
 */
const MASK_MARKER = /[xX*•]/;
// A lone "x" before digits is an extension ("x12"), not a mask.
const MASKED_GROUP = /(?<![\p{L}])(?:\d+[xX*•]+\d*|[xX*•]{2,}\d*)(?![\p{L}])/gu;
function masksAsDigits(text: string): string {
  return MASK_MARKER.test(text) ? text.replace(MASKED_GROUP, (group) => group.replace(/[xX*•]/g, '0')) : text;
}

function redactPhones(text: string): string {
  // Found in the text with its masks read as digits; cut from the text as written.
  const read = masksAsDigits(text);
  let out = '';
  let last = 0;
  PHONE_RUN.lastIndex = 0;
  for (let match = PHONE_RUN.exec(read); match !== null; match = PHONE_RUN.exec(read)) {
    const date = DATE_AHEAD.exec(read.slice(match.index, match.index + 12));
    if (date) {
      PHONE_RUN.lastIndex = match.index + date[0].length;
      continue;
    }
    let length = phoneLength(match[0]);
    if (length === 0 && PHONE_LABEL_BEFORE.test(read.slice(Math.max(0, match.index - 40), match.index)))
      length = localPhoneLength(match[0]);
    // A bracket closing the words around the number ("(call her on 0161 496 0000) said") stays.
    const taken = match[0].slice(0, length);
    if (taken.endsWith(')') && taken.split(')').length > taken.split('(').length) length--;
    const end = match.index + length;
    // A number glued to more digits or letters ("0770090012345", "07700900123abc") is not a phone.
    if (length === 0 || /[\p{L}\p{N}]/u.test(read[end] ?? '')) {
      PHONE_RUN.lastIndex = match.index + Math.max(1, match[0].search(/\d/) + 1);
      continue;
    }
    const extension = EXTENSION_AFTER.exec(text.slice(end, end + 40))?.[0] ?? '';
    out += text.slice(last, match.index) + PHONE_PLACEHOLDER;
    last = end + extension.length;
    PHONE_RUN.lastIndex = last;
  }
  return (out + text.slice(last)).replace(LONE_EXTENSION, PHONE_PLACEHOLDER);
}

export function redactText(text: string): string {
  if (text === '') return text;
  if (/\d/.test(text)) text = redactIdentity(text);
  let withoutEmails = text;
  // Each pattern needs its marker: most text has none, and is not scanned for addresses at all.
  if (AT_MARKER.test(text)) withoutEmails = withoutEmails.replace(EMAIL, EMAIL_PLACEHOLDER);
  if (SPOKEN_AT.test(withoutEmails))
    withoutEmails = withoutEmails
      .replace(SPELLED_EMAIL, EMAIL_PLACEHOLDER)
      .replace(PROVIDER_EMAIL, EMAIL_PLACEHOLDER)
      .replace(SPOKEN_AT_DOMAIN, EMAIL_PLACEHOLDER);
  const withoutProfiles = PROFILE_MARKER.test(withoutEmails) ? withoutEmails.replace(PROFILE_LINK, PROFILE_PLACEHOLDER) : withoutEmails;
  return /\d/.test(withoutProfiles) ? redactPhones(withoutProfiles) : withoutProfiles;
}

/** True when the value holds an email address or a phone number. */
export function containsContactDetails(value: string): boolean {
  return redactText(value) !== value;
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The longest value read as a person's name ("María de los Ángeles García y López" is 8 words, 37 characters). */
const MAX_NAME_CHARS = 100;
const MAX_NAME_WORDS = 10;

/**
 * The parts of a person's name worth hiding: the full value and each word of two letters or more
 * ("Jane Doe" → "Jane Doe", "Jane", "Doe"; "Doe, Jane" → the same words).
 */
export function nameParts(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2 || /@/.test(trimmed)) continue;
    // Not a name but a note or a pasted paragraph in a name column: its words are no names, and a
    // cell of 50,000 characters would make a pattern too large to compile.
    if (trimmed.length > MAX_NAME_CHARS || trimmed.split(/\s+/).length > MAX_NAME_WORDS) continue;
    parts.add(trimmed);
    for (const word of trimmed.split(/[\s,]+/))
      if (word.replace(/[^\p{L}]/gu, '').length >= 2) parts.add(word.replace(/^[.'’-]+|[.'’-]+$/g, ''));
  }
  return [...parts].filter((p) => p !== '').sort((a, b) => b.length - a.length);
}

/**
 * Replaces the given names (whole words, any case, possessives included) with `[name]`, also where
 * digits are glued to them: an id and a name run together ("C-0042Aisha Khan", from a formula
 * joining two cells) still hides the name.
 */
export function redactNames(text: string, names: readonly string[]): string {
  const parts = nameParts(names);
  if (parts.length === 0) return text;
  const pattern = new RegExp(`(?<!\\p{L})(?:${parts.map(escapeRegExp).join('|')})(?!\\p{L})`, 'giu');
  return text.replace(pattern, NAME_PLACEHOLDER);
}

// Names the text itself marks as names, with no name column to give them: whom a greeting, a
// thank-you or a sign-off addresses ("Dear Sam,", "Thank you for coming in, Sam.", "Kind
// regards, Jo Smith"). A capitalised word in such a place is a name unless it is one of these.
const NOT_NAMES = new Set([
  'team',
  'all',
  'everyone',
  'again',
  'sir',
  'madam',
  'there',
  'candidate',
  'applicant',
  'you',
  'the',
  'for',
  'and',
]);
// A name word: capitalised in a script with case, or a word of a script without case (Arabic,
// Hebrew, Devanagari, Thai), or two to four characters of Chinese, Japanese or Korean (written
// without spaces), where capitals cannot mark a name.
const CASED_NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?`;
const UNCASED_NAME_WORD = String.raw`[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Devanagari}\p{sc=Thai}\p{M}]{2,20}`;
const CJK_NAME = String.raw`[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}]{2,4}`;
const NAME_WORD = String.raw`(?:${CASED_NAME_WORD}|${UNCASED_NAME_WORD})`;
/** Where a name addressed ends: punctuation of any script, a line break or the end. */
const NAME_END = String.raw`(?=\s{0,3}(?:[,.!?:;\n—–\-،؛。，、：！？]|$))`;
// In English and in the other languages feedback is read in (German, French, Spanish, Dutch), and
// in those a student's own correspondence may be in (Italian, Portuguese, Polish, Russian,
// Ukrainian, Greek, Turkish, Arabic, Hebrew, Hindi).
const GREETINGS = [
  'Dear|Hi|Hello|Hey|Thanks|Thank you|Congratulations|Congrats|Well done|Good luck|Sorry',
  'Bonjour|Bonsoir|Salut|Cher|Chère|Merci|Félicitations|Bravo',
  'Hola|Estimado|Estimada|Querido|Querida|Gracias|Enhorabuena|Felicidades',
  'Hallo|Liebe|Lieber|Danke|Glückwunsch|Herzlichen Glückwunsch',
  'Beste|Hoi|Dag|Bedankt|Gefeliciteerd',
  'Gentile|Caro|Cara|Ciao|Buongiorno|Prezado|Prezada|Olá|Oi|Obrigado|Obrigada|Grazie',
  'Szanowna Pani|Szanowny Panie|Droga|Drogi|Cześć|Dzień dobry|Sayın|Merhaba',
  'Уважаемый|Уважаемая|Дорогой|Дорогая|Здравствуйте|Привет|Спасибо|Шановний|Шановна|Αγαπητέ|Αγαπητή',
  'عزيزي|عزيزتي|مرحبا|مرحباً|السيد|السيدة|شكرا|שלום|היי|प्रिय|नमस्ते',
].join('|');
/** Chinese greetings run into the name without a space ("亲爱的王小明："). */
const CJK_GREETINGS = '亲爱的|親愛的|尊敬的';
/** Chinese, Japanese and Korean write a name before its honorific ("田中様", "김민수님"). */
const CJK_HONORIFICS = '様|さん|님|씨';
/** Honorifics after words that are not names ("선생님", teacher; "고객님", customer). */
const CJK_NOT_NAMES = new Set(['선생', '고객', '여러분', '담당자']);
const SIGN_OFFS = [
  'Kind regards|Best regards|Warm regards|Regards|Best wishes|Many thanks|Thanks|Cheers|Sincerely|Yours sincerely|Yours faithfully|Best',
  'Cordialement|Bien cordialement|Bien à vous|Salutations|Amicalement',
  'Saludos|Un saludo|Saludos cordiales|Atentamente|Cordialmente',
  'Mit freundlichen Grüßen|Freundliche Grüße|Viele Grüße|Beste Grüße|Liebe Grüße|Grüße',
  'Met vriendelijke groet|Vriendelijke groet|Hartelijke groet|Groeten|Groet',
  'Cordiali saluti|Distinti saluti|Un saluto|Saluti|Atenciosamente|Cumprimentos|Abraços|Z poważaniem|Pozdrawiam|Saygılarımla',
  'С уважением|С наилучшими пожеланиями|Всего доброго|Всего наилучшего|З повагою|Με εκτίμηση',
  'مع أطيب التحيات|مع خالص التحيات|مع التحية|مع تحياتي|تحياتي|בברכה|सादर|धन्यवाद',
  '此致\\s{0,3}敬礼|此致|祝好|顺祝商祺|敬具|よろしくお願いいたします|よろしくお願いします|감사합니다|드림',
].join('|');
const ADDRESSED = [
  // A greeting at the start of a sentence: "Dear Sam,", "Hi Priya -", "Well done Aisha, but …".
  new RegExp(String.raw`(?<=(?:^|[.!?\n]\s{0,3})(?:${GREETINGS})[ ,،]{1,3})(${NAME_WORD}(?: ${NAME_WORD})?)${NAME_END}`, 'gu'),
  new RegExp(String.raw`(?<=(?:^|[.!?。！？\n]\s{0,3})(?:${CJK_GREETINGS})\s{0,2})(${CJK_NAME})${NAME_END}`, 'gu'),
  // The person thanked, at the end of the sentence: "Thank you for coming in, Sam." (not after
  // another capitalised word: "applying to Deloitte, London.")
  new RegExp(
    String.raw`(?<=(?:^|[.!?\n]\s{0,3})(?:Thank you|Thanks|Many thanks)\b[^.!?\n,]{0,80}(?<!\p{Lu}\p{Ll}{0,40}), ?)(${NAME_WORD})(?=\s{0,3}(?:[.!?\n]|$))`,
    'gu',
  ),
  // A sign-off at the end of the text: "Kind regards, Jo Smith", "Best wishes\nTom".
  new RegExp(String.raw`(?<=(?:${SIGN_OFFS})[,.،，]?\s{1,3})(${NAME_WORD}(?: ${NAME_WORD}){0,2}|${CJK_NAME})(?=[\s.。]{0,3}$)`, 'gu'),
  // Signed in lowercase, as a quick reply is ("thanks, jo", "Cheers,⏎maureen"): one word after the
  // sign-off's comma or line break, ending the text ("Best of luck", "Best, good luck" are no names).
  new RegExp(
    String.raw`(?<=(?:^|[.!?\n]\s{0,3})(?:${SIGN_OFFS}|${SIGN_OFFS.toLowerCase()})(?:,\s{0,3}|\s{0,2}\n\s{0,2}))(\p{Ll}[\p{Ll}'’-]{1,19})(?=[\s.!]{0,3}$)`,
    'gu',
  ),
];
/** A name before a Chinese, Japanese or Korean honorific: the name goes, the honorific stays. */
const BEFORE_HONORIFIC = new RegExp(String.raw`${CJK_NAME}(?=${CJK_HONORIFICS})`, 'gu');

/** Replaces the names greetings, thank-yous and sign-offs address with `[name]`. */
export function redactAddressedNames(text: string): string {
  let out = text;
  // "Regards, Recruitment Team": a sign-off from a team, not a person.
  const notAName = (name: string) => name.split(' ').some((word) => NOT_NAMES.has(word.toLowerCase()));
  for (const pattern of ADDRESSED) out = out.replace(pattern, (name) => (notAName(name) ? name : NAME_PLACEHOLDER));
  return out.replace(BEFORE_HONORIFIC, (name) => (CJK_NOT_NAMES.has(name) ? name : NAME_PLACEHOLDER));
}
