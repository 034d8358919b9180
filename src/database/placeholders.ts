/**
 * Placeholders of hand-written SQL, which is written with `?` and numbered for PostgreSQL. No
 * imports: the portfolio's reading thread uses them without loading TypeORM.
 */

/** `?, ?, ?` for a list of `count` parameters (at least one; the caller skips empty lists). */
export function listOf(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** `?` placeholders numbered as PostgreSQL writes them: `$1`, `$2`, … */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
