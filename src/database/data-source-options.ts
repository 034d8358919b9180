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
  return { ...common, type: 'sqlite', database: config.database.path, enableWAL: true, busyErrorRetry: 2000 };
}
