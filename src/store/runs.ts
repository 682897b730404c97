// A run's rows: one row in `runs`, its inputs, items, theme assignments and follow-up list, written in the
// caller's transaction (see docs/store.md).
import type { DuckDBConnection } from '@duckdb/node-api';
import { itemContent } from '../hash.js';
import { appendNullableVarchar, withAppender } from './duckdb.js';
import type { FollowUpMember } from '../previous-run.js';
import type { EngineInfo, FeedbackItem } from '../types.js';

/** Where a pending run's outputs go: enough to finish or undo landing them after a crash. */
export interface PendingOutputs {
  /** Absolute output folder. */
  outDir: string;
  /** `runs/<run id>` in outDir: the run is shown once `current` points there. */
  runFolder?: string;
  /** Output names and SHA-256; `temp` and `removeStale` only in runs of earlier versions. */
  files: { name: string; sha256: string; temp?: string }[];
  removeStale?: string[];
}

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  engine: EngineInfo;
  taxonomySource: string;
  options: Record<string, unknown>;
  inputs: { path: string; bytes: number; sha256: string; rows: number }[];
  counts: { items: number; segments: number; candidates: number; rejectedRows: number };
  items: { item: FeedbackItem; themes: { themeId: string; score: number }[] }[];
  /** The run's follow-up list (who needs a call, and for which theme), by reference only. */
  followUp: FollowUpMember[];
}

export function isoOrThrow(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`RunRecord.${field} is not an ISO timestamp: ${JSON.stringify(value)}`);
  return date.toISOString();
}

export async function insertRun(c: DuckDBConnection, runId: string, run: RunRecord, pending: PendingOutputs | undefined): Promise<void> {
  await c.run(
    `INSERT INTO runs VALUES ($1, $2::TIMESTAMP, $3::TIMESTAMP, $4, $5, $6, $7, $8::JSON, $9, $10, $11, $12, $13, $14::JSON, true)`,
    [
      runId,
      isoOrThrow(run.startedAt, 'startedAt'),
      isoOrThrow(run.finishedAt, 'finishedAt'),
      run.engine.name,
      run.engine.model,
      run.engine.fallbackReason,
      run.taxonomySource,
      JSON.stringify(run.options),
      run.counts.items,
      run.counts.segments,
      run.counts.candidates,
      run.counts.rejectedRows,
      pending ? 'pending' : 'committed',
      pending ? JSON.stringify(pending) : null,
    ],
  );

  await withAppender(c, 'run_inputs', (inputs) => {
    for (const input of run.inputs) {
      inputs.appendVarchar(runId);
      inputs.appendVarchar(input.path);
      inputs.appendBigInt(BigInt(input.bytes));
      inputs.appendVarchar(input.sha256);
      inputs.appendInteger(input.rows);
      inputs.endRow();
    }
  });
  await withAppender(c, 'items', (items) => {
    for (const { item } of run.items) {
      items.appendVarchar(runId);
      items.appendVarchar(item.id);
      appendNullableVarchar(items, item.candidate);
      appendNullableVarchar(items, item.cohort);
      appendNullableVarchar(items, item.stage);
      appendNullableVarchar(items, item.employer);
      appendNullableVarchar(items, item.role);
      appendNullableVarchar(items, item.date); // ISO YYYY-MM-DD, cast to DATE by the appender
      items.appendVarchar(item.source);
      items.appendInteger(item.line);
      items.appendVarchar(itemContent(item).textSha256);
      items.endRow();
    }
  });
  await withAppender(c, 'followup', (followup) => {
    for (const member of run.followUp) {
      followup.appendVarchar(runId);
      followup.appendVarchar(member.reference);
      followup.appendVarchar(member.kind);
      followup.appendVarchar(member.themeId);
      followup.endRow();
    }
  });
  await withAppender(c, 'assignments', (assignments) => {
    for (const { item, themes } of run.items) {
      for (const theme of themes) {
        assignments.appendVarchar(runId);
        assignments.appendVarchar(item.id);
        assignments.appendVarchar(theme.themeId);
        assignments.appendDouble(theme.score);
        assignments.endRow();
      }
    }
  });
}
