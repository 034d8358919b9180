import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isSqlite } from './data-source-options';

/**
 * Runs a unit of work in one database transaction. TypeORM's SQLite driver shares a single
 * connection, so two overlapping transactions would interleave on it; on SQLite the work is
 * therefore queued, one transaction at a time. PostgreSQL gets a transaction per unit of work.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /** The manager for reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!isSqlite(this.dataSource.options.type)) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
