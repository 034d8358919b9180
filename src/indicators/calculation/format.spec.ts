import Decimal from 'decimal.js';
import { toJsonNumber } from './format';

describe('toJsonNumber', () => {
  it('rounds the AS share 25/62 to 40.32', () => {
    expect(toJsonNumber(new Decimal(25).times(100).div(62))).toBe(40.32);
  });

  it('rounds half-up: 2.345 becomes 2.35', () => {
    expect(toJsonNumber(new Decimal('2.345'))).toBe(2.35);
  });

  it('rounds to the decimals asked for', () => {
    expect(toJsonNumber(new Decimal('146.88412017'), 0)).toBe(147);
  });

  it('passes null through', () => {
    expect(toJsonNumber(null)).toBeNull();
  });
});
