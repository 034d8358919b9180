import { progressReporter } from './job-runner';
import { JobCancelledError } from './job.types';

/** A reporter over hooks that record what reaches the queue, on a clock the test moves. */
function reporter() {
  let clock = 1_000;
  const stored: number[] = [];
  let checks = 0;
  let cancelled = false;
  const report = progressReporter(
    {
      progress: async (percent) => void stored.push(percent),
      cancelled: async () => {
        checks += 1;
        return cancelled;
      },
    },
    () => clock,
  );
  return {
    report,
    stored,
    checks: () => checks,
    advance: (ms: number) => void (clock += ms),
    cancel: () => void (cancelled = true),
  };
}

describe('progressReporter', () => {
  it('passes on the first report, then at most one per 200 ms, and always 100 %', async () => {
    const r = reporter();
    for (let i = 0; i <= 100; i++) {
      await r.report(i);
      r.advance(10);
    }
    // Reports at 0, 10, 20 … ms; those 200 ms apart count: 0 %, 20 %, 40 %, 60 %, 80 %, and 100 %.
    expect(r.stored).toEqual([0, 20, 40, 60, 80, 100]);
    expect(r.checks()).toBe(6);
  });

  it('stores whole percent, only when it changes, and keeps it between 0 and 100', async () => {
    const r = reporter();
    for (const percent of [-5, 0.4, 12.9, 12.2, 250]) {
      await r.report(percent);
      r.advance(200);
    }
    expect(r.stored).toEqual([0, 12, 100]);
    expect(r.checks()).toBe(5);
  });

  it('sees a cancel at the first report counted after it', async () => {
    const r = reporter();
    await r.report(1);
    r.cancel();
    r.advance(50);
    await expect(r.report(2)).resolves.toBeUndefined();
    r.advance(150);
    await expect(r.report(3)).rejects.toBeInstanceOf(JobCancelledError);
    expect(r.stored).toEqual([1]);
  });
});
