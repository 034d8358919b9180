import { ChildProcess, fork, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from 'sqlite3';

/**
 * Recording achieved values, measured as the user waits for it, each next to the bare engine
 * doing the same work in the same run:
 *
 * 1. Importing 10,000 values through RecordValuesHandler (access policy, context read once, every
 *    row checked, multi-row inserts, one chained audit entry per value) against a bare batch
 *    INSERT of the same rows and their chained audit entries (SHA-256 over the same JSON) in one
 *    transaction on the same SQLite file. Each runs in its own child process, so its peak RSS
 *    (VmHWM) is its own.
 * 2. Recording values over HTTP (the whole request: token check, validation, policy, handler,
 *    audit) at 1, 10 and 50 concurrent clients, against two bare endpoints that parse the same JSON
 *    and insert the same row on their own database: node:http with sqlite3, and a NestJS route of
 *    the same stack (express, TypeORM's connection) with nothing else, which shows the framework's
 *    own floor.
 */
const ROOT = resolve(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

interface ChildResult {
  ms: number;
  rows: number;
  peakRssMb: number;
}

export async function runValuesBenchmarks(values = 10_000, seconds = 5): Promise<void> {
  process.stdout.write(`\n== Recording values (${values} rows per import; ${seconds} s per HTTP load)\n`);
  const ours = await child('ours', values);
  const bare = await child('bare', values);
  process.stdout.write(
    `import ${values} values   ours ${ours.ms.toFixed(0)} ms, peak RSS ${ours.peakRssMb.toFixed(0)} MB   bare INSERT+audit ${bare.ms.toFixed(0)} ms, peak RSS ${bare.peakRssMb.toFixed(0)} MB   throughput ratio ${(bare.ms / ours.ms).toFixed(2)}× (goal ≥ 0.5×)\n`,
  );
  for (const clients of [1, 10, 50]) {
    const oursRate = await httpLoad('ours', clients, seconds);
    const bareRate = await httpLoad('bare', clients, seconds);
    const nestRate = await httpLoad('nest', clients, seconds);
    process.stdout.write(
      `HTTP writes, ${String(clients).padStart(2)} clients   ours ${oursRate.toFixed(0)}/s   bare node:http ${bareRate.toFixed(0)}/s (ratio ${(oursRate / bareRate).toFixed(2)}×, goal ≥ 0.3×)   bare Nest route ${nestRate.toFixed(0)}/s (ratio ${(oursRate / nestRate).toFixed(2)}×)\n`,
    );
  }
}

// ------------------------------------------------------------------ the import, in a child process

function child(kind: 'ours' | 'bare', values: number): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const proc = fork(__filename, ['--import-child', kind, String(values)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out.trim().split('\n').pop()!) as ChildResult) : reject(new Error(`${kind} import child exited ${code}: ${out}`))));
  });
}

/** A fresh, migrated SQLite file with the demo data, as `npm start` makes it. */
async function demoDatabase(): Promise<{ path: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-bench-values-'));
  const path = join(dir, 'bench.sqlite');
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../../src/app.module');
  Object.assign(process.env, { DATABASE_PATH: path, DATABASE_URL: '', DEMO_DATA: 'true', NODE_ENV: 'development' });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  await app.close();
  return { path, dir };
}

/**
 * Distinct, non-overlapping daily values of SPIN's indicators in 2021, 2022 and 2019 (2020 holds
 * the demo's yearly figures): the partnership's total and one partner's part ("od tega") a day.
 */
async function spinRows(path: string, count: number) {
  const db = new Database(path);
  const all = <T>(sql: string) => new Promise<T[]>((ok, fail) => db.all(sql, (e, r) => (e ? fail(e) : ok(r as T[]))));
  const indicators = await all<{ id: number; projectId: number }>(`SELECT i.id, i.projectId FROM indicator i JOIN project p ON p.id = i.projectId WHERE p.code = 'SPIN' AND i.unit <> 'percent' ORDER BY i.id`);
  const [partner] = await all<{ organisationId: number }>(`SELECT pp.organisationId FROM project_partner pp JOIN project p ON p.id = pp.projectId WHERE p.code = 'SPIN' AND pp.role = 'partner' ORDER BY pp.id LIMIT 1`);
  await new Promise((ok) => db.close(ok));
  const rows: { indicatorId: number; periodStart: string; periodEnd: string; value: string; partnerOrganisationId?: number }[] = [];
  for (const partnerOrganisationId of [undefined, partner.organisationId]) {
    for (const year of [2021, 2022, 2019]) {
      for (let day = 0; day < 365; day++) {
        for (const i of indicators) {
          if (rows.length >= count) return { projectId: indicators[0].projectId, rows };
          const date = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
          rows.push({ indicatorId: i.id, periodStart: date, periodEnd: date, value: partnerOrganisationId ? '1' : String(5 + (rows.length % 5)), ...(partnerOrganisationId ? { partnerOrganisationId } : {}) });
        }
      }
    }
  }
  return { projectId: indicators[0].projectId, rows };
}

