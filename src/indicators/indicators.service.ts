import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { AccessPolicy } from '../access/access-policy';
import type { Permission } from '../access/permissions';
import { ConflictError, NotFoundError, RuleViolationError, asNotFound } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { YearLocksRepository } from '../locks/year-locks.repository';
import { ProjectsRepository } from '../projects/projects.repository';
import { ProjectsService } from '../projects/projects.service';
import { CreateIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { AchievedValue } from './entities/achieved-value.entity';
import { DeviationExplanation } from './entities/deviation-explanation.entity';
import { Indicator } from './entities/indicator.entity';
import { Target } from './entities/target.entity';
import { IndicatorsRepository } from './indicators.repository';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly projects: ProjectsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly yearLocks: YearLocksRepository,
    private readonly projectRows: ProjectsRepository,
  ) {}

  async listForProject(code: string, actor: Actor): Promise<Indicator[]> {
    const project = await this.projects.getByCode(code, actor);
    return this.repository.findByProjects([project.id]);
  }

  /** The indicator, after checking that the actor may read its project. */
  async getReadable(id: number, actor: Actor): Promise<Indicator> {
    const indicator = await this.repository.findById(id);
    if (!indicator) throw new NotFoundError(`Indicator ${id} does not exist`);
    await asNotFound(this.access.require(actor, 'project.read', { projectId: indicator.projectId }), `Indicator ${id} does not exist`);
    return indicator;
  }

  /** The indicator, after checking that the actor may use `permission` on its project. */
  async getWritable(id: number, actor: Actor, permission: Permission): Promise<Indicator> {
    const indicator = await this.getReadable(id, actor);
    await this.access.require(actor, permission, { projectId: indicator.projectId });
    return indicator;
  }

  async create(code: string, dto: CreateIndicatorDto, actor: Actor): Promise<Indicator> {
    const project = await this.projects.getWritable(code, actor, 'indicator.define');
    return this.transactions.run(async (em) => {
      if (dto.resultAreaId !== undefined) await this.assertResultArea(em, dto.resultAreaId, project.id);
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
    const indicator = await this.getWritable(id, actor, 'indicator.define');
    const { reason, version, ...changes } = dto;
    return this.transactions.run(async (em) => {
      if (changes.resultAreaId !== undefined) await this.assertResultArea(em, changes.resultAreaId, indicator.projectId);
      if (SHOWN.some((field) => changes[field] !== undefined && JSON.stringify(changes[field]) !== JSON.stringify(indicator[field]))) {
        await this.yearLocks.assertYearsUnlocked(em, indicator.projectId, await this.yearLocks.lockedYears(indicator.projectId, em), 'Changing how this indicator is defined or shown');
      }
      const ctx = { ...this.ctx(em, actor, indicator.projectId), reason: reason ?? null };
      return (await auditedUpdate(ctx, Indicator, id, changes, version)).after;
    });
  }

  /**
   * Only an indicator without figures can go: deleting one with values or targets would let the
   * database cascade them away without an audit entry each. Delete those first, each with a reason.
   */
  async remove(id: number, actor: Actor): Promise<void> {
    const indicator = await this.getWritable(id, actor, 'indicator.define');
    await this.transactions.run(async (em) => {
      const [values, targets, explanations] = await Promise.all([
        em.countBy(AchievedValue, { indicatorId: id }),
        em.countBy(Target, { indicatorId: id }),
        em.countBy(DeviationExplanation, { indicatorId: id }),
      ]);
      if (values + targets + explanations > 0) {
        throw new ConflictError(
          `Indicator ${indicator.code} has ${values} achieved value(s), ${targets} target(s) and ${explanations} explanation(s); delete the values and targets first, each with a reason`,
        );
      }
      await auditedDelete(this.ctx(em, actor, indicator.projectId), Indicator, id);
    });
  }

  private async assertResultArea(em: EntityManager, id: number, projectId: number): Promise<void> {
    if (!(await this.projectRows.hasResultArea(projectId, id, em))) {
      throw new RuleViolationError('Unknown result area', [{ field: 'resultAreaId', message: `result area ${id} does not exist in this project` }]);
    }
  }

  private ctx(em: EntityManager, actor: Actor, projectId: number): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'indicator', projectId };
  }
}

/**
 * Everything of an indicator that a report shows or computes from: while any year of the project
 * is locked, none of it may change, so that a locked year's regenerated report stays as submitted.
 */
const SHOWN = [
  'name',
  'nameEn',
  'kind',
  'unit',
  'unitLabel',
  'aggregation',
  'direction',
  'numeratorDefinition',
  'denominatorDefinition',
  'baselineValue',
  'baselineYear',
  'dimensions',
  'resultAreaId',
  'sortOrder',
] as const;
