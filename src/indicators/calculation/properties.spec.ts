import Decimal from 'decimal.js';
import fc from 'fast-check';
import type { Aggregation } from '../indicator-summary.types';
import { forecastToEnd } from './forecast';
import { minDate } from './periods';
import { summarizeIndicator } from './summarize';
import { totalSource, totalToDate } from './totals';
import { AS_PERIOD, aShareEntry, aSummaryInput, aTarget, anEntry, anIndicator } from '../../../test/support/factories/calculation.factory';
import type { AchievedEntry } from './types';

/** An ISO date `offset` days into `year` (clamped to the year), for generated entries. */
function dayOf(year: number, offset: number): string {
  const date = new Date(Date.UTC(year, 0, 1 + offset));
  return date.getUTCFullYear() === year ? date.toISOString().slice(0, 10) : `${year}-12-31`;
}

const aggregation = fc.constantFrom<Aggregation>('sum', 'cumulative', 'latest');
const amount = fc.integer({ min: 0, max: 100_000 }).map((n) => new Decimal(n).div(100).toFixed(2));

/** A period inside one year of the AS funding period (2020–2021 are whole years). */
const periodIn = (year: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 364 }))
    .map(([a, b]) => ({ periodStart: dayOf(year, Math.min(a, b)), periodEnd: dayOf(year, Math.max(a, b)) }));

const countEntry = (partnerId: number | null, year = 2020) =>
  fc.tuple(periodIn(year), amount).map(([period, value]) => anEntry({ ...period, partnerId, value }));

const shareEntry = (partnerId: number | null, year = 2020) =>
  fc
    .integer({ min: 1, max: 500 })
    .chain((den) => fc.tuple(periodIn(year), fc.integer({ min: 0, max: den }), fc.constant(den)))
    .map(([period, num, den]) => aShareEntry(num, den, { ...period, partnerId }));

/** An aggregation, whether the indicator is a share, and entries of the matching kind. */
const indicatorWithEntries = fc.tuple(aggregation, fc.boolean()).chain(([agg, isShare]) => {
  const entry = isShare ? shareEntry : countEntry;
  return fc.record({
    indicator: fc.constant(anIndicator({ aggregation: agg, isShare })),
    totals: fc.array(entry(null), { maxLength: 4 }),
    parts: partnerEntries(entry),
  });
});

const partnerEntries = (entry: (id: number) => fc.Arbitrary<AchievedEntry>) =>
  fc.array(fc.integer({ min: 1, max: 4 }).chain(entry), { maxLength: 8 });

