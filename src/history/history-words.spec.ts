import { describeChange, valueText } from './history-words';
import { momentSpan } from './trail-filter';

describe('describeChange', () => {
  it('writes a change field by field, the figure first', () => {
    expect(describeChange({ value: '12', comment: null, version: 1 }, { value: '14', comment: 'popravek', version: 2 }, { unit: 'persons' })).toBe(
      'Vrednost: 12 → 14; Opomba: – → popravek',
    );
  });

  it('writes what a record was created with, shares with "%" and amounts with "€"', () => {
    expect(describeChange(null, { value: '40.32', numerator: '25', denominator: '62', year: 2020 }, { unit: 'percent' })).toBe(
      'Vrednost: 40,32\u00A0%; Števec: 25; Imenovalec: 62; Leto: 2020',
    );
    expect(valueText('value', '250109.76', { unit: 'eur' })).toBe('250.109,76\u00A0€');
    expect(valueText('periodStart', '2019-09-23', null)).toBe('23. 9. 2019');
    expect(valueText('qualifier', 'at_least', null)).toBe('vsaj');
  });
});

describe('momentSpan', () => {
  it('covers a whole day, a whole minute, or one instant, in UTC', () => {
    expect(momentSpan('2021-02-15', 'asOf')).toEqual({ start: '2021-02-15T00:00:00.000Z', end: '2021-02-15T23:59:59.999Z' });
    expect(momentSpan('2021-02-15T10:30', 'asOf')).toEqual({ start: '2021-02-15T10:30:00.000Z', end: '2021-02-15T10:30:59.999Z' });
    expect(momentSpan('2021-02-15T10:30:12Z', 'asOf').end).toBe('2021-02-15T10:30:12.000Z');
  });

  it('refuses a day that does not exist', () => {
    expect(() => momentSpan('2021-02-30', 'from')).toThrow('Invalid moment: from');
  });
});
