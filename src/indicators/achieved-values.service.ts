import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { Permission } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { ConflictError, FieldError, NotFoundError, RuleViolationError, asNotFound } from '../common/errors';
import { AuditContext, auditedCreate, auditedDelete, auditedUpdate } from '../database/audited-writes';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LocksService } from '../locks/locks.service';
import { assertNotUnderReview } from '../review/under-review';
import { FundingPeriod } from '../projects/entities/funding-period.entity';
import { ProjectPartner } from '../projects/entities/project-partner.entity';
import { shareValue, validateAchievedEntry } from './calculation';
import { ChangeReasonDto, CreateAchievedValueDto, UpdateAchievedValueDto } from './dto/values.dto';
import { AchievedValue } from './entities/achieved-value.entity';
import { Indicator, isShareIndicator } from './entities/indicator.entity';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

type ValueFields = Pick<AchievedValue, 'periodStart' | 'periodEnd' | 'partnerOrganisationId' | 'dimension' | 'dimensionValue' | 'value' | 'numerator' | 'denominator'>;

/** Entering and changing achieved values, with every rule checked before anything is written. */
@Injectable()
export class AchievedValuesService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: IndicatorsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly locks: LocksService,
  ) {}

  async list(indicatorId: number, year: number | undefined, actor: Actor): Promise<AchievedValue[]> {
    await this.indicators.getReadable(indicatorId, actor);
    return this.repository.findAchievedByIndicator(indicatorId, year);
  }

  async get(id: number, actor: Actor): Promise<AchievedValue> {
    const value = await this.findValue(this.transactions.manager, id);
    await asNotFound(this.indicators.getReadable(value.indicatorId, actor), `Achieved value ${id} does not exist`);
    return value;
  }

  async create(indicatorId: number, dto: CreateAchievedValueDto, actor: Actor): Promise<AchievedValue> {
    const indicator = await this.indicators.getWritable(indicatorId, actor, 'value.record');
    return this.transactions.run(async (em) => {
      const fields = withShareValue(indicator, {
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        partnerOrganisationId: dto.partnerOrganisationId ?? null,
        dimension: dto.dimension ?? null,
        dimensionValue: dto.dimensionValue ?? null,
        value: dto.value ?? '',
        numerator: dto.numerator ?? null,
        denominator: dto.denominator ?? null,
      });
      await this.checkEntry(em, indicator, fields);
      await this.locks.assertUnlocked(em, indicator.projectId, yearOf(fields), actor);
      await this.assertNoOverlap(em, indicator.id, fields);
      return auditedCreate(this.ctx(em, actor, indicator, dto.comment ?? null), AchievedValue, {
        ...fields,
        indicatorId: indicator.id,
        year: yearOf(fields),
        comment: dto.comment ?? null,
        enteredBy: actor.username,
        enteredAt: nowIso(),
      });
    });
  }

  update(id: number, dto: UpdateAchievedValueDto, actor: Actor): Promise<AchievedValue> {
    return this.change(id, dto, actor, 'update');
  }

  /** A coordinator's correction of a value in a locked year: same as an update, but allowed there. */
  correct(id: number, dto: UpdateAchievedValueDto, actor: Actor): Promise<AchievedValue> {
    if (!dto.reasonCategory) {
      throw new RuleViolationError('A correction needs a reason category', [
        { field: 'reasonCategory', message: 'reasonCategory is required for a correction' },
      ]);
    }
    return this.change(id, dto, actor, 'correct');
  }

  async remove(id: number, dto: ChangeReasonDto, actor: Actor): Promise<void> {
    const { value: current, indicator } = await this.findWritable(id, actor, 'value.record');
    await this.transactions.run(async (em) => {
      await this.locks.assertUnlocked(em, indicator.projectId, current.year, actor);
      await auditedDelete({ ...this.ctx(em, actor, indicator, dto.reason), reasonCategory: dto.reasonCategory ?? null }, AchievedValue, id, dto.version);
    });
  }

  private async change(id: number, dto: UpdateAchievedValueDto, actor: Actor, action: 'update' | 'correct'): Promise<AchievedValue> {
    const { value: current, indicator } = await this.findWritable(id, actor, action === 'correct' ? 'value.correct' : 'value.record');
    return this.transactions.run(async (em) => {
      if (action === 'update') await this.locks.assertUnlocked(em, indicator.projectId, current.year, actor);
      else await assertNotUnderReview(em, indicator.projectId, current.year);
      const value = await this.findValue(em, id);
      const sharePatch =
        dto.numerator !== undefined || dto.denominator !== undefined ? { value: dto.value ?? '' } : dto.value !== undefined ? { value: dto.value } : {};
      const fields = withShareValue(indicator, {
        ...value,
        ...sharePatch,
        numerator: dto.numerator ?? value.numerator,
        denominator: dto.denominator ?? value.denominator,
      });
      await this.checkEntry(em, indicator, fields);
      const ctx = { ...this.ctx(em, actor, indicator, dto.reason), reasonCategory: dto.reasonCategory ?? null };
      const patch = { value: fields.value, numerator: fields.numerator, denominator: fields.denominator, comment: dto.comment ?? value.comment, enteredBy: actor.username, enteredAt: nowIso() };
      const { after } = await auditedUpdate(ctx, AchievedValue, id, patch, dto.version, action);
      return after;
    });
  }

  private async checkEntry(em: EntityManager, indicator: Indicator, fields: ValueFields): Promise<void> {
    const errors: FieldError[] = validateAchievedEntry(
      { aggregation: indicator.aggregation, isShare: isShareIndicator(indicator), dimensions: indicator.dimensions },
      { ...fields, partnerId: fields.partnerOrganisationId },
    ).map((e) => ({ field: e.field === 'partnerId' ? 'partnerOrganisationId' : e.field, message: e.message }));
    if (errors.length === 0) errors.push(...(await this.contextErrors(em, indicator, fields)));
    if (errors.length) throw new RuleViolationError(`Achieved value refused: ${errors.map((e) => e.message).join('; ')}`, errors);
  }

  /** Rules that need the database: inside a funding period, a partner of the project. */
  private async contextErrors(em: EntityManager, indicator: Indicator, fields: ValueFields): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const periods = await em.findBy(FundingPeriod, { projectId: indicator.projectId });
    if (!periods.some((p) => p.startDate <= fields.periodStart && fields.periodEnd <= p.endDate)) {
      const spans = periods.map((p) => `${p.startDate} – ${p.endDate}`).join(', ') || 'none';
      errors.push({ field: 'periodStart', message: `the period ${fields.periodStart} – ${fields.periodEnd} lies outside the project's funding periods (${spans})` });
    }
    if (fields.partnerOrganisationId !== null) {
      const partner = await em.findOneBy(ProjectPartner, { projectId: indicator.projectId, organisationId: fields.partnerOrganisationId });
      if (!partner) errors.push({ field: 'partnerOrganisationId', message: `organisation ${fields.partnerOrganisationId} is not a partner of this project` });
    }
    return errors;
  }

  /**
   * Two values of the same indicator, partner and dimension part whose periods overlap would count
   * the same days twice: the second is refused, naming the one to change instead.
   */
  private async assertNoOverlap(em: EntityManager, indicatorId: number, f: ValueFields): Promise<void> {
    const existing = await em.findOneBy(AchievedValue, {
      indicatorId,
      periodStart: LessThanOrEqual(f.periodEnd),
      periodEnd: MoreThanOrEqual(f.periodStart),
      partnerOrganisationId: f.partnerOrganisationId ?? IsNull(),
      dimension: f.dimension ?? IsNull(),
      dimensionValue: f.dimensionValue ?? IsNull(),
    });
    if (existing) {
      throw new ConflictError(
        `A value for ${existing.periodStart} – ${existing.periodEnd} already exists for this indicator, partner and dimension (id ${existing.id}) and overlaps ${f.periodStart} – ${f.periodEnd}; change that one instead`,
        { existingId: existing.id },
      );
    }
  }

  /** The value and its indicator, after one check that the actor may change the project. */
  private async findWritable(id: number, actor: Actor, permission: Permission): Promise<{ value: AchievedValue; indicator: Indicator }> {
    const value = await this.findValue(this.transactions.manager, id);
    const indicator = await asNotFound(this.indicators.getWritable(value.indicatorId, actor, permission), `Achieved value ${id} does not exist`);
    return { value, indicator };
  }

  private async findValue(em: EntityManager, id: number): Promise<AchievedValue> {
    const value = await em.findOneBy(AchievedValue, { id });
    if (!value) throw new NotFoundError(`Achieved value ${id} does not exist`);
    return value;
  }

  private ctx(em: EntityManager, actor: Actor, indicator: Indicator, reason: string | null): AuditContext {
    return { em, audit: this.audit, actor, entityType: 'achieved_value', projectId: indicator.projectId, reason };
  }
}

function yearOf(fields: { periodStart: string }): number {
  return Number(fields.periodStart.slice(0, 4));
}

/** A share entered as numerator and denominator gets its percentage computed, never typed. */
function withShareValue<T extends ValueFields>(indicator: Indicator, fields: T): T {
  if (!isShareIndicator(indicator) || fields.value !== '' || !fields.numerator || !fields.denominator) return fields;
  if (!/^\d+(\.\d+)?$/.test(fields.denominator) || Number(fields.denominator) === 0) return fields;
  return { ...fields, value: shareValue(fields.numerator, fields.denominator) };
}
