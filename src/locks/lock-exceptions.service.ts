import { Injectable, Logger } from '@nestjs/common';
import { IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import { AuditService } from '../audit/audit.service';
import { Actor, SYSTEM_ACTOR } from '../auth/actor';
import { NotFoundError, RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { ProjectsService } from '../projects/projects.service';
import { UsersRepository } from '../users/users.repository';
import { LockException } from './lock-exception.entity';

/**
 * Lock exceptions (DHIS2's word): a coordinator or admin opens a locked year of one project for
 * one user until an instant, with a reason. The exception ends by itself at `until`: the value
 * write path asks `isOpenFor` with the time of the write. Opening and closing are audited; the
 * close of an expired exception is recorded by `closeExpired`, which the reminder job runs.
 */
@Injectable()
export class LockExceptionsService {
  private readonly logger = new Logger(LockExceptionsService.name);

  constructor(
    private readonly projects: ProjectsService,
    private readonly users: UsersRepository,
    private readonly access: AccessPolicy,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(code: string, actor: Actor): Promise<LockException[]> {
    const project = await this.projects.getByCode(code, actor);
    return this.transactions.manager.find(LockException, { where: { projectId: project.id }, order: { id: 'DESC' } });
  }

  async open(code: string, input: { year: number; userId: number; until: string; reason: string }, actor: Actor, now = new Date()): Promise<LockException> {
    const project = await this.projects.getWritable(code, actor, 'lock.exception');
    const user = await this.users.findById(input.userId);
    if (!user || !user.active) {
      throw new RuleViolationError(t('Neznan uporabnik', 'Unknown user'), [{ field: 'userId', message: t(`uporabnik ${input.userId} ne obstaja`, `user ${input.userId} does not exist`) }]);
    }
    if (!(await this.access.may({ userId: user.id, username: user.username, role: user.role }, 'project.read', { projectId: project.id }))) {
      throw new RuleViolationError(t('Uporabnik nima dostopa do projekta', 'The user has no access to the project'), [
        { field: 'userId', message: t(`${user.username} ne vidi projekta ${code}`, `${user.username} cannot see ${code}`) },
      ]);
    }
    if (!(new Date(input.until).getTime() > now.getTime())) {
      throw new RuleViolationError(t('Izjema mora trajati v prihodnost', 'The exception must end in the future'), [{ field: 'until', message: t('until mora biti v prihodnosti', 'until must be in the future') }]);
    }
    return this.transactions.run(async (em) => {
      const row = await em.save(
        LockException,
        em.create(LockException, { projectId: project.id, year: input.year, userId: user.id, until: new Date(input.until).toISOString(), reason: input.reason, openedBy: actor.username, openedAt: nowIso(), closedBy: null, closedAt: null }),
      );
      await this.audit.record(em, { actor, action: 'create', entityType: 'lock_exception', entityId: row.id, projectId: project.id, after: { ...row, username: user.username }, reason: input.reason });
      return row;
    });
  }

  /** Closes an exception before its end. */
  async close(code: string, id: number, reason: string | null, actor: Actor): Promise<LockException> {
    const project = await this.projects.getWritable(code, actor, 'lock.exception');
    return this.transactions.run(async (em) => {
      const row = await em.findOneBy(LockException, { id, projectId: project.id, closedAt: IsNull() });
      if (!row) throw new NotFoundError(t(`Odprte izjeme ${id} ni`, `No open lock exception ${id}`));
      return this.closeIn(em, row, actor, reason);
    });
  }

  /** Whether a locked year of a project is open for this user at this instant. */
  async isOpenFor(projectId: number, year: number, userId: number | null, at: Date = new Date(), em = this.transactions.manager): Promise<boolean> {
    if (userId === null) return false;
    return em.existsBy(LockException, { projectId, year, userId, closedAt: IsNull(), until: MoreThan(at.toISOString()) });
  }

  /** Records the end of every exception whose time is up; answers how many. */
  async closeExpired(now: Date = new Date()): Promise<number> {
    return this.transactions.run(async (em) => {
      const expired = await em.findBy(LockException, { closedAt: IsNull(), until: LessThanOrEqual(now.toISOString()) });
      for (const row of expired) await this.closeIn(em, row, SYSTEM_ACTOR, 'Izjema je potekla', row.until);
      if (expired.length) this.logger.log(`Closed ${expired.length} expired lock exception(s)`);
      return expired.length;
    });
  }

  private async closeIn(em: import('typeorm').EntityManager, row: LockException, actor: Actor, reason: string | null, at = nowIso()): Promise<LockException> {
    await em.update(LockException, { id: row.id }, { closedBy: actor.username, closedAt: at });
    const after = await em.findOneByOrFail(LockException, { id: row.id });
    await this.audit.record(em, { actor, action: 'update', entityType: 'lock_exception', entityId: row.id, projectId: row.projectId, before: row, after, reason });
    return after;
  }
}
