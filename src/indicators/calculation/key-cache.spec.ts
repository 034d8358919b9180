import { KeyCache } from './key-cache';

describe('KeyCache', () => {
  it('works a value out once per combination of keys', () => {
    const cache = new KeyCache<string, string, number, string>();
    let made = 0;
    const make = (a: string, b: string, c: number) => () => `${a}|${b}|${c}#${++made}`;
    expect(cache.get('2020-01-01', '2023-12-31', 2020, make('2020-01-01', '2023-12-31', 2020))).toBe('2020-01-01|2023-12-31|2020#1');
    expect(cache.get('2020-01-01', '2023-12-31', 2020, make('x', 'x', 0))).toBe('2020-01-01|2023-12-31|2020#1');
    expect(cache.get('2020-01-01', '2023-12-31', 2021, make('2020-01-01', '2023-12-31', 2021))).toBe('2020-01-01|2023-12-31|2021#2');
    expect(cache.get('2020-01-01', '2022-12-31', 2020, make('2020-01-01', '2022-12-31', 2020))).toBe('2020-01-01|2022-12-31|2020#3');
    expect(made).toBe(3);
  });

  it('keeps an undefined value like any other', () => {
    const cache = new KeyCache<string, string, number, undefined>();
    let made = 0;
    const make = () => {
      made += 1;
      return undefined;
    };
    cache.get('a', 'b', 1, make);
    cache.get('a', 'b', 1, make);
    expect(made).toBe(1);
  });

  it('drops everything once full and still answers', () => {
    const cache = new KeyCache<string, string, number, number>(2);
    let made = 0;
    const make = (n: number) => () => {
      made += 1;
      return n;
    };
    expect(cache.get('a', 'b', 1, make(1))).toBe(1);
    expect(cache.get('a', 'b', 2, make(2))).toBe(2);
    expect(cache.get('a', 'b', 3, make(3))).toBe(3);
    expect(cache.get('a', 'b', 1, make(1))).toBe(1);
    expect(made).toBe(4);
  });
});
