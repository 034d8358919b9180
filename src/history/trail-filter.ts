import { RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { isIsoDate } from '../projects/reporting-years';

/**
 * Moments as an auditor writes them, in UTC: a day (2021-02-15), a minute (2021-02-15T10:30) or an
 * exact instant (2021-02-15T10:30:12.345Z). A day or a minute is a span: "as of 10:30" and "up to
 * 10:30" include what happened during that minute, as the trail shows times to the second.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})?$/;

function invalid(field: string): RuleViolationError {
  return new RuleViolationError(t(`Neveljaven čas: ${field}`, `Invalid moment: ${field}`), [
    {
      field,
      message: t(
        `${field} mora biti dan (2021-02-15), minuta (2021-02-15T10:30) ali trenutek v UTC (2021-02-15T10:30:00Z)`,
        `${field} must be a day (2021-02-15), a minute (2021-02-15T10:30) or a UTC instant (2021-02-15T10:30:00Z)`,
      ),
    },
  ]);
}

/** The first and last millisecond a written moment covers, as ISO instants. */
export function momentSpan(value: string, field: string): { start: string; end: string } {
  if (!isIsoDate(value.slice(0, 10))) throw invalid(field);
  const utc = (text: string) => Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`);
  let start: number;
  let length: number;
  if (DAY.test(value)) [start, length] = [utc(`${value}T00:00:00`), 86_400_000];
  else if (MINUTE.test(value)) [start, length] = [utc(value.replace(/Z$/, '') + ':00'), 60_000];
  else if (INSTANT.test(value)) [start, length] = [utc(value), 1];
  else throw invalid(field);
  if (Number.isNaN(start)) throw invalid(field);
  return { start: new Date(start).toISOString(), end: new Date(start + length - 1).toISOString() };
}
