/**
 * A connection as hand-written reads use it: SQL with `?` placeholders, rows as objects or as
 * arrays of their columns in select-list order.
 */
export interface SqlReader {
  readonly postgres: boolean;
  rows<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
  tuples(sql: string, params: readonly unknown[]): Promise<unknown[][]>;
}
