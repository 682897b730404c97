// Which earlier run a report is compared with: the newest committed run over the same taxonomy,
// engine and inputs, or the run `--since` names (docs/inputs-and-outputs.md, "What changed").
import type { DuckDBConnection } from '@duckdb/node-api';
import { usageError } from '../errors.js';
import { emptyTable } from '../own.js';
import type { PreviousRun } from '../previous-run.js';
import { comparableRun, isCalendarDate, runFollowUp, runMembers, type RunInputs, unknownSince } from './comparable.js';

export interface PreviousRunQuery {
  /** Only consider runs over this taxonomy (its `Taxonomy.source`). */
  taxonomySource?: string;
  /** Only consider runs classified the same way: shares from another engine or model are not comparable. */
  engine?: { name: string; model: string | null };
  /** Only a run over the same inputs (same file names, else overlapping cohorts): see comparable.ts. */
  inputs?: RunInputs;
  /** `--since`: a run id (that run, whatever its inputs), or YYYY-MM-DD (the last run on or before it). */
  since?: string;
}

/** The earlier run to compare with, or null when none is comparable; `since` naming no run exits 2. */
export async function findPreviousRun(c: DuckDBConnection, query: PreviousRunQuery = {}): Promise<PreviousRun | null> {
  // Only committed runs are history: a pending one is a commit in progress (src/commit.ts).
  const conditions: string[] = ["status = 'committed'"];
  const params: (string | null)[] = [];
  if (query.taxonomySource !== undefined) {
    params.push(query.taxonomySource);
    conditions.push(`taxonomy_source = $${params.length}`);
  }
  if (query.engine !== undefined) {
    params.push(query.engine.name);
    conditions.push(`engine = $${params.length}`);
    params.push(query.engine.model);
    conditions.push(`model IS NOT DISTINCT FROM $${params.length}::VARCHAR`);
  }
  const sinceDate = query.since !== undefined && isCalendarDate(query.since) ? query.since : null;
  if (query.since !== undefined && sinceDate === null) {
    // A run id names the run to compare with: no other filter applies.
    conditions.splice(1);
    params.splice(0);
    params.push(query.since);
    conditions.push(`run_id = $${params.length}`);
  } else if (sinceDate !== null) {
    params.push(sinceDate);
    conditions.push(`CAST(finished_at AS DATE) <= $${params.length}::DATE`);
  }
  const filter = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const runs = (
    await c.runAndReadAll(
      `SELECT run_id, finished_at, items, candidates, json_extract(options, '$.taxonomyThemes')::VARCHAR FROM runs ${filter} ORDER BY finished_at DESC, run_id DESC`,
      params,
    )
  ).getRowsJS() as [string, Date, number, number, string | null][];
  if (query.since !== undefined && runs.length === 0) throw unknownSince(query.since, sinceDate !== null);
  const ids = runs.map(([id]) => id);
  const chosen = query.inputs && query.since === undefined ? await comparableRun(c, ids, query.inputs) : (ids[0] ?? null);
  const found = runs.find(([id]) => id === chosen);
  if (found === undefined) return null;
  const [runId, finishedAt, items, candidates, themeIdsJson] = found;
  const themeRows = (
    await c.runAndReadAll(
      `SELECT theme_id, count(DISTINCT item_id)::INTEGER FROM assignments WHERE run_id = $1 GROUP BY theme_id ORDER BY theme_id`,
      [runId],
    )
  ).getRowsJS() as [string, number][];
  const themes = emptyTable<number>();
  for (const [themeId, count] of themeRows) themes[themeId] = count;
  const [at, themeIds, members] = [finishedAt.toISOString(), parseThemeIds(themeIdsJson), await runMembers(c, runId)];
  const followUp = await runFollowUp(c, runId);
  return { runId, finishedAt: at, items, candidates, themes, themeIds, ...members, ...(followUp ? { followUp } : {}) };
}

/** Theme ids recorded with a run (`options.taxonomyThemes`); null for runs that did not record them. */
function parseThemeIds(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((id) => typeof id === 'string') ? value : null;
  } catch {
    return null;
  }
}

/**
 * `--since` checked as soon as the store is open, before the model loads: a run id must name a
 * committed run, a date must be a real day with a committed run (over `taxonomySource`) by then.
 * The engine is not known yet; findPreviousRun applies it once it is.
 */
export async function checkSince(c: DuckDBConnection, since: string, taxonomySource?: string): Promise<void> {
  const isDate = isCalendarDate(since);
  if (!isDate && /^\d{4}-\d{2}-\d{2}$/.test(since)) {
    throw usageError(`--since ${since}: that is not a day of the calendar; give a date as YYYY-MM-DD, or a run id (summary.json runId)`);
  }
  const [condition, params] = isDate
    ? [`CAST(finished_at AS DATE) <= $1::DATE AND ($2::VARCHAR IS NULL OR taxonomy_source = $2)`, [since, taxonomySource ?? null]]
    : [`run_id = $1`, [since]];
  const found = (
    await c.runAndReadAll(`SELECT count(*)::INTEGER FROM runs WHERE status = 'committed' AND ${condition}`, params)
  ).getRowsJS();
  if (Number(found[0]?.[0] ?? 0) === 0) throw unknownSince(since, isDate);
}
