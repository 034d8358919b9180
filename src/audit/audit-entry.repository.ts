import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/** Every query on audit_entry, in one place. There is no update and no delete, by design. */
@Injectable()
export class AuditEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Hash of the newest entry, read through the caller's transaction; null for an empty trail. */
  async lastHash(em: EntityManager): Promise<string | null> {
    const rows = await em.getRepository(AuditEntry).find({ select: { id: true, hash: true }, order: { id: 'DESC' }, take: 1 });
    return rows[0]?.hash ?? null;
  }

  async insert(em: EntityManager, entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const row = Object.assign(new AuditEntry(), entry);
    const result = await em.insert(AuditEntry, row);
    return Object.assign(row, { id: Number(result.identifiers[0]?.id) });
  }

  /** Up to `limit` entries with an id above `afterId`, in id order (one keyset page). */
  pageAfter(afterId: number, limit: number): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
  }

  /**
   * All entries in id order, fetched page by page by keyset (`WHERE id > :last ORDER BY id LIMIT n`),
   * so only one page is in memory at a time and no OFFSET scan grows with the trail.
   */
  async *inIdOrder(pageSize: number): AsyncGenerator<AuditEntry> {
    let lastId = 0;
    for (;;) {
      const page = await this.pageAfter(lastId, pageSize);
      yield* page;
      if (page.length < pageSize) return;
      lastId = page[page.length - 1].id;
    }
  }

  findByEntity(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  findByProject(projectId: number): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({ where: { projectId }, order: { id: 'ASC' } });
  }
}
