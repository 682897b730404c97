// Which column plays which role. Header names are compared without case, spaces or punctuation
// (and with camelCase split: `ResponseId` = `response id`). An exact synonym beats a header that
// merely contains one; ties go to the earlier synonym in the list, then to the leftmost column.
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../types.js';
import { usageError } from '../errors.js';
import { listColumns } from './column-list.js';
import { headerWords, normaliseHeader } from './header-words.js';
import { isEmailHeader, isPersonNameHeader, isStaffHeader, looksLikeEmails, looksLikeNames } from './people.js';
import { isBirthDateHeader } from './personal-details.js';
import {
  APP_IDS,
  COLUMN_SYNONYMS,
  EMAIL_ONLY_CANDIDATE,
  EXACT_ONLY,
  PERSONAL_CANDIDATE,
  SYSTEM_COLUMNS,
  SYSTEM_ROLES,
} from './synonyms.js';

export { headerWords, normaliseHeader } from './header-words.js';
export { COLUMN_SYNONYMS } from './synonyms.js';
export { columnLetter, listColumns } from './column-list.js';
export { noTextColumnError } from './no-text-column.js';

/** Abbreviations ATS exports put in headers ("Cand. Ref", "Appl. No"), read as the words they stand for. */
const ABBREVIATIONS: Record<string, string> = { cand: 'candidate', appl: 'applicant', stu: 'student', stud: 'student' };

function headerTerms(header: string): string[] {
  return headerWords(header).map((word) => ABBREVIATIONS[word] ?? word);
}

/** Equal, or equal but for a plural `s` ("reasons" mentions "reason"). */
function sameWord(a: string, b: string): boolean {
  return a === b || a === `${b}s` || b === `${a}s`;
}

function containsWords(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (!sameWord(haystack[i + j], needle[j])) continue outer;
    return true;
  }
  return false;
}

/**
 * How a header's words (and the survey question above it, `labels` after the header) name a
 * synonym: `exact`ly, as a `part` of a longer label (never a generic synonym such as "id" or
 * "note": "Job ID" is not an id column), or not at all (null).
 */
function synonymMatch(labels: readonly string[][], synonym: string, synonymWords: string[]): 'exact' | 'part' | null {
  if (labels[0]!.join('') === synonymWords.join('')) return 'exact';
  return !EXACT_ONLY.has(synonym) && labels.some((label) => containsWords(label, synonymWords)) ? 'part' : null;
}

interface Candidate {
  role: ColumnRole;
  column: number;
  exact: boolean;
  /** 0 exact, 1 contained; personal candidate columns (names, emails) come after every other match. */
  tier: number;
  rank: number;
  /** Mean length of the column's sampled values (prefers the real free-text column). */
  meanLength: number;
}

export interface DetectColumnsInput {
  headers: string[];
  /** Question text per column in survey exports; also matched (as "contains") when given. */
  questions?: string[] | null;
  /** A few data rows, to prefer the column with longer values among equally good text matches. */
  sampleRows?: string[][];
  /** Roles already fixed by the user, and the columns they took. */
  fixed?: ColumnMapping;
}

/** Auto-detect roles for the columns not fixed by the user. Returns the full mapping. */
export function detectColumns(input: DetectColumnsInput): ColumnMapping {
  return detectColumnsExplained(input).mapping;
}

