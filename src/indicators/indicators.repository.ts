import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { listOf, selectEntities, selectRows } from '../database/plain-select';
import { AchievedValue } from './entities/achieved-value.entity';
import { DeviationExplanation } from './entities/deviation-explanation.entity';
import { Indicator } from './entities/indicator.entity';
import { Target } from './entities/target.entity';

/** Read queries for indicators and their figures, one named method per question. */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get em() {
    return this.dataSource.manager;
  }

  findById(id: number): Promise<Indicator | null> {
    return this.em.findOne(Indicator, { where: { id }, relations: { project: true } });
  }

  /** The project an indicator belongs to, or null: one narrow query for the write routes. */
  async findProjectIdOf(id: number): Promise<number | null> {
    const [row] = await selectRows<{ projectId: number }>(this.em, 'SELECT "projectId" FROM "indicator" WHERE "id" = ?', [id]);
    return row ? Number(row.projectId) : null;
  }

  countByProject(projectId: number, em: EntityManager = this.em): Promise<number> {
    return em.countBy(Indicator, { projectId });
  }

  /**
   * Those of the given indicators that belong to the project, read in the caller's transaction:
   * a value batch's own, instead of every indicator of the project.
   */
  findInProject(projectId: number, ids: readonly number[], em: EntityManager = this.em): Promise<Indicator[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return selectEntities(em, Indicator, `"projectId" = ? AND "id" IN (${listOf(ids.length)})`, [projectId, ...ids]);
  }

  /** The project's indicators, read in the caller's transaction. */
  findByProject(projectId: number, em: EntityManager = this.em): Promise<Indicator[]> {
    return selectEntities(em, Indicator, '"projectId" = ?', [projectId], '"sortOrder", "code"');
  }

  /**
   * Serialises writes to these indicators' figures until the transaction ends: on PostgreSQL the
   * indicator rows are locked (in id order, so two batches cannot deadlock), and a second writer
   * waits here until the first commits, then sees its rows. Checks such as "no overlapping value"
   * are therefore not check-then-insert races. SQLite runs one write transaction at a time anyway.
   */
  async lockForWrite(em: EntityManager, indicatorIds: readonly number[]): Promise<void> {
    if (em.connection.options.type !== 'postgres' || indicatorIds.length === 0) return;
    await em.query('SELECT id FROM "indicator" WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[...indicatorIds]]);
  }

  /** Indicators of the given projects (or of all projects) with their result areas, in report order. */
  findByProjects(projectIds: number[] | 'all'): Promise<Indicator[]> {
    if (projectIds !== 'all' && projectIds.length === 0) return Promise.resolve([]);
    return this.em.find(Indicator, {
      where: projectIds === 'all' ? {} : { projectId: In(projectIds) },
      relations: { resultArea: true },
      order: { projectId: 'ASC', sortOrder: 'ASC', code: 'ASC' },
    });
  }

  /** Targets of the indicators of the given projects, joined by project so the list of ids stays short. */
  findTargetsByProjects(projectIds: number[] | 'all'): Promise<Target[]> {
    return this.byProjects(this.em.createQueryBuilder(Target, 'r'), projectIds)
      .orderBy('r.validFrom', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** Achieved values of the given projects up to and including `year` (for to-date figures). */
  findAchievedByProjectsUpToYear(projectIds: number[] | 'all', year: number): Promise<AchievedValue[]> {
    return this.byProjects(this.em.createQueryBuilder(AchievedValue, 'r'), projectIds)
      .andWhere('r.year <= :year', { year })
      .orderBy('r.periodStart', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /** A project's achieved values up to `year` that the source qualifies ("vsaj 1.000"), oldest first. */
  findQualifiedByProjectUpToYear(projectId: number, year: number): Promise<AchievedValue[]> {
    return this.byProjects(this.em.createQueryBuilder(AchievedValue, 'r'), [projectId])
      .andWhere('r.year <= :year', { year })
      .andWhere('r.qualifier IS NOT NULL')
      .orderBy('r.periodEnd', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  findExplanationsByProjects(projectIds: number[] | 'all', year: number): Promise<DeviationExplanation[]> {
    return this.byProjects(this.em.createQueryBuilder(DeviationExplanation, 'r'), projectIds)
      .andWhere('r.year = :year', { year })
      .getMany();
  }

  private byProjects<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, projectIds: number[] | 'all'): SelectQueryBuilder<T> {
    qb.innerJoin(Indicator, 'i', 'i.id = r.indicatorId');
    return projectIds === 'all' ? qb.where('1 = 1') : qb.where('i.projectId IN (:...projectIds)', { projectIds: projectIds.length ? projectIds : [-1] });
  }

  findTargetsByIndicator(indicatorId: number): Promise<Target[]> {
    return this.em.find(Target, { where: { indicatorId }, order: { year: 'ASC', validFrom: 'ASC', id: 'ASC' } });
  }




  findExplanationsByIndicators(indicatorIds: number[], year?: number): Promise<DeviationExplanation[]> {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    return this.em.find(DeviationExplanation, {
      where: { indicatorId: In(indicatorIds), ...(year !== undefined ? { year } : {}) },
      order: { year: 'ASC' },
    });
  }
}
