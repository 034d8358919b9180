import type { ReasonCategory } from '../../audit/audit.types';
import type { Message } from '../../common/i18n/text';
import type { ValueQualifier } from '../indicator-summary.types';

/** One achieved value to enter or change. Serialisable: the API, the grid, an import and a job build it alike. */
export interface ValueRowInput {
  /** The caller's row number (a sheet row, a grid row) that errors refer to; default: position + 1. */
  row?: number;
  /** An existing value to change, with the version the change is based on. */
  id?: number;
  version?: number;
  indicatorId: number;
  periodStart: string;
  periodEnd: string;
  /** null or absent: the whole partnership. */
  partnerOrganisationId?: number | null;
  dimension?: string | null;
  dimensionValue?: string | null;
  /** Canonical decimal strings ("1250.5"); for a share the percentage follows from the counts. */
  value?: string | null;
  numerator?: string | null;
  denominator?: string | null;
  /** Absent keeps a stored comment; null or '' clears it. */
  comment?: string | null;
  /** How the source qualifies the figure ("vsaj 1.000"); absent keeps the stored one, null clears it. */
  qualifier?: ValueQualifier | null;
}

export interface RecordValuesInput {
  projectId: number;
  rows: ValueRowInput[];
  /** Check and report what would happen; write nothing. */
  dryRun?: boolean;
  /** Why stored values change: required as soon as a row changes one. */
  reason?: string | null;
  reasonCategory?: ReasonCategory | null;
  /** A coordinator's correction: reaches locked years, needs a reason and its category. */
  correction?: boolean;
  /** Confirms partners' parts that add up to more than the partnership's total, saying why. */
  partnerExcessReason?: string | null;
}

export type RowAction = 'create' | 'update' | 'unchanged';

export interface RowOutcome {
  row: number;
  action: RowAction;
  /** The stored value's id (null for a create in a dry run). */
  id: number | null;
  indicatorId: number;
  indicatorCode: string;
  periodStart: string;
  periodEnd: string;
  partnerOrganisationId: number | null;
  dimension: string | null;
  dimensionValue: string | null;
  value: string;
  numerator: string | null;
  denominator: string | null;
  /** For an update: the stored value before. */
  previous?: { value: string; numerator: string | null; denominator: string | null; version: number };
}

/**
 * Why a row (or, with `row` null, the batch as a whole) was refused. `kind` decides the answer's
 * status when nothing else is wrong: a stale base version or an existing value is 409, a locked
 * year 423, anything else 422.
 */
export interface RowError {
  row: number | null;
  field: string;
  message: Message;
  kind: 'invalid' | 'stale' | 'conflict' | 'locked';
  /** The stored value the error is about (the one that overlaps, or the one that moved on). */
  ref?: number;
  /**
   * Set where a client can offer a way out: `partner_excess` is lifted by confirming the batch
   * with a `partnerExcessReason` (the grid and the import page show "Potrdi z razlogom").
   */
  code?: 'partner_excess';
}

export interface RecordValuesResult {
  /** Shared by the audit entries of the batch; null for a single change. */
  batchId: string | null;
  dryRun: boolean;
  applied: boolean;
  counts: Record<RowAction, number>;
  rows: RowOutcome[];
  errors: RowError[];
}

/** The most rows one batch may hold: a year of monthly values for a large project fits many times. */
export const MAX_BATCH_ROWS = 20_000;
