import { runAuditBenchmark } from './audit/verify.bench';
import { runReportBenchmarks } from './reports/report-benchmarks';
import { runValuesBenchmarks } from './values/values-bench';

/**
 * `npm run bench`: every benchmark, each printing its figures next to the bare library doing the
 * same work in the same run. Sizes can be lowered for a quick look:
 * `BENCH_AUDIT_ENTRIES=100000 BENCH_PORTFOLIO_ROWS=10000 npm run bench`.
 */
async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'reports') await runReportBenchmarks(Number(process.env.BENCH_PORTFOLIO_ROWS) || undefined);
  if (!only || only === 'audit') await runAuditBenchmark(Number(process.env.BENCH_AUDIT_ENTRIES) || 1_000_000);
  if (!only || only === 'values') await runValuesBenchmarks(Number(process.env.BENCH_VALUES) || 10_000, Number(process.env.BENCH_HTTP_SECONDS) || 5);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
