import { ChildProcess, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';

/**
 * What the benchmarks share: starting the app (or a bare server) as a child process, asking it how
 * many queries it ran, timing one whole HTTP request, and sampling the server's RSS from outside
 * (so a blocked event loop cannot hide a peak).
 */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');
export const TOKEN_SECRET = 'bench-secret-bench-secret-bench-secret-0';
const MB = 1024 * 1024;

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export interface Server {
  port: number;
  pid: number;
  /** A bearer token of an admin. */
  token(): Promise<string>;
  queries(): Promise<number>;
  stop(): Promise<void>;
}

let nextPort = 3900 + (process.pid % 50) * 10;

/**
 * The app on its own port, `env` added to a development setup on SQLite; resolves once /health/live
 * answers. Without the demo data, `token()` logs in as an admin created for the benchmark.
 */
export async function startApp(env: Record<string, string>, script = MAIN): Promise<Server> {
  const port = nextPort++;
  const child = fork(script, [], {
    execArgv: ['--require', join(__dirname, 'count-queries.js')],
    env: { ...process.env, PORT: String(port), DATABASE_URL: '', NODE_ENV: 'development', TOKEN_SECRET, REMINDER_INTERVAL_SECONDS: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await waitFor(port, '/health/live', child);
  return serverOf(child, port, env);
}

/** A bare server (a module's `--serve` mode) on its own port. */
export async function startBare(module: string, args: string[]): Promise<Server> {
  const port = nextPort++;
  const child = fork(module, ['--serve', String(port), ...args], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await waitFor(port, '/ready', child);
  return serverOf(child, port);
}

function serverOf(child: ChildProcess, port: number, env: Record<string, string> = {}): Server {
  return {
    port,
    token: async () => {
      if (env.DEMO_DATA !== 'false') return login(port);
      const user = await createBenchAdmin(env.DATABASE_PATH);
      return login(port, user.username, user.password);
    },
    pid: child.pid!,
    queries: () =>
      new Promise((done) => {
        child.once('message', (m: { queries: number }) => done(m.queries));
        child.send({ ask: 'queries' });
      }),
    stop: () => stop(child),
  };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

async function waitFor(port: number, path: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const BENCH_USER = 'merilec';
const BENCH_PASSWORD = 'merilec-bench-geslo-2026';

/**
 * An admin for a database without the demo data (`user create` of the command line, on the file the
 * running app has migrated); `login(port, BENCH_USER…)` afterwards.
 */
export function createBenchAdmin(databasePath: string): Promise<{ username: string; password: string }> {
  return new Promise((done, fail) => {
    const child = fork(join(ROOT, 'dist', 'src', 'cli', 'main.js'), ['user', 'create', '--username', BENCH_USER, '--password', BENCH_PASSWORD, '--role', 'admin'], {
      env: { ...process.env, DATABASE_PATH: databasePath, DATABASE_URL: '', DEMO_DATA: 'false', NODE_ENV: 'development' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('exit', (code) => (code === 0 ? done({ username: BENCH_USER, password: BENCH_PASSWORD }) : fail(new Error(`user create exited with ${code}`))));
  });
}

/** Logs in (the demo admin by default) and answers the bearer token. */
export async function login(port: number, username = 'admin', password = 'kazalnik-demo'): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login: HTTP ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** VmRSS and VmHWM of a process, in MB. */
export function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(/\d+/.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '0')?.[0] ?? 0);
  return { rss: kb('VmRSS:') / 1024, hwm: kb('VmHWM:') / 1024 };
}

/** Resets a process's VmHWM to its current RSS (Linux clear_refs 5); false when not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface Measured {
  ms: number;
  bytes: number;
  status: number;
  /** Server RSS before the request, at its peak during it, and a second after it (after a GC if exposed). */
  rssBeforeMb: number;
  peakRssMb: number;
  rssAfterMb: number;
  body?: Buffer;
}

/**
 * One GET, timed from the request to the last byte read, while the server's RSS is sampled every
 * 5 ms (and its VmHWM, reset before the request, catches what the sampling misses).
 */
export async function timedGet(server: Server, path: string, token?: string, keepBody = false): Promise<Measured> {
  const before = rssOf(server.pid).rss;
  const exact = resetPeak(server.pid);
  let peak = before;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(server.pid).rss);
    } catch {
      // the process is gone
    }
  }, 5);
  const started = process.hrtime.bigint();
  try {
    const { status, bytes, body } = await get(server.port, path, token, keepBody);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(sampler);
    if (exact) peak = Math.max(peak, rssOf(server.pid).hwm);
    if (status !== 200) throw new Error(`GET ${path}: HTTP ${status} ${body?.toString().slice(0, 300) ?? ''}`);
    await new Promise((r) => setTimeout(r, 1000));
    return { ms, bytes, status, rssBeforeMb: before, peakRssMb: peak, rssAfterMb: rssOf(server.pid).rss, body };
  } finally {
    clearInterval(sampler);
  }
}

function get(port: number, path: string, token: string | undefined, keepBody: boolean): Promise<{ status: number; bytes: number; body?: Buffer }> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keepBody || (res.statusCode ?? 0) !== 200) chunks.push(chunk);
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, bytes, body: chunks.length ? Buffer.concat(chunks) : undefined }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** The run of median time (the upper one of an even count), whole: its other fields go with it. */
export function medianRun<T extends { ms: number }>(runs: T[]): T {
  return [...runs].sort((p, q) => p.ms - q.ms)[Math.floor(runs.length / 2)];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs ours and bare alternately `runs` times (after `warmup`), so drift hits both alike; medians by field. */
export async function alternate<T extends { ms: number }>(runs: number, warmup: number, ours: () => Promise<T>, bare: () => Promise<T>): Promise<{ ours: T; bare: T }> {
  const a: T[] = [];
  const b: T[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const x = await ours();
    const y = await bare();
    if (i >= warmup) {
      a.push(x);
      b.push(y);
    }
  }
  return { ours: medianRun(a), bare: medianRun(b) };
}

export const mb = (n: number) => `${Math.round(n)} MB`;
export const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** The figures `npm run bench` prints at the end: one line per "Done when" figure. */
export interface Figure {
  what: string;
  ours: string;
  bare: string;
  ratio: number | null;
  goal: string;
  ok: boolean | null;
}

export const figures: Figure[] = [];

export function figure(f: Figure): void {
  figures.push(f);
  out(`  → ${f.what}: ${f.ratio === null ? '' : `${f.ratio}× `}(goal ${f.goal}) ${f.ok === null ? '' : f.ok ? 'ok' : 'NOT MET'}`);
}

export { MB };
