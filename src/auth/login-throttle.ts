/**
 * Counts failed logins in a sliding one-minute window, per username and per client address
 * separately: guessing many passwords for one account from many addresses, and many accounts from
 * one address, are both stopped. Two implementations of one rule: `MemoryLoginThrottle` here, per
 * process, for a single instance; `RedisLoginThrottle` (redis-login-throttle.ts), shared by every
 * instance when REDIS_URL is set, so two instances behind a balancer count together.
 *
 * An attempt still being checked counts as a failure until it settles, so a burst of parallel
 * requests cannot slip many guesses past the limit while the password hashes are computed.
 *
 * A blocked username also blocks its owner for up to a minute; that is the price of stopping
 * online guessing without CAPTCHAs, and the wait is short.
 */
export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  /** Keys tracked before expired ones are swept, so a flood of distinct names cannot grow memory. */
  sweepAbove: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 10, windowMs: 60_000, sweepAbove: 10_000 };

export type Clock = () => number;

export interface LoginThrottle {
  /**
   * Starts an attempt. Answers 0 when it may go ahead (settle it with `fail` or `succeed`), or the
   * whole seconds to wait before trying again.
   */
  begin(username: string, ip: string): number | Promise<number>;
  fail(username: string, ip: string): void | Promise<void>;
  /** A successful login forgets the username's failures; the address keeps its count. */
  succeed(username: string, ip: string): void | Promise<void>;
}

export class MemoryLoginThrottle implements LoginThrottle {
  /** Times of the most recent failures per key, oldest first, at most `maxFailures` of them. */
  private readonly failures = new Map<string, number[]>();
  /** Attempts begun and not yet settled, per key. */
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly clock: Clock = Date.now,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
  ) {}

  /**
   * Starts an attempt. Answers 0 when it may go ahead (settle it with `fail` or `succeed`), or the
   * whole seconds to wait before trying again.
   */
  begin(username: string, ip: string): number {
    const now = this.clock();
    const waitMs = Math.max(...keys(username, ip).map((key) => this.waitMs(key, now)));
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const key of keys(username, ip)) this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    return 0;
  }

  fail(username: string, ip: string): void {
    const now = this.clock();
    this.settle(username, ip);
    if (this.failures.size > this.options.sweepAbove) this.sweep(now);
    for (const key of keys(username, ip)) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times.slice(-this.options.maxFailures));
    }
  }

  /** A successful login forgets the username's failures; the address keeps its count. */
  succeed(username: string, ip: string): void {
    this.settle(username, ip);
    this.failures.delete(userKey(username));
  }

  /** Keys with failures on record (for monitoring and tests). */
  get trackedKeys(): number {
    return this.failures.size;
  }

  private settle(username: string, ip: string): void {
    for (const key of keys(username, ip)) {
      const left = (this.inFlight.get(key) ?? 0) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    }
  }

  private waitMs(key: string, now: number): number {
    const times = this.recent(key, now);
    const pending = this.inFlight.get(key) ?? 0;
    if (times.length + pending < this.options.maxFailures) return 0;
    // Blocked only by attempts still in flight: they settle within a second or so.
    if (times.length < this.options.maxFailures) return 1000;
    return times[0] + this.options.windowMs - now;
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
  }

  private sweep(now: number): void {
    for (const [key, times] of this.failures) {
      if (times[times.length - 1] <= now - this.options.windowMs) this.failures.delete(key);
    }
  }
}

export function userKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}

export function keys(username: string, ip: string): string[] {
  return [userKey(username), `ip:${ip}`];
}
