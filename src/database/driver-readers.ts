import { numberedPlaceholders } from './placeholders';
import type { SqlReader } from './sql-reader';
import { preparedStatements, SqliteConnection } from './sqlite-statements';

/**
 * Read-only connections straight on the drivers, for hand-written reads outside TypeORM (the
 * portfolio's reading thread, which loads neither TypeORM nor Nest). They answer as the app's
 * connection does (`selectRows`, `selectTuples`): the tables hold text, integers and nulls, and
 * nothing in the app sets a type parser of node-postgres, so its rows are those TypeORM's query
 * returns.
 */

/** How long a statement waits for a file another connection is writing (as `dataSourceOptions`). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** better-sqlite3, read-only, each statement prepared once (a portfolio export runs the same five a page). */
export function sqliteReader(path: string): SqlReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as new (file: string, options: object) => SqliteConnection;
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const statements = preparedStatements(db, 20);
  return {
    postgres: false,
    rows: async <T>(sql: string, params: readonly unknown[]) => statements.objects(sql).all(params) as T[],
    tuples: async (sql, params) => statements.arrays(sql).all(params) as unknown[][],
  };
}

/** node-postgres, as TypeORM uses it: the same rows (the summaries read text, integers and nulls). */
export function postgresReader(url: string, connections: number): SqlReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pool } = require('pg') as typeof import('pg');
  const pool = new Pool({ connectionString: url, max: connections });
  // A connection lost while idle is replaced by the next query, which reports its own error.
  pool.on('error', () => undefined);
  return {
    postgres: true,
    rows: async <T>(sql: string, params: readonly unknown[]) => (await pool.query(numberedPlaceholders(sql), [...params])).rows as T[],
    tuples: async (sql, params) => (await pool.query({ text: numberedPlaceholders(sql), values: [...params], rowMode: 'array' })).rows as unknown[][],
  };
}
