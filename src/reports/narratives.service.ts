import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { auditedDelete, auditedUpsert } from '../database/audited-writes';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LocksService } from '../locks/locks.service';
import { ProjectsRepository } from '../projects/projects.repository';
import { ProjectsService } from '../projects/projects.service';
import { PutNarrativeDto } from './dto/narrative.dto';
import { Narrative } from './entities/narrative.entity';

/** Narrative texts (vsebinsko poročilo) per project, year and result area. */
@Injectable()
export class NarrativesService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly locks: LocksService,
    private readonly projectRows: ProjectsRepository,
  ) {}

  async list(code: string, year: number, actor: Actor): Promise<Narrative[]> {
    return this.forReadableProject((await this.projects.getByCode(code, actor)).id, year);
  }

  /** For a project whose read access the caller has already checked. */
  forReadableProject(projectId: number, year: number): Promise<Narrative[]> {
    return this.transactions.manager.find(Narrative, { where: { projectId, year }, order: { resultAreaId: 'ASC', id: 'ASC' } });
  }

  /** Removes every narrative of a project (which is being deleted), each with its audit entry. */
  async removeAllOf(em: EntityManager, projectId: number, actor: Actor): Promise<void> {
    const ctx = { em, audit: this.audit, actor, entityType: 'narrative', projectId };
    for (const row of await em.findBy(Narrative, { projectId })) await auditedDelete(ctx, Narrative, row.id);
  }

  async put(code: string, year: number, dto: PutNarrativeDto, actor: Actor): Promise<Narrative> {
    const project = await this.projects.getWritable(code, actor, 'narrative.write');
    return this.transactions.run(async (em) => {
      // As for explanations: two first writes of the same text serialise, the second updates.
      await this.projectRows.lockForWrite(em, project.id);
      await this.locks.assertUnlocked(em, project.id, year);
      const resultAreaId = dto.resultAreaId ?? null;
      if (resultAreaId !== null && !(await this.projectRows.hasResultArea(project.id, resultAreaId, em))) {
        throw new RuleViolationError(t('Neznano področje', 'Unknown result area'), [
          { field: 'resultAreaId', message: t(`področje ${resultAreaId} ne obstaja v projektu ${code}`, `result area ${resultAreaId} does not exist in ${code}`) },
        ]);
      }
      const ctx = { em, audit: this.audit, actor, entityType: 'narrative', projectId: project.id };
      return auditedUpsert(ctx, Narrative, { projectId: project.id, year, resultAreaId }, { text: dto.text, updatedBy: actor.username, updatedAt: nowIso() }, dto.version);
    });
  }
}
