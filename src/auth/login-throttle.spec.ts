import { MemoryLoginThrottle as LoginThrottle } from './login-throttle';

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** One complete failed attempt, as the login service makes it. */
function failOnce(throttle: LoginThrottle, username = 'vodja', ip = '10.0.0.1'): void {
  expect(throttle.begin(username, ip)).toBe(0);
  throttle.fail(username, ip);
}

function failTimes(throttle: LoginThrottle, n: number, username = 'vodja', ip = '10.0.0.1'): void {
  for (let i = 0; i < n; i++) failOnce(throttle, username, ip);
}

describe('LoginThrottle', () => {
  it('allows the 10th attempt after 9 failures', () => {
    const throttle = new LoginThrottle(manualClock().now);
    failTimes(throttle, 9);
    expect(throttle.begin('vodja', '10.0.0.1')).toBe(0);
  });

  it('refuses the 11th attempt within a minute, saying how long the rest of that minute is', () => {
    const clock = manualClock();
    const throttle = new LoginThrottle(clock.now);
    failTimes(throttle, 10);
    clock.advance(15_000);
    expect(throttle.begin('vodja', '10.0.0.1')).toBe(45);
  });

  it('allows again once the oldest failure has left the window', () => {
    const clock = manualClock();
    const throttle = new LoginThrottle(clock.now);
    failTimes(throttle, 10);
    clock.advance(60_000);
    expect(throttle.begin('vodja', '10.0.0.1')).toBe(0);
  });

  it('slides: failures spread over more than a minute never reach the limit', () => {
    const clock = manualClock();
    const throttle = new LoginThrottle(clock.now);
    for (let i = 0; i < 30; i++) {
      failOnce(throttle);
      clock.advance(7_000);
    }
    expect(throttle.begin('vodja', '10.0.0.1')).toBe(0);
  });

  it('blocks a username attacked from many addresses', () => {
    const throttle = new LoginThrottle(manualClock().now);
    for (let i = 0; i < 10; i++) failOnce(throttle, 'admin', `10.0.0.${i}`);
    expect(throttle.begin('admin', '192.168.1.1')).toBe(60);
  });

  it('blocks an address trying many usernames', () => {
    const throttle = new LoginThrottle(manualClock().now);
    for (let i = 0; i < 10; i++) failOnce(throttle, `user${i}`, '10.0.0.9');
    expect(throttle.begin('revizor', '10.0.0.9')).toBe(60);
  });

  it('counts usernames case-insensitively and ignores surrounding spaces', () => {
    const throttle = new LoginThrottle(manualClock().now);
    for (let i = 0; i < 10; i++) failOnce(throttle, i % 2 ? 'Admin' : ' ADMIN ', `10.0.0.${i}`);
    expect(throttle.begin('admin', '10.0.1.1')).toBe(60);
  });

  it('does not block another user from another address', () => {
    const throttle = new LoginThrottle(manualClock().now);
    failTimes(throttle, 10);
    expect(throttle.begin('revizor', '10.0.0.2')).toBe(0);
  });

  it('forgets a username’s failures after a successful login', () => {
    const throttle = new LoginThrottle(manualClock().now);
    for (let i = 0; i < 9; i++) failOnce(throttle, 'vodja', `10.0.0.${i}`);
    expect(throttle.begin('vodja', '10.0.0.50')).toBe(0);
    throttle.succeed('vodja', '10.0.0.50');
    failOnce(throttle, 'vodja', '10.0.0.99');
    expect(throttle.begin('vodja', '10.0.1.1')).toBe(0);
  });

  it('keeps an address blocked after a success for some username from it', () => {
    const throttle = new LoginThrottle(manualClock().now);
    for (let i = 0; i < 10; i++) failOnce(throttle, `user${i}`, '10.0.0.9');
    throttle.succeed('user0', '10.0.0.9');
    expect(throttle.begin('user0', '10.0.0.9')).toBe(60);
  });

  it('counts attempts still in flight, so a parallel burst gets no more than 10 tries', () => {
    const throttle = new LoginThrottle(manualClock().now);
    const answers = Array.from({ length: 25 }, () => throttle.begin('admin', '10.0.0.1'));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(10);
    expect(answers[10]).toBe(1);
  });

  it('frees an in-flight slot when the attempt settles', () => {
    const throttle = new LoginThrottle(manualClock().now);
    for (let i = 0; i < 10; i++) throttle.begin('admin', '10.0.0.1');
    throttle.succeed('admin', '10.0.0.1');
    expect(throttle.begin('admin', '10.0.0.1')).toBe(0);
  });

  it('sweeps expired keys once it tracks more than the configured number', () => {
    const clock = manualClock();
    const throttle = new LoginThrottle(clock.now, { maxFailures: 10, windowMs: 60_000, sweepAbove: 4 });
    for (let i = 0; i < 3; i++) failOnce(throttle, `old${i}`, `10.0.0.${i}`);
    clock.advance(61_000);
    failOnce(throttle, 'new', '10.0.1.1');
    expect(throttle.trackedKeys).toBe(2);
  });
});
