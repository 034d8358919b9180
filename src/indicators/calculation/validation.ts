import Decimal from 'decimal.js';
import { t, type Text } from '../../common/i18n/text';
import { isIsoDate } from '../../projects/reporting-years';
import { isDecimalString } from './decimals';
import type { AchievedEntry, IndicatorDef, PeriodDef } from './types';

export interface EntryError {
  field: keyof AchievedEntry;
  message: Text;
}

/** The percentage a share's counts give, half-up to 2 decimals, as stored in `value`: 25, 62 → '40.32'. */
export function shareValue(numerator: Decimal.Value, denominator: Decimal.Value): string {
  const den = new Decimal(denominator);
  if (!den.gt(0)) throw new RangeError('denominator must be greater than 0');
  return new Decimal(numerator).times(100).div(den).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * Checks one achieved entry before it is written. Returns every problem at once (empty when the
 * entry is fine), so a form or an import can show them together. `period`, when given, also
 * requires the entry to overlap the funding period.
 */
export function validateAchievedEntry(
  def: Pick<IndicatorDef, 'aggregation' | 'isShare' | 'dimensions'>,
  entry: AchievedEntry,
  period?: PeriodDef,
): EntryError[] {
  return [...periodErrors(entry, period), ...valueErrors(def, entry), ...dimensionErrors(def, entry)];
}

function periodErrors(entry: AchievedEntry, period: PeriodDef | undefined): EntryError[] {
  const errors: EntryError[] = [];
  const startOk = isIsoDate(entry.periodStart);
  const endOk = isIsoDate(entry.periodEnd);
  if (!startOk) errors.push({ field: 'periodStart', message: t('začetek obdobja mora biti datum (LLLL-MM-DD)', 'periodStart must be a date (YYYY-MM-DD)') });
  if (!endOk) errors.push({ field: 'periodEnd', message: t('konec obdobja mora biti datum (LLLL-MM-DD)', 'periodEnd must be a date (YYYY-MM-DD)') });
  if (!startOk || !endOk) return errors;
  if (entry.periodEnd < entry.periodStart) {
    errors.push({ field: 'periodEnd', message: t('konec obdobja ne sme biti pred začetkom', 'periodEnd must not be before periodStart') });
  } else if (entry.periodStart.slice(0, 4) !== entry.periodEnd.slice(0, 4)) {
    errors.push({ field: 'periodEnd', message: t('obdobje mora biti znotraj enega koledarskega leta', 'the period must lie within one calendar year') });
  } else if (period && (entry.periodEnd < period.startDate || entry.periodStart > period.endDate)) {
    errors.push({ field: 'periodStart', message: t('obdobje se mora prekrivati z obdobjem financiranja', 'the period must overlap the funding period') });
  }
  return errors;
}

function parsed(value: string | null): Decimal | null | 'invalid' {
  if (value === null || value.trim() === '') return null;
  return isDecimalString(value) ? new Decimal(value.trim()) : 'invalid';
}

function valueErrors(def: Pick<IndicatorDef, 'aggregation' | 'isShare'>, entry: AchievedEntry): EntryError[] {
  const errors: EntryError[] = [];
  const value = parsed(entry.value);
  const numerator = parsed(entry.numerator);
  const denominator = parsed(entry.denominator);
  if (value === 'invalid') errors.push({ field: 'value', message: t('vrednost mora biti število', 'value must be a decimal number') });
  if (numerator === 'invalid') errors.push({ field: 'numerator', message: t('števec mora biti število', 'numerator must be a decimal number') });
  if (denominator === 'invalid') errors.push({ field: 'denominator', message: t('imenovalec mora biti število', 'denominator must be a decimal number') });
  if (!def.isShare) {
    if (value instanceof Decimal && value.isNegative() && !value.isZero()) {
      errors.push({ field: 'value', message: t('vrednost ne sme biti negativna', 'value must not be negative') });
    }
    if (value === null) errors.push({ field: 'value', message: t('vrednost je obvezna', 'value is required') });
    if (numerator !== null || denominator !== null) {
      errors.push({ field: 'numerator', message: t('števec in imenovalec sta samo za kazalnike deleža', 'numerator and denominator are only for share indicators') });
    }
    return errors;
  }

  if (value instanceof Decimal && ((value.isNegative() && !value.isZero()) || value.gt(100))) {
    errors.push({ field: 'value', message: t('delež mora biti med 0 in 100 %', 'a share must be between 0 and 100 %') });
  }
  if ((numerator === null) !== (denominator === null)) {
    errors.push({
      field: numerator === null ? 'numerator' : 'denominator',
      message: t('števec in imenovalec morata biti podana skupaj', 'numerator and denominator must be given together'),
    });
    return errors;
  }
  if (numerator === null || denominator === null) {
    if (value === null) errors.push({ field: 'value', message: t('vrednost je obvezna', 'value is required') });
    // Percentages cannot be added, so a share summed over periods must carry its counts.
    if (def.aggregation === 'sum') {
      errors.push({ field: 'numerator', message: t('delež, ki se sešteva po obdobjih, potrebuje števec in imenovalec', 'a share summed over periods needs numerator and denominator') });
    }
    return errors;
  }
  if (numerator === 'invalid' || denominator === 'invalid') return errors;

  if (numerator.isNegative() && !numerator.isZero()) {
    errors.push({ field: 'numerator', message: t('števec ne sme biti negativen', 'numerator must not be negative') });
  }
  if (!denominator.gt(0)) {
    errors.push({ field: 'denominator', message: t('imenovalec mora biti večji od 0', 'denominator must be greater than 0') });
    return errors;
  }
  if (numerator.gt(denominator)) {
    errors.push({ field: 'numerator', message: t('števec ne sme biti večji od imenovalca', 'numerator must not exceed denominator') });
  }
  if (value instanceof Decimal) {
    const expected = shareValue(numerator, denominator);
    if (!value.eq(expected)) {
      errors.push({
        field: 'value',
        message: t(`vrednost mora biti števec / imenovalec × 100, zaokroženo na 2 decimalki (${expected})`, `value must equal numerator / denominator × 100 rounded to 2 decimals (${expected})`),
      });
    }
  }
  return errors;
}

function dimensionErrors(def: Pick<IndicatorDef, 'dimensions'>, entry: AchievedEntry): EntryError[] {
  const errors: EntryError[] = [];
  const hasDimension = entry.dimension !== null;
  const hasValue = entry.dimensionValue !== null && entry.dimensionValue.trim() !== '';
  if (hasDimension && !def.dimensions.includes(entry.dimension as string)) {
    errors.push({ field: 'dimension', message: t(`razčlenitev »${entry.dimension}« za ta kazalnik ni določena`, `dimension "${entry.dimension}" is not declared for this indicator`) });
  }
  if (hasDimension && !hasValue) {
    errors.push({ field: 'dimensionValue', message: t('z razčlenitvijo je obvezna tudi njena vrednost', 'dimensionValue is required when dimension is given') });
  }
  if (!hasDimension && hasValue) {
    errors.push({ field: 'dimension', message: t('vrednost razčlenitve zahteva tudi razčlenitev', 'dimension is required when dimensionValue is given') });
  }
  // Breakdowns are kept at partnership level only; a partner's breakdown would be counted nowhere.
  if (hasDimension && entry.partnerId !== null) {
    errors.push({ field: 'dimension', message: t('dela partnerja ni mogoče hkrati razčleniti', "a partner's part cannot also be broken down by dimension") });
  }
  return errors;
}

/** How many decimals an achieved value of each unit may have: counts of people and events are whole. */
export const UNIT_DECIMALS: Readonly<Record<string, number>> = { persons: 0, events: 0, hours: 2, eur: 2, percent: 2, other: 6 };

/**
 * The unit's rule for an entry: whole numbers for persons and events (a share's numerator and
 * denominator count people too), at most two decimals for hours and euros.
 */
export function unitErrors(unit: string, entry: Pick<AchievedEntry, 'value' | 'numerator' | 'denominator'>): EntryError[] {
  const errors: EntryError[] = [];
  const counts = unit === 'percent' ? 0 : (UNIT_DECIMALS[unit] ?? 6);
  const check = (field: 'value' | 'numerator' | 'denominator', raw: string | null, decimals: number) => {
    if (raw === null || raw.trim() === '' || !isDecimalString(raw)) return;
    if (new Decimal(raw.trim()).decimalPlaces() <= decimals) return;
    errors.push({
      field,
      message:
        decimals === 0
          ? t(`${raw} ni celo število: ta kazalnik šteje osebe ali dogodke`, `${raw} is not a whole number: this indicator counts persons or events`)
          : t(`${raw} ima preveč decimalk (največ ${decimals})`, `${raw} has too many decimals (at most ${decimals})`),
    });
  };
  if (unit === 'percent') {
    check('numerator', entry.numerator, counts);
    check('denominator', entry.denominator, counts);
  } else {
    check('value', entry.value, counts);
  }
  return errors;
}
