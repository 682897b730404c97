// Details pasted from a form into feedback or notes: identity numbers, dates of birth and postal
// addresses → `[id-number]`, `[birth-date]`, `[address]` (redactText runs this on text with digits).

import { ADDRESS_PLACEHOLDER, BIRTH_DATE_PLACEHOLDER, ID_NUMBER_PLACEHOLDER } from './placeholders.js';

// A form's details pasted into a notes column ("DOB 14/02/2003, NI QQ 12 34 56 C", "lives at 14
// Acacia Avenue, London SW1A 1AA").
/** A UK National Insurance number (two letters, six digits, A–D; spaced or not; `QQ`, the example prefix, too). */
const NATIONAL_INSURANCE = /(?<![\p{L}\p{N}])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/giu;
/** A US Social Security number written 3-2-4 with hyphens. */
const SOCIAL_SECURITY = /(?<![\p{N}-])\d{3}-\d{2}-\d{4}(?![\p{N}-])/gu;
/** A date of birth: the date after words that say it is one (the label stays). */
const BIRTH_DATE =
  /(?<=(?:^|[^\p{L}])(?:d\.?o\.?b\.?|date of birth|birth ?date|born(?: on)?|geburtsdatum|geboren am|née? le|fecha de nacimiento|nacid[oa] el)[ \t:,-]{0,3})(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)? \p{L}{3,9}\.? \d{2,4}|\p{L}{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})/giu;
/** A UK postcode ("SW1A 1AA", "M1 1AE"), in capitals as written on forms. */
const POSTCODE = /(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}(?![\p{L}\p{N}])/gu;
/** A house number and a street ("14 Acacia Avenue", "221B Baker Street", "Hauptstraße 12"). */
const STREET = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])\d{1,4}[A-Za-z]?,? (?:\p{Lu}[\p{Ll}'’]+ ){1,3}(?:Street|Road|Avenue|Lane|Drive|Close|Crescent|Court|Place|Terrace|Gardens|Grove|Square|Mews|Boulevard|Rd|Ave)\b\.?`,
    String.raw`(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:straße|strasse|weg|gasse|allee) \d{1,4}[a-z]?(?![\p{L}\p{N}])`,
  ].join('|'),
  'gu',
);

export function redactIdentity(text: string): string {
  return text
    .replace(BIRTH_DATE, BIRTH_DATE_PLACEHOLDER)
    .replace(NATIONAL_INSURANCE, ID_NUMBER_PLACEHOLDER)
    .replace(SOCIAL_SECURITY, ID_NUMBER_PLACEHOLDER)
    .replace(STREET, ADDRESS_PLACEHOLDER)
    .replace(POSTCODE, ADDRESS_PLACEHOLDER);
}
