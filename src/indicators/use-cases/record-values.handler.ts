import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../access/access-policy';
import { AuditChange } from '../../audit/audit.types';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { YearLocksRepository } from '../../locks/year-locks.repository';
import { ProjectsRepository } from '../../projects/projects.repository';
import { AchievedValuesRepository, AchievedValueFields } from '../achieved-values.repository';
import { shareValue, unitErrors, validateAchievedEntry } from '../calculation';
import { isDecimalString } from '../calculation/decimals';
import { AchievedValue } from '../entities/achieved-value.entity';
import { Indicator, isShareIndicator } from '../entities/indicator.entity';
import { IndicatorsRepository } from '../indicators.repository';
import { BatchRejectedError, rowError, valueKey } from './batch-errors';
import { partnerExcessErrors } from './partner-excess';
import { MAX_BATCH_ROWS, RecordValuesInput, RecordValuesResult, RowAction, RowError, RowOutcome, ValueRowInput } from './record-values.input';
import { t, type Text } from '../../common/i18n/text';
import type { YearLock } from '../../locks/year-lock.entity';
import { LockExceptionsService } from '../../locks/lock-exceptions.service';
import { assertNotUnderReview } from '../../review/under-review';
import { DomainError } from '../../common/errors';
import { groupBy } from '../../common/group-by';
import { isIsoDate } from '../../projects/reporting-years';

/** The batch's shared context, read once in the transaction, however many rows it holds. */
interface Context {
  indicators: Map<number, Indicator>;
  spans: { startDate: string; endDate: string }[];
  partners: ReadonlySet<number>;
  /** The project's locks, less the years a lock exception opens for this actor now. */
  locks: YearLock[];
  /** Years whose report is with the funder: corrections wait until it is returned. */
  underReview: Map<number, Text>;
  byId: Map<number, AchievedValue>;
  existing: AchievedValue[];
  /** The stored values by what they count (valueKey), so that a row is checked against its own few. */
  storedByKey: Map<string, AchievedValue[]>;
  /**
   * The batch's creates so far, by valueKey, each list sorted by period start. They never overlap
   * one another (an overlapping row is refused), so one binary search finds a clash.
   */
  createsByKey: Map<string, Planned[]>;
}

/** A row that passed every check, and what it will do. */
interface Planned {
  outcome: RowOutcome;
  indicator: Indicator;
  fields: Omit<AchievedValueFields, 'enteredBy' | 'enteredAt'>;
  /** What the value counts (valueKey of its fields): computed once per row. */
  key: string;
  current: AchievedValue | null;
}

/**
 * Records achieved values: one, or a batch of indicators × partners × dimension parts × periods,
 * all or nothing. The API's value routes, the grid page, the Excel import and the CLI all come
 * here. In one transaction: the access policy; the writes to the batch's indicators serialised;
 * the shared context read once; every row checked against the pure rules of `calculation/` and
 * that context, every error collected; then the writes and one audit entry per changed value,
 * sharing a batch id.
 */
@Injectable()
export class RecordValuesHandler {
  constructor(
    private readonly access: AccessPolicy,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly indicators: IndicatorsRepository,
    private readonly values: AchievedValuesRepository,
    private readonly projects: ProjectsRepository,
    private readonly locks: YearLocksRepository,
    private readonly lockExceptions: LockExceptionsService,
  ) {}

  async execute(input: RecordValuesInput, actor: Actor): Promise<RecordValuesResult> {
    return (await this.record(input, actor)).result;
  }