async function importChild(kind: 'ours' | 'bare', count: number): Promise<void> {
  const { path, dir } = await demoDatabase();
  const { projectId, rows } = await spinRows(path, count);
  let ms: number;
  if (kind === 'ours') {
    const { NestFactory } = await import('@nestjs/core');
    const { AppModule } = await import('../../src/app.module');
    const { RecordValuesHandler } = await import('../../src/indicators/use-cases/record-values.handler');
    const { SYSTEM_ACTOR } = await import('../../src/auth/actor');
    Object.assign(process.env, { DEMO_DATA: 'false' });
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const handler = app.get(RecordValuesHandler);
    const start = performance.now();
    const result = await handler.execute({ projectId, rows }, SYSTEM_ACTOR);
    ms = performance.now() - start;
    if (result.counts.create !== count) throw new Error(`created ${result.counts.create} of ${count}`);
    await app.close();
  } else {
    ms = await bareImport(path, rows);
  }
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ ms, rows: count, peakRssMb: peakRss() })}\n`);
}

/** The same rows and a chained audit entry each, by hand, in one transaction. */
async function bareImport(path: string, rows: { indicatorId: number; periodStart: string; periodEnd: string; value: string; partnerOrganisationId?: number }[]): Promise<number> {
  const db = new Database(path);
  const run = (sql: string, params: unknown[] = []) => new Promise<void>((ok, fail) => db.run(sql, params, (e) => (e ? fail(e) : ok())));
  const get = <T>(sql: string) => new Promise<T>((ok, fail) => db.get(sql, (e, r) => (e ? fail(e) : ok(r as T))));
  const start = performance.now();
  await run('BEGIN');
  let prev = (await get<{ hash: string } | undefined>('SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1'))?.hash ?? null;
  const now = new Date().toISOString();
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const values = chunk.flatMap((r) => [r.indicatorId, Number(r.periodStart.slice(0, 4)), r.periodStart, r.periodEnd, r.partnerOrganisationId ?? null, r.value, 'system', now, 1]);
    await run(`INSERT INTO achieved_value ("indicatorId","year","periodStart","periodEnd","partnerOrganisationId","value","enteredBy","enteredAt","version") VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}`, values);
    const audit: unknown[] = [];
    for (const [k, r] of chunk.entries()) {
      // The stored row as the audit keeps it: every column, keys in one order.
      const row = { comment: null, denominator: null, dimension: null, dimensionValue: null, enteredAt: now, enteredBy: 'system', id: i + k + 1, indicatorId: r.indicatorId, numerator: null, partnerOrganisationId: r.partnerOrganisationId ?? null, periodEnd: r.periodEnd, periodStart: r.periodStart, value: r.value, version: 1, year: Number(r.periodStart.slice(0, 4)) };
      const after = JSON.stringify(row);
      const hash = createHash('sha256').update(`${prev ?? ''}\n${now}${after}`).digest('hex');
      audit.push(now, null, 'system', 'admin', 'create', 'achieved_value', String(row.id), null, after, prev, hash);
      prev = hash;
    }
    await run(
      `INSERT INTO audit_entry ("occurredAt","actorUserId","actorUsername","actorRole","action","entityType","entityId","projectId","after","prevHash","hash") VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
      audit,
    );
  }
  await run('COMMIT');
  const ms = performance.now() - start;
  await new Promise((ok) => db.close(ok));
  return ms;
}

function peakRss(): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

// ------------------------------------------------------------------ writes over HTTP

async function httpLoad(kind: 'ours' | 'bare' | 'nest', clients: number, seconds: number): Promise<number> {
  const { path, dir } = await demoDatabase();
  // Every distinct value spinRows makes (totals, then one partner's parts): a fast run at 50
  // clients gets past the totals, and a part posted as a total would overlap it (409).
  const { rows } = await spinRows(path, Infinity);
  const server = kind === 'ours' ? await startApp(path) : await startBare(path, kind);
  try {
    const token = kind === 'ours' ? await loginToken(server.port) : '';
    let next = 0;
    let done = 0;
    const end = Date.now() + seconds * 1000;
    const worker = async () => {
      while (Date.now() < end && next < rows.length) {
        const r = rows[next++];
        const url = kind === 'ours' ? `/api/indicators/${r.indicatorId}/values` : '/values';
        const part = r.partnerOrganisationId === undefined ? {} : { partnerOrganisationId: r.partnerOrganisationId };
        const status = await post(server.port, url, { periodStart: r.periodStart, periodEnd: r.periodEnd, value: r.value, ...part, ...(kind !== 'ours' ? { indicatorId: r.indicatorId } : {}) }, token);
        if (status !== 201) throw new Error(`${kind}: HTTP ${status}`);
        done++;
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: clients }, worker));
    return done / ((performance.now() - start) / 1000);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Running {
  port: number;
  stop(): Promise<void>;
}

async function startApp(path: string): Promise<Running> {
  const port = await freePort();
  const proc = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: String(port), DATABASE_PATH: path, DATABASE_URL: '', DEMO_DATA: 'false', NODE_ENV: 'development', TOKEN_SECRET: 'bench-secret-bench-secret-bench-secret-0' },
    stdio: 'ignore',
  });
  await waitFor(port);
  return { port, stop: () => kill(proc) };
}

