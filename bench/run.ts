import { runAuditBenchmark } from './audit/verify.bench';
import { runWorkersBenchmark } from './jobs/workers-bench';
import { runPdfBenchmark } from './reports/pdf-bench';
import { runPortfolioBenchmarks } from './reports/portfolio-bench';
import { figures, out } from './support/processes';
import { runValuesBenchmarks } from './values/values-bench';

/**
 * `npm run bench`: every figure of issue 12's "Done when" in one run, each next to its bare
 * baseline as a ratio, measured as the user waits for it (the whole HTTP request; the server's
 * RSS sampled from outside its process), then the table of all of them. `npm run bench -- <name>`
 * runs one: summary, portfolio, pdf, audit, workers, values. Sizes (the defaults are the issue's):
 *
 *   BENCH_SUMMARY_PROJECTS=10,100,1000  BENCH_RUNS=5            portfolio summary
 *   BENCH_PORTFOLIO_ROWS=100000         BENCH_EXPORT_RUNS=5     portfolio XLSX (and twice as many rows)
 *   BENCH_PDF_PROJECT=AS BENCH_PDF_YEAR=2020 BENCH_PDF_RUNS=20  one annual PDF
 *   BENCH_AUDIT_ENTRIES=1000000                                 audit verify
 *   BENCH_PDFS=200 REDIS_URL=redis://127.0.0.1:6379             one worker vs two
 *   BENCH_VALUES=10000 BENCH_HTTP_SECONDS=5                     recording values
 *
 * A quick look: `BENCH_SUMMARY_PROJECTS=10,100 BENCH_PORTFOLIO_ROWS=10000 BENCH_AUDIT_ENTRIES=100000 BENCH_PDFS=20 npm run bench`.
 */
const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

async function redisAnswers(url: string): Promise<boolean> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const wants = (name: string) => !only || only === name;
  const started = Date.now();
  if (wants('summary') || wants('portfolio')) {
    await runPortfolioBenchmarks(
      {
        summaryProjects: (env.BENCH_SUMMARY_PROJECTS ?? '10,100,1000').split(',').map(Number),
        exportRows: num('BENCH_PORTFOLIO_ROWS', 100_000),
        runs: num('BENCH_RUNS', 5),
        exportRuns: num('BENCH_EXPORT_RUNS', 5),
      },
      { summary: wants('summary'), export: wants('portfolio') },
    );
  }
  if (wants('pdf')) await runPdfBenchmark(env.BENCH_PDF_PROJECT ?? 'AS', num('BENCH_PDF_YEAR', 2020), num('BENCH_PDF_RUNS', 20));
  if (wants('audit')) await runAuditBenchmark(num('BENCH_AUDIT_ENTRIES', 1_000_000));
  if (wants('workers')) {
    const url = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    if (await redisAnswers(url)) await runWorkersBenchmark(num('BENCH_PDFS', 200), url);
    else out(`\n== workers: skipped, no Redis answers at ${url} (set REDIS_URL)`);
  }
  if (only === 'values' || (!only && env.BENCH_VALUES !== '0')) await runValuesBenchmarks(num('BENCH_VALUES', 10_000), num('BENCH_HTTP_SECONDS', 5));

  out(`\n== Issue 12, done when (${Math.round((Date.now() - started) / 1000)} s)`);
  const width = Math.max(...figures.map((f) => f.what.length), 10);
  out(`${'figure'.padEnd(width)}  ${'ours'.padStart(12)}  ${'bare'.padStart(12)}  ${'ratio'.padStart(7)}  goal`);
  for (const f of figures) {
    out(`${f.what.padEnd(width)}  ${f.ours.padStart(12)}  ${f.bare.padStart(12)}  ${(f.ratio === null ? '' : `${f.ratio}×`).padStart(7)}  ${f.goal}${f.ok === null ? '' : f.ok ? '  ok' : '  NOT MET'}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
