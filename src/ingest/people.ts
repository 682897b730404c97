// Which columns hold personal data about people: names (redacted from the row's text wherever
// they appear) and what the candidate column holds (an id is kept; an email or a name becomes a
// pseudonym at redaction).
import type { CandidateKind, ColumnMapping } from '../types.js';
import { headerWords } from './header-words.js';
import { COLUMN_SYNONYMS } from './synonyms.js';

const NAME_WORDS = new Set([
  'name',
  'names',
  'surname',
  'forename',
  'forenames',
  'firstname',
  'lastname',
  'fullname',
  // German, French, Spanish, Dutch.
  'vorname',
  'nachname',
  'familienname',
  'nom',
  'prénom',
  'prenom',
  'nombre',
  'apellido',
  'apellidos',
  'naam',
  'voornaam',
  'achternaam',
]);
/**
 * Names of things, not people: "Company Name", "Programme name", "File name". Every one-word name
 * of an employer column, in each language read, counts (COLUMN_SYNONYMS), so the two lists never part.
 */
const THING_WORDS = new Set([
  ...COLUMN_SYNONYMS.employer.filter((synonym) => !synonym.includes(' ')),
  'org',
  'business',
  'job',
  'role',
  'position',
  'vacancy',
  'opportunity',
  'programme',
  'program',
  'course',
  'module',
  'school',
  'university',
  'college',
  'department',
  'team',
  'event',
  'file',
  'project',
  'product',
  'survey',
  'question',
  'scheme',
  'site',
  'campus',
  'faculty',
  'cohort',
  'user',
  'stage',
  'stelle',
  'poste',
  'puesto',
  'studiengang',
  'formation',
  'programa',
  'opleiding',
]);

export function isPersonNameHeader(header: string): boolean {
  const words = headerWords(header);
  if (!words.some((w) => NAME_WORDS.has(w))) return false;
  return !words.some((w) => THING_WORDS.has(w));
}

/** Headers that are only a word for the person ("Student", "Candidate"): their values say whether they hold names. */
const PERSON_WORDS = new Set([
  'student',
  'candidate',
  'applicant',
  'learner',
  'participant',
  'interviewee',
  'graduate',
  'bewerber',
  'bewerberin',
  'kandidat',
  'candidat',
  'étudiant',
  'candidato',
  'estudiante',
  'alumno',
  'kandidaat',
  'sollicitant',
]);

/**
 * A name column by its header ("Student name"), or a column headed only by a word for the person
 * whose sampled values are mostly names ("Student": "Tom Baker"), as spreadsheets kept by hand have.
 */
function holdsPersonNames(header: string, index: number, sampleRows: readonly string[][]): boolean {
  if (isPersonNameHeader(header)) return true;
  const words = headerWords(header);
  if (words.length !== 1 || !PERSON_WORDS.has(words[0]!)) return false;
  return looksLikeNames(sampleRows.map((row) => row[index] ?? ''));
}

export function isEmailHeader(header: string): boolean {
  const words = headerWords(header);
  return (
    words.includes('email') ||
    (words.includes('e') && words.includes('mail')) ||
    words.some((w) => w === 'mail' || w === 'courriel' || w === 'correo')
  );
}

/** Staff who handled the record: "Recorded By", "Interviewer", "Careers adviser", "Assessor". */
const STAFF_WORDS = new Set([
  'interviewer',
  'interviewers',
  'recruiter',
  'adviser',
  'advisor',
  'assessor',
  'coach',
  'consultant',
  'caseworker',
  'berater',
  'beraterin',
  'bearbeiter',
  'bearbeiterin',
  'conseiller',
  'conseillère',
  'recruteur',
  'asesor',
  'entrevistador',
  'reclutador',
  'adviseur',
]);
const BY_VERBS = new Set([
  'recorded',
  'entered',
  'logged',
  'created',
  'submitted',
  'updated',
  'modified',
  'added',
  'reviewed',
  'assigned',
  'owned',
]);

