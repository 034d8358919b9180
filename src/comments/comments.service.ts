import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { IndicatorsService } from '../indicators/indicators.service';
import { CommentsRepository } from './comments.repository';
import { IndicatorComment } from './entities/indicator-comment.entity';

/**
 * Comments on an indicator's year between the project's manager, its coordinators and the
 * funder's reviewer. A comment changes no figure; it is kept (and audited) as written.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly repository: CommentsRepository,
    private readonly indicators: IndicatorsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(indicatorId: number, year: number | undefined, actor: Actor): Promise<IndicatorComment[]> {
    await this.indicators.getReadable(indicatorId, actor);
    return this.repository.findByIndicator(indicatorId, year);
  }

  async add(indicatorId: number, year: number, text: string, actor: Actor): Promise<IndicatorComment> {
    const indicator = await this.indicators.getWritable(indicatorId, actor, 'comment.write');
    return this.transactions.run(async (em) => {
      const comment = await this.repository.insert(em, { indicatorId, year, author: actor.username, authorRole: actor.role, text, createdAt: nowIso() });
      await this.audit.record(em, { actor, action: 'create', entityType: 'indicator_comment', entityId: comment.id, projectId: indicator.projectId, after: comment });
      return comment;
    });
  }
}