/** The mapping, plus a note for each role where another column fitted as well as the one chosen. */
export function detectColumnsExplained(input: DetectColumnsInput): { mapping: ColumnMapping; notes: string[] } {
  const { headers, questions, sampleRows = [] } = input;
  const mapping: ColumnMapping = { ...(input.fixed ?? {}) };
  const usedColumns = new Set(Object.values(mapping).map((name) => headers.indexOf(name!)));
  const meanLengths = headers.map((_, column) => {
    if (sampleRows.length === 0) return 0;
    let total = 0;
    for (const row of sampleRows) total += (row[column] ?? '').trim().length;
    return total / sampleRows.length;
  });

  // No letter in any sampled row (blank, or numbers: a German "Note" is a grade, "2,5"): not where feedback is written.
  const wordless = headers.map((_, column) => sampleRows.every((row) => !/\p{L}/u.test(row[column] ?? '')));
  const coded = headers.map((_, column) => looksCoded(sampleRows.map((row) => row[column] ?? '')));
  const holdsNames = headers.map((_, column) => looksLikeNames(sampleRows.map((row) => row[column] ?? '')));
  // Among personal columns an email tells two students of one name apart, so one that holds
  // addresses comes first ("anonymous" in every row of an anonymous form does not count).
  const holdsEmails = headers.map((_, column) => looksLikeEmails(sampleRows.map((row) => row[column] ?? '')));

  const candidates: Candidate[] = [];
  for (const role of COLUMN_ROLES) {
    if (mapping[role] !== undefined) continue;
    COLUMN_SYNONYMS[role].forEach((synonym, rank) => {
      const synonymWords = headerTerms(synonym);
      const personalSynonym = role === 'candidate' && PERSONAL_CANDIDATE.has(synonym) ? 2 : 0;
      headers.forEach((header, column) => {
        const words = headerTerms(header);
        // A bare "Student" or "Candidate" column that holds names is personal data, not an id.
        const personalHeader = role === 'candidate' && (isPersonNameHeader(header) || isEmailHeader(header) || holdsNames[column]) ? 2 : 0;
        const personal = Math.max(personalSynonym, personalHeader) - (personalHeader > 0 && holdsEmails[column] ? 0.5 : 0);
        // A text column with no words in any sampled row (blank, or numbers) loses to any text column with words in it.
        const blank = role === 'text' && sampleRows.length > 0 && wordless[column] ? 3 : 0;
        // A tracker's reason code ("Not Selected" in every row) loses to the feedback written out beside it.
        const code = role === 'text' && REASON_SYNONYMS.has(synonym) && coded[column] ? 1 : 0;
        if (SYSTEM_COLUMNS.has(words.join('')) && !SYSTEM_ROLES.has(role)) return;
        if (isBirthDateHeader(header)) return;
        // "Stage 1 feedback" holds feedback, not the stage it names.
        if (role === 'stage' && namesFeedback(words)) return;
        if (role === 'candidate' && EMAIL_ONLY_CANDIDATE.has(synonym) && !holdsEmails[column]) return;
        const labels = [words];
        const question = questions?.[column];
        if (question) labels.push(headerWords(question));
        const match = synonymMatch(labels, synonym, synonymWords);
        if (match === null) return;
        const exact = match === 'exact';
        candidates.push({ role, column, exact, tier: (exact ? 0 : 1) + personal + blank + code, rank, meanLength: meanLengths[column] });
      });
    });
  }

  const roleOrder = (role: ColumnRole) => COLUMN_ROLES.indexOf(role);
  candidates.sort(
    (a, b) =>
      a.tier - b.tier ||
      roleOrder(a.role) - roleOrder(b.role) ||
      // Among headers that only mention "feedback", the free-text one has the longest values.
      (a.role === 'text' && !a.exact ? b.meanLength - a.meanLength : 0) ||
      a.rank - b.rank ||
      a.column - b.column,
  );
  const chosen = new Map<ColumnRole, Candidate>();
  for (const candidate of candidates) {
    if (mapping[candidate.role] !== undefined || usedColumns.has(candidate.column)) continue;
    mapping[candidate.role] = headers[candidate.column];
    usedColumns.add(candidate.column);
    chosen.set(candidate.role, candidate);
  }

  // Another column that matched as well (same tier, same synonym) and took no other role is a real ambiguity.
  const notes: string[] = [];
  for (const [role, winner] of chosen) {
    const rivals = new Set(
      candidates
        .filter(
          (c) =>
            c.role === role &&
            c.column !== winner.column &&
            c.tier === winner.tier &&
            c.rank === winner.rank &&
            !Object.values(mapping).includes(headers[c.column]),
        )
        .map((c) => headers[c.column]),
    );
    if (rivals.size === 0) continue;
    const others = [...rivals]
      .slice(0, 3)
      .map((h) => JSON.stringify(h))
      .join(', ');
    notes.push(
      `${role} column: chose ${JSON.stringify(headers[winner.column])} over ${others}; use --${role}-column NAME to choose another`,
    );
  }
  // An "ID" column whose values repeat beside a candidate column of names or emails names students,
  // not rows: it is the candidate, a student number, and the names stay a name column. An
  // application's code repeats over the rows of one application, and stays its id.
  const idChosen = chosen.get('id');
  const candidateChosen = chosen.get('candidate');
  if (
    idChosen &&
    candidateChosen &&
    candidateChosen.tier >= PERSONAL_TIER &&
    !APP_IDS.includes(COLUMN_SYNONYMS.id[idChosen.rank]!) &&
    valuesRepeat(sampleRows.map((row) => row[idChosen.column] ?? ''))
  ) {
    mapping.candidate = headers[idChosen.column];
    delete mapping.id;
    notes.push(
      `id column ${JSON.stringify(headers[idChosen.column])} repeats its values, so it is read as the student (candidate) column; use --id-column or --candidate-column NAME to choose otherwise`,
    );
  }
  return { mapping, notes };
}

/** Text synonyms that name a reason, which trackers keep as a dropdown of set words. */
const REASON_SYNONYMS = new Set([
  ...['reason', 'rejection reason', 'reason for rejection', 'begründung', 'absagegrund', 'ablehnungsgrund'],
  ...['motif du refus', 'motif', 'motivo del rechazo', 'motivo'],
]);

