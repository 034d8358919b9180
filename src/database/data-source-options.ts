import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { SQLITE_BUSY_TIMEOUT_MS } from './driver-readers';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for the configured database; migrations run, schema is never synchronised. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false as const };
  if (config.database.type === 'postgres') {
    return { ...common, type: 'postgres', url: config.database.url };
  }
  if (config.database.path !== ':memory:') mkdirSync(dirname(config.database.path), { recursive: true });
  // better-sqlite3: the embedded engine called synchronously, with prepared statements kept. The
  // asynchronous sqlite3 module sent every statement through the thread pool and prepared it anew,
  // a round trip per statement that a value write (a dozen statements) paid a dozen times. A busy
  // file (another process writing) is waited for up to 10 s, not refused.
  // better-sqlite3 is built with WAL commits unsynced (synchronous = NORMAL); a committed figure
  // must survive a power cut too, so every commit is synced as sqlite3's default did (FULL).
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.path,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    statementCacheSize: 200,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('synchronous = FULL');
    },
  };
}

/** Whether a data source is the embedded SQLite engine (whichever driver TypeORM uses for it). */
export function isSqlite(type: string): boolean {
  return type === 'better-sqlite3' || type === 'sqlite';
}
