import Decimal from 'decimal.js';
import { achievementPercent } from './achievement';
import { anAggregate } from '../../../test/support/factories/calculation.factory';

describe('achievementPercent', () => {
  it('gives 103.33 % for the 62 of 60 AS participants in 2020', () => {
    expect(achievementPercent(anAggregate(62), new Decimal(60))?.toString()).toBe('103.33');
  });

  it('computes a share from its counts: 25/62 against 25 % is 161.29, not 161.28 from the rounded 40.32', () => {
    expect(achievementPercent(anAggregate('40.32', 25, 62), new Decimal(25))?.toString()).toBe('161.29');
  });

  it('uses the stored percentage for a share without counts', () => {
    expect(achievementPercent(anAggregate('40.32'), new Decimal(25))?.toString()).toBe('161.28');
  });

  it('rounds half-up: 100.005 % becomes 100.01', () => {
    expect(achievementPercent(anAggregate('100.005'), new Decimal(100))?.toString()).toBe('100.01');
  });

  it('gives null without a target', () => {
    expect(achievementPercent(anAggregate(62), null)).toBeNull();
  });

  it('gives null against a target of 0', () => {
    expect(achievementPercent(anAggregate(3), new Decimal(0))).toBeNull();
  });

  it('gives null when nothing was achieved on record', () => {
    expect(achievementPercent(null, new Decimal(60))).toBeNull();
  });
});