  /** As `execute`, and the values as now stored (for adapters that answer with them). */
  async record(input: RecordValuesInput, actor: Actor): Promise<{ result: RecordValuesResult; stored: AchievedValue[] }> {
    const scope = input.correction ? (await this.access.require(actor, 'value.correct', { projectId: input.projectId }), 'all' as const) : await this.access.valueEntryScope(actor, input.projectId);
    if (input.rows.length === 0 || input.rows.length > MAX_BATCH_ROWS) {
      throw new BatchRejectedError([
        rowError(null, 'rows', t(`pošljite od 1 do ${MAX_BATCH_ROWS} vrstic`, `send from 1 to ${MAX_BATCH_ROWS} rows`)),
      ]);
    }
    return this.transactions.run(async (em) => {
      const context = await this.context(em, input, actor);
      const errors: RowError[] = [];
      const planned: Planned[] = [];
      for (const [index, row] of input.rows.entries()) {
        const rowNo = row.row ?? index + 1;
        const result = this.planRow(rowNo, row, context, input);
        if ('errors' in result) errors.push(...result.errors);
        else {
          planned.push(result);
          if (result.outcome.action === 'create') {
            const same = context.createsByKey.get(result.key);
            if (same) same.splice(lastStartingBy(same, result.fields.periodStart) + 1, 0, result);
            else context.createsByKey.set(result.key, [result]);
          }
        }
      }
      if (scope !== 'all') errors.push(...partsOutOfScope(planned, scope));
      errors.push(...this.batchErrors(input, planned, context));
      const outcomes = planned.map((p) => p.outcome);
      const changes = planned.filter((p) => p.outcome.action !== 'unchanged');
      const batchId = changes.length > 1 ? randomUUID() : null;
      if (errors.length > 0 && !input.dryRun) throw new BatchRejectedError(errors, outcomes);
      const stored = !input.dryRun && errors.length === 0 ? await this.write(em, changes, input, actor, batchId) : [];
      const result: RecordValuesResult = {
        batchId,
        dryRun: input.dryRun === true,
        applied: !input.dryRun && errors.length === 0,
        counts: countOf(outcomes),
        rows: outcomes,
        errors,
      };
      return { result, stored };
    });
  }

  private async context(em: EntityManager, input: RecordValuesInput, actor: Actor): Promise<Context> {
    const named = [...new Set(input.rows.map((r) => r.indicatorId).filter((id) => Number.isSafeInteger(id)))];
    const indicators = new Map((await this.indicators.findInProject(input.projectId, named, em)).map((i) => [i.id, i]));
    const indicatorIds = named.filter((id) => indicators.has(id));
    if (!input.dryRun) await this.indicators.lockForWrite(em, indicatorIds);
    const byId = new Map((await this.values.findByIds(input.rows.flatMap((r) => (r.id ? [r.id] : [])), em)).map((v) => [v.id, v]));
    const years = new Set<number>([...byId.values()].map((v) => v.year));
    for (const r of input.rows) if (/^\d{4}-/.test(r.periodStart ?? '')) years.add(Number(r.periodStart.slice(0, 4)));
    const [existing, spans, partners, locks] = await Promise.all([
      this.values.findForChecks(indicatorIds, [...years], checkedSpan(input.rows, byId.values()), partYears(input.rows), em),
      this.projects.findPeriodSpans(input.projectId, em),
      this.projects.findPartnerIds(input.projectId, em),
      this.locks.findByProject(input.projectId, em),
    ]);
    const now = new Date();
    const open = await Promise.all(locks.map((l) => this.lockExceptions.isOpenFor(input.projectId, l.year, actor.userId, now, em)));
    const underReview = new Map<number, Text>();
    if (input.correction) {
      for (const year of years) {
        try {
          await assertNotUnderReview(em, input.projectId, year);
        } catch (error) {
          if (!(error instanceof DomainError) || typeof error.text === 'string') throw error;
          underReview.set(year, error.text);
        }
      }
    }
    return { indicators, spans, partners, locks: locks.filter((_, i) => !open[i]), underReview, byId, existing, storedByKey: groupBy(existing, valueKey), createsByKey: new Map() };
  }

