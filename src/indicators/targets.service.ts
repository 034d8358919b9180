import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { FieldError, NotFoundError, RuleViolationError, asNotFound } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { Transactions } from '../database/transactions';
import { YearLocksRepository } from '../locks/year-locks.repository';
import { FundingPeriodSpan, ProjectsRepository } from '../projects/projects.repository';
import { ChangeReasonDto, CreateTargetDto, UpdateTargetDto } from './dto/values.dto';
import { Indicator, isShareIndicator } from './entities/indicator.entity';
import { Target } from './entities/target.entity';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

/**
 * Planned values. A contract amendment is a new target with a later `validFrom`, so the old one
 * stays and earlier years keep being measured against what was promised then.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: IndicatorsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly yearLocks: YearLocksRepository,
    private readonly projectRows: ProjectsRepository,
  ) {}

  async list(indicatorId: number, actor: Actor): Promise<Target[]> {
    await this.indicators.getReadable(indicatorId, actor);
    return this.repository.findTargetsByIndicator(indicatorId);
  }

  async create(indicatorId: number, dto: CreateTargetDto, actor: Actor): Promise<Target> {
    const indicator = await this.indicators.getWritable(indicatorId, actor, 'target.set');
    return this.transactions.run(async (em) => {
      const { validFrom, fundingPeriodId } = await this.checkTarget(em, indicator, dto);
      await this.assertTargetWritable(em, indicator.projectId, { year: dto.year ?? null, validFrom });
      return auditedCreate(this.ctx(em, actor, indicator, null), Target, {
        indicatorId,
        fundingPeriodId,
        year: dto.year ?? null,
        partnerOrganisationId: dto.partnerOrganisationId ?? null,
        value: dto.value,
        validFrom,
        reference: dto.reference ?? null,
      });
    });
  }

  async update(id: number, dto: UpdateTargetDto, actor: Actor): Promise<Target> {
    const { target, indicator } = await this.find(id, actor);
    return this.transactions.run(async (em) => {
      await this.assertTargetWritable(em, indicator.projectId, target);
      if (dto.value !== undefined) assertShareTarget(indicator, dto.value);
      const ctx = { ...this.ctx(em, actor, indicator, dto.reason), reasonCategory: dto.reasonCategory ?? null };
      const patch = { ...(dto.value !== undefined ? { value: dto.value } : {}), ...(dto.reference !== undefined ? { reference: dto.reference } : {}) };
      return (await auditedUpdate(ctx, Target, id, patch, dto.version)).after;
    });
  }

  async remove(id: number, dto: ChangeReasonDto, actor: Actor): Promise<void> {
    const { target, indicator } = await this.find(id, actor);
    await this.transactions.run(async (em) => {
      await this.assertTargetWritable(em, indicator.projectId, target);
      const ctx = { ...this.ctx(em, actor, indicator, dto.reason), reasonCategory: dto.reasonCategory ?? null };
      await auditedDelete(ctx, Target, id, dto.version);
    });
  }

  private async find(id: number, actor: Actor): Promise<{ target: Target; indicator: Indicator }> {
    const target = await this.transactions.manager.findOneBy(Target, { id });
    if (!target) throw new NotFoundError(`Target ${id} does not exist`);
    return { target, indicator: await asNotFound(this.indicators.getWritable(target.indicatorId, actor, 'target.set'), `Target ${id} does not exist`) };
  }

  /**
   * Checks the target against the project and settles the contract it belongs to and the date it
   * takes effect (the contract's start unless an amendment says otherwise).
   */
  private async checkTarget(em: EntityManager, indicator: Indicator, dto: CreateTargetDto): Promise<{ validFrom: string; fundingPeriodId: number }> {
    const errors: FieldError[] = [];
    const periods = (await this.projectRows.findPeriodSpans(indicator.projectId, em)).reverse();
    const covers = (p: FundingPeriodSpan) => dto.year === undefined || (p.startDate <= `${dto.year}-12-31` && p.endDate >= `${dto.year}-01-01`);
    let period: FundingPeriodSpan | undefined;
    if (dto.fundingPeriodId !== undefined) {
      period = periods.find((p) => p.id === dto.fundingPeriodId);
      if (!period) errors.push({ field: 'fundingPeriodId', message: `funding period ${dto.fundingPeriodId} does not belong to this project` });
      else if (!covers(period)) errors.push({ field: 'year', message: `${dto.year} is not a reporting year of funding period ${period.startDate} – ${period.endDate}` });
    } else if (periods.length === 0) {
      errors.push({ field: 'fundingPeriodId', message: 'the project has no funding period yet' });
    } else {
      const candidates = periods.filter(covers);
      if (candidates.length === 0) errors.push({ field: 'year', message: `${dto.year} is not a reporting year of any funding period of the project` });
      else if (candidates.length > 1) {
        errors.push({ field: 'fundingPeriodId', message: `${candidates.length} funding periods could hold this target; say which with fundingPeriodId (${candidates.map((p) => p.id).join(', ')})` });
      } else period = candidates[0];
    }
    if (dto.partnerOrganisationId !== undefined && !(await this.projectRows.takesPart(indicator.projectId, dto.partnerOrganisationId, em))) {
      errors.push({ field: 'partnerOrganisationId', message: `organisation ${dto.partnerOrganisationId} is not a partner of this project` });
    }
    try {
      assertShareTarget(indicator, dto.value);
    } catch (e) {
      if (e instanceof RuleViolationError) errors.push(...e.errors);
      else throw e;
    }
    if (errors.length || !period) throw new RuleViolationError(`Target refused: ${errors.map((e) => e.message).join('; ')}`, errors);
    return { validFrom: dto.validFrom ?? period.startDate, fundingPeriodId: period.id };
  }

  /**
   * A year target belongs to its year. A whole-period target counts for every year from the one it
   * took effect in (the target valid at a year's end is the yardstick), so it touches locked years
   * from its `validFrom` on; an amendment taking effect after the locked years is fine.
   */
  private async assertTargetWritable(em: EntityManager, projectId: number, target: { year: number | null; validFrom: string }): Promise<void> {
    if (target.year !== null) return this.yearLocks.assertYearsUnlocked(em, projectId, [target.year], 'Changing this target');
    const from = Number(target.validFrom.slice(0, 4));
    const touched = (await this.yearLocks.lockedYears(projectId, em)).filter((y) => y >= from);
    await this.yearLocks.assertYearsUnlocked(em, projectId, touched, 'Changing this whole-period target');
  }

  private ctx(em: EntityManager, actor: Actor, indicator: Indicator, reason: string | null): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'target', projectId: indicator.projectId, reason };
  }
}

function assertShareTarget(indicator: Indicator, value: string): void {
  if (isShareIndicator(indicator) && new Decimal(value).gt(100)) {
    throw new RuleViolationError('A share target cannot exceed 100 %', [{ field: 'value', message: 'a share target must be between 0 and 100 %' }]);
  }
}
