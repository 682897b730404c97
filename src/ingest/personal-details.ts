// Columns of a student's personal details that are no role's column: a date of birth is never the
// date of a rejection, and such cells are hidden wherever a row is quoted (rejects.csv).

import { ADDRESS_PLACEHOLDER, BIRTH_DATE_PLACEHOLDER, ID_NUMBER_PLACEHOLDER } from '../redact/placeholders.js';
import { headerWords } from './header-words.js';
import { isEmailHeader } from './people.js';

/** Words of a header naming a birth date (`Date of birth`, `DOB`, `Geburtsdatum`, `Date de naissance`). */
const BIRTH_WORDS = new Set([
  'birth',
  'dob',
  'birthday',
  'birthdate',
  'geburtsdatum',
  'geburtstag',
  'naissance',
  'nacimiento',
  'geboortedatum',
]);

/**
 * A student's date of birth: personal data, and never the date of a rejection (read as one, every
 * student's birthday reached the report's months and items.csv).
 */
export function isBirthDateHeader(header: string): boolean {
  return headerWords(header).some((w) => BIRTH_WORDS.has(w));
}

/** Words of a header naming a postal address (not an email address) or an identity number. */
const ADDRESS_WORDS = new Set(['address', 'postcode', 'adresse', 'anschrift', 'direccion', 'dirección', 'adres']);
const ID_NUMBER_HEADERS = [['ni', 'number'], ['ni', 'no'], ['national', 'insurance'], ['passport'], ['ssn'], ['social', 'security']];

/**
 * What a column of personal details holds, as the placeholder its cells become wherever a row is
 * quoted (rejects.csv): `[birth-date]`, `[address]`, `[id-number]`; null for any other column.
 */
export function personalDetailOf(header: string): string | null {
  if (isBirthDateHeader(header)) return BIRTH_DATE_PLACEHOLDER;
  const words = headerWords(header);
  if (words.some((w) => ADDRESS_WORDS.has(w)) && !isEmailHeader(header) && !words.includes('ip') && !words.includes('ipaddress'))
    return ADDRESS_PLACEHOLDER;
  if (ID_NUMBER_HEADERS.some((terms) => terms.every((term) => words.includes(term)))) return ID_NUMBER_PLACEHOLDER;
  return null;
}