/** A column of a few set values, repeated, of four words at most ("Not Selected", "Position Filled"): a code, not writing. */
function looksCoded(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim().toLowerCase()).filter((value) => value !== '');
  return filled.length >= 2 && new Set(filled).size < filled.length && filled.every((value) => value.split(/\s+/).length <= 4);
}

/** The lowest tier a candidate column of names or emails gets (an exact email header: 0 + 2 − 0.5). */
const PERSONAL_TIER = 1.5;

/** Some non-empty value is there twice. */
function valuesRepeat(values: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const value of values.map((v) => v.trim()).filter((v) => v !== '')) {
    if (seen.has(value)) return true;
    seen.add(value);
  }
  return false;
}

/**
 * Other columns whose names say feedback ("Comments" beside "Feedback"), left of right, that took no
 * role: a row whose text column is blank reads its feedback from the first of them that has some.
 * Columns of people (names, staff) are never read as feedback.
 */
export function spareTextColumns(headers: string[], mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping));
  const spares: number[] = [];
  headers.forEach((header, column) => {
    if (used.has(header) || isPersonNameHeader(header) || isStaffHeader(header)) return;
    const words = headerTerms(header);
    if (SYSTEM_COLUMNS.has(words.join(''))) return;
    if (namesFeedback(words)) spares.push(column);
  });
  return spares;
}

const TEXT_SYNONYMS = COLUMN_SYNONYMS.text.map((synonym) => [synonym, headerTerms(synonym)] as const);

/** The words of a feedback synonym a header holds ("feedback" in "Stage 1 feedback"), or null. */
function feedbackWords(words: string[]): string[] | null {
  return TEXT_SYNONYMS.find(([synonym, synonymWords]) => synonymMatch([words], synonym, synonymWords) !== null)?.[1] ?? null;
}

function namesFeedback(words: string[]): boolean {
  return feedbackWords(words) !== null;
}

/** Words that name a stage beside a feedback word: "Stage 2 feedback", "Interview comments", "Round 1 notes". */
const STAGE_WORDS = new Set([
  'stage',
  'round',
  'step',
  'phase',
  'application',
  'cv',
  'screening',
  'test',
  'telephone',
  'phone',
  'video',
  'interview',
  'assessment',
  'final',
  'first',
  'second',
  'third',
]);

/** A feedback column of an export written a column per stage, and the stage its header names. */
export interface StageTextColumn {
  column: number;
  stage: string;
}

/**
 * Feedback written a column per stage ("Stage 1 feedback", "Stage 2 feedback"; "Application
 * feedback", "Interview feedback"): every feedback column whose header names a stage, when there are
 * two or more and the text column is one of them; otherwise none. A row's feedback is then all of
 * them, and its stage (without a stage column) the last one filled: one row is one application.
 */
export function stageTextColumns(headers: string[], mapping: ColumnMapping): StageTextColumn[] {
  const found: StageTextColumn[] = [];
  headers.forEach((header, column) => {
    const words = headerTerms(header);
    const feedback = feedbackWords(words);
    if (feedback === null) return;
    const rest = words.filter((word) => !feedback.some((f) => sameWord(word, f)));
    // A number alone ("Feedback 1", "Feedback 2") numbers applications, not stages.
    if (!rest.some((word) => STAGE_WORDS.has(word)) || !rest.every((word) => STAGE_WORDS.has(word) || /^\d{1,2}$/.test(word))) return;
    const stage = header
      .split(/\s+/)
      .filter((part) => !feedback.some((f) => sameWord(headerWords(part).join(''), f)))
      .join(' ')
      .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
    found.push({ column, stage });
  });
  return found.length >= 2 && found.some(({ column }) => headers[column] === mapping.text) ? found : [];
}

/** Where a forced column name came from, for the error message. */
export type OverrideSource = 'flag' | 'file';

/**
 * Resolve user-forced header names against the file's headers: exact first, then ignoring case
 * and punctuation. A name that matches nothing is a usage error listing the columns found.
 */
export function resolveOverrides(
  fileLabel: string,
  headers: string[],
  overrides: { role: ColumnRole; name: string; source: OverrideSource }[],
): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const { role, name, source } of overrides) {
    const wanted = name.trim();
    const found =
      headers.find((h) => h === wanted) ??
      headers.find((h) => h.toLowerCase() === wanted.toLowerCase()) ??
      headers.find((h) => normaliseHeader(h) !== '' && normaliseHeader(h) === normaliseHeader(wanted));
    if (found === undefined) {
      const flag = `--${role}-column`;
      const where = source === 'flag' ? flag : `the ${role} column set for this file in the config file`;
      const fix =
        source === 'flag'
          ? `Check the spelling or run without ${flag} to auto-detect.`
          : 'Check the spelling in the config file, or remove it to auto-detect.';
      throw usageError(`${fileLabel}: no column "${name}" (${where}). Columns found: ${listColumns(headers)}. ${fix}`);
    }
    mapping[role] = found;
  }
  return mapping;
}
