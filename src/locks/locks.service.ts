import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { ForbiddenError, NotFoundError } from '../common/errors';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { ProjectsService } from '../projects/projects.service';
import { YearLock } from './year-lock.entity';
import { YearLocksRepository } from './year-locks.repository';

/**
 * Locked reporting years. Write paths into a year's figures ask `assertUnlocked` (or
 * `YearLocksRepository.assertYearsUnlocked` for changes that touch several years) inside their
 * transaction; only a coordinator's correction (with a reason) may change a value of a locked year.
 */
@Injectable()
export class LocksService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly yearLocks: YearLocksRepository,
  ) {}

  async list(code: string, actor: Actor): Promise<YearLock[]> {
    const project = await this.projects.getByCode(code, actor);
    return this.transactions.manager.find(YearLock, { where: { projectId: project.id }, order: { year: 'ASC' } });
  }

  async assertUnlocked(em: EntityManager, projectId: number, year: number): Promise<void> {
    await this.yearLocks.assertYearsUnlocked(em, projectId, [year], 'This change');
  }

  /** Read through `em` when the caller decides inside its own transaction. */
  async isLocked(projectId: number, year: number, em: EntityManager = this.transactions.manager): Promise<boolean> {
    return (await this.yearLocks.findOne(projectId, year, em)) !== null;
  }

  async lock(code: string, year: number, reason: string | null, actor: Actor): Promise<YearLock> {
    const project = await this.projects.getWritable(code, actor, 'year.lock');
    return this.transactions.run((em) => this.lockInTransaction(em, project.id, year, reason, actor));
  }

  /** Used by report submission, which locks the year in its own transaction. */
  async lockInTransaction(em: EntityManager, projectId: number, year: number, reason: string | null, actor: Actor): Promise<YearLock> {
    const existing = await em.findOneBy(YearLock, { projectId, year });
    if (existing) return existing;
    const lock = await em.save(YearLock, em.create(YearLock, { projectId, year, reason, lockedBy: actor.username, lockedAt: nowIso() }));
    await this.audit.record(em, { actor, action: 'lock', entityType: 'year_lock', entityId: lock.id, projectId, after: lock, reason });
    return lock;
  }

  async unlock(code: string, year: number, reason: string, actor: Actor): Promise<void> {
    const project = await this.projects.getWritable(code, actor, 'year.unlock');
    await this.transactions.run(async (em) => {
      const lock = await em.findOneBy(YearLock, { projectId: project.id, year });
      if (!lock) throw new NotFoundError(`The reporting year ${year} of ${code} is not locked`);
      await em.delete(YearLock, { id: lock.id });
      await this.audit.record(em, { actor, action: 'unlock', entityType: 'year_lock', entityId: lock.id, projectId: project.id, before: lock, reason });
    });
  }
}
