import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { selectRows } from '../database/plain-select';
import { insertReturningIds } from '../database/bulk-insert';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryLike } from './audit.types';
import { CONTENT_FIELDS, OPTIONAL_CONTENT_FIELDS } from './hash-chain';

/** What an insert writes: the hashed fields, the hash, and the fields hashed only when set. */
const COLUMNS = [...CONTENT_FIELDS, 'hash', ...OPTIONAL_CONTENT_FIELDS] as const satisfies readonly (keyof AuditEntry)[];

/** The shared records that belong to no project and name no person's account or logins. */
const CATALOGUE_ENTITIES = ['funder', 'public_call', 'organisation'];

/** Which entries a trail export holds. Instants are ISO strings, `to` inclusive. */
export interface TrailFilter {
  projectIds: number[] | null;
  /**
   * Entries of no project: 'all' (logins, users, the catalogue), 'catalogue' (funders, calls,
   * organisations: no person's logins or accounts), or 'none'.
   */
  projectless: 'all' | 'catalogue' | 'none';
  username?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Every query on audit_entry, in one place. There is no update and no delete, by design. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Hash of the newest entry, read through the caller's transaction; null for an empty trail. */
  async lastHash(em: EntityManager): Promise<string | null> {
    const [row] = await selectRows<{ hash: string }>(em, 'SELECT "hash" FROM "audit_entry" ORDER BY "id" DESC LIMIT 1', []);
    return row?.hash ?? null;
  }

  /** Appends entries in the given order (their ids grow in it, which the chain order relies on). */
  async insertMany(em: EntityManager, entries: readonly Omit<AuditEntry, 'id'>[]): Promise<AuditEntry[]> {
    const ids = await insertReturningIds(em, 'audit_entry', COLUMNS, entries.map((e) => COLUMNS.map((c) => e[c])));
    return entries.map((e, i) => Object.assign(new AuditEntry(), e, { id: ids[i] }));
  }

  /**
   * Up to `limit` entries with an id above `afterId`, in id order (one keyset page), as plain rows
   * with the hashed columns: verifying a long trail builds no entity objects.
   */
  pageAfter(afterId: number, limit: number): Promise<AuditEntryLike[]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const columns = ['id', ...CONTENT_FIELDS, ...OPTIONAL_CONTENT_FIELDS, 'hash'].map((c) => `"${c}"`).join(', ');
    return this.dataSource.query(
      `SELECT ${columns} FROM audit_entry WHERE id > ${postgres ? '$1' : '?'} ORDER BY id LIMIT ${postgres ? '$2' : '?'}`,
      [afterId, limit],
    );
  }

  /**
   * All entries in id order, fetched page by page by keyset (`WHERE id > :last ORDER BY id LIMIT n`),
   * so at most two pages are in memory and no OFFSET scan grows with the trail. The next page is
   * read while the caller works through the current one, so the database and the hashing overlap.
   */
  async *inIdOrder(pageSize: number): AsyncGenerator<AuditEntryLike> {
    let page = await this.pageAfter(0, pageSize);
    for (;;) {
      const last = page[page.length - 1];
      const next = page.length === pageSize ? this.pageAfter(Number(last.id), pageSize) : null;
      // A caller that stops early (a broken chain) must not leave the prefetch unhandled.
      next?.catch(() => undefined);
      yield* page;
      if (!next) return;
      page = await next;
    }
  }

  findByEntity(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  findByProject(projectId: number): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { projectId }, order: { id: 'ASC' } });
  }

  /**
   * Entries matching an export's filter, in id order, one keyset page at a time: only one page is
   * in memory whatever the trail's length. `projectIds` null: every project.
   */
  async *matching(filter: TrailFilter, pageSize: number): AsyncGenerator<AuditEntry> {
    let lastId = 0;
    for (;;) {
      const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e').where('e.id > :lastId', { lastId });
      if (filter.projectIds !== null) {
        const ids = filter.projectIds.length > 0 ? filter.projectIds : [-1];
        qb.andWhere(
          new Brackets((w) => {
            w.where('e.projectId IN (:...ids)', { ids });
            if (filter.projectless === 'all') w.orWhere('e.projectId IS NULL');
            if (filter.projectless === 'catalogue') w.orWhere('(e.projectId IS NULL AND e.entityType IN (:...catalogue))', { catalogue: CATALOGUE_ENTITIES });
          }),
        );
      } else if (filter.projectless === 'none') qb.andWhere('e.projectId IS NOT NULL');
      else if (filter.projectless === 'catalogue') qb.andWhere('(e.projectId IS NOT NULL OR e.entityType IN (:...catalogue))', { catalogue: CATALOGUE_ENTITIES });
      if (filter.username) qb.andWhere('e.actorUsername = :username', { username: filter.username });
      if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
      if (filter.from) qb.andWhere('e.occurredAt >= :from', { from: filter.from });
      if (filter.to) qb.andWhere('e.occurredAt <= :to', { to: filter.to });
      const page = await qb.orderBy('e.id', 'ASC').limit(pageSize).getMany();
      yield* page;
      if (page.length < pageSize) return;
      lastId = page[page.length - 1].id;
    }
  }
}
