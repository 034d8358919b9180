import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { selectEntities } from '../database/plain-select';
import { PeriodLockedError } from '../common/errors';
import { t } from '../common/i18n/text';
import { YearLock } from './year-lock.entity';

/** Every query on year_lock, in one place. */
@Injectable()
export class YearLocksRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The project's locks, oldest year first. */
  findByProject(projectId: number, em: EntityManager = this.dataSource.manager): Promise<YearLock[]> {
    return selectEntities(em, YearLock, '"projectId" = ?', [projectId], '"year"');
  }

  findByProjectAndYears(projectId: number, years: readonly number[], em: EntityManager = this.dataSource.manager): Promise<YearLock[]> {
    if (years.length === 0) return Promise.resolve([]);
    return em.find(YearLock, { where: { projectId, year: In([...years]) }, order: { year: 'ASC' } });
  }

  /** Locked years of a project, oldest first. */
  async lockedYears(projectId: number, em: EntityManager = this.dataSource.manager): Promise<number[]> {
    return (await this.findByProject(projectId, em)).map((l) => l.year);
  }

  /**
   * Refuses (423) a change that reaches locked years, read through the caller's transaction so
   * that every feature can ask before it writes.
   */
  async assertYearsUnlocked(em: EntityManager, projectId: number, years: readonly number[], what: string): Promise<void> {
    const locks = await this.findByProjectAndYears(projectId, years, em);
    if (locks.length === 0) return;
    const [first] = locks;
    const list = locks.map((l) => l.year).join(', ');
    const are = locks.length === 1 ? `year ${list} is` : `years ${list} are`;
    throw new PeriodLockedError(
      `${what} is refused: the reporting ${are} locked (by ${first.lockedBy} at ${first.lockedAt}); a coordinator can make a correction with a reason`,
      { lockedYears: locks.map((l) => l.year) },
    );
  }

  findOne(projectId: number, year: number, em: EntityManager = this.dataSource.manager): Promise<YearLock | null> {
    return em.findOneBy(YearLock, { projectId, year });
  }

  async countByProject(projectId: number, em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.countBy(YearLock, { projectId });
  }

  async insert(em: EntityManager, lock: Omit<YearLock, 'id' | 'project'>): Promise<YearLock> {
    return em.save(YearLock, em.create(YearLock, lock));
  }

  async delete(em: EntityManager, id: number): Promise<void> {
    await em.delete(YearLock, { id });
  }
}

/** The 423 for a change that would reach locked years; a coordinator may still correct with a reason. */
export function lockedYearsError(locks: readonly Pick<YearLock, 'year' | 'lockedBy' | 'lockedAt'>[], what: { sl: string; en: string }): PeriodLockedError {
  const [first] = locks;
  const list = locks.map((l) => l.year).join(', ');
  return new PeriodLockedError(
    t(
      `${what.sl} ni mogoča: ${locks.length === 1 ? `leto ${list} je zaklenjeno` : `leta ${list} so zaklenjena`} (${first.lockedBy}, ${first.lockedAt}); koordinator lahko vnese popravek z razlogom`,
      `${what.en} is refused: the reporting ${locks.length === 1 ? `year ${list} is` : `years ${list} are`} locked (by ${first.lockedBy} at ${first.lockedAt}); a coordinator can make a correction with a reason`,
    ),
    { lockedYears: locks.map((l) => l.year) },
  );
}
