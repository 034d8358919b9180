import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { insertReturningIds } from '../database/bulk-insert';
import { listOf, selectEntities, selectRows } from '../database/plain-select';
import { AchievedValue } from './entities/achieved-value.entity';

/** The stored fields of an achieved value that a write sets (id and version are the database's). */
export type AchievedValueFields = Omit<AchievedValue, 'id' | 'version' | 'indicator' | 'partnerOrganisation'>;

const COLUMNS = [
  'indicatorId',
  'year',
  'periodStart',
  'periodEnd',
  'partnerOrganisationId',
  'dimension',
  'dimensionValue',
  'value',
  'numerator',
  'denominator',
  'comment',
  'qualifier',
  'enteredBy',
  'enteredAt',
] as const satisfies readonly (keyof AchievedValueFields)[];

/** Every query on achieved_value, in one place. Writes take the caller's transaction. */
@Injectable()
export class AchievedValuesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: number, em: EntityManager = this.dataSource.manager): Promise<AchievedValue | null> {
    return em.findOneBy(AchievedValue, { id });
  }

  /** The indicator's values (of one year), with the partner's name, in period order. */
  findByIndicator(indicatorId: number, year?: number): Promise<AchievedValue[]> {
    return this.dataSource.manager.find(AchievedValue, {
      where: { indicatorId, ...(year !== undefined ? { year } : {}) },
      relations: { partnerOrganisation: true },
      order: { periodStart: 'ASC', id: 'ASC' },
    });
  }

  findByIds(ids: readonly number[], em: EntityManager = this.dataSource.manager): Promise<AchievedValue[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return selectEntities(em, AchievedValue, `"id" IN (${listOf(ids.length)})`, ids);
  }

  /**
   * The stored values a batch is checked against, of these indicators and years: those whose
   * period meets `span` (a row can clash with or repeat only these), and every value of an
   * indicator-year where partners' parts are added up against the total (a part is stored there,
   * or the batch enters one: `withParts`). A write's reads then do not grow with the year's values.
   */
  async findForChecks(
    indicatorIds: readonly number[],
    years: readonly number[],
    span: { from: string; to: string } | null,
    withParts: readonly { indicatorId: number; year: number }[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<AchievedValue[]> {
    if (indicatorIds.length === 0 || years.length === 0) return [];
    const among = `"indicatorId" IN (${listOf(indicatorIds.length)}) AND "year" IN (${listOf(years.length)})`;
    const stored = await selectRows<{ indicatorId: number; year: number }>(
      em,
      `SELECT DISTINCT "indicatorId", "year" FROM "achieved_value" WHERE ${among} AND "partnerOrganisationId" IS NOT NULL AND "dimension" IS NULL`,
      [...indicatorIds, ...years],
    );
    const whole = new Map([...stored, ...withParts].map((p) => [`${Number(p.indicatorId)}|${Number(p.year)}`, [Number(p.indicatorId), Number(p.year)]]));
    const wholeYears = [...whole.values()];
    const conditions = [...(span ? ['("periodStart" <= ? AND "periodEnd" >= ?)'] : []), ...wholeYears.map(() => '("indicatorId" = ? AND "year" = ?)')];
    if (conditions.length === 0) return [];
    return selectEntities(em, AchievedValue, `${among} AND (${conditions.join(' OR ')})`, [...indicatorIds, ...years, ...(span ? [span.to, span.from] : []), ...wholeYears.flat()], '"periodStart", "id"');
  }

  /** The values of these indicators in these years: what a batch must check overlaps against. */
  findByIndicatorsAndYears(indicatorIds: readonly number[], years: readonly number[], em: EntityManager = this.dataSource.manager): Promise<AchievedValue[]> {
    if (indicatorIds.length === 0 || years.length === 0) return Promise.resolve([]);
    return selectEntities(
      em,
      AchievedValue,
      `"indicatorId" IN (${listOf(indicatorIds.length)}) AND "year" IN (${listOf(years.length)})`,
      [...indicatorIds, ...years],
      '"periodStart", "id"',
    );
  }

  /** Periods of the project's values (for a funding period that would shrink under them). */
  findPeriodsOfProject(projectId: number, em: EntityManager = this.dataSource.manager): Promise<Pick<AchievedValue, 'periodStart' | 'periodEnd'>[]> {
    return em
      .createQueryBuilder(AchievedValue, 'v')
      .innerJoin('v.indicator', 'i')
      .where('i.projectId = :projectId', { projectId })
      .select(['v.periodStart', 'v.periodEnd'])
      .getMany();
  }

  async countByIndicator(indicatorId: number, em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.countBy(AchievedValue, { indicatorId });
  }

  /** Inserts the values (version 1) and answers them with their ids, in input order. */
  async insertMany(em: EntityManager, rows: readonly AchievedValueFields[]): Promise<AchievedValue[]> {
    const ids = await insertReturningIds(
      em,
      'achieved_value',
      [...COLUMNS, 'version'],
      rows.map((r) => [...COLUMNS.map((c) => r[c]), 1]),
    );
    return rows.map((r, i) => Object.assign(new AchievedValue(), r, { id: ids[i], version: 1 }));
  }

  /**
   * Changes one value if it is still at `version`, raising the version. Answers false when the
   * row moved on meanwhile (the caller's check and this write then disagree: a stale write).
   */
  async updateAtVersion(em: EntityManager, id: number, version: number, patch: Partial<AchievedValueFields>): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(AchievedValue)
      .set({ ...patch, version: () => '"version" + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.delete(AchievedValue, { id });
  }
}
