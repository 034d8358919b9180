import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isSqlite } from './data-source-options';

/** Units of work sharing one SQLite transaction at most: one synced commit for this many writes. */
const MAX_GROUP = 64;

interface Unit {
  work: (em: EntityManager) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs a unit of work in one database transaction, all or nothing. PostgreSQL gets a transaction
 * per unit. SQLite has one connection and one writer, so its units run one after another; those
 * that queue up while one runs are committed together (group commit): one BEGIN, each unit inside
 * its own savepoint, one synced COMMIT. A unit that fails rolls back to its savepoint and fails
 * alone; the others keep their writes. Each caller is answered only once the COMMIT holding its
 * writes has succeeded; if that COMMIT fails, every unit of the group fails with its error.
 */
@Injectable()
export class Transactions {
  private readonly queue: Unit[] = [];
  private draining = false;

  constructor(private readonly dataSource: DataSource) {}

  /** The manager for reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!isSqlite(this.dataSource.options.type)) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.runGroup();
    } finally {
      this.draining = false;
    }
  }

  /**
   * One transaction for the queued units and for those that arrive while they run: before the
   * COMMIT it yields once to the event loop, so that requests already read from their sockets
   * reach the queue and join this commit instead of each paying its own synced one.
   */
  private async runGroup(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const group: Unit[] = [];
    const outcomes: Outcome[] = [];
    try {
      await runner.startTransaction();
      for (;;) {
        const joined = this.queue.splice(0, MAX_GROUP - group.length);
        if (joined.length === 0) break;
        group.push(...joined);
        for (const unit of joined) outcomes.push(await attempt(runner, unit));
        if (group.length >= MAX_GROUP) break;
        if (this.queue.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (outcomes.some((o) => o.ok)) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } catch (error) {
      // BEGIN, a savepoint or the COMMIT itself failed: nothing of the group is stored.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      for (const [i, unit] of group.entries()) {
        const own = outcomes[i];
        unit.reject(own && !own.ok ? own.error : error);
      }
      return;
    }
    await runner.release();
    for (const [i, unit] of group.entries()) {
      const outcome = outcomes[i];
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    }
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs one unit in its own savepoint, which a failure rolls back. */
async function attempt(runner: QueryRunner, unit: Unit): Promise<Outcome> {
  await runner.startTransaction();
  try {
    const value = await unit.work(runner.manager);
    await runner.commitTransaction();
    return { ok: true, value };
  } catch (error) {
    await runner.rollbackTransaction();
    return { ok: false, error };
  }
}
