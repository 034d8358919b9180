import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { FieldError, NotFoundError, RuleViolationError } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { FundersRepository } from '../funders/funders.repository';
import { AchievedValuesRepository } from '../indicators/achieved-values.repository';
import { YearLocksRepository } from '../locks/year-locks.repository';
import {
  CreateFundingPeriodDto,
  CreateObjectiveDto,
  CreatePartnerDto,
  CreateResultAreaDto,
  FundingPeriodFunderDto,
  UpdateFundingPeriodDto,
  UpdateObjectiveDto,
  UpdatePartnerDto,
  UpdateResultAreaDto,
} from './dto/project-structure.dto';
import { FundingPeriodFunder } from './entities/funding-period-funder.entity';
import { FundingPeriod } from './entities/funding-period.entity';
import { Objective } from './entities/objective.entity';
import { ProjectPartner } from './entities/project-partner.entity';
import { ResultArea } from './entities/result-area.entity';
import { ProjectsService } from './projects.service';
import { yearsBetween } from './reporting-years';

type Child = ProjectPartner | FundingPeriod | Objective | ResultArea;

/** The parts of a project addressed as `/api/projects/{code}/{kind}/{id}`. */
export type ProjectChildKind = 'partners' | 'funding-periods' | 'objectives' | 'result-areas';

