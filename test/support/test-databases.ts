import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';

/**
 * Real databases for the audit integration tests: a SQLite file in a temp directory, and a
 * throw-away database on the PostgreSQL server at TEST_DATABASE_URL (default: the local server).
 * A database rather than a schema, because the migration's trigger SQL uses unqualified names.
 */
export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  dataSource: DataSource;
  /** Closes the data source and removes the database. */
  drop(): Promise<void>;
}

/** Opens a fresh, migrated database of the given kind. */
export function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'sqlite' ? openSqlite() : openPostgres();
}

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-audit-'));
  const dataSource = new DataSource(dataSourceOptions(loadConfig({ DATABASE_PATH: join(dir, 'test.sqlite') })));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    kind: 'sqlite',
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(): Promise<TestDatabase> {
  const name = `kazalnik_audit_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: url.toString() })));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return {
    kind: 'postgres',
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = await new DataSource({ type: 'postgres', url: PG_ADMIN_URL, poolSize: 1 }).initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}

/**
 * Whether the PostgreSQL part runs: always in CI (where an unreachable server must fail the
 * suite), otherwise only when the server answers. Jest registers tests synchronously, so the probe
 * runs a short synchronous child process.
 */
export function postgresEnabled(): { run: boolean; why: string } {
  if (process.env.CI) return { run: true, why: 'CI is set' };
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "const c = new (require('pg').Client)({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });" +
        'c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));',
      PG_ADMIN_URL,
    ],
    { cwd: process.cwd(), timeout: 5000, stdio: 'ignore' },
  );
  return probe.status === 0 ? { run: true, why: 'reachable' } : { run: false, why: `unreachable at ${PG_ADMIN_URL} and CI not set` };
}

/**
 * The database kinds to test, each with a label for the describe title. PostgreSQL is marked not to
 * run (the caller uses describe.skip, the reason in the title) only as postgresEnabled() says.
 */
export function testDatabaseKinds(): { kind: DatabaseKind; run: boolean; label: string }[] {
  const pg = postgresEnabled();
  return [
    { kind: 'sqlite', run: true, label: 'sqlite' },
    { kind: 'postgres', run: pg.run, label: pg.run ? 'postgres' : `postgres skipped: ${pg.why}` },
  ];
}

/** What an attacker with direct database access does first: removes the append-only triggers. */
export async function dropAppendOnlyTriggers(db: TestDatabase): Promise<void> {
  const statements =
    db.kind === 'postgres'
      ? ['DROP TRIGGER audit_entry_no_update_delete ON audit_entry', 'DROP TRIGGER audit_entry_no_truncate ON audit_entry']
      : ['DROP TRIGGER audit_entry_no_update', 'DROP TRIGGER audit_entry_no_delete'];
  for (const sql of statements) await db.dataSource.query(sql);
}

/** `?` on SQLite, `$n` on PostgreSQL, for the raw SQL in tests. */
export function param(db: TestDatabase, n: number): string {
  return db.kind === 'postgres' ? `$${n}` : '?';
}
