// What redaction writes in place of personal details, each spelled here once. This module imports
// nothing, so the report's quotes (also built in the browser) can find placeholders without the
// redaction patterns.

export const EMAIL_PLACEHOLDER = '[email]';
export const PHONE_PLACEHOLDER = '[phone]';
export const PROFILE_PLACEHOLDER = '[profile]';
export const NAME_PLACEHOLDER = '[name]';
export const ID_NUMBER_PLACEHOLDER = '[id-number]';
export const BIRTH_DATE_PLACEHOLDER = '[birth-date]';
export const ADDRESS_PLACEHOLDER = '[address]';

/** The placeholders of contact and form details: all but a name's. */
export const CONTACT_PLACEHOLDERS = [
  EMAIL_PLACEHOLDER,
  PHONE_PLACEHOLDER,
  PROFILE_PLACEHOLDER,
  ID_NUMBER_PLACEHOLDER,
  BIRTH_DATE_PLACEHOLDER,
  ADDRESS_PLACEHOLDER,
] as const;

/** A pattern's alternatives that match any of `placeholders` as written. */
export function placeholderAlternatives(placeholders: readonly string[]): string {
  return placeholders.map((placeholder) => placeholder.replace(/[[\]]/g, '\\$&')).join('|');
}

const ANY_PLACEHOLDER = new RegExp(placeholderAlternatives([...CONTACT_PLACEHOLDERS, NAME_PLACEHOLDER]), 'g');

/**
 * Whether a range of `text` (start, end) touches a placeholder of redaction (`[phone]`, `[name]`): a
 * word inside one is no evidence ("phone" of `[phone]`).
 */
export function placeholderOverlap(text: string): (start: number, end: number) => boolean {
  const spans = text.includes('[')
    ? [...text.matchAll(ANY_PLACEHOLDER)].map((match) => ({ start: match.index, end: match.index + match[0].length }))
    : [];
  return (start, end) => spans.some((span) => start < span.end && end > span.start);
}

/** Text that held only personal details ("07700 900123", "[name], [email]"): nothing of it is left but placeholders. */
export function holdsOnlyRedactions(text: string): boolean {
  return text.trim() !== '' && !/[\p{L}\p{N}]/u.test(text.replace(ANY_PLACEHOLDER, ''));
}
