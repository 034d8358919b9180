import { TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/**
 * Column builders for migrations written with TypeORM's portable Table API, so that one migration
 * set runs on SQLite and PostgreSQL. They mirror the column helpers in `columns.ts`.
 */
export const col = {
  id: (): TableColumnOptions => ({
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  intDefault: (name: string, value: number): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: false,
    default: value,
  }),
  version: (): TableColumnOptions => ({ name: 'version', type: 'integer', isNullable: false }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  decimal: (name: string, nullable = false): TableColumnOptions => col.varchar(name, 40, nullable),
  date: (name: string, nullable = false): TableColumnOptions => col.varchar(name, 10, nullable),
  instant: (name: string, nullable = false): TableColumnOptions => col.varchar(name, 24, nullable),
  bool: (name: string, value: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: false,
    default: value,
  }),
};

export function fk(
  column: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION',
): TableForeignKeyOptions {
  return { columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete, onUpdate: 'NO ACTION' };
}
