import Decimal from 'decimal.js';
import fc from 'fast-check';
import { reportedFigure } from '../../../test/support/arbitraries';
import { explanationOfDeviationsRequired, explanationRequired, type ExplanationInput } from './explanations';
import { AS_PERIOD } from '../../../test/support/factories/calculation.factory';
import { DEFAULT_THRESHOLDS, makeThresholds } from './thresholds';

describe('explanationRequired', () => {
  it('needs none for the AS 103.33 %', () => {
    expect(explanationRequired(new Decimal('103.33'), DEFAULT_THRESHOLDS)).toBe(false);
  });

  it('needs one for a shortfall to 66.67 %', () => {
    expect(explanationRequired(new Decimal('66.67'), DEFAULT_THRESHOLDS)).toBe(true);
  });

  it('needs one for a large over-achievement: 161.29 %', () => {
    expect(explanationRequired(new Decimal('161.29'), DEFAULT_THRESHOLDS)).toBe(true);
  });

  it('needs none exactly at the threshold: 110.00 %', () => {
    expect(explanationRequired(new Decimal('110.00'), DEFAULT_THRESHOLDS)).toBe(false);
  });

  it('needs one just past it: 89.99 %', () => {
    expect(explanationRequired(new Decimal('89.99'), DEFAULT_THRESHOLDS)).toBe(true);
  });

  it('needs none without a target', () => {
    expect(explanationRequired(null, DEFAULT_THRESHOLDS)).toBe(false);
  });

  it('follows a funder’s own threshold: 103.33 % needs one at 3 %', () => {
    expect(explanationRequired(new Decimal('103.33'), makeThresholds(15, 3))).toBe(true);
  });
});

describe('explanationOfDeviationsRequired', () => {
  // AS: 23. 9. 2019 – 30. 9. 2022.
  function required(overrides: Partial<ExplanationInput>): boolean {
    return explanationOfDeviationsRequired({
      measuredAgainst: 'year',
      achievementPercent: null,
      status: 'met',
      period: AS_PERIOD,
      year: 2020,
      asOf: '2021-01-15',
      thresholds: DEFAULT_THRESHOLDS,
      ...overrides,
    });
  }

  it('needs one against a year target for 40 of 60 (66.67 %)', () => {
    expect(required({ achievementPercent: new Decimal('66.67'), status: 'not_met' })).toBe(true);
  });

  it('needs one against a year target for an over-achievement of 161.29 %, although met', () => {
    expect(required({ achievementPercent: new Decimal('161.29'), status: 'met' })).toBe(true);
  });

  it('needs none mid-period for 72 of a whole-period 180 (40 %) on track at the end of 2020', () => {
    expect(required({ measuredAgainst: 'period', achievementPercent: new Decimal(40), status: 'on_track' })).toBe(false);
  });

  it('needs none mid-period even when at risk: 60 of 180 (33.33 %) at the end of 2020', () => {
    expect(required({ measuredAgainst: 'period', achievementPercent: new Decimal('33.33'), status: 'at_risk' })).toBe(false);
  });

  it('needs one for the last year once the period has ended: 150 of 180 (83.33 %) on 15. 10. 2022', () => {
    const ended = { measuredAgainst: 'period' as const, year: 2022, asOf: '2022-10-15' };
    expect(required({ ...ended, achievementPercent: new Decimal('83.33'), status: 'not_met' })).toBe(true);
  });

  it('needs one on the last day of the period itself: 150 of 180 on 30. 9. 2022', () => {
    const lastDay = { measuredAgainst: 'period' as const, year: 2022, asOf: '2022-09-30' };
    expect(required({ ...lastDay, achievementPercent: new Decimal('83.33'), status: 'not_met' })).toBe(true);
  });

  it('needs none for the last year before the period has ended: 83.33 % on 30. 6. 2022', () => {
    const running = { measuredAgainst: 'period' as const, year: 2022, asOf: '2022-06-30' };
    expect(required({ ...running, achievementPercent: new Decimal('83.33'), status: 'at_risk' })).toBe(false);
  });

  it('needs none for 2021 reported after the period has ended: the 2021 view ends on 31. 12. 2021', () => {
    const late = { measuredAgainst: 'period' as const, year: 2021, asOf: '2023-01-15' };
    expect(required({ ...late, achievementPercent: new Decimal('50'), status: 'on_track' })).toBe(false);
  });

  it('needs none after the period when to date is within the threshold: 170 of 180 (94.44 %)', () => {
    const ended = { measuredAgainst: 'period' as const, year: 2022, asOf: '2022-10-15' };
    expect(required({ ...ended, achievementPercent: new Decimal('94.44'), status: 'not_met' })).toBe(false);
  });

  it('needs one for a missed target with no percentage to show', () => {
    expect(required({ achievementPercent: null, status: 'not_met' })).toBe(true);
  });

  it('needs none without a target', () => {
    expect(required({ measuredAgainst: null, status: 'no_target' })).toBe(false);
  });
});

describe('explanationRequired against its Decimal rule', () => {
  it('asks for one exactly when |achievement − 100| exceeds the threshold', () => {
    fc.assert(
      fc.property(reportedFigure, fc.oneof(fc.constantFrom('0', '10', '20', '15.5'), reportedFigure), (percent, threshold) => {
        const p = new Decimal(percent);
        const t = new Decimal(threshold);
        expect(explanationRequired(p, { deviationThresholdPercent: t })).toBe(p.minus(100).abs().gt(t));
      }),
      { numRuns: 5000 },
    );
  });
});

