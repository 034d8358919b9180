import { ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { barePdf, pdfLines } from '../reports/pdf-bench';
import { figure, median, out, ratio, ROOT, Server, startApp, stop, timedGet, TOKEN_SECRET } from '../support/processes';
import { seedProjects } from '../support/seed';

/**
 * "Izvozi vse" for `pdfs` projects (one annual PDF each), submitted to an app instance over HTTP
 * and run on the BullMQ queue by one worker process, then by two: the time from submitting to the
 * job being done (fresh workers, then the same workers warm), and the throughput ratio; beside it
 * the same ratio for bare pdfkit processes drawing the same lines, which is as far as two
 * processes of this machine get over one at this work. The workers run as `npm run worker` runs
 * them and share one SQLite file (WAL). The one worker and the two have a queue each in Redis
 * (and an app instance each, idle but for queueing and answering the polls), so that both sets
 * stay up and their runs alternate: one, two, one, two. Timed one set after the other, the
 * machine's drift between them (one worker's warm runs of the same job ranged 4.9–7.6 s within a
 * minute) went into the ratio; the figure is the median of the ratios of neighbouring runs.
 */
export async function runWorkersBenchmark(pdfs: number, redisUrl: string): Promise<void> {
  out(`\n== ${pdfs} annual PDFs as one job ("Izvozi vse"): one worker process vs two, runs alternating (the app instances idle)`);
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-bench-workers-'));
  const base = { DATABASE_PATH: join(dir, 'bench.sqlite'), DEMO_DATA: 'false', REDIS_URL: redisUrl };
  const queues = [`bench-${process.pid}-one`, `bench-${process.pid}-two`];
  const apps: Server[] = [];
  const workers: ChildProcess[][] = [];
  try {
    // The first instance migrates the file; the second starts on it migrated.
    for (const queue of queues) apps.push(await startApp({ ...base, JOB_QUEUE: queue }));
    await seedProjects(base.DATABASE_PATH, 0, pdfs, { indicators: 12, years: [2020], valuesPerYear: 4 });
    const token = await apps[0].token();
    for (const [i, count] of [1, 2].entries()) {
      workers.push(await Promise.all(Array.from({ length: count }, () => startWorker({ ...process.env, NODE_ENV: 'development', TOKEN_SECRET, DATABASE_URL: '', ...base, JOB_QUEUE: queues[i] }))));
    }
    const names = ['1 worker', '2 workers'];
    const timed = async (set: number, label: string): Promise<{ seconds: number; job: string }> => {
      const app = apps[set];
      const cpu0 = workers[set].map((w) => cpuOf(w.pid!));
      const app0 = cpuOf(app.pid).total;
      const started = Date.now();
      const job = await submit(app.port, token);
      const done = await waitDone(app.port, token, job);
      const seconds = (Date.now() - started) / 1000;
      const cpu = workers[set]
        .map((w, i) => {
          const { total, system } = cpuOf(w.pid!);
          return `${(total - cpu0[i].total).toFixed(1)} (system ${(system - cpu0[i].system).toFixed(1)})`;
        })
        .join(' + ');
      out(`  ${names[set]}, ${label}: ${done.files} PDFs in ${seconds.toFixed(1)} s = ${(done.files / seconds).toFixed(1)} PDFs/s`);
      out(`    ${await timeline(redisUrl, queues[set], job, started)}; worker CPU ${cpu} s, app CPU ${(cpuOf(app.pid).total - app0).toFixed(1)} s`);
      return { seconds, job };
    };
    // Each set runs the job fresh (its code not yet compiled by V8, which at a few seconds of work
    // is a large part of it), then the two workers once more untimed: warm means as warm as the
    // other set, every worker having drawn `pdfs` PDFs before the timed runs (two workers share a
    // job), as every bare drawer below draws BARE_WARM_UP before its own.
    const cold = [(await timed(0, 'fresh')).seconds, (await timed(1, 'fresh')).seconds];
    await timed(1, 'warming up');
    const warm: number[][] = [[], []];
    const pairs: number[] = [];
    let last = ['', ''];
    for (let run = 1; run <= WARM_RUNS; run++) {
      const one = await timed(0, `warm ${run}`);
      const two = await timed(1, `warm ${run}`);
      warm[0].push(one.seconds);
      warm[1].push(two.seconds);
      pairs.push(one.seconds / two.seconds);
      last = [one.job, two.job];
    }
    // A split job's ZIP is written from its parts' files as it is read: the wait after "done" that
    // the job's time does not include, with the app's memory meanwhile (the workers idle).
    for (const set of [0, 1]) {
      const zip = await timedGet(apps[set], `/api/jobs/${last[set]}/result`, token);
      out(`  ${names[set]}: the last job's ZIP downloaded in ${Math.round(zip.ms)} ms (${(zip.bytes / 1e6).toFixed(1)} MB), app RSS ${Math.round(zip.rssBeforeMb)} → peak ${Math.round(zip.peakRssMb)} MB`);
    }
    const [one, two] = warm.map(median);
    const r = ratio(median(pairs), 1);
    out(`  fresh workers: two over one ${ratio(cold[0], cold[1])}×; warm (median of ${WARM_RUNS}): ${one.toFixed(1)} s and ${two.toFixed(1)} s; two over one in each pair of runs: ${pairs.map((x) => x.toFixed(2)).join(', ')}`);
    const sample = await timedGet(apps[0], `/api/projects/B00000/reports/annual?year=2020&format=pdf&date=${REPORT_DATE}`, token, true);
    // The same work without Kazalnik: one report's lines (read back from its PDF) drawn by bare
    // pdfkit, as the PDF benchmark's baseline draws them, `pdfs` times in one process and then
    // split between two, each process warm. How far two processes of this machine get over one
    // at drawing PDFs is the ceiling for two workers.
    const linesFile = join(dir, 'lines.json');
    writeFileSync(linesFile, JSON.stringify(await pdfLines(sample.body!)));
    const bare: number[][] = [[], []];
    for (let run = 0; run < WARM_RUNS; run++) {
      for (const count of [1, 2]) bare[count - 1].push(await bareDraw(count, pdfs, linesFile));
    }
    const [bareOne, bareTwo] = bare.map(median);
    out(`  bare pdfkit, ${pdfs} PDFs of the same lines: one process ${bare[0].map((x) => x.toFixed(1)).join(', ')} s; two ${bare[1].map((x) => x.toFixed(1)).join(', ')} s`);
    const ceiling = ratio(median(bare[0].map((x, i) => x / bare[1][i])), 1);
    figure({ what: `${pdfs} annual PDFs, throughput of two warm workers over one (median of pairs)`, ours: `${two.toFixed(1)} s`, bare: `${one.toFixed(1)} s`, ratio: r, goal: '≥ 1.8×', ok: r >= 1.8 });
    figure({ what: `${pdfs} PDFs by bare pdfkit, two processes over one (median of pairs, informative)`, ours: `${bareTwo.toFixed(1)} s`, bare: `${bareOne.toFixed(1)} s`, ratio: ceiling, goal: '–', ok: null });
    figure({ what: `two workers' gain over bare pdfkit's (informative)`, ours: `${r}×`, bare: `${ceiling}×`, ratio: ratio(r, ceiling), goal: '–', ok: null });
  } finally {
    await Promise.all(workers.flat().map(stop));
    await Promise.all(apps.map((app) => app.stop()));
    rmSync(dir, { recursive: true, force: true });
    for (const queue of queues) await forgetQueue(redisUrl, queue).catch((error: unknown) => out(`  (the queue ${queue} stays in Redis: ${(error as Error).message})`));
  }
}

/**
 * Where the job's wall time went, from what BullMQ kept of it: until the first part started, the
 * parts (each worker's share of them and how busy it was while any part ran), and the assembly.
 */
async function timeline(redisUrl: string, name: string, id: string, submitted: number): Promise<string> {
  const { Queue, Job } = await import('bullmq');
  const { default: Redis } = await import('ioredis');
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const queue = new Queue(name, { connection });
  try {
    const parent = await Job.fromId(queue, id);
    const parts = [];
    for (let i = 0; ; i++) {
      const part = await Job.fromId(queue, `${id}.${i}`);
      if (!part) break;
      parts.push(part);
    }
    if (!parent || parts.length === 0) return 'no timeline (the job is not split)';
    const first = Math.min(...parts.map((p) => p.processedOn!));
    const last = Math.max(...parts.map((p) => p.finishedOn!));
    const busy = new Map<string, number>();
    for (const p of parts) busy.set(p.processedBy ?? '?', (busy.get(p.processedBy ?? '?') ?? 0) + (p.finishedOn! - p.processedOn!));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const workers = [...busy.values()].map((ms) => `${Math.round((ms / (last - first)) * 100)} %`).join(', ');
    return `until the first part ${s(first - submitted)}; ${parts.length} parts ${s(last - first)} (workers busy ${workers}); assembly ${s(parent.finishedOn! - Math.max(last, parent.processedOn!))} after waiting ${s(parent.processedOn! - last)}`;
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** CPU seconds a process has used so far, user and system together and the system's alone (Linux /proc). */
function cpuOf(pid: number): { total: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const system = Number(fields[12]) / 100;
  return { total: Number(fields[11]) / 100 + system, system };
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

/** node's flags in `npm run worker` (package.json), which the workers and the bare drawers run with alike. */
const WORKER_FLAGS: string[] = (() => {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.worker;
  const words = script.split(/\s+/);
  if (words[0] !== 'node' || !words[words.length - 1].endsWith('worker.js')) throw new Error(`npm run worker is not "node [flags] …worker.js": ${script}`);
  return words.slice(1, -1);
})();

/** Warm runs of each set of workers (and of each set of bare drawers), alternating; the figure is the median of their ratios. */
const WARM_RUNS = 5;
/** PDFs each bare process draws before it is timed. */
const BARE_WARM_UP = 40;
const REPORT_DATE = '2021-02-15';

/**
 * `pdfs` PDFs of the lines in `linesFile` drawn by `count` bare processes side by side, each warm:
 * the seconds from telling them to start to the last one done.
 */
async function bareDraw(count: number, pdfs: number, linesFile: string): Promise<number> {
  const shares = Array.from({ length: count }, (_, i) => Math.floor(pdfs / count) + (i < pdfs % count ? 1 : 0));
  const children = shares.map((share) => fork(__filename, ['--draw', linesFile, String(share)], { execArgv: WORKER_FLAGS, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  try {
    await Promise.all(children.map((child) => once(child, 'message')));
    const started = Date.now();
    const finished = Promise.all(children.map((child) => once(child, 'message')));
    for (const child of children) child.send('go');
    await finished;
    return (Date.now() - started) / 1000;
  } finally {
    await Promise.all(children.map(stop));
  }
}

/** A bare drawer (a child of `bareDraw`): warms up, says so, and on "go" draws its share. */
async function drawChild(linesFile: string, count: number): Promise<void> {
  const lines = JSON.parse(readFileSync(linesFile, 'utf8')) as string[];
  for (let i = 0; i < BARE_WARM_UP; i++) await barePdf(lines);
  process.send!('ready');
  await once(process, 'message');
  for (let i = 0; i < count; i++) await barePdf(lines);
  process.send!('done');
}

/** A worker process; resolves once it takes jobs. */
function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...WORKER_FLAGS, join(ROOT, 'dist', 'src', 'jobs', 'worker.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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
    body: JSON.stringify({ type: 'annual-reports', input: { year: 2020, formats: ['pdf'], date: REPORT_DATE } }),
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

if (process.argv[2] === '--draw') void drawChild(process.argv[3], Number(process.argv[4]));