export function isStaffHeader(header: string): boolean {
  const words = headerWords(header);
  if (words.some((w) => STAFF_WORDS.has(w))) return true;
  const by = words.indexOf('by');
  return by > 0 && BY_VERBS.has(words[by - 1]!);
}

/** Words of a header that say its cells are what staff wrote, not who they are ("Interviewer 1 notes"). */
const WRITING_WORDS = new Set([
  'notes',
  'note',
  'comments',
  'comment',
  'feedback',
  'remarks',
  'observations',
  'summary',
  'reason',
  'reasons',
]);

/** A staff column that holds their names ("Interviewer", "Recorded by"), not their notes ("Interviewer notes"). */
function holdsStaffNames(header: string): boolean {
  return isStaffHeader(header) && !headerWords(header).some((word) => WRITING_WORDS.has(word));
}

/**
 * Indexes of the columns holding person names, students' or staff's, mapped or not (never the text
 * column). A staff column of notes is none: every word of its notes would be hidden from every
 * value of the row as a name ("too", "fast", "examples").
 */
export function personNameColumns(headers: string[], mapping: ColumnMapping, sampleRows: readonly string[][] = []): number[] {
  const indexes: number[] = [];
  headers.forEach((header, index) => {
    if (header === mapping.text) return;
    if (holdsPersonNames(header, index, sampleRows) || holdsStaffNames(header)) indexes.push(index);
  });
  return indexes;
}

const PHONE_WORDS = new Set([
  'phone',
  'mobile',
  'telephone',
  'tel',
  'cell',
  'telefon',
  'telefonnummer',
  'handy',
  'mobil',
  'téléphone',
  'portable',
  'teléfono',
  'móvil',
  'celular',
  'telefoon',
  'mobiel',
]);

/** Columns with the student's own contact details (not staff's): kept for the follow-up list. */
export interface ContactColumns {
  name: number[];
  email: number[];
  phone: number[];
}

export function contactColumns(headers: string[], mapping: ColumnMapping, sampleRows: readonly string[][] = []): ContactColumns {
  const columns: ContactColumns = { name: [], email: [], phone: [] };
  headers.forEach((header, index) => {
    if (header === mapping.text || isStaffHeader(header)) return;
    if (holdsPersonNames(header, index, sampleRows)) columns.name.push(index);
    // A candidate column of addresses under another name ("To" of a mail log) is the student's email too.
    else if (isEmailHeader(header) || (header === mapping.candidate && looksLikeEmails(sampleRows.map((row) => row[index] ?? ''))))
      columns.email.push(index);
    else if (headerWords(header).some((w) => PHONE_WORDS.has(w))) columns.phone.push(index);
  });
  // "Surname" before "Forename" in the sheet still writes "Priya Patel", not "Patel Priya".
  columns.name.sort((a, b) => nameOrder(headers[a]!) - nameOrder(headers[b]!));
  return columns;
}

const GIVEN_NAME = new Set('first given forename forenames firstname givenname vorname prénom prenom voornaam'.split(' '));
const FAMILY_NAME = new Set('last family surname lastname familyname nachname familienname nom apellido apellidos achternaam'.split(' '));

/** Where a name column's part goes in the name written out: a given name first, a family name last. */
function nameOrder(header: string): number {
  const words = headerWords(header);
  if (words.some((word) => GIVEN_NAME.has(word))) return 0;
  return words.some((word) => FAMILY_NAME.has(word)) ? 2 : 1;
}

/** What the candidate column holds: judged from its header, then from its sampled values. */
export function candidateKind(candidate: string | undefined, headers: string[], sampleRows: string[][]): CandidateKind | null {
  if (candidate === undefined) return null;
  if (isEmailHeader(candidate)) return 'email';
  if (isPersonNameHeader(candidate)) return 'name';
  const values = filledValues(candidate, headers, sampleRows);
  if (values.length === 0) return 'id';
  if (looksLikeEmails(values)) return 'email';
  return looksLikeNames(values) ? 'name' : 'id';
}

