// What the store keeps of an earlier run, for "change since last run" and who joined or left
// the follow-up list. Shared by the store (which writes and reads it) and analyse (which compares).

/** Theme counts of an earlier run, read from the store, for "change since last run". */
export interface PreviousRun {
  runId: string;
  finishedAt: string;
  items: number;
  candidates: number;
  /** Theme id → items with that theme. */
  themes: Record<string, number>;
  /** Theme ids of that run's taxonomy, when recorded (older runs: unknown). */
  themeIds?: string[] | null;
  /** Item and candidate ids that run held, to count what is new since (absent: not known). */
  itemIds?: string[];
  candidateIds?: string[];
  /** Each item that run held, by id, candidate and its text's hash: what is new, gone or edited since (absent: not known). */
  itemContents?: ItemContent[];
  /** That run's follow-up list by reference (absent: recorded before lists were kept). */
  followUp?: FollowUpMember[];
}

/** An item as the store keeps it: its id, its candidate and the hash of its (redacted) text, never the text. */
export interface ItemContent {
  id: string;
  candidate: string | null;
  textSha256: string;
}

/** One row of a run's follow-up list as the store keeps it: a reference, never a real id. */
export interface FollowUpMember {
  reference: string;
  kind: 'repeat' | 'no-reason';
  themeId: string;
}
