// Small DuckDB helpers: transactions, appenders, and vectors as BLOB bytes.

import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Appends rows and closes (flushes) the appender; on error discards what was not flushed. */
export async function withAppender(
  connection: DuckDBConnection,
  table: string,
  fill: (appender: DuckDBAppender) => void,
  catalog?: string,
): Promise<void> {
  const appender = catalog ? await connection.createAppender(table, 'main', catalog) : await connection.createAppender(table);
  try {
    fill(appender);
  } catch (error) {
    appender.clear();
    try {
      appender.closeSync();
    } catch {
      // Already failing; the transaction is rolled back by the caller.
    }
    throw error;
  }
  appender.closeSync();
}

export function appendNullableVarchar(appender: DuckDBAppender, value: string | null | undefined): void {
  if (value == null) appender.appendNull();
  else appender.appendVarchar(value);
}

/** A Float32Array's bytes (platform order: little-endian on every supported platform). */
export function vectorBytes(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) return new Float32Array(0);
  // A fresh, whole buffer can be used as is; a view into a shared or unaligned one is copied.
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return new Float32Array(bytes.buffer);
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
