// Personal data in feedback (a recruiter's email or phone number, a candidate's contact details)
// must not travel into reports, CSVs, JSON or logs. Redaction runs once, right after ingest, so
// every later stage and output only ever sees the redacted text.

import type { FeedbackItem, RejectedRow } from './types.js';

export const EMAIL_PLACEHOLDER = '[email]';
export const PHONE_PLACEHOLDER = '[phone]';

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// A phone number: international (+44 20 7946 0958, +1 (555) 123-4567, 0044 …), UK national
// (07700 900123, (020) 7946 0958, 0161-496-0000) or North American 555-123-4567. Digit groups
// may be separated by spaces, dots, dashes or brackets. The digit count check below keeps years,
// salaries ("£25,000") and scores ("7/10") out.
const PHONE_CANDIDATE =
  /(?<![\w+])(?:\+|00)?\(?\d{1,4}\)?(?:[ .\-\u00a0]?\(?\d{1,5}\)?){1,6}(?![\w])/g;

function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  const international = /^(\+|00)/.test(candidate);
  const nationalTrunk = candidate.replace(/^\(/, '').startsWith('0');
  const northAmerican = /^\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$/.test(candidate);
  // A bare run of digits with no separators and no prefix is more likely an id than a phone.
  return international || nationalTrunk || northAmerican;
}

export function redactText(text: string): string {
  const withoutEmails = text.replace(EMAIL, EMAIL_PLACEHOLDER);
  return withoutEmails.replace(PHONE_CANDIDATE, (match) => (looksLikePhone(match) ? PHONE_PLACEHOLDER : match));
}

export function redactItems(items: FeedbackItem[]): FeedbackItem[] {
  return items.map((item) => {
    const text = redactText(item.text);
    return text === item.text ? item : { ...item, text };
  });
}

export function redactRejects(rejects: RejectedRow[]): RejectedRow[] {
  return rejects.map((row) => ({ ...row, raw: redactText(row.raw), reason: redactText(row.reason) }));
}
