import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Organisation } from './organisation.entity';

/** What other features ask about organisations, one named method per question. */
@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  exists(id: number, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return em.existsBy(Organisation, { id });
  }

  /** Those of the given ids that exist. */
  async existingIds(ids: readonly number[], em: EntityManager = this.dataSource.manager): Promise<number[]> {
    if (ids.length === 0) return [];
    return (await em.find(Organisation, { select: { id: true }, where: { id: In([...ids]) } })).map((o) => o.id);
  }

  async idByName(name: string, em: EntityManager = this.dataSource.manager): Promise<number | null> {
    const row = await em.findOne(Organisation, { select: { id: true }, where: { name } });
    return row?.id ?? null;
  }

  /** Names of all organisations by id (a small table; one query instead of one per partner). */
  async names(): Promise<Map<number, string>> {
    const rows = await this.dataSource.manager.find(Organisation, { select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
