// The store's tables (documented in docs/store.md), created in a new file and upgraded in an old one.

import type { DuckDBConnection } from '@duckdb/node-api';
import { CliError, ExitCode } from '../errors.js';
import { inTransaction } from './duckdb.js';

export const STORE_SCHEMA_VERSION = 3;

/** Who was on a run's follow-up list, by reference only: what "newly needs a follow-up" is counted against. */
const FOLLOWUP_TABLE_SQL = `CREATE TABLE followup (run_id VARCHAR NOT NULL, reference VARCHAR NOT NULL, kind VARCHAR NOT NULL, theme_id VARCHAR NOT NULL)`;

const SCHEMA_SQL = [
  `CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE TABLE runs (
     run_id VARCHAR PRIMARY KEY,
     started_at TIMESTAMP NOT NULL,
     finished_at TIMESTAMP NOT NULL,
     engine VARCHAR NOT NULL,
     model VARCHAR,
     fallback_reason VARCHAR,
     taxonomy_source VARCHAR NOT NULL,
     options JSON,
     items INTEGER NOT NULL,
     segments INTEGER NOT NULL,
     candidates INTEGER NOT NULL,
     rejected_rows INTEGER NOT NULL,
     status VARCHAR NOT NULL DEFAULT 'committed',
     outputs JSON,
     followup_recorded BOOLEAN)`,
  `CREATE TABLE run_inputs (run_id VARCHAR NOT NULL, path VARCHAR NOT NULL, bytes BIGINT, sha256 VARCHAR, rows INTEGER)`,
  `CREATE TABLE items (
     run_id VARCHAR NOT NULL,
     item_id VARCHAR NOT NULL,
     candidate VARCHAR,
     cohort VARCHAR,
     stage VARCHAR,
     employer VARCHAR,
     role VARCHAR,
     date DATE,
     source VARCHAR,
     line INTEGER,
     text_sha256 VARCHAR NOT NULL)`,
  FOLLOWUP_TABLE_SQL,
  `CREATE TABLE assignments (run_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, theme_id VARCHAR NOT NULL, score DOUBLE)`,
  `CREATE TABLE embeddings (
     embedder_id VARCHAR NOT NULL,
     text_sha256 VARCHAR NOT NULL,
     dims INTEGER NOT NULL,
     vector BLOB NOT NULL,
     created_at TIMESTAMP NOT NULL,
     PRIMARY KEY (embedder_id, text_sha256))`,
];

/** Upgrades from older schema versions, keyed by the version they start from. */
const MIGRATIONS: Record<number, (connection: DuckDBConnection) => Promise<void>> = {
  // v2: a run is recorded pending, then committed once its outputs are in place (src/commit.ts).
  1: async (connection) => {
    await connection.run(`ALTER TABLE runs ADD COLUMN status VARCHAR DEFAULT 'committed'`);
    await connection.run(`ALTER TABLE runs ADD COLUMN outputs JSON`);
  },
  // v3: each run's follow-up list (references only); older runs have followup_recorded null: unknown.
  2: async (connection) => {
    await connection.run(`ALTER TABLE runs ADD COLUMN followup_recorded BOOLEAN`);
    await connection.run(FOLLOWUP_TABLE_SQL);
  },
};

export async function prepareSchema(connection: DuckDBConnection, path: string): Promise<void> {
  const tables = (
    await connection.runAndReadAll(
      `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`,
    )
  )
    .getRowsJS()
    .map((row) => String(row[0]));
  if (tables.length === 0) {
    await inTransaction(connection, async () => {
      for (const statement of SCHEMA_SQL) await connection.run(statement);
      await connection.run(`INSERT INTO meta VALUES ('schema_version', $1), ('created_at', $2)`, [
        String(STORE_SCHEMA_VERSION),
        new Date().toISOString(),
      ]);
    });
    return;
  }
  if (!tables.includes('meta')) {
    throw new CliError(
      `${path} is a DuckDB database but not a feedback-themes store (it has no meta table). ` +
        `Choose another file with --store, or run with --no-store.`,
      ExitCode.usage,
    );
  }
  const versionRows = (await connection.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`)).getRowsJS();
  const version = Number(versionRows[0]?.[0]);
  if (!Number.isInteger(version) || version < 1) {
    throw new CliError(
      `the store ${path} has no valid schema_version in its meta table (found ${JSON.stringify(versionRows[0]?.[0] ?? null)}); ` +
        `move it aside, or run with --no-store.`,
      ExitCode.usage,
    );
  }
  if (version > STORE_SCHEMA_VERSION) {
    throw new CliError(
      `the store ${path} was written by a newer feedback-themes (store schema version ${version}; this version reads up to ${STORE_SCHEMA_VERSION}). ` +
        `Upgrade feedback-themes, choose another file with --store, or run with --no-store.`,
      ExitCode.usage,
    );
  }
  for (let from = version; from < STORE_SCHEMA_VERSION; from++) {
    const migrate = MIGRATIONS[from];
    if (!migrate) throw new Error(`no migration from store schema version ${from}`);
    await inTransaction(connection, async () => {
      await migrate(connection);
      await connection.run(`UPDATE meta SET value = $1 WHERE key = 'schema_version'`, [String(from + 1)]);
    });
  }
}
