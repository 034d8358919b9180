import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditEntryRepository } from '../../src/audit/audit-entry.repository';
import { AuditService, VERIFY_PAGE_SIZE } from '../../src/audit/audit.service';
import type { AuditEntryContent } from '../../src/audit/audit.types';
import { canonicalJson, CONTENT_FIELDS, entryHash } from '../../src/audit/hash-chain';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';

/**
 * How fast `AuditService.verify()` checks a large trail on SQLite, and whether its memory stays
 * flat. Builds `count` chained entries in a temp file with raw multi-row INSERTs, then times
 * verify() against two baselines that read the same rows through the same sqlite3 driver in the
 * same keyset pages: a raw SELECT (no entity objects, no hashing) and the entity read verify()
 * uses (no hashing). Run: npx tsc -p tsconfig.build.json && node dist/bench/audit/verify.bench.js [count]
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
  rawSelect: Phase;
  entitySelect: Phase;
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
    const buildStart = performance.now();
    await fill(dataSource, count);
    const buildMs = performance.now() - buildStart;
    const repository = new AuditEntryRepository(dataSource);
    let ok = false;
    const verify = await measure(async () => {
      const result = await new AuditService(repository).verify();
      ok = result.ok;
      return result.entries;
    });
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
      verify: { ...verify, ok },
      rawSelect,
      entitySelect,
      verifyOverRawSelect: round(verify.ms / rawSelect.ms),
      verifyOverEntitySelect: round(verify.ms / entitySelect.ms),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts `count` correctly chained entries, hashed with the production functions. */
async function fill(dataSource: DataSource, count: number): Promise<void> {
  const quoted = COLUMNS.map((c) => `"${c}"`).join(', ');
  const rowPlaceholder = `(${COLUMNS.map(() => '?').join(', ')})`;
  let prevHash: string | null = null;
  for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
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
