import { ColumnOptions } from 'typeorm';

/**
 * Exact decimals (money, percentages, counts) are stored as canonical decimal strings.
 * SQLite has no exact decimal type (NUMERIC silently becomes a float), so a string column is the
 * one representation that is exact and identical on SQLite and PostgreSQL; arithmetic happens in
 * the application with decimal.js.
 */
export function decimalColumn(options: { nullable?: boolean } = {}): ColumnOptions {
  return { type: 'varchar', length: 40, nullable: options.nullable ?? false };
}

/** Calendar dates as ISO `YYYY-MM-DD` strings: no time zone can shift them. */
export function dateColumn(options: { nullable?: boolean } = {}): ColumnOptions {
  return { type: 'varchar', length: 10, nullable: options.nullable ?? false };
}

/** Instants as ISO-8601 UTC strings with milliseconds: portable and sortable as text. */
export function instantColumn(options: { nullable?: boolean } = {}): ColumnOptions {
  return { type: 'varchar', length: 24, nullable: options.nullable ?? false };
}

export function nowIso(): string {
  return new Date().toISOString();
}
