import { EntityManager, EntityMetadata, QueryFailedError } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { numberedPlaceholders } from './placeholders';
import { preparedStatements, SqliteConnection } from './sqlite-statements';

export { listOf } from './placeholders';

/**
 * Entities read by hand-written SQL: `SELECT <every column> FROM <table> WHERE … ORDER BY …`, with
 * `?` placeholders (numbered for PostgreSQL), each row made into an instance of the entity with
 * the driver's own conversion for the columns that need one (booleans, simple-json). For the reads
 * every write or request repeats (the caller's user, a write's context): TypeORM's query builder
 * and its result transformer cost several times the query itself. The objects are those `find`
 * builds (every column, no relations). Called by the table's own repository only.
 */
export async function selectEntities<T extends object>(
  em: EntityManager,
  entity: new () => T,
  where: string,
  parameters: readonly unknown[],
  orderBy?: string,
): Promise<T[]> {
  const shape = shapeOf(em.connection.getMetadata(entity));
  const rows = await selectRows<Record<string, unknown>>(em, `SELECT ${shape.list} FROM "${shape.table}" WHERE ${where}${orderBy ? ` ORDER BY ${orderBy}` : ''}`, parameters);
  const driver = em.connection.driver;
  return rows.map((row) => {
    const made = new entity() as Record<string, unknown>;
    for (const c of shape.columns) made[c.property] = c.convert ? driver.prepareHydratedValue(row[c.name], c.convert) : row[c.name];
    return made as T;
  });
}

/** The rows a hand-written statement answers (a SELECT, or RETURNING), `?` placeholders numbered for PostgreSQL. */
export async function selectRows<T>(em: EntityManager, sql: string, parameters: readonly unknown[]): Promise<T[]> {
  const sqlite = em.connection.options.type === 'better-sqlite3' ? embedded(em) : null;
  if (sqlite) return sqlite.rows(sql, parameters) as T[];
  return (await em.query(numbered(em, sql), [...parameters])) as T[];
}

/**
 * The rows a hand-written SELECT answers as arrays of its columns, in select-list order: for the
 * large reads that stream (the portfolio export), where building an object per row costs more
 * than the query. On better-sqlite3 the statement answers arrays itself (its raw mode); its
 * objects are made property by property in C++, about a third of such a read. Elsewhere
 * (PostgreSQL) it is `selectRows` with each row's values in column order, so the select list must
 * not name a column twice. Called by the table's own repository only.
 */
export async function selectTuples(em: EntityManager, sql: string, parameters: readonly unknown[]): Promise<unknown[][]> {
  const sqlite = em.connection.options.type === 'better-sqlite3' ? embedded(em) : null;
  if (sqlite) return sqlite.tuples(sql, parameters);
  const rows = await selectRows<Record<string, unknown>>(em, sql, parameters);
  return rows.map((row) => Object.values(row));
}

/**
 * better-sqlite3 runs a statement synchronously on its one connection, so a statement sent to the
 * connection itself takes part in whatever transaction is open on it, exactly as one sent through
 * TypeORM's (single, shared) query runner. TypeORM's runner adds its own cost to each (awaits, a
 * result object, logger and subscriber calls), which a value write paid on a dozen statements;
 * these statements are kept prepared here instead (at most STATEMENTS of each mode, the oldest
 * dropped), and fail with TypeORM's QueryFailedError as through the runner, so that callers read
 * errors the same way (a statement that does not even prepare fails so too, where the runner let
 * SQLite's own error through). TypeORM's query logging and its subscribers' query events do not
 * see them; the app has no such subscribers.
 */
const STATEMENTS = 200;

interface Embedded {
  /** Rows as objects (a statement that answers none: an empty list). */
  rows(sql: string, parameters: readonly unknown[]): unknown[];
  /** Rows as arrays of their columns. */
  tuples(sql: string, parameters: readonly unknown[]): unknown[][];
}

const EMBEDDED = new WeakMap<object, Embedded>();

function embedded(em: EntityManager): Embedded | null {
  const db = (em.connection.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection;
  if (!db) return null;
  let runner = EMBEDDED.get(db);
  if (!runner) {
    const statements = preparedStatements(db, STATEMENTS);
    const failing = <T>(sql: string, parameters: readonly unknown[], run: () => T): T => {
      try {
        return run();
      } catch (error) {
        throw new QueryFailedError(sql, [...parameters], error as Error);
      }
    };
    // Parameters are bound as one array (the anonymous parameters), not spread as thousands of arguments.
    runner = {
      rows: (sql, parameters) =>
        failing(sql, parameters, () => {
          const statement = statements.objects(sql);
          if (statement.reader) return statement.all(parameters);
          statement.run(parameters);
          return [];
        }),
      tuples: (sql, parameters) => failing(sql, parameters, () => statements.arrays(sql).all(parameters) as unknown[][]),
    };
    EMBEDDED.set(db, runner);
  }
  return runner;
}

interface Shape {
  table: string;
  list: string;
  columns: { property: string; name: string; convert: ColumnMetadata | null }[];
}

const SHAPES = new WeakMap<EntityMetadata, Shape>();
/** Column types whose stored value is the entity's value as it is. */
const AS_STORED = new Set<unknown>(['varchar', 'text', 'integer', Number, String]);

function shapeOf(metadata: EntityMetadata): Shape {
  let shape = SHAPES.get(metadata);
  if (!shape) {
    const columns = metadata.columns
      .filter((c) => !c.isVirtual)
      .map((c) => ({ property: c.propertyName, name: c.databaseName, convert: AS_STORED.has(c.type) && !c.transformer ? null : c }));
    shape = { table: metadata.tableName, list: columns.map((c) => `"${c.name}"`).join(', '), columns };
    SHAPES.set(metadata, shape);
  }
  return shape;
}

function numbered(em: EntityManager, sql: string): string {
  return em.connection.options.type === 'postgres' ? numberedPlaceholders(sql) : sql;
}
