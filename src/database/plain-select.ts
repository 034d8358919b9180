import { EntityManager } from 'typeorm';

/**
 * Rows of one table as plain objects, by hand-written SQL with `?` placeholders (numbered for
 * PostgreSQL), each copied onto a new instance of the entity class. For the hot reads of a write
 * (every value write reads the indicator-year's stored values): TypeORM's query builder and its
 * entity hydration cost several times the query itself. Only for entities whose columns are plain
 * (integers, text, nulls), selected by the column names TypeORM created, so the objects are the
 * ones TypeORM would build. Called by the table's own repository only.
 */
export async function selectPlain<T extends object>(
  em: EntityManager,
  entity: new () => T,
  sql: string,
  parameters: readonly unknown[],
): Promise<T[]> {
  const rows = (await em.query(numbered(em, sql), [...parameters])) as Record<string, unknown>[];
  return rows.map((row) => Object.assign(new entity(), row));
}

/** `?, ?, ?` for a list of `count` parameters (at least one; the caller skips empty lists). */
export function listOf(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** The quoted column list of `SELECT`. */
export function columnList(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}

function numbered(em: EntityManager, sql: string): string {
  if (em.connection.options.type !== 'postgres') return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
