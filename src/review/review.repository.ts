import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReportCycle } from './entities/report-cycle.entity';
import { ReportTransition } from './entities/report-transition.entity';
import { REPORT_IN, ReportState } from './report-states';

/** Every query on report_cycle and report_transition. */
@Injectable()
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(projectId: number, fundingPeriodId: number, year: number, em: EntityManager = this.dataSource.manager): Promise<ReportCycle | null> {
    return em.findOneBy(ReportCycle, { projectId, fundingPeriodId, year });
  }

  /**
   * The cycle of a report, created as a draft on first use. On PostgreSQL the row is locked until
   * the transaction ends, so that two transitions of one report run one after the other.
   */
  async findOrCreateForUpdate(em: EntityManager, projectId: number, fundingPeriodId: number, year: number, now: string): Promise<ReportCycle> {
    await em
      .createQueryBuilder()
      .insert()
      .into(ReportCycle)
      .values({ projectId, fundingPeriodId, year, state: 'draft', updatedAt: now, version: 1 })
      .orIgnore()
      .execute();
    const qb = em
      .createQueryBuilder(ReportCycle, 'c')
      .where('c.projectId = :projectId AND c.fundingPeriodId = :fundingPeriodId AND c.year = :year', { projectId, fundingPeriodId, year });
    if (em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
    return qb.getOneOrFail();
  }

  async saveState(em: EntityManager, cycle: ReportCycle, state: ReportState, now: string): Promise<void> {
    await em.update(ReportCycle, { id: cycle.id }, { state, updatedAt: now, version: cycle.version + 1 });
  }

  insertTransition(em: EntityManager, row: Omit<ReportTransition, 'id' | 'reportCycle'>): Promise<ReportTransition> {
    return em.save(ReportTransition, em.create(ReportTransition, row));
  }

  transitions(cycleId: number, em: EntityManager = this.dataSource.manager): Promise<ReportTransition[]> {
    return em.find(ReportTransition, { where: { reportCycleId: cycleId }, order: { id: 'ASC' } });
  }

  inStates(projectIds: number[] | 'all', states: ReportState[]): Promise<ReportCycle[]> {
    if (projectIds !== 'all' && projectIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(ReportCycle, {
      where: { state: In(states), ...(projectIds === 'all' ? {} : { projectId: In(projectIds) }) },
      relations: { project: true },
      order: { updatedAt: 'ASC' },
    });
  }

  /** `${projectId}:${year}` of the reports that are in (submitted, resubmitted, approved). */
  async doneReports(projectIds: number[]): Promise<Set<string>> {
    const rows = await this.inStates(projectIds, [...REPORT_IN]);
    return new Set(rows.map((r) => `${r.projectId}:${r.year}`));
  }
}
