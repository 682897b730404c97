// Shared records that flow between the stages. Each stage is a function over these;
// only the edges (ingest, store, report writers, CLI) do I/O.

/** The columns the tool understands; every one but `text` is optional. */
export const COLUMN_ROLES = ['text', 'id', 'candidate', 'cohort', 'stage', 'date', 'employer', 'role'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** Role → header name as it appears in the file. */
export type ColumnMapping = Partial<Record<ColumnRole, string>>;

/** One piece of rejection feedback, as read from an export. */
export interface FeedbackItem {
  /** From the id column when present, else `<file basename>:<line>`. Unique within a run. */
  id: string;
  candidate: string | null;
  cohort: string | null;
  stage: string | null;
  employer: string | null;
  role: string | null;
  /** ISO `YYYY-MM-DD` when the date parsed, else null (the raw value is kept in `rawDate`). */
  date: string | null;
  rawDate?: string | null;
  text: string;
  /** Path of the file as given on the command line. */
  source: string;
  /** 1-based physical line in the source file where the row starts. */
  line: number;
  /** Set when the text had to be shortened (very long fields). */
  truncated?: boolean;
  /** The student's name, email and phone as the export's columns give them: personal data, for
   * the adviser's private follow-up list only (never another output, a log or the store). */
  contact?: Contact;
  /** The feedback cell was blank, or held only personal details that redaction removed: no feedback
   * given (the item is `uninformative`, its text ''). */
  noText?: true;
  /** Person names read from this row's name columns: redacted from its text, never written out. */
  names?: string[];
  /**
   * The candidate as written in the export, when `candidate` holds a pseudonym instead. Personal
   * data: only the adviser's private follow-up list may show it.
   */
  candidateRaw?: string | null;
}

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** What the candidate column holds: an id, or personal data replaced by a pseudonym. */
export type CandidateKind = 'id' | 'email' | 'name';

/** A data row that could not be used, with where it came from and why. */
export interface RejectedRow {
  source: string;
  /** The workbook's sheet the row is on (its line is the sheet's row); absent for CSV. */
  sheet?: string | null;
  line: number;
  reason: string;
  raw: string;
  /** Person names read from the row's name columns, for redaction; never written out. */
  names?: string[];
  /** The row's candidate id as read, for redaction; never written out. */
  candidateIds?: string[];
  /** The row's cells of personal-detail columns (date of birth, address, NI number) with the
   * placeholder each becomes, for redaction; never written out. */
  personalDetails?: [value: string, placeholder: string][];
}

export interface IngestFileReport {
  source: string;
  /** Size and SHA-256 of the file's bytes, taken while reading it (recorded in the store). */
  bytes: number;
  sha256: string;
  /** `csv` or `xlsx`. */
  format?: 'csv' | 'xlsx';
  /** The sheet read from a workbook; null for CSV. */
  sheet?: string | null;
  encoding: string;
  /** Field delimiter of a CSV file; null for a workbook. */
  delimiter: string | null;
  /** Rows above the header that were skipped (survey exports) plus rows under it that were survey metadata. */
  skippedRows: number;
  headers: string[];
  columns: ColumnMapping;
  /** What the candidate column holds (null without one): emails and names become pseudonyms. */
  candidateKind?: CandidateKind | null;
  /** Headers of the columns holding person names (redacted wherever they appear). */
  nameColumns?: string[];
  dataRows: number;
  items: number;
  rejected: number;
  notes: string[];
}

export interface IngestResult {
  items: FeedbackItem[];
  rejects: RejectedRow[];
  files: IngestFileReport[];
  /** Data rows read across all files; always equals items.length + rejects.length. */
  dataRows: number;
}

export interface IngestOptions {
  /** Header names forced by flags or config; applied to every file. */
  columns: ColumnMapping;
  /** Per-file overrides keyed by file path or basename (config file `files:` section). */
  fileColumns?: Record<string, ColumnMapping>;
  delimiter?: string;
  encoding?: string;
  /** Sheet to read from workbooks; undefined means the first. */
  sheet?: string;
  /** Rows to skip before the header; undefined means detect. */
  skipRows?: number;
  /** Longer texts are truncated to this many characters with a note on the item. */
  maxTextChars: number;
  /** How to read ambiguous dates like 03/04/2026; day first unless told. */
  dateOrder?: 'dmy' | 'mdy';
  /** The day of the run (YYYY-MM-DD): a date after it is left empty, with a note. */
  today?: string;
  /** Applied to each feedback text, with the row's person names, before it is cut (redaction). */
  prepareText?: (text: string, names: string[]) => string;
}

// ---------------------------------------------------------------- taxonomy

/** Ids of the built-in themes, in taxonomy order. Stable: scripts and reports depend on them. */
export const DEFAULT_THEME_IDS = [
  'qualifications',
  'experience',
  'culture_fit',
  'delivery',
  'examples',
  'motivation',
  'preparation',
  'application',
  'assessment',
  'competition',
  'logistics',
  'conduct',
  'uninformative',
] as const;

/** The theme for rejections that give no reason; only assigned when nothing else is. */
export const UNINFORMATIVE_THEME = 'uninformative';

/**
 * The theme for a decision put down to other candidates or the vacancy. A decline that only says
 * others were chosen ("we've decided to pursue other candidates") gives no reason, so the head
 * weighs it against `uninformative` (head/apply.ts).
 */
export const COMPETITION_THEME = 'competition';

export interface Theme {
  id: string;
  label: string;
  description: string;
  /** Exemplar sentences: what feedback with this theme sounds like. */
  examples: string[];
  /** Phrases shown as evidence when they occur in a segment. */
  cues: string[];
  /** What an adviser should suggest next. */
  advice: string;
  /** False for reasons outside the candidate's control. */
  actionable: boolean;
  /**
   * Whether practising interviews (a mock interview) works on this reason: true for how a candidate
   * came across in the room, false for what practice does not change (experience, tests, a CV).
   * Absent when the taxonomy does not say, and then no advice claims either.
   */
  interviewPractice?: boolean;
}

export interface Taxonomy {
  /** Path it was loaded from, or `built-in`. */
  source: string;
  themes: Theme[];
}

// ---------------------------------------------------------------- embedding

/** A vector as its leading entries and, past them, its non-zero entries; every other entry is 0. */
export interface LeadAndTail {
  lead: Float32Array;
  /** Positions in the whole vector, increasing, each at least `lead.length`. */
  tailAt: Int32Array;
  tailValues: Float32Array;
}

/** Turns texts into unit-length vectors. The classifier only ever sees this. */
export interface Embedder {
  /** Identity used for caching and stamping reports, e.g. `lexical:v1` or `transformers:Xenova/all-MiniLM-L6-v2:<hash>`. */
  id: string;
  dims: number;
  embed(texts: string[]): Promise<Float32Array[]>;
  /** The same vectors as `embed` without their zeros, when the embedder can (the hybrid's lexical half is mostly zeros). */
  embedLeadAndTail?(texts: string[]): Promise<LeadAndTail[]>;
  /** False when vectors are cheaper to recompute than to store (the lexical engine's are large and fast). */
  cacheable?: boolean;
  /** A text's vector depends on it alone, not on its batch mates (one text per model call): texts may go in any grouping. */
  textAlone?: boolean;
  /** Digest of the model weights file the vectors come from (sentence models; a theme head is bound to it). */
  weights?: string;
  /** Release native resources. */
  dispose?(): Promise<void>;
}

/** `hybrid`: the sentence model and the lexical engine together (see classify/hybrid.ts). */
export const ENGINE_NAMES = ['hybrid', 'transformers', 'lexical'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
/** `--engine`: auto uses the best engine (hybrid) when the model loads, else lexical. */
export const ENGINE_CHOICES = ['auto', ...ENGINE_NAMES] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

/** Model weights: fp32 (onnx/model.onnx) or q8 (onnx/model_quantized.onnx). */
export const MODEL_DTYPES = ['fp32', 'q8'] as const;
export type ModelDtype = (typeof MODEL_DTYPES)[number];

export interface EngineInfo {
  name: EngineName;
  /** Model id or folder for hybrid and transformers; null for lexical. */
  model: string | null;
  /** Why `auto` fell back to lexical; null when it did not. */
  fallbackReason: string | null;
}

// ---------------------------------------------------------------- classification

export interface Segment {
  itemId: string;
  /** 0-based sentence number within the item. */
  index: number;
  text: string;
  /** Character offsets into the item's text. */
  start: number;
  end: number;
}

/** Per-theme thresholds for one engine. A theme is assigned to a segment when its score
 * is at least max(floor or the theme's own threshold) and within `margin` of the segment's best theme. */
export interface Thresholds {
  engine: EngineName;
  /** Model the thresholds were fitted for (null: any). */
  model: string | null;
  floor: number;
  margin: number;
  perTheme: Record<string, number>;
  /** Where they came from: `default` or a file path. */
  source: string;
}

export interface CueRange {
  cue: string;
  start: number;
  end: number;
}

export interface Evidence {
  segmentIndex: number;
  segment: string;
  /** Nearest exemplar of the theme. */
  exemplar: string;
  /** Cues of the theme found in the segment (as written in the taxonomy). */
  cues: string[];
  /** Where each cue matched: [start, end) offsets into `segment`, in text order. The report
   * highlights exactly these; nothing downstream matches cues again. */
  cueRanges: CueRange[];
  score: number;
}

export interface ThemeAssignment {
  themeId: string;
  /** Best segment score for the theme. */
  score: number;
  /**
   * Calibrated probability that the theme is right (from a theme head); 1 for an adviser's
   * correction; absent when no head was used (similarity thresholds alone).
   */
  confidence?: number;
  /** Set when the head is not sure enough to state it (confidence below its `confidentAt`): shown as "possibly …", never the basis of a suggestion. */
  tentative?: true;
  evidence: Evidence;
}

export interface SegmentResult {
  itemId: string;
  index: number;
  text: string;
  start: number;
  end: number;
  /** Every theme's score, in taxonomy order. */
  scores: number[];
  /** Themes assigned to this segment. */
  themes: string[];
  /** The segment praises something (a theme mentioned favourably is not a reason). */
  favourable: boolean;
}

export interface ClassifiedItem {
  item: FeedbackItem;
  themes: ThemeAssignment[];
  segments: SegmentResult[];
  /** Ids of the emerging clusters (shown ones only) that some segment of the item belongs to. */
  emerging?: string[];
  /** Why the model cannot read the feedback (another language, only a pointer elsewhere): its themes are only "possibly" and it is never quoted as a theme's words. */
  unread?: 'other-language' | 'elsewhere';
  /** An adviser's correction set the item's themes (see classify/corrections.ts). */
  corrected?: true;
}

// ---------------------------------------------------------------- discovery

/** A group of feedback sentences that no theme explains: what the taxonomy may be missing. */
export interface EmergingTheme {
  /** `E1`, `E2`, … by size (items, then candidates, then terms): the same input gives the same ids. */
  id: string;
  /** Short suggested name made from the most distinctive terms. */
  label: string;
  /** Most distinctive terms (class-based TF-IDF), strongest first, except that the top two are in reading order when they make a phrase ("social media"). */
  terms: string[];
  items: number;
  candidates: number;
  /** The member sentence nearest the cluster's centre. */
  sentence: string;
  /** Up to three representative sentences from different items, nearest the centre first. */
  examples: string[];
  /** Distinct member sentences nearest the centre first (at most 24), for `taxonomy suggest`. */
  sentences: string[];
}

// ---------------------------------------------------------------- outputs

/** One file of the report folder, as its writer (src/io/atomic.ts) receives it. */
export interface OutputFile {
  /** A file name, or `folder/name` for outputs one folder down (candidate pages). */
  name: string;
  /** The whole content, or its pieces in order: large CSVs are produced a row at a time and
   * streamed to disk so they never exist as one string. */
  content: string | Uint8Array | Iterable<string>;
}
