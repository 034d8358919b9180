import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for the configured database; migrations run, schema is never synchronised. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false as const };
  if (config.database.type === 'postgres') {
    return { ...common, type: 'postgres', url: config.database.url };
  }
  if (config.database.path !== ':memory:') mkdirSync(dirname(config.database.path), { recursive: true });
  return { ...common, type: 'sqlite', driver: quietSqlite(), database: config.database.path, enableWAL: true, busyErrorRetry: 2000 };
}

/**
 * The sqlite3 module as TypeORM's driver, minus its debug mode: TypeORM calls `verbose()` on the
 * driver, which wraps every statement call to capture a second stack trace (a tenth of a value
 * write's time). Errors keep their messages and codes; only the extra trace is gone.
 */
function quietSqlite(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sqlite3 = require('sqlite3') as object;
  return Object.assign(Object.create(sqlite3) as object, { verbose: () => sqlite3 });
}
