import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, out, ratio, ROOT, startApp, stop, TOKEN_SECRET } from '../support/processes';
import { seedProjects } from '../support/seed';

/**
 * "Izvozi vse" for `pdfs` projects (one annual PDF each), submitted to an app instance over HTTP
 * and run on the BullMQ queue by one worker process, then by two: the time from submitting to the
 * job being done (fresh workers, then the same workers warm), and the throughput ratio. The app
 * instance only queues and answers the polls; the workers share one SQLite file (WAL) and a queue
 * of their own in Redis (JOB_QUEUE), so other users of the same Redis are not disturbed.
 */
export async function runWorkersBenchmark(pdfs: number, redisUrl: string): Promise<void> {
  out(`\n== ${pdfs} annual PDFs as one job ("Izvozi vse"): one worker process vs two (the app instance idle)`);
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-bench-workers-'));
  const env = { DATABASE_PATH: join(dir, 'bench.sqlite'), DEMO_DATA: 'false', REDIS_URL: redisUrl, JOB_QUEUE: `bench-${process.pid}` };
  const app = await startApp(env);
  try {
    await seedProjects(dir + '/bench.sqlite', 0, pdfs, { indicators: 12, years: [2020], valuesPerYear: 4 });
    const token = await app.token();
    // Each set of workers runs the job twice: fresh from start (their code not yet compiled by
    // V8, which at ~5 s of work is a large part of it), then warm, as a worker that has been up
    // for a while runs it. The figure is the warm throughput; both are printed.
    const cold: number[] = [];
    const warm: number[] = [];
    for (const count of [1, 2]) {
      const workers = await Promise.all(Array.from({ length: count }, () => startWorker({ ...process.env, NODE_ENV: 'development', TOKEN_SECRET, DATABASE_URL: '', ...env })));
      try {
        for (const [label, seconds] of [['fresh', cold], ['warm', warm]] as const) {
          const started = Date.now();
          const job = await submit(app.port, token);
          const done = await waitDone(app.port, token, job);
          const s = (Date.now() - started) / 1000;
          seconds.push(s);
          out(`  ${count} worker${count > 1 ? 's' : ''}, ${label}: ${done.files} PDFs in ${s.toFixed(1)} s = ${(done.files / s).toFixed(1)} PDFs/s`);
        }
      } finally {
        await Promise.all(workers.map(stop));
      }
    }
    out(`  fresh workers: two over one ${ratio(cold[0], cold[1])}×`);
    const r = ratio(warm[0], warm[1]);
    figure({ what: `${pdfs} annual PDFs, throughput of two warm workers over one`, ours: `${warm[1].toFixed(1)} s`, bare: `${warm[0].toFixed(1)} s`, ratio: r, goal: '≥ 1.8×', ok: r >= 1.8 });
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
    await forgetQueue(redisUrl, env.JOB_QUEUE).catch((error: unknown) => out(`  (the queue ${env.JOB_QUEUE} stays in Redis: ${(error as Error).message})`));
  }
}

/** The benchmark's own queue, removed from Redis with everything BullMQ kept of its jobs. */
async function forgetQueue(redisUrl: string, name: string): Promise<void> {
  const { Queue } = await import('bullmq');
  const { default: Redis } = await import('ioredis');
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const queue = new Queue(name, { connection });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** A worker process; resolves once it takes jobs. */
function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'jobs', 'worker.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (seen === null) return;
      seen += chunk.toString();
      if (seen.includes('takes jobs')) {
        seen = null as unknown as string;
        done(child);
      }
    });
    child.once('exit', (code) => fail(new Error(`worker exited with ${code}`)));
  });
}

async function submit(port: number, token: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/jobs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ type: 'annual-reports', input: { year: 2020, formats: ['pdf'], date: '2021-02-15' } }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`submit: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function waitDone(port: number, token: string, id: string): Promise<{ files: number }> {
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/api/jobs/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    const job = (await res.json()) as { state: string; failedReason: string | null; result: { files: number } | null };
    if (job.state === 'completed') return job.result!;
    if (job.state === 'failed' || job.state === 'cancelled') throw new Error(`job ${job.state}: ${job.failedReason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
