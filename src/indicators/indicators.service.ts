import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { ProjectAccessService } from '../auth/project-access.service';
import { NotFoundError, RuleViolationError } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { ResultArea } from '../projects/entities/result-area.entity';
import { ProjectsService } from '../projects/projects.service';
import { CreateIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { Indicator } from './entities/indicator.entity';
import { IndicatorsRepository } from './indicators.repository';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly projects: ProjectsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly access: ProjectAccessService,
  ) {}

  async listForProject(code: string, actor: Actor): Promise<Indicator[]> {
    const project = await this.projects.getByCode(code, actor);
    return this.repository.findByProjects([project.id]);
  }

  /** The indicator, after checking that the actor may read its project. */
  async getReadable(id: number, actor: Actor): Promise<Indicator> {
    const indicator = await this.repository.findById(id);
    if (!indicator) throw new NotFoundError(`Indicator ${id} does not exist`);
    await this.access.assertCanRead(actor, indicator.projectId);
    return indicator;
  }

  async getWritable(id: number, actor: Actor): Promise<Indicator> {
    const indicator = await this.getReadable(id, actor);
    await this.access.assertCanWrite(actor, indicator.projectId);
    return indicator;
  }

  async create(code: string, dto: CreateIndicatorDto, actor: Actor): Promise<Indicator> {
    const project = await this.projects.getWritable(code, actor);
    return this.transactions.run(async (em) => {
      if (dto.resultAreaId !== undefined) await assertResultArea(em, dto.resultAreaId, project.id);
      return auditedCreate(this.ctx(em, actor, project.id), Indicator, {
        nameEn: null,
        unitLabel: null,
        aggregation: 'sum',
        direction: 'at_least',
        numeratorDefinition: null,
        denominatorDefinition: null,
        baselineValue: null,
        baselineYear: null,
        dimensions: [],
        resultAreaId: null,
        sortOrder: 0,
        ...dto,
        projectId: project.id,
      });
    });
  }

  async update(id: number, dto: UpdateIndicatorDto, actor: Actor): Promise<Indicator> {
    const indicator = await this.getWritable(id, actor);
    const { reason, ...changes } = dto;
    return this.transactions.run(async (em) => {
      if (changes.resultAreaId !== undefined) await assertResultArea(em, changes.resultAreaId, indicator.projectId);
      const ctx = { ...this.ctx(em, actor, indicator.projectId), reason: reason ?? null };
      return (await auditedUpdate(ctx, Indicator, id, changes)).after;
    });
  }

  async remove(id: number, actor: Actor): Promise<void> {
    const indicator = await this.getWritable(id, actor);
    await this.transactions.run((em) => auditedDelete(this.ctx(em, actor, indicator.projectId), Indicator, id));
  }

  private ctx(em: EntityManager, actor: Actor, projectId: number): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'indicator', projectId };
  }
}

async function assertResultArea(em: EntityManager, id: number, projectId: number): Promise<void> {
  const area = await em.findOneBy(ResultArea, { id });
  if (!area || area.projectId !== projectId) {
    throw new RuleViolationError('Unknown result area', [{ field: 'resultAreaId', message: `result area ${id} does not exist in this project` }]);
  }
}