/** A bare endpoint: parse the JSON, insert the row, answer 201. */
async function startBare(path: string, kind: 'bare' | 'nest'): Promise<Running> {
  const port = await freePort();
  const proc = fork(__filename, [kind === 'bare' ? '--bare-server' : '--bare-nest', path, String(port)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await waitFor(port);
  return { port, stop: () => kill(proc) };
}

function bareServer(path: string, port: number): void {
  const db = new Database(path);
  createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200).end('ok');
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const v = JSON.parse(body) as { indicatorId: number; periodStart: string; periodEnd: string; value: string; partnerOrganisationId?: number };
      db.run(
        'INSERT INTO achieved_value ("indicatorId","year","periodStart","periodEnd","partnerOrganisationId","value","enteredBy","enteredAt","version") VALUES (?,?,?,?,?,?,?,?,1)',
        [v.indicatorId, Number(v.periodStart.slice(0, 4)), v.periodStart, v.periodEnd, v.partnerOrganisationId ?? null, v.value, 'bench', new Date().toISOString()],
        function (this: { lastID: number }, error) {
          res.writeHead(error ? 500 : 201, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(error ? { message: error.message } : { id: this.lastID }));
        },
      );
    });
  }).listen(port, '127.0.0.1');
}

/** The same insert as a NestJS route on the same stack (express, TypeORM), and nothing else. */
async function bareNest(path: string, port: number): Promise<void> {
  const { Body, Controller, Get, HttpCode, Module, Post } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { DataSource } = await import('typeorm');
  const dataSource = await new DataSource({ type: 'sqlite', database: path }).initialize();
  class BareController {
    health() {
      return { ok: true };
    }
    async insert(v: { indicatorId: number; periodStart: string; periodEnd: string; value: string; partnerOrganisationId?: number }) {
      await dataSource.query(
        'INSERT INTO achieved_value ("indicatorId","year","periodStart","periodEnd","partnerOrganisationId","value","enteredBy","enteredAt","version") VALUES (?,?,?,?,?,?,?,?,1)',
        [v.indicatorId, Number(v.periodStart.slice(0, 4)), v.periodStart, v.periodEnd, v.partnerOrganisationId ?? null, v.value, 'bench', new Date().toISOString()],
      );
      return { ok: true };
    }
  }
  Get('health')(BareController.prototype, 'health', Object.getOwnPropertyDescriptor(BareController.prototype, 'health')!);
  Body()(BareController.prototype, 'insert', 0);
  HttpCode(201)(BareController.prototype, 'insert', Object.getOwnPropertyDescriptor(BareController.prototype, 'insert')!);
  Post('values')(BareController.prototype, 'insert', Object.getOwnPropertyDescriptor(BareController.prototype, 'insert')!);
  Controller()(BareController);
  class BareModule {}
  Module({ controllers: [BareController] })(BareModule);
  const app = await NestFactory.create(BareModule, { logger: ['error'] });
  await app.listen(port, '127.0.0.1');
}

async function loginToken(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'kazalnik-demo' }) });
  if (res.status !== 200) throw new Error(`login: HTTP ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function post(port: number, path: string, body: object, token: string): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', agent: keepAlive, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 500) process.stderr.write(`${path}: ${text}\n`);
          ok(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', fail);
    req.end(data);
  });
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}

async function waitFor(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/health`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nothing answered on port ${port}`);
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (proc.exitCode !== null) return ok();
    proc.once('exit', () => ok());
    proc.kill('SIGTERM');
  });
}

if (process.argv[2] === '--import-child') {
  importChild(process.argv[3] as 'ours' | 'bare', Number(process.argv[4])).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
} else if (process.argv[2] === '--bare-server') {
  bareServer(process.argv[3], Number(process.argv[4]));
} else if (process.argv[2] === '--bare-nest') {
  void bareNest(process.argv[3], Number(process.argv[4]));
}

