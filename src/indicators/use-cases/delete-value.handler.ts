import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../access/access-policy';
import { AuditService } from '../../audit/audit.service';
import type { ReasonCategory } from '../../audit/audit.types';
import type { Actor } from '../../auth/actor';
import { NotFoundError } from '../../common/errors';
import { t } from '../../common/i18n/text';
import { assertVersion } from '../../database/audited-writes';
import { Transactions } from '../../database/transactions';
import { LockExceptionsService } from '../../locks/lock-exceptions.service';
import { lockedYearsError, YearLocksRepository } from '../../locks/year-locks.repository';
import { AchievedValuesRepository } from '../achieved-values.repository';
import { IndicatorsRepository } from '../indicators.repository';

export interface DeleteValueInput {
  id: number;
  version: number;
  reason: string;
  reasonCategory?: ReasonCategory | null;
}

/**
 * Removes one achieved value, with its reason, when neither its year nor a later one is locked
 * (a later locked year shows this value in its running and to-date figures).
 */
@Injectable()
export class DeleteValueHandler {
  constructor(
    private readonly access: AccessPolicy,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly indicators: IndicatorsRepository,
    private readonly values: AchievedValuesRepository,
    private readonly locks: YearLocksRepository,
    private readonly lockExceptions: LockExceptionsService,
  ) {}

  async execute(input: DeleteValueInput, actor: Actor): Promise<void> {
    const notFound = t(`Dosežena vrednost ${input.id} ne obstaja`, `Achieved value ${input.id} does not exist`);
    const found = await this.values.findById(input.id);
    const indicator = found ? await this.indicators.findById(found.indicatorId) : null;
    if (!found || !indicator) throw new NotFoundError(notFound);
    try {
      await this.access.require(actor, 'value.record', { projectId: indicator.projectId });
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(notFound);
      throw error;
    }
    await this.transactions.run(async (em) => {
      await this.indicators.lockForWrite(em, [indicator.id]);
      const value = await this.values.findById(input.id, em);
      if (!value) throw new NotFoundError(notFound);
      assertVersion(value, input.version, 'achieved_value');
      const reached = (await this.locks.findByProject(indicator.projectId, em)).filter((l) => l.year >= value.year);
      const now = new Date();
      const open = await Promise.all(reached.map((l) => this.lockExceptions.isOpenFor(indicator.projectId, l.year, actor.userId, now, em)));
      const locked = reached.filter((_, i) => !open[i]);
      if (locked.length) throw lockedYearsError(locked, { sl: 'Brisanje te vrednosti', en: 'Deleting this value' });
      await this.values.delete(em, value.id);
      await this.audit.record(em, {
        actor,
        action: 'delete',
        entityType: 'achieved_value',
        entityId: value.id,
        projectId: indicator.projectId,
        before: value,
        reason: input.reason,
        reasonCategory: input.reasonCategory ?? null,
      });
    });
  }
}