describe('calculation properties', () => {
  // summarizeIndicator reuses the value to date of the year for the forecast when no entry begins
  // between the year's end and asOf; the forecast must be the one worked out from every entry.
  it('forecasts from everything known on asOf, whether or not the value to date is reused', () => {
    const anyYearEntry = (partnerId: number | null) => fc.constantFrom(2020, 2021).chain((year) => countEntry(partnerId, year));
    fc.assert(
      fc.property(
        aggregation,
        fc.array(anyYearEntry(null), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 3 }).chain(anyYearEntry), { maxLength: 5 }),
        fc.constantFrom(2020, 2021),
        fc.integer({ min: 0, max: 900 }),
        (agg, totals, parts, year, asOfOffset) => {
          const asOf = new Date(Date.UTC(2020, 0, 1 + asOfOffset)).toISOString().slice(0, 10);
          const input = aSummaryInput({ indicator: anIndicator({ aggregation: agg }), achieved: [...totals, ...parts], year, asOf });
          const source = totalSource(input.achieved, input.period, asOf);
          const expected = forecastToEnd({
            indicator: input.indicator,
            toDate: totalToDate(input.indicator, input.achieved, input.period, minDate(asOf, input.period.endDate), source),
            period: input.period,
            asOf,
            target: null,
          });
          const { forecast } = summarizeIndicator(input);
          expect({ ...forecast, valueAtEnd: forecast.valueAtEnd?.toString() ?? null }).toEqual({ ...expected, valueAtEnd: expected.valueAtEnd?.toString() ?? null });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never accepts partners’ parts above the total silently (sum: checked against the raw entries)', () => {
    fc.assert(
      fc.property(fc.array(countEntry(null), { minLength: 1, maxLength: 4 }), partnerEntries(countEntry), (totals, parts) => {
        const result = summarizeIndicator(aSummaryInput({ achieved: [...totals, ...parts] }));
        const total = totals.reduce((acc, e) => acc.plus(e.value), new Decimal(0));
        const sumOfParts = parts.reduce((acc, e) => acc.plus(e.value), new Decimal(0));
        if (sumOfParts.gt(total)) expect(result.partnerWarning).not.toBeNull();
      }),
    );
  });

  it('never accepts partners’ parts above the total silently (any aggregation, counts and shares)', () => {
    fc.assert(
      fc.property(indicatorWithEntries, ({ indicator, totals, parts }) => {
        const result = summarizeIndicator(aSummaryInput({ indicator, achieved: [...totals, ...parts] }));
        // Shares are compared by counts: a numerator or denominator of the parts above the total's.
        const fields = indicator.isShare ? (['numerator', 'denominator'] as const) : (['achieved'] as const);
        for (const field of fields) {
          const whole = result[field];
          const sumOfParts = result.partners.reduce((acc, p) => acc.plus(p[field] ?? 0), new Decimal(0));
          if (!result.totalFromParts && whole !== null && sumOfParts.gt(whole)) expect(result.partnerWarning).not.toBeNull();
        }
      }),
    );
  });

  it('never lets the value to date of a sum of non-negative entries fall as the reported year advances', () => {
    const years = [2019, 2020, 2021, 2022];
    const anyYearEntry = fc.constantFrom(2020, 2021, 2022).chain((year) => countEntry(null, year));
    fc.assert(
      fc.property(fc.array(anyYearEntry, { maxLength: 12 }), fc.integer({ min: 0, max: 1200 }), (achieved, asOfOffset) => {
        const asOf = new Date(Date.UTC(2019, 8, 23 + asOfOffset)).toISOString().slice(0, 10);
        const toDate = years.map(
          (year) => summarizeIndicator(aSummaryInput({ achieved, year, asOf })).achievedToDate ?? new Decimal(0),
        );
        for (let i = 1; i < toDate.length; i++) expect(toDate[i].gte(toDate[i - 1])).toBe(true);
      }),
    );
  });

  it('never lets the value to date of a sum of non-negative entries fall as asOf advances', () => {
    fc.assert(
      fc.property(
        fc.array(countEntry(null), { maxLength: 10 }),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 365 }),
        (achieved, a, b) => {
          const at = (offset: number) => summarizeIndicator(aSummaryInput({ achieved, asOf: dayOf(2020, offset) }));
          const earlier = at(Math.min(a, b)).achievedToDate ?? new Decimal(0);
          const later = at(Math.max(a, b)).achievedToDate ?? new Decimal(0);
          expect(later.gte(earlier)).toBe(true);
        },
      ),
    );
  });

  it('splits a running total into year values that add up to the value to date, leaving only a first entered year after the first reporting year unknown', () => {
    const period = { startDate: '2020-03-01', endDate: '2022-12-31' };
    const years = [2020, 2021, 2022];
    const cumulative = anIndicator({ aggregation: 'cumulative' });
    const anyYearEntry = fc.constantFrom(...years).chain((year) => countEntry(null, year));
    fc.assert(
      fc.property(fc.array(anyYearEntry, { maxLength: 8 }), (achieved) => {
        const results = years.map((year) =>
          summarizeIndicator(aSummaryInput({ indicator: cumulative, achieved, period, year, asOf: '2023-01-15' })),
        );
        const entered = achieved.filter((e) => e.periodEnd >= period.startDate).map((e) => Number(e.periodStart.slice(0, 4)));
        const firstEntered = entered.length > 0 ? Math.min(...entered) : null;
        results.forEach((r, i) => expect(r.achievedUnknown).toBe(years[i] === firstEntered && firstEntered !== 2020));
        // The unknown year's part is everything up to its end: its value to date.
        const parts = results.map((r) => (r.achievedUnknown ? r.achievedToDate : r.achieved) ?? new Decimal(0));
        const sum = parts.reduce((acc, v) => acc.plus(v), new Decimal(0));
        expect(sum.toString()).toBe((results[2].achievedToDate ?? new Decimal(0)).toString());
      }),
    );
  });

  it('keeps a share between 0 and 100 % when every numerator is at most its denominator', () => {
    fc.assert(
      fc.property(aggregation, fc.array(shareEntry(null), { maxLength: 6 }), partnerEntries(shareEntry), (agg, totals, parts) => {
        const result = summarizeIndicator(
          aSummaryInput({ indicator: anIndicator({ aggregation: agg, isShare: true }), achieved: [...totals, ...parts] }),
        );
        const values = [result.achieved, result.achievedToDate, ...result.partners.map((p) => p.achieved)];
        for (const value of values) {
          if (value !== null) expect(value.gte(0) && value.lte(100)).toBe(true);
        }
      }),
    );
  });

  it('gives a met at_least target an achievement of at least 100 %', () => {
    fc.assert(
      fc.property(
        indicatorWithEntries,
        fc.boolean(),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: 0, max: 365 }),
        ({ indicator, totals, parts }, yearTarget, offsetCents, asOfOffset) => {
          const input = aSummaryInput({ indicator, achieved: [...totals, ...parts], asOf: dayOf(2020, asOfOffset) });
          // Targets close to what was achieved, where rounding and the direction rule are tested hardest.
          const untargeted = summarizeIndicator(input);
          const reached = (yearTarget ? untargeted.achieved : untargeted.achievedToDate) ?? new Decimal(0);
          const target = Decimal.max(0, reached.plus(new Decimal(offsetCents).div(100))).toDecimalPlaces(2);
          const result = summarizeIndicator({
            ...input,
            targets: [aTarget({ year: yearTarget ? 2020 : null, value: target.toFixed(2) })],
          });
          if (result.status === 'met' && result.achievementPercent !== null) {
            expect(result.achievementPercent.gte(100)).toBe(true);
          }
        },
      ),
    );
  });
});
