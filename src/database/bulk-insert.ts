import { EntityManager } from 'typeorm';
import { listOf, selectRows } from './plain-select';

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
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const result = await selectRows<{ id: number | string }>(em, insertText(table, columns, chunk.length), chunk.flat());
    if (result.length !== chunk.length) throw new Error(`insert into ${table} returned ${result.length} ids for ${chunk.length} rows`);
    // Both engines return RETURNING rows of a multi-row VALUES insert in the order given.
    ids.push(...result.map((r) => Number(r.id)));
  }
  return ids;
}

/** The statement for `count` rows, written once per table, columns and count (a batch repeats it). */
const TEXTS = new Map<string, string>();

function insertText(table: string, columns: readonly string[], count: number): string {
  const key = `${table}\u0000${columns.join('\u0000')}\u0000${count}`;
  let text = TEXTS.get(key);
  if (text === undefined) {
    const row = `(${listOf(columns.length)})`;
    text = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: count }, () => row).join(', ')} RETURNING "id"`;
    if (TEXTS.size >= 1_000) TEXTS.clear();
    TEXTS.set(key, text);
  }
  return text;
}
