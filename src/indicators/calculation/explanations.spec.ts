import Decimal from 'decimal.js';
import { explanationRequired } from './explanations';
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
