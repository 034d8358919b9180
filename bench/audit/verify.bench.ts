import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditEntryRepository } from '../../src/audit/audit-entry.repository';
import { AuditService, VERIFY_PAGE_SIZE } from '../../src/audit/audit.service';
import type { AuditEntryContent } from '../../src/audit/audit.types';
import { createHash } from 'node:crypto';
import { canonicalJson, CONTENT_FIELDS, entryHash } from '../../src/audit/hash-chain';
import { figure, out } from '../support/processes';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';

/**
 * How fast `AuditService.verify()` (what `audit verify` and `GET /api/audit/verify` run) checks a
 * large trail on SQLite, and whether its memory stays flat. Builds a tenth of `count` chained
 * entries in a temp file with raw multi-row INSERTs and verifies them, then the rest and verifies
 * all: the peak RSS over the start must not grow with the trail. The bare baseline reads the same
 * rows through the same sqlite3 driver in the same keyset pages and hashes the same number of
 * bytes with SHA-256 (the fields joined as a JSON array, no canonical form, no entity); two more
 * show where time goes: the raw SELECT alone and the entity read verify() uses.
 * Run: npx tsc -p tsconfig.build.json && node dist/bench/audit/verify.bench.js [count]
 */
const INSERT_ROWS = 1000; // x 14 columns = 14,000 bound values, under SQLite's 32,766 limit
const ROWS_PER_TRANSACTION = 50_000; // bounds the WAL file during the build
const COLUMNS = [...CONTENT_FIELDS, 'hash'] as const;

interface Phase {
  ms: number;
  rows: number;
  rowsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  startRssMb: number;
  startHeapMb: number;
}

export interface AuditBenchmarkResult {
  count: number;
  buildMs: number;
  fileMb: number;
  verify: Phase & { ok: boolean };
  verifyTenth: Phase & { ok: boolean };
  rawSha256: Phase;
  rawSelect: Phase;
  entitySelect: Phase;
  verifyOverRawSha256: number;
  verifyOverRawSelect: number;
  verifyOverEntitySelect: number;
}

