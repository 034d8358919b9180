import { splitEvenly } from './split-evenly';

describe('splitEvenly', () => {
  it('splits 200 items into 32 runs of 6 or 7, in order, losing none', () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const runs = splitEvenly(items, 32);
    expect(runs).toHaveLength(32);
    expect(new Set(runs.map((run) => run.length))).toEqual(new Set([6, 7]));
    expect(runs.flat()).toEqual(items);
  });

  it('gives one item per run when there are fewer items than runs', () => {
    expect(splitEvenly(['AS', 'KCM', 'SPIN'], 32)).toEqual([['AS'], ['KCM'], ['SPIN']]);
  });

  it('gives no runs for no items', () => {
    expect(splitEvenly([], 32)).toEqual([]);
  });
});
