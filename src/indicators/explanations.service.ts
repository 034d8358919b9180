import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { auditedUpsert } from '../database/audited-writes';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LocksService } from '../locks/locks.service';
import { PutExplanationDto } from './dto/values.dto';
import { DeviationExplanation } from './entities/deviation-explanation.entity';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

/** Explanations of deviations (obrazložitev odstopanj), one per indicator and year. */
@Injectable()
export class ExplanationsService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: IndicatorsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly locks: LocksService,
  ) {}

  async list(indicatorId: number, actor: Actor): Promise<DeviationExplanation[]> {
    await this.indicators.getReadable(indicatorId, actor);
    return this.repository.findExplanationsByIndicators([indicatorId]);
  }

  async put(indicatorId: number, year: number, dto: PutExplanationDto, actor: Actor): Promise<DeviationExplanation> {
    const indicator = await this.indicators.getWritable(indicatorId, actor, 'explanation.write');
    return this.transactions.run(async (em) => {
      // The first explanation of a year is an upsert that two writers could both take for a
      // create: serialised on the indicator, the second one finds the first and updates it.
      await this.repository.lockForWrite(em, [indicatorId]);
      await this.locks.assertUnlocked(em, indicator.projectId, year);
      const ctx = { em, audit: this.audit, actor, entityType: 'deviation_explanation', projectId: indicator.projectId };
      return auditedUpsert(ctx, DeviationExplanation, { indicatorId, year }, { text: dto.text, updatedBy: actor.username, updatedAt: nowIso() }, dto.version);
    });
  }
}