  /** Checks one row against the rules and the context; answers what it will do, or why not. */
  private planRow(rowNo: number, row: ValueRowInput, ctx: Context, input: RecordValuesInput): Planned | { errors: RowError[] } {
    const indicator = ctx.indicators.get(row.indicatorId);
    if (!indicator) {
      return { errors: [rowError(rowNo, 'indicatorId', t(`kazalnik ${row.indicatorId} ne pripada temu projektu`, `indicator ${row.indicatorId} does not belong to this project`))] };
    }
    const current = row.id ? (ctx.byId.get(row.id) ?? null) : null;
    if (row.id && (!current || current.indicatorId !== indicator.id)) {
      return { errors: [rowError(rowNo, 'id', t(`vrednost ${row.id} kazalnika ${indicator.code} ne obstaja`, `value ${row.id} of indicator ${indicator.code} does not exist`))] };
    }
    const fields = withShareValue(indicator, {
      indicatorId: indicator.id,
      year: Number(String(row.periodStart).slice(0, 4)),
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      partnerOrganisationId: row.partnerOrganisationId ?? null,
      dimension: row.dimension ?? null,
      dimensionValue: row.dimensionValue ?? null,
      value: row.value ?? '',
      numerator: row.numerator ?? null,
      denominator: row.denominator ?? null,
      comment: row.comment === undefined ? (current?.comment ?? null) : row.comment || null,
      qualifier: row.qualifier === undefined ? (current?.qualifier ?? null) : row.qualifier,
    });
    const errors = this.entryErrors(rowNo, indicator, fields, ctx);
    if (errors.length) return { errors };
    const key = valueKey(fields);

    // A row that repeats what is stored is no change, even in a locked year (a file uploaded twice).
    const same = current ? (sameFigures(current, fields) ? current : null) : this.storedTwin(fields, key, ctx);
    const action: RowAction = same ? 'unchanged' : current ? 'update' : 'create';
    if (current) {
      const moved = (['periodStart', 'periodEnd', 'partnerOrganisationId', 'dimension', 'dimensionValue'] as const).find((k) => current[k] !== fields[k]);
      if (moved) {
        return { errors: [rowError(rowNo, moved, t('obdobja, partnerja in razčlenitve shranjene vrednosti ni mogoče spremeniti; vnesite novo vrednost', "a stored value's period, partner and dimension cannot change; enter a new value instead"))] };
      }
    }
    if (action !== 'unchanged') {
      const locked = this.lockErrors(rowNo, fields.year, ctx, input);
      if (locked.length) return { errors: locked };
    }
    if (action === 'update') {
      if (row.version === undefined) return { errors: [rowError(rowNo, 'version', t('sprememba shranjene vrednosti potrebuje njeno različico', 'a change to a stored value needs its version'))] };
      if (current!.version !== row.version) return { errors: [staleError(rowNo, current!, row.version)] };
    }
    if (action === 'create') {
      const clash = this.clash(fields, key, ctx);
      if (clash) return { errors: [rowError(rowNo, 'periodStart', clash.message, 'conflict', clash.ref)] };
    }
    return {
      indicator,
      fields,
      key,
      current,
      outcome: {
        row: rowNo,
        action,
        id: current?.id ?? same?.id ?? null,
        indicatorId: indicator.id,
        indicatorCode: indicator.code,
        periodStart: fields.periodStart,
        periodEnd: fields.periodEnd,
        partnerOrganisationId: fields.partnerOrganisationId,
        dimension: fields.dimension,
        dimensionValue: fields.dimensionValue,
        value: fields.value,
        numerator: fields.numerator,
        denominator: fields.denominator,
        ...(current && action === 'update' ? { previous: { value: current.value, numerator: current.numerator, denominator: current.denominator, version: current.version } } : {}),
      },
    };
  }

