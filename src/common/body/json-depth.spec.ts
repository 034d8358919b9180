import { jsonNestsDeeperThan } from './json-depth';

describe('JSON depth', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('allows exactly the limit and refuses one more', () => {
    expect(jsonNestsDeeperThan(nested(32), 32)).toBe(false);
    expect(jsonNestsDeeperThan(nested(33), 32)).toBe(true);
  });

  it('counts objects and arrays alike, and siblings do not add up', () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":1}],"c":[{"d":2}]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ s: '[[[[{{{{"\\"[[[' }), 1)).toBe(false);
  });

  it('scans 3,000 levels without recursion', () => {
    expect(jsonNestsDeeperThan(nested(3000), 32)).toBe(true);
  });
});
