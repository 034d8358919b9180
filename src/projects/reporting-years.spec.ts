import { daysInclusive, isIsoDate, reportingYears } from './reporting-years';

describe('reportingYears', () => {
  it('splits the AS period 23. 9. 2019 – 30. 9. 2022 into two partial and two whole years', () => {
    expect(reportingYears('2019-09-23', '2022-09-30')).toEqual([
      { year: 2019, start: '2019-09-23', end: '2019-12-31', partial: true },
      { year: 2020, start: '2020-01-01', end: '2020-12-31', partial: false },
      { year: 2021, start: '2021-01-01', end: '2021-12-31', partial: false },
      { year: 2022, start: '2022-01-01', end: '2022-09-30', partial: true },
    ]);
  });

  it('gives one partial year for a period inside a single year', () => {
    expect(reportingYears('2020-03-01', '2020-06-30')).toEqual([
      { year: 2020, start: '2020-03-01', end: '2020-06-30', partial: true },
    ]);
  });

  it('gives whole years for a period on calendar-year boundaries', () => {
    const years = reportingYears('2017-01-01', '2020-12-31');
    expect(years.map((y) => [y.year, y.partial])).toEqual([
      [2017, false],
      [2018, false],
      [2019, false],
      [2020, false],
    ]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => reportingYears('2022-01-01', '2021-12-31')).toThrow('ends (2021-12-31) before it starts');
  });

  it('refuses an impossible calendar date', () => {
    expect(() => reportingYears('2021-02-30', '2021-12-31')).toThrow('Not a calendar date: 2021-02-30');
  });
});

describe('isIsoDate', () => {
  it('accepts a leap day and refuses a day that does not exist', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('23. 9. 2019')).toBe(false);
  });

  it('answers as the regex and calendar it replaced, for every month and day of sampled years and for malformed text', () => {
    const byRegex = (value: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return false;
      const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
      if (y < 100 || m < 1 || m > 12 || d < 1) return false;
      const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      return d <= (m === 2 && leap ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const texts: string[] = [];
    for (const y of [0, 99, 100, 1899, 1900, 1996, 2000, 2019, 2020, 2021, 2024, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) texts.push(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    }
    for (const base of ['2020-02-29', '2021-12-31']) {
      for (let i = 0; i < base.length; i++) {
        for (const c of ['a', ' ', '+', '-', '/', '٣', '０', '.', '\n']) texts.push(base.slice(0, i) + c + base.slice(i + 1));
      }
      texts.push(`${base}\n`, ` ${base}`, base.slice(1), `0${base}`, base.replace(/-/g, ''));
    }
    for (const text of texts) expect([text, isIsoDate(text)]).toEqual([text, byRegex(text)]);
  });
});

describe('daysInclusive', () => {
  it('counts both ends', () => {
    expect(daysInclusive('2020-01-01', '2020-12-31')).toBe(366);
    expect(daysInclusive('2019-09-23', '2019-09-23')).toBe(1);
  });
});
