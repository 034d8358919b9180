import { BadRequestException } from '@nestjs/common';
import { IdPipe, MAX_ID } from './id.pipe';

describe('IdPipe', () => {
  const pipe = new IdPipe();

  it('accepts a whole number up to the largest integer id', () => {
    expect(pipe.transform('42', { data: 'id' })).toBe(42);
    expect(pipe.transform(String(MAX_ID), { data: 'id' })).toBe(MAX_ID);
  });

  it.each(['0', '-1', 'abc', '1.5', '2147483648', '99999999999', '', '0x10', '  1', '1 ', '+1', '1e3', '١', '１'])('refuses %p naming the parameter', (value) => {
    try {
      pipe.transform(value, { data: 'indicatorId' });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toMatchObject({ errors: [{ field: 'indicatorId', message: { sl: `indicatorId mora biti celo število od 1 do ${MAX_ID}`, en: `indicatorId must be a whole number from 1 to ${MAX_ID}` } }] });
    }
  });
});