/** A column's filled values in the sampled rows, trimmed: what its kind is judged from. */
function filledValues(column: string, headers: readonly string[], sampleRows: readonly string[][]): string[] {
  const index = headers.indexOf(column);
  return sampleRows.map((row) => (row[index] ?? '').trim()).filter((v) => v !== '');
}

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/;

/** A student number: a token with a digit in it ("S1001", "20231187", "AP-7731"). */
const ID_TOKEN = String.raw`[\p{L}\p{N}_./-]*\p{N}[\p{L}\p{N}_./-]*`;
/** A person's name in any script: letters (and marks), with spaces, commas, dots, apostrophes, hyphens. */
const NAME_TEXT = String.raw`\p{L}[\p{L}\p{M}'’., -]*[\p{L}\p{M}.]`;
const NAME_THEN_ID = new RegExp(
  String.raw`^(${NAME_TEXT})\s*[([]\s*(${ID_TOKEN})\s*[)\]]$|^(${NAME_TEXT})\s+[-–—|:]\s+(${ID_TOKEN})$`,
  'u',
);
const ID_THEN_NAME = new RegExp(
  String.raw`^(${ID_TOKEN})\s+[-–—|:]\s+(${NAME_TEXT})$|^(${ID_TOKEN})\s*[([]\s*(${NAME_TEXT})\s*[)\]]$`,
  'u',
);

/** Whether most of a candidate column's values are a name and a number together (nameAndIdOf). */
export function holdsNamesWithIds(candidate: string | undefined, headers: readonly string[], sampleRows: readonly string[][]): boolean {
  if (candidate === undefined) return false;
  const values = filledValues(candidate, headers, sampleRows);
  return values.length > 0 && values.filter((v) => nameAndIdOf(v) !== null).length * 2 > values.length;
}

/**
 * A candidate cell that is a name and a student number together, as some platforms export it
 * ("Okafor, Chidi (S1001)", "王小明 (S1004)", "S1001 - Chidi Okafor"): the number is the student,
 * the name is personal data to hide (and to give the follow-up list). Null for anything else.
 */
export function nameAndIdOf(value: string): { id: string; name: string } | null {
  const trimmed = value.trim();
  const nameFirst = NAME_THEN_ID.exec(trimmed);
  if (nameFirst) return { name: (nameFirst[1] ?? nameFirst[3])!.trim(), id: (nameFirst[2] ?? nameFirst[4])! };
  const idFirst = ID_THEN_NAME.exec(trimmed);
  if (idFirst) return { id: (idFirst[1] ?? idFirst[3])!, name: (idFirst[2] ?? idFirst[4])!.trim() };
  return null;
}

/**
 * The one email address a value is, as exports write one: bare, after `mailto:`, or in angle
 * brackets or in parentheses after a display name (`Jo Smith <jo@example.com>`, `Smith, Jo (jo@example.com)`); null for anything else
 * ("anonymous", a note that mentions an address). One student written these ways is one student.
 */
export function emailAddressOf(value: string): string | null {
  const trimmed = value.trim();
  const bracketed =
    /^[^<>()@]*(?:<([^<>]+)>|\(([^()]+)\))$/
      .exec(trimmed)
      ?.slice(1)
      .find((part) => part !== undefined) ?? trimmed;
  const address = bracketed.trim().replace(/^mailto:/i, '');
  return ADDRESS.test(address) ? address : null;
}

/** Most of the non-empty values are email addresses (emailAddressOf), not "anonymous" nor notes that mention one. */
export function looksLikeEmails(values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  return filled.length > 0 && filled.filter((v) => emailAddressOf(v) !== null).length * 2 > filled.length;
}

/** Most of the non-empty values are two or more capitalised words with no digits ("Jane Doe", "Doe, Jane"). */
export function looksLikeNames(values: readonly string[]): boolean {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  if (filled.length === 0) return false;
  const nameLike = filled.filter((v) => !/\d/.test(v) && /^\p{Lu}[\p{L}'’.-]*(?:[ ,]+\p{Lu}[\p{L}'’.-]*)+$/u.test(v)).length;
  return nameLike * 2 > filled.length;
}
