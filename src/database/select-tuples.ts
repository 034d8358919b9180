import { EntityManager, QueryFailedError } from 'typeorm';
import { selectRows } from './plain-select';

/**
 * The rows a hand-written SELECT answers as arrays of its columns, in select-list order: for the
 * large reads that stream (the portfolio export), where building an object per row costs more
 * than the query. On better-sqlite3 the statement answers arrays itself (its raw mode), prepared
 * once per text; its objects are made property by property in C++, about a third of such a
 * read. Elsewhere (PostgreSQL) it is `selectRows` with each row's values in column order, so the
 * select list must not name a column twice. Called by the table's own repository only.
 *
 * better-sqlite3 runs a statement synchronously on its one connection, so a statement sent to the
 * connection itself takes part in whatever transaction is open on it, as one sent through
 * TypeORM's (single, shared) query runner. It fails with TypeORM's QueryFailedError as through the
 * runner; TypeORM's query logging does not see it.
 */
export async function selectTuples(em: EntityManager, sql: string, parameters: readonly unknown[]): Promise<unknown[][]> {
  const db = em.connection.options.type === 'better-sqlite3' ? (em.connection.driver as unknown as { databaseConnection?: Database }).databaseConnection : undefined;
  if (db) {
    try {
      return rawStatement(db, sql).all(...parameters);
    } catch (error) {
      throw new QueryFailedError(sql, [...parameters], error as Error);
    }
  }
  const rows = await selectRows<Record<string, unknown>>(em, sql, parameters);
  return rows.map((row) => Object.values(row));
}

/** What is used here of better-sqlite3's connection and statements. */
interface Statement {
  raw(on: boolean): Statement;
  all(...parameters: unknown[]): unknown[][];
}
interface Database {
  prepare(sql: string): Statement;
}

/** Raw-mode statements by connection and text, the oldest dropped beyond STATEMENTS (a few texts in practice: an IN list's lengths). */
const STATEMENTS = 100;
const RAW = new WeakMap<Database, Map<string, Statement>>();

function rawStatement(db: Database, sql: string): Statement {
  let statements = RAW.get(db);
  if (!statements) RAW.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql).raw(true);
    statements.set(sql, statement);
    if (statements.size > STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  return statement;
}
