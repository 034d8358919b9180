/**
 * better-sqlite3's statements kept prepared per connection, in two modes: rows as objects, and
 * rows as arrays of their columns (raw mode). At most `limit` of each mode; the oldest is dropped.
 * No imports: the portfolio's reading thread keeps its statements so without loading TypeORM.
 */

/** What is used of better-sqlite3's connection and statements. */
export interface SqliteStatement {
  reader: boolean;
  raw(on: boolean): SqliteStatement;
  all(parameters: readonly unknown[]): unknown[];
  run(parameters: readonly unknown[]): unknown;
}
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

export interface PreparedStatements {
  objects(sql: string): SqliteStatement;
  arrays(sql: string): SqliteStatement;
}

export function preparedStatements(db: SqliteConnection, limit: number): PreparedStatements {
  const objects = new Map<string, SqliteStatement>();
  const arrays = new Map<string, SqliteStatement>();
  const prepared = (cache: Map<string, SqliteStatement>, sql: string, raw: boolean) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = raw ? db.prepare(sql).raw(true) : db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > limit) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };
  return { objects: (sql) => prepared(objects, sql, false), arrays: (sql) => prepared(arrays, sql, true) };
}
