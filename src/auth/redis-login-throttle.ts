import type Redis from 'ioredis';
import { Clock, DEFAULT_THROTTLE, keys, LoginThrottle, ThrottleOptions, userKey } from './login-throttle';

/**
 * The login throttle's rule (see login-throttle.ts) kept in Redis, so that every instance counts
 * the same failures. Per key, a sorted set holds the times of the latest `maxFailures` failures and
 * a counter the attempts in flight; each step is one Lua script, so two instances checking the same
 * username at once cannot both slip through. Keys expire with the window, so Redis forgets on its own.
 */
const BEGIN = `
local now, window, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local wait = 0
for i = 1, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  local failures = redis.call('ZCARD', KEYS[i])
  local pending = tonumber(redis.call('GET', KEYS[i + 2]) or '0')
  if failures + pending >= max then
    local w = 1000
    if failures >= max then
      local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
      w = tonumber(oldest[2]) + window - now
    end
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i = 3, 4 do
  redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], window)
end
return 0`;

const SETTLE = `
for i = 1, #KEYS do
  if tonumber(redis.call('DECR', KEYS[i])) <= 0 then redis.call('DEL', KEYS[i]) end
end`;

const FAIL = `
local now, window, max, member = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
for i = 1, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -(max + 1))
  redis.call('PEXPIRE', KEYS[i], window)
end
for i = 3, 4 do
  if tonumber(redis.call('DECR', KEYS[i])) <= 0 then redis.call('DEL', KEYS[i]) end
end`;

let sequence = 0;

export class RedisLoginThrottle implements LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock = Date.now,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
    private readonly prefix = 'kazalnik:login:',
  ) {}

  async begin(username: string, ip: string): Promise<number> {
    const waitMs = Number(await this.redis.eval(BEGIN, 4, ...this.keys(username, ip), this.clock(), this.options.windowMs, this.options.maxFailures));
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  async fail(username: string, ip: string): Promise<void> {
    // A unique member per failure: two failures in the same millisecond are two failures.
    const member = `${this.clock()}:${process.pid}:${++sequence}:${Math.random().toString(36).slice(2)}`;
    await this.redis.eval(FAIL, 4, ...this.keys(username, ip), this.clock(), this.options.windowMs, this.options.maxFailures, member);
  }

  async succeed(username: string, ip: string): Promise<void> {
    const [, , pendingUser, pendingIp] = this.keys(username, ip);
    await this.redis.eval(SETTLE, 2, pendingUser, pendingIp);
    await this.redis.del(this.prefix + userKey(username));
  }

  /** failures of the user, failures of the address, then the two in-flight counters. */
  private keys(username: string, ip: string): [string, string, string, string] {
    const [user, address] = keys(username, ip).map((k) => this.prefix + k);
    return [user, address, `${user}:pending`, `${address}:pending`];
  }
}