  /** The pure rules (calculation/) and the context rules: inside a funding period, a partner of the project. */
  private entryErrors(rowNo: number, indicator: Indicator, f: Planned['fields'], ctx: Context): RowError[] {
    const entry = { ...f, partnerId: f.partnerOrganisationId };
    const pure = [
      ...validateAchievedEntry({ aggregation: indicator.aggregation, isShare: isShareIndicator(indicator), dimensions: indicator.dimensions }, entry),
      ...unitErrors(indicator.unit, entry),
    ];
    const errors = pure.map((e) => rowError(rowNo, e.field === 'partnerId' ? 'partnerOrganisationId' : e.field, e.message));
    if (errors.length) return errors;
    if (!ctx.spans.some((p) => p.startDate <= f.periodStart && f.periodEnd <= p.endDate)) {
      const spans = ctx.spans.map((p) => `${p.startDate} – ${p.endDate}`).join(', ') || '–';
      errors.push(
        rowError(rowNo, 'periodStart', t(`obdobje ${f.periodStart} – ${f.periodEnd} je zunaj obdobij financiranja projekta (${spans})`, `the period ${f.periodStart} – ${f.periodEnd} lies outside the project's funding periods (${spans})`)),
      );
    }
    if (f.partnerOrganisationId !== null && !ctx.partners.has(f.partnerOrganisationId)) {
      errors.push(rowError(rowNo, 'partnerOrganisationId', t(`organizacija ${f.partnerOrganisationId} ni partner projekta`, `organisation ${f.partnerOrganisationId} is not a partner of this project`)));
    }
    return errors;
  }

  /** The stored value this new row repeats exactly (same key, period and figures), if any. */
  private storedTwin(f: Planned['fields'], key: string, ctx: Context): AchievedValue | null {
    return (ctx.storedByKey.get(key) ?? []).find((v) => v.periodStart === f.periodStart && v.periodEnd === f.periodEnd && sameFigures(v, f)) ?? null;
  }

  /** Another value already counts these days for the same indicator, partner and dimension part: a stored one, or an earlier row of the batch. */
  private clash(f: Planned['fields'], key: string, ctx: Context): { message: Text; ref?: number } | null {
    const overlaps = (v: { periodStart: string; periodEnd: string }) => v.periodStart <= f.periodEnd && f.periodStart <= v.periodEnd;
    const stored = (ctx.storedByKey.get(key) ?? []).find(overlaps);
    if (stored) {
      return {
        ref: stored.id,
        message: t(
          `za ${stored.periodStart} – ${stored.periodEnd} je vrednost že vnesena (id ${stored.id}, ${stored.enteredBy}, ${stored.enteredAt}); spremenite tisto`,
          `a value for ${stored.periodStart} – ${stored.periodEnd} already exists (id ${stored.id}, by ${stored.enteredBy} at ${stored.enteredAt}); change that one instead`,
        ),
      };
    }
    // The batch's earlier creates of this key: only the last one starting by this row's end can reach it.
    const creates = ctx.createsByKey.get(key) ?? [];
    const before = creates[lastStartingBy(creates, f.periodEnd)];
    const twin = before && overlaps(before.fields) ? before : undefined;
    return twin ? { message: t(`se prekriva z vrstico ${twin.outcome.row} istega paketa`, `overlaps row ${twin.outcome.row} of the same batch`) } : null;
  }

  /**
   * A locked year is frozen wherever it shows: its own values, and every earlier year's, whose
   * figures reach it through running totals and to-date columns. Only a correction may change them.
   */
  private lockErrors(rowNo: number, year: number, ctx: Context, input: RecordValuesInput): RowError[] {
    if (input.correction) {
      const review = ctx.underReview.get(year);
      return review ? [rowError(rowNo, 'periodStart', review, 'conflict')] : [];
    }
    const reached = ctx.locks.filter((l) => l.year >= year);
    if (reached.length === 0) return [];
    const own = reached.some((l) => l.year === year);
    const years = reached.map((l) => l.year).join(', ');
    return [
      rowError(
        rowNo,
        'periodStart',
        own
          ? t(`leto ${year} je zaklenjeno (${reached[0].lockedBy}, ${reached[0].lockedAt}); koordinator lahko vnese popravek z razlogom`, `the year ${year} is locked (by ${reached[0].lockedBy} at ${reached[0].lockedAt}); a coordinator can make a correction with a reason`)
          : t(
              `sprememba leta ${year} bi spremenila skupne vrednosti zaklenjenih let (${years}); koordinator lahko vnese popravek z razlogom`,
              `a change in ${year} would change the running and to-date figures of the locked years (${years}); a coordinator can make a correction with a reason`,
            ),
        'locked',
      ),
    ];
  }

