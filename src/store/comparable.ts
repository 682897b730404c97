// Which earlier run "what changed" compares with: the newest committed run over the same inputs
// (the same set of source file names), else the newest whose cohorts overlap this run's. An
// unrelated run (another export altogether) is never compared (see docs/scheduling.md).
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type CliError, usageError } from '../errors.js';
import type { FollowUpMember, ItemContent } from '../previous-run.js';

/** What this run read: source file names (any folder) and the cohorts of its items. */
export interface RunInputs {
  sources: readonly string[];
  cohorts: readonly string[];
}

/** Picks from `runIds` (newest first) the run to compare with, or null when none is comparable. */
export async function comparableRun(c: DuckDBConnection, runIds: readonly string[], inputs: RunInputs): Promise<string | null> {
  if (runIds.length === 0) return null;
  const wanted = nameSet(inputs.sources);
  const list = runIds.map((_, index) => `$${index + 1}`).join(', ');
  const sourceRows = (await c.runAndReadAll(`SELECT run_id, path FROM run_inputs WHERE run_id IN (${list})`, [...runIds])).getRowsJS();
  const sources = new Map<string, string[]>();
  for (const [runId, source] of sourceRows as [string, string][]) sources.set(runId, [...(sources.get(runId) ?? []), source]);
  const sameSources = runIds.find((runId) => nameSet(sources.get(runId) ?? []) === wanted);
  if (sameSources !== undefined) return sameSources;
  const cohorts = new Set(inputs.cohorts);
  if (cohorts.size === 0) return null;
  const cohortRows = (
    await c.runAndReadAll(`SELECT DISTINCT run_id, cohort FROM items WHERE cohort IS NOT NULL AND run_id IN (${list})`, [...runIds])
  ).getRowsJS() as [string, string][];
  const overlapping = new Set(cohortRows.filter(([, cohort]) => cohorts.has(cohort)).map(([runId]) => runId));
  return runIds.find((runId) => overlapping.has(runId)) ?? null;
}

function nameSet(sources: readonly string[]): string {
  return JSON.stringify([...new Set(sources.map((source) => path.basename(source)))].sort());
}

/** `--since` named no run: exit 2 with what to give instead. */
export function unknownSince(since: string, isDate: boolean): CliError {
  return isDate
    ? usageError(
        `--since ${since}: no comparable run in the store on or before that date; give a later date, or a run id (summary.json previousRun)`,
      )
    : usageError(
        `--since ${since}: no committed run with that id in the store; give a run id from an earlier summary.json, or a date as YYYY-MM-DD`,
      );
}

/** YYYY-MM-DD naming a real day (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value;
}

/** The item and candidate ids a run held: what "new since that run" is counted against. */
export async function runMembers(
  c: DuckDBConnection,
  runId: string,
): Promise<{ itemIds: string[]; candidateIds: string[]; itemContents: ItemContent[] }> {
  const rows = (
    await c.runAndReadAll(`SELECT item_id, candidate, text_sha256 FROM items WHERE run_id = $1 ORDER BY item_id`, [runId])
  ).getRowsJS() as [string, string | null, string][];
  const candidates = new Set(rows.flatMap(([, candidate]) => (candidate === null ? [] : [candidate])));
  return {
    itemIds: rows.map(([id]) => id).sort(),
    candidateIds: [...candidates].sort(),
    itemContents: rows.map(([id, candidate, textSha256]) => ({ id, candidate, textSha256 })),
  };
}

/** A run's follow-up list by reference, or undefined when the run was recorded before lists were kept. */
export async function runFollowUp(c: DuckDBConnection, runId: string): Promise<FollowUpMember[] | undefined> {
  const recorded = (await c.runAndReadAll(`SELECT followup_recorded FROM runs WHERE run_id = $1`, [runId])).getRowsJS();
  if (recorded[0]?.[0] !== true) return undefined;
  const rows = (
    await c.runAndReadAll(`SELECT reference, kind, theme_id FROM followup WHERE run_id = $1 ORDER BY reference, theme_id`, [runId])
  ).getRowsJS() as [string, FollowUpMember['kind'], string][];
  return rows.map(([reference, kind, themeId]) => ({ reference, kind, themeId }));
}
