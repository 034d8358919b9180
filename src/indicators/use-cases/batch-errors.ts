import { DomainError } from '../../common/errors';
import { Message, t } from '../../common/i18n/text';
import type { RecordValuesResult, RowError, RowOutcome } from './record-values.input';

export function rowError(row: number | null, field: string, message: Message, kind: RowError['kind'] = 'invalid', ref?: number): RowError {
  return ref === undefined ? { row, field, message, kind } : { row, field, message, kind, ref };
}

/** Which stored values count the same thing: one indicator, partner and dimension part. */
export function valueKey(v: { indicatorId: number; partnerOrganisationId: number | null; dimension: string | null; dimensionValue: string | null }): string {
  return `${v.indicatorId}|${v.partnerOrganisationId ?? ''}|${v.dimension ?? ''}|${v.dimensionValue ?? ''}`;
}

/** A batch's result as clients see it: the errors without the handler's internal kind and reference. */
export function publicResult(result: RecordValuesResult) {
  return { ...result, errors: result.errors.map(({ kind: _kind, ref: _ref, ...e }) => e) };
}

/**
 * A batch refused as a whole, with every row's problem (row, field, message). Nothing of it was
 * written. The status says what kind of refusal it is when all errors are of one kind: 409 for
 * stale versions and existing values, 423 for locked years; otherwise 422.
 */
export class BatchRejectedError extends DomainError {
  readonly status: number;
  constructor(
    readonly errors: RowError[],
    rows: RowOutcome[] = [],
  ) {
    const kinds = new Set(errors.map((e) => e.kind));
    const status = kinds.has('invalid') ? 422 : kinds.has('locked') ? 423 : 409;
    super(summary(errors), { errors: errors.map(({ kind: _kind, ref: _ref, ...e }) => e), rows });
    this.status = status;
  }
}

function summary(errors: RowError[]): Message {
  const shown = errors.slice(0, 3);
  const more = errors.length - shown.length;
  const where = (e: RowError, lang: 'sl' | 'en') => (e.row === null ? '' : lang === 'sl' ? `vrstica ${e.row}, ` : `row ${e.row}, `);
  const text = (lang: 'sl' | 'en') =>
    shown.map((e) => `${where(e, lang)}${e.field}: ${typeof e.message === 'string' ? e.message : e.message[lang]}`).join('; ') +
    (more > 0 ? (lang === 'sl' ? ` in še ${more}` : ` and ${more} more`) : '');
  return t(`Nič ni shranjeno: ${text('sl')}`, `Nothing was saved: ${text('en')}`);
}