  /** Rules over the whole batch: a reason for changes and corrections, partners' parts within the total. */
  private batchErrors(input: RecordValuesInput, planned: Planned[], ctx: Context): RowError[] {
    const errors: RowError[] = [];
    const changesStored = planned.some((p) => p.outcome.action === 'update');
    const reason = input.reason?.trim() ?? '';
    if ((changesStored || input.correction) && reason.length < 3) {
      errors.push(rowError(null, 'reason', t('navedite razlog spremembe (vsaj 3 znaki)', 'give the reason for the change (at least 3 characters)')));
    }
    if (input.correction && !input.reasonCategory) {
      errors.push(rowError(null, 'reasonCategory', t('popravek potrebuje vrsto razloga', 'a correction needs a reason category')));
    }
    if (!input.partnerExcessReason?.trim()) errors.push(...partnerExcessErrors(planned, ctx.existing));
    return errors;
  }

  /** Writes the changes and their audit entries; answers the changed values as stored. */
  private async write(em: EntityManager, changes: Planned[], input: RecordValuesInput, actor: Actor, batchId: string | null): Promise<AchievedValue[]> {
    const enteredAt = nowIso();
    const creates = changes.filter((p) => p.outcome.action === 'create');
    const inserted = await this.values.insertMany(
      em,
      creates.map((p) => ({ ...p.fields, enteredBy: actor.username, enteredAt })),
    );
    inserted.forEach((v, i) => (creates[i].outcome.id = v.id));
    const audits: AuditChange[] = inserted.map((after, i) => this.change(actor, 'create', creates[i], null, after, input, batchId));
    const stored: AchievedValue[] = [...inserted];
    for (const p of changes.filter((c) => c.outcome.action === 'update')) {
      const current = p.current!;
      const patch = { value: p.fields.value, numerator: p.fields.numerator, denominator: p.fields.denominator, comment: p.fields.comment, qualifier: p.fields.qualifier, enteredBy: actor.username, enteredAt };
      if (!(await this.values.updateAtVersion(em, current.id, current.version, patch))) {
        throw new BatchRejectedError([staleError(p.outcome.row, current, current.version)]);
      }
      const after = Object.assign(new AchievedValue(), current, patch, { version: current.version + 1 });
      audits.push(this.change(actor, input.correction ? 'correct' : 'update', p, current, after, input, batchId));
      stored.push(after);
    }
    await this.audit.recordMany(em, audits);
    return stored;
  }

  private change(actor: Actor, action: 'create' | 'update' | 'correct', p: Planned, before: AchievedValue | null, after: AchievedValue, input: RecordValuesInput, batchId: string | null): AuditChange {
    const reasons = [input.reason?.trim(), input.partnerExcessReason?.trim() ? `Deli partnerjev nad skupno vrednostjo: ${input.partnerExcessReason.trim()}` : null].filter(Boolean);
    return {
      actor,
      action,
      entityType: 'achieved_value',
      entityId: after.id,
      projectId: p.indicator.projectId,
      before: before ?? undefined,
      after,
      reason: reasons.length ? reasons.join('; ') : (p.fields.comment ?? null),
      reasonCategory: input.reasonCategory ?? null,
      batchId,
    };
  }
}

