import Redis from 'ioredis';
import { RedisLoginThrottle } from './redis-login-throttle';

/**
 * The Redis throttle against a real Redis (REDIS_URL, or 127.0.0.1:6379). Outside CI a machine
 * without Redis skips it, saying so; in CI an unreachable Redis fails the run.
 */
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function manualClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RedisLoginThrottle', () => {
  let redis: Redis;
  let reachable = false;
  let prefix: string;

  beforeAll(async () => {
    redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on('error', () => undefined);
    reachable = await redis.connect().then(() => true, () => false);
    if (!reachable && process.env.CI) throw new Error(`Redis at ${url} is not reachable: failing, not skipping, in CI`);
  });
  afterAll(async () => {
    if (reachable) {
      const keys = await redis.keys('test:throttle:*');
      if (keys.length) await redis.del(...keys);
    }
    redis.disconnect();
  });
  beforeEach(() => {
    prefix = `test:throttle:${process.pid}:${Math.random().toString(36).slice(2)}:`;
  });

  const itWithRedis = (name: string, fn: () => Promise<void>) => it(name, async () => (reachable ? fn() : console.warn(`skipped (no Redis at ${url}): ${name}`)));

  async function failTimes(throttle: RedisLoginThrottle, n: number, username = 'vodja', ip = '10.0.0.1') {
    for (let i = 0; i < n; i++) {
      expect(await throttle.begin(username, ip)).toBe(0);
      await throttle.fail(username, ip);
    }
  }

  itWithRedis('allows the 10th attempt after 9 failures and refuses the 11th, saying how long to wait', async () => {
    const clock = manualClock();
    const throttle = new RedisLoginThrottle(redis, clock.now, undefined, prefix);
    await failTimes(throttle, 9);
    expect(await throttle.begin('vodja', '10.0.0.1')).toBe(0);
    await throttle.fail('vodja', '10.0.0.1');
    clock.advance(15_000);
    expect(await throttle.begin('vodja', '10.0.0.2')).toBe(45);
  });

  itWithRedis('counts the failures of two instances together', async () => {
    const clock = manualClock();
    const one = new RedisLoginThrottle(redis, clock.now, undefined, prefix);
    const two = new RedisLoginThrottle(redis, clock.now, undefined, prefix);
    await failTimes(one, 5);
    await failTimes(two, 5);
    expect(await one.begin('vodja', '10.0.0.9')).toBeGreaterThan(0);
    expect(await two.begin('VODJA ', '10.0.0.9')).toBeGreaterThan(0);
  });

  itWithRedis('forgets the window after a minute', async () => {
    const clock = manualClock();
    const throttle = new RedisLoginThrottle(redis, clock.now, undefined, prefix);
    await failTimes(throttle, 10);
    clock.advance(60_001);
    expect(await throttle.begin('vodja', '10.0.0.1')).toBe(0);
  });

  itWithRedis('counts attempts in flight, so a parallel burst cannot pass the limit', async () => {
    const throttle = new RedisLoginThrottle(redis, manualClock().now, undefined, prefix);
    const answers = await Promise.all(Array.from({ length: 25 }, () => throttle.begin('vodja', '10.0.0.1')));
    expect(answers.filter((a) => a === 0)).toHaveLength(10);
    expect(answers.filter((a) => a === 1)).toHaveLength(15);
  });

  itWithRedis('a success forgets the username but not the address', async () => {
    const throttle = new RedisLoginThrottle(redis, manualClock().now, undefined, prefix);
    await failTimes(throttle, 9, 'vodja', '10.0.0.1');
    await throttle.begin('vodja', '10.0.0.1');
    await throttle.succeed('vodja', '10.0.0.1');
    expect(await throttle.begin('vodja', '10.0.0.2')).toBe(0);
    await throttle.succeed('vodja', '10.0.0.2');
    await failTimes(throttle, 1, 'ana', '10.0.0.1');
    expect(await throttle.begin('mojca', '10.0.0.1')).toBeGreaterThan(0);
  });
});