/** Partners, funding periods, objectives and result areas of a project. */
@Injectable()
export class ProjectStructureService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly funders: FundersRepository,
    private readonly yearLocks: YearLocksRepository,
    private readonly achievedValues: AchievedValuesRepository,
  ) {}

  async addPartner(code: string, dto: CreatePartnerDto, actor: Actor): Promise<ProjectPartner> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    return this.transactions.run(async (em) => {
      await this.projects.assertOrganisation(em, dto.organisationId, 'organisationId');
      return auditedCreate(this.ctx(em, actor, project.id, 'project_partner'), ProjectPartner, { note: null, ...dto, projectId: project.id });
    });
  }

  async updatePartner(code: string, id: number, dto: UpdatePartnerDto, actor: Actor): Promise<ProjectPartner> {
    return this.updateChild(code, id, ProjectPartner, 'project_partner', dto, actor, async (em) => {
      if (dto.organisationId !== undefined) await this.projects.assertOrganisation(em, dto.organisationId, 'organisationId');
    });
  }

  async addFundingPeriod(code: string, dto: CreateFundingPeriodDto, actor: Actor): Promise<FundingPeriod> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    return this.transactions.run(async (em) => {
      await this.validatePeriod(em, dto);
      await this.yearLocks.assertYearsUnlocked(em, project.id, yearsBetween(dto.startDate, dto.endDate), 'A funding period over these years');
      const { funders, ...fields } = dto;
      const period = await auditedCreate(this.ctx(em, actor, project.id, 'funding_period'), FundingPeriod, {
        amountEur: null,
        contractReference: null,
        publicCallId: null,
        ...fields,
        projectId: project.id,
      });
      await this.replaceFunders(em, actor, project.id, period.id, funders ?? []);
      return em.findOneOrFail(FundingPeriod, { where: { id: period.id }, relations: { funders: true } });
    });
  }

  async updateFundingPeriod(code: string, id: number, dto: UpdateFundingPeriodDto, actor: Actor): Promise<FundingPeriod> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    return this.transactions.run(async (em) => {
      const current = await this.findChild(em, FundingPeriod, id, project.id, 'funding_period');
      const merged = {
        startDate: dto.startDate ?? current.startDate,
        endDate: dto.endDate ?? current.endDate,
        publicCallId: dto.publicCallId ?? current.publicCallId,
        funders: dto.funders,
      };
      await this.validatePeriod(em, merged);
      const touched = new Set([...yearsBetween(current.startDate, current.endDate), ...yearsBetween(merged.startDate, merged.endDate)]);
      await this.yearLocks.assertYearsUnlocked(em, project.id, [...touched], 'Changing this funding period');
      await this.assertValuesStayInside(em, project.id, id, merged.startDate, merged.endDate);
      const { funders, ...fields } = dto;
      const { after } = await auditedUpdate(this.ctx(em, actor, project.id, 'funding_period'), FundingPeriod, id, fields);
      if (funders) await this.replaceFunders(em, actor, project.id, id, funders);
      return em.findOneOrFail(FundingPeriod, { where: { id: after.id }, relations: { funders: true } });
    });
  }

  async addObjective(code: string, dto: CreateObjectiveDto, actor: Actor): Promise<Objective> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    return this.transactions.run((em) =>
      auditedCreate(this.ctx(em, actor, project.id, 'objective'), Objective, { sortOrder: 0, ...dto, projectId: project.id }),
    );
  }

  async updateObjective(code: string, id: number, dto: UpdateObjectiveDto, actor: Actor): Promise<Objective> {
    return this.updateChild(code, id, Objective, 'objective', dto, actor);
  }

  async addResultArea(code: string, dto: CreateResultAreaDto, actor: Actor): Promise<ResultArea> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    return this.transactions.run(async (em) => {
      if (dto.objectiveId !== undefined) await this.findChild(em, Objective, dto.objectiveId, project.id, 'objective', 'objectiveId');
      return auditedCreate(this.ctx(em, actor, project.id, 'result_area'), ResultArea, {
        sortOrder: 0,
        objectiveId: null,
        ...dto,
        projectId: project.id,
      });
    });
  }

  async updateResultArea(code: string, id: number, dto: UpdateResultAreaDto, actor: Actor): Promise<ResultArea> {
    return this.updateChild(code, id, ResultArea, 'result_area', dto, actor, async (em, projectId) => {
      if (dto.objectiveId !== undefined) await this.findChild(em, Objective, dto.objectiveId, projectId, 'objective', 'objectiveId');
    });
  }

  /** Removes a partner, funding period, objective or result area of the project. */
  async removeChild(code: string, kind: ProjectChildKind, id: number, actor: Actor): Promise<void> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    const [entity, entityType] = CHILD_KINDS[kind];
    await this.transactions.run(async (em) => {
      const child = await this.findChild(em, entity as new () => Child, id, project.id, entityType);
      if (child instanceof FundingPeriod) {
        await this.yearLocks.assertYearsUnlocked(em, project.id, yearsBetween(child.startDate, child.endDate), 'Removing this funding period');
        await this.assertValuesStayInside(em, project.id, id, null, null);
      }
      await auditedDelete(this.ctx(em, actor, project.id, entityType), entity, id);
    });
  }

  private async updateChild<T extends Child>(
    code: string,
    id: number,
    entity: new () => T,
    entityType: string,
    dto: Partial<T>,
    actor: Actor,
    check?: (em: EntityManager, projectId: number) => Promise<void>,
  ): Promise<T> {
    const project = await this.projects.getWritable(code, actor, 'project.update');
    return this.transactions.run(async (em) => {
      await this.findChild(em, entity, id, project.id, entityType);
      if (check) await check(em, project.id);
      return (await auditedUpdate(this.ctx(em, actor, project.id, entityType), entity, id, dto)).after;
    });
  }

  private async findChild<T extends Child>(
    em: EntityManager,
    entity: new () => T,
    id: number,
    projectId: number,
    entityType: string,
    field?: string,
  ): Promise<T> {
    const row = await em.findOneBy(entity, { id } as never);
    if (!row || row.projectId !== projectId) {
      const message = `${entityType.replace(/_/g, ' ')} ${id} does not exist in this project`;
      if (field) throw new RuleViolationError(message, [{ field, message }]);
      throw new NotFoundError(message);
    }
    return row;
  }

  private async replaceFunders(em: EntityManager, actor: Actor, projectId: number, periodId: number, funders: FundingPeriodFunderDto[]) {
    const ctx = this.ctx(em, actor, projectId, 'funding_period_funder');
    for (const old of await em.findBy(FundingPeriodFunder, { fundingPeriodId: periodId })) {
      await auditedDelete(ctx, FundingPeriodFunder, old.id);
    }
    for (const f of funders) {
      await auditedCreate(ctx, FundingPeriodFunder, { sharePercent: null, amountEur: null, ...f, fundingPeriodId: periodId });
    }
  }

  private async validatePeriod(
    em: EntityManager,
    period: { startDate: string; endDate: string; publicCallId?: number | null; funders?: FundingPeriodFunderDto[] },
  ): Promise<void> {
    const errors: FieldError[] = [];
    if (period.endDate < period.startDate) {
      errors.push({ field: 'endDate', message: `endDate (${period.endDate}) must not be before startDate (${period.startDate})` });
    }
    if (period.publicCallId != null && !(await this.funders.publicCallExists(period.publicCallId, em))) {
      errors.push({ field: 'publicCallId', message: `public call ${period.publicCallId} does not exist` });
    }
    const funders = period.funders ?? [];
    let shares = new Decimal(0);
    const seen = new Set<number>();
    for (const [i, f] of funders.entries()) {
      if (seen.has(f.funderId)) errors.push({ field: `funders[${i}].funderId`, message: `funder ${f.funderId} is listed twice` });
      seen.add(f.funderId);
      if (!(await this.funders.funderExists(f.funderId, em))) {
        errors.push({ field: `funders[${i}].funderId`, message: `funder ${f.funderId} does not exist` });
      }
      if (f.sharePercent !== undefined) shares = shares.plus(f.sharePercent);
    }
    if (shares.gt(100)) errors.push({ field: 'funders', message: `the funders' shares add up to ${shares.toString()} %, more than 100 %` });
    if (errors.length) throw new RuleViolationError('Invalid funding period', errors);
  }

  /**
   * A funding period cannot shrink (or go) so that achieved values already entered fall outside every
   * funding period of the project: those figures would silently stop being reported.
   */
  private async assertValuesStayInside(em: EntityManager, projectId: number, periodId: number, start: string | null, end: string | null) {
    const periods = (await em.findBy(FundingPeriod, { projectId })).map((p) =>
      p.id === periodId ? { start, end } : { start: p.startDate, end: p.endDate },
    );
    const values = await this.achievedValues.findPeriodsOfProject(projectId, em);
    const outside = values.filter((v) => !periods.some((p) => p.start && p.end && p.start <= v.periodStart && v.periodEnd <= p.end));
    if (outside.length) {
      throw new RuleViolationError('Achieved values would fall outside the funding periods', [
        { field: 'startDate', message: `${outside.length} achieved value(s) from ${outside[0].periodStart} would fall outside every funding period of the project` },
      ]);
    }
  }

  private ctx(em: EntityManager, actor: Actor, projectId: number, entityType: string): AuditContext {
    return { em, audit: this.audit, actor, entityType, projectId };
  }
}

const CHILD_KINDS = {
  partners: [ProjectPartner, 'project_partner'],
  'funding-periods': [FundingPeriod, 'funding_period'],
  objectives: [Objective, 'objective'],
  'result-areas': [ResultArea, 'result_area'],
} as const;