export async function runAuditBenchmark(count = 1_000_000): Promise<AuditBenchmarkResult> {
  Logger.overrideLogger(['error']);
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-audit-bench-'));
  const file = join(dir, 'bench.sqlite');
  const dataSource = await new DataSource(dataSourceOptions(loadConfig({ DATABASE_PATH: file }))).initialize();
  try {
    await dataSource.runMigrations();
    const repository = new AuditEntryRepository(dataSource);
    const verifyOnce = async () => {
      let ok = false;
      const phase = await measure(async () => {
        const result = await new AuditService(repository).verify();
        ok = result.ok;
        return result.entries;
      });
      return { ...phase, ok };
    };
    const tenth = Math.max(1, Math.floor(count / 10));
    const buildStart = performance.now();
    let prev = await fill(dataSource, 0, tenth, null);
    const verifyTenth = await verifyOnce();
    prev = await fill(dataSource, tenth, count, prev);
    const buildMs = performance.now() - buildStart;
    const verify = await verifyOnce();
    const rawSha256 = await measure(() => rawShaAll(dataSource));
    const rawSelect = await measure(() => rawSelectAll(dataSource));
    const entitySelect = await measure(async () => {
      let rows = 0;
      for await (const _entry of repository.inIdOrder(VERIFY_PAGE_SIZE)) rows += 1;
      return rows;
    });
    const result: AuditBenchmarkResult = {
      count,
      buildMs: Math.round(buildMs),
      fileMb: mb(statSync(file).size),
      verify,
      verifyTenth,
      rawSha256,
      rawSelect,
      entitySelect,
      verifyOverRawSha256: round(verify.ms / rawSha256.ms),
      verifyOverRawSelect: round(verify.ms / rawSelect.ms),
      verifyOverEntitySelect: round(verify.ms / entitySelect.ms),
    };
    out(`\n== Audit verify, ${count} entries (SQLite): AuditService.verify() vs raw SELECT + SHA-256 over the same bytes`);
    out(`  verify ${verify.ms} ms (${verify.rowsPerSecond} entries/s, ok ${verify.ok}); SHA-256 baseline ${rawSha256.ms} ms; raw SELECT alone ${rawSelect.ms} ms; entity read ${entitySelect.ms} ms`);
    out(`  memory: verify of ${tenth}: RSS ${verifyTenth.startRssMb} → peak ${verifyTenth.peakRssMb} MB; of ${count}: RSS ${verify.startRssMb} → peak ${verify.peakRssMb} MB (heap peak ${verifyTenth.peakHeapMb} / ${verify.peakHeapMb} MB)`);
    const throughput = round(rawSha256.ms / verify.ms);
    figure({ what: `audit verify ${count} entries, throughput vs SHA-256`, ours: `${verify.ms} ms`, bare: `${rawSha256.ms} ms`, ratio: throughput, goal: '≥ 0.5×', ok: throughput >= 0.5 && verify.ok });
    const growth = round(verify.peakRssMb - verify.startRssMb - (verifyTenth.peakRssMb - verifyTenth.startRssMb));
    figure({ what: `audit verify memory, ${count} over ${tenth} entries (peak − start)`, ours: `${round(verify.peakRssMb - verify.startRssMb)} MB`, bare: `${round(verifyTenth.peakRssMb - verifyTenth.startRssMb)} MB`, ratio: null, goal: 'flat (≤ 20 MB more)', ok: growth <= 20 });
    return result;
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts entries `from` to `count` - 1, correctly chained after `prevHash`, hashed with the production functions; answers the last hash. */
async function fill(dataSource: DataSource, from: number, count: number, prevHash: string | null): Promise<string | null> {
  const quoted = COLUMNS.map((c) => `"${c}"`).join(', ');
  const rowPlaceholder = `(${COLUMNS.map(() => '?').join(', ')})`;
  for (let start = from; start < count; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(count, start + ROWS_PER_TRANSACTION);
    await dataSource.transaction(async (em) => {
      for (let batchStart = start; batchStart < end; batchStart += INSERT_ROWS) {
        const batchEnd = Math.min(end, batchStart + INSERT_ROWS);
        const values: unknown[] = [];
        for (let i = batchStart; i < batchEnd; i += 1) {
          const content = sampleContent(i, prevHash);
          prevHash = entryHash(content);
          values.push(...COLUMNS.map((c) => (c === 'hash' ? prevHash : content[c])));
        }
        const rows = Array.from({ length: batchEnd - batchStart }, () => rowPlaceholder).join(', ');
        await em.query(`INSERT INTO audit_entry (${quoted}) VALUES ${rows}`, values);
      }
    });
  }
  return prevHash;
}

/** A correction of an achieved value, realistic in size (about 450 bytes a row). */
function sampleContent(i: number, prevHash: string | null): AuditEntryContent {
  const value = (n: number) => ({ indicatorId: i % 500, year: 2020 + (i % 6), value: String(n), comment: 'Udeleženci delavnic' });
  return {
    occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    actorUserId: (i % 40) + 1,
    actorUsername: `uporabnik.${i % 40}`,
    actorRole: 'project_manager',
    action: 'correct',
    entityType: 'achieved_value',
    entityId: String(i % 20_000),
    projectId: (i % 120) + 1,
    before: canonicalJson(value(i)),
    after: canonicalJson(value(i + 1)),
    reason: 'Naknadno prejete liste prisotnosti',
    reasonCategory: 'late_evidence',
    prevHash,
  };
}

/** The baseline: the same keyset pages, raw rows, nothing built or hashed. */
async function rawSelectAll(dataSource: DataSource): Promise<number> {
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page: { id: number }[] = await dataSource.query('SELECT * FROM audit_entry WHERE id > ? ORDER BY id LIMIT ?', [lastId, VERIFY_PAGE_SIZE]);
    rows += page.length;
    if (page.length < VERIFY_PAGE_SIZE) return rows;
    lastId = page[page.length - 1].id;
  }
}

const SORTED = [...CONTENT_FIELDS].sort();

/** The bare baseline: the same keyset pages, raw rows, SHA-256 over as many bytes, each linked to the previous hash. */
async function rawShaAll(dataSource: DataSource): Promise<number> {
  let lastId = 0;
  let rows = 0;
  let prev = '';
  for (;;) {
    const page: Record<string, unknown>[] = await dataSource.query('SELECT * FROM audit_entry WHERE id > ? ORDER BY id LIMIT ?', [lastId, VERIFY_PAGE_SIZE]);
    for (const row of page) prev = createHash('sha256').update(`${prev}\n${JSON.stringify(SORTED.map((f) => row[f]))}`).digest('hex');
    rows += page.length;
    if (page.length < VERIFY_PAGE_SIZE) return rows;
    lastId = page[page.length - 1].id as number;
  }
}

/** Times `work` while sampling memory every 20 ms (the sqlite3 driver yields between pages). */
async function measure(work: () => Promise<number>): Promise<Phase> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  try {
    const rows = await work();
    const ms = performance.now() - t0;
    sample();
    return {
      ms: Math.round(ms),
      rows,
      rowsPerSecond: Math.round((rows / ms) * 1000),
      peakRssMb: mb(peakRss),
      peakHeapMb: mb(peakHeap),
      startRssMb: mb(start.rss),
      startHeapMb: mb(start.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const round = (n: number) => Math.round(n * 100) / 100;

if (require.main === module) {
  runAuditBenchmark(process.argv[2] ? Number(process.argv[2]) : undefined).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
