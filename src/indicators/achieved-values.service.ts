import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { asNotFound, ConflictError, NotFoundError, PeriodLockedError, RuleViolationError, StaleVersionError } from '../common/errors';
import { join, t } from '../common/i18n/text';
import { AchievedValuesRepository } from './achieved-values.repository';
import { ChangeReasonDto, CreateAchievedValueDto, UpdateAchievedValueDto } from './dto/values.dto';
import { AchievedValue } from './entities/achieved-value.entity';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { BatchRejectedError } from './use-cases/batch-errors';
import { DeleteValueHandler } from './use-cases/delete-value.handler';
import { RecordValuesHandler } from './use-cases/record-values.handler';
import { RecordValuesInput, RecordValuesResult, ValueRowInput } from './use-cases/record-values.input';

/**
 * The value routes of the API as thin adapters over the use-case handlers: one value is a batch
 * of one. Reads are here too. A single value's refusal keeps the answers the API has always
 * given: 409 with the overlapping value's id or the current row, 423 for a locked year, 422 with
 * the fields.
 */
@Injectable()
export class AchievedValuesService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: AchievedValuesRepository,
    private readonly indicatorsRepository: IndicatorsRepository,
    private readonly record: RecordValuesHandler,
    private readonly deleteValue: DeleteValueHandler,
  ) {}

  async list(indicatorId: number, year: number | undefined, actor: Actor): Promise<AchievedValue[]> {
    await this.indicators.getReadable(indicatorId, actor);
    return this.values.findByIndicator(indicatorId, year);
  }

  async get(id: number, actor: Actor): Promise<AchievedValue> {
    const value = await this.findValue(id);
    await asNotFound(this.indicators.getReadable(value.indicatorId, actor), notFound(id));
    return value;
  }

  /** A batch from the API or the grid: what was (or, in a dry run, would be) created, changed and left. */
  recordBatch(input: RecordValuesInput, actor: Actor): Promise<RecordValuesResult> {
    return this.record.execute(input, actor);
  }

  async create(indicatorId: number, dto: CreateAchievedValueDto, actor: Actor): Promise<AchievedValue> {
    const missing = t(`Kazalnik ${indicatorId} ne obstaja`, `Indicator ${indicatorId} does not exist`);
    const projectId = await this.indicatorsRepository.findProjectIdOf(indicatorId);
    if (projectId === null) throw new NotFoundError(missing);
    const { partnerExcessReason, ...row } = dto;
    return asNotFound(this.one({ projectId, rows: [{ ...row, indicatorId }], partnerExcessReason }, actor), missing);
  }

  update(id: number, dto: UpdateAchievedValueDto, actor: Actor): Promise<AchievedValue> {
    return this.change(id, dto, actor, false);
  }

  /** A coordinator's correction of a value in a locked year: an update that may reach it, with a category. */
  correct(id: number, dto: UpdateAchievedValueDto, actor: Actor): Promise<AchievedValue> {
    return this.change(id, dto, actor, true);
  }

  remove(id: number, dto: ChangeReasonDto, actor: Actor): Promise<void> {
    return this.deleteValue.execute({ id, version: dto.version, reason: dto.reason, reasonCategory: dto.reasonCategory }, actor);
  }

  private async change(id: number, dto: UpdateAchievedValueDto, actor: Actor, correction: boolean): Promise<AchievedValue> {
    const current = await this.findValue(id);
    const indicator = await asNotFound(this.indicators.getReadable(current.indicatorId, actor), notFound(id));
    // Counts given without a percentage: the percentage follows from them again.
    const countsChange = dto.numerator !== undefined || dto.denominator !== undefined;
    const row: ValueRowInput = {
      id,
      version: dto.version,
      indicatorId: current.indicatorId,
      periodStart: current.periodStart,
      periodEnd: current.periodEnd,
      partnerOrganisationId: current.partnerOrganisationId,
      dimension: current.dimension,
      dimensionValue: current.dimensionValue,
      value: dto.value ?? (countsChange ? '' : current.value),
      numerator: dto.numerator ?? current.numerator,
      denominator: dto.denominator ?? current.denominator,
      ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
      ...(dto.qualifier !== undefined ? { qualifier: dto.qualifier } : {}),
    };
    const input = { projectId: indicator.projectId, rows: [row], reason: dto.reason, reasonCategory: dto.reasonCategory, correction, partnerExcessReason: dto.partnerExcessReason };
    return asNotFound(this.one(input, actor), notFound(id));
  }

  /** Records one value and answers it as stored, or the refusal as a single value's error. */
  private async one(input: RecordValuesInput, actor: Actor): Promise<AchievedValue> {
    try {
      const { result, stored } = await this.record.record(input, actor);
      // A repeat of what is stored changes nothing and answers the stored value.
      return stored[0] ?? this.findValue(result.rows[0].id!);
    } catch (error) {
      if (error instanceof BatchRejectedError) throw await this.singleValueError(error);
      throw error;
    }
  }

  private async singleValueError(error: BatchRejectedError): Promise<Error> {
    const errors = error.errors.map((e) => ({ field: e.field, message: e.message }));
    const message = join(error.errors.map((e) => e.message));
    const stale = error.errors.find((e) => e.kind === 'stale');
    if (error.status === 409 && stale?.ref) return new StaleVersionError(message, { current: await this.values.findById(stale.ref), errors });
    const conflict = error.errors.find((e) => e.kind === 'conflict');
    if (error.status === 409) return new ConflictError(message, { existingId: conflict?.ref ?? null, errors });
    if (error.status === 423) return new PeriodLockedError(message, { errors });
    return new RuleViolationError(t(`Vrednost zavrnjena: ${join(error.errors.map((e) => e.message)).sl}`, `Achieved value refused: ${join(error.errors.map((e) => e.message)).en}`), errors);
  }

  private async findValue(id: number): Promise<AchievedValue> {
    const value = await this.values.findById(id);
    if (!value) throw new NotFoundError(notFound(id));
    return value;
  }
}

function notFound(id: number) {
  return t(`Dosežena vrednost ${id} ne obstaja`, `Achieved value ${id} does not exist`);
}