/** A partner organisation's coordinator enters their own part only; a repeat of anything stored is no change and passes. */
function partsOutOfScope(planned: Planned[], own: ReadonlySet<number>): RowError[] {
  return planned
    .filter((p) => p.outcome.action !== 'unchanged' && (p.fields.partnerOrganisationId === null || !own.has(p.fields.partnerOrganisationId)))
    .map((p) =>
      rowError(
        p.outcome.row,
        'partnerOrganisationId',
        t('vnesete lahko le del svoje organizacije (partnerja); skupne vrednosti vnaša vodilni partner', "you may enter only your own organisation's part; the lead partner enters the totals"),
      ),
    );
}

/**
 * The days the batch's rows (and the stored values they change) cover, from the first start to
 * the last end: a stored value outside them can neither clash with a row nor be repeated by one.
 */
function checkedSpan(rows: readonly ValueRowInput[], changed: Iterable<AchievedValue>): { from: string; to: string } | null {
  const dated = [...rows, ...changed].filter((r) => isIsoDate(r.periodStart ?? '') && isIsoDate(r.periodEnd ?? ''));
  if (dated.length === 0) return null;
  return {
    from: dated.reduce((min, r) => (r.periodStart < min ? r.periodStart : min), dated[0].periodStart),
    to: dated.reduce((max, r) => (r.periodEnd > max ? r.periodEnd : max), dated[0].periodEnd),
  };
}

/** The indicator-years in which the batch enters a partner's part: their totals are checked against the parts. */
function partYears(rows: readonly ValueRowInput[]): { indicatorId: number; year: number }[] {
  return rows.flatMap((r) =>
    r.partnerOrganisationId != null && !r.dimension && /^\d{4}-/.test(r.periodStart ?? '') ? [{ indicatorId: r.indicatorId, year: Number(r.periodStart.slice(0, 4)) }] : [],
  );
}

/** The index of the last of `sorted` (by period start) that starts on or before `date`; -1 if none. */
function lastStartingBy(sorted: readonly Planned[], date: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].fields.periodStart <= date) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

function countOf(outcomes: RowOutcome[]): Record<RowAction, number> {
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const o of outcomes) counts[o.action] += 1;
  return counts;
}

type Figures = Pick<AchievedValue, 'value' | 'numerator' | 'denominator' | 'comment' | 'qualifier'>;

function sameFigures(a: Figures, b: Figures): boolean {
  return (
    sameNumber(a.value, b.value) &&
    sameNumber(a.numerator, b.numerator) &&
    sameNumber(a.denominator, b.denominator) &&
    (a.comment ?? null) === (b.comment ?? null) &&
    (a.qualifier ?? null) === (b.qualifier ?? null)
  );
}

/** The same number, however written ('12' and '12.0'); empty and null are the same absence. */
function sameNumber(a: string | null, b: string | null): boolean {
  if (!a || !b) return (a || null) === (b || null);
  return isDecimalString(a) && isDecimalString(b) ? new Decimal(a.trim()).eq(b.trim()) : a === b;
}

function staleError(rowNo: number, current: AchievedValue, basedOn: number): RowError {
  return rowError(
    rowNo,
    'version',
    t(
      `vrednost je medtem spremenil(a) ${current.enteredBy} (${current.enteredAt}; zdaj različica ${current.version}, vaša sprememba izhaja iz različice ${basedOn}); osvežite in spremembo ponovite`,
      `the value was changed by ${current.enteredBy} at ${current.enteredAt} (now version ${current.version}, your change was based on version ${basedOn}); reload and apply your change again`,
    ),
    'stale',
    current.id,
  );
}

/** A share entered as numerator and denominator gets its percentage computed, never typed. */
function withShareValue<T extends Pick<AchievedValue, 'value' | 'numerator' | 'denominator'>>(indicator: Indicator, fields: T): T {
  if (!isShareIndicator(indicator) || fields.value !== '' || !fields.numerator || !fields.denominator) return fields;
  if (!/^\d+(\.\d+)?$/.test(fields.denominator) || Number(fields.denominator) === 0) return fields;
  return { ...fields, value: shareValue(fields.numerator, fields.denominator) };
}
