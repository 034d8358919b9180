import { EntityManager } from 'typeorm';

/** Rows per INSERT statement: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 200;

/**
 * Inserts many rows with multi-row `INSERT … RETURNING id` statements and answers their ids in
 * input order, on SQLite (3.35+) and PostgreSQL alike. Far cheaper than one TypeORM save per row
 * for batches (imports, the audit entries of a batch); the caller's transaction makes it all or
 * nothing. Column names are the entity's property names, quoted as TypeORM creates them.
 */
export async function insertReturningIds(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<number[]> {
  const postgres = em.connection.options.type === 'postgres';
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    let n = 0;
    const values = chunk.map(() => `(${columns.map(() => (postgres ? `$${++n}` : '?')).join(', ')})`).join(', ');
    // Lower-case `insert`: TypeORM's SQLite runner sends statements starting with "INSERT " to
    // `run`, which drops the RETURNING rows; any other text goes to `all`, which keeps them.
    const sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values} returning "id"`;
    const result = (await em.query(sql, chunk.flat())) as { id: number | string }[];
    if (result.length !== chunk.length) throw new Error(`insert into ${table} returned ${result.length} ids for ${chunk.length} rows`);
    // Both engines return RETURNING rows of a multi-row VALUES insert in the order given.
    ids.push(...result.map((r) => Number(r.id)));
  }
  return ids;
}
