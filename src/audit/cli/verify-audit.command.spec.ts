import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config';
import { dataSourceOptions } from '../../database/data-source-options';
import { Transactions } from '../../database/transactions';
import { AuditEntryRepository } from '../audit-entry.repository';
import { AuditService } from '../audit.service';
import { auditChange } from '../../../test/support/factories/audit-change.factory';
import { verifyAuditCommand } from './verify-audit.command';

describe('verifyAuditCommand (audit verify)', () => {
  const savedEnv = { ...process.env };
  let dir: string;
  let stdout: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kazalnik-audit-cli-'));
    delete process.env.DATABASE_URL;
    process.env.DATABASE_PATH = join(dir, 'cli.sqlite');
    stdout = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
    rmSync(dir, { recursive: true, force: true });
  });

  /** Records `count` entries into the CLI's database, then runs `sql` (if any) against it. */
  async function prepare(count: number, ...sql: string[]): Promise<void> {
    const dataSource = await new DataSource(dataSourceOptions(loadConfig())).initialize();
    try {
      await dataSource.runMigrations();
      const audit = new AuditService(new AuditEntryRepository(dataSource));
      const transactions = new Transactions(dataSource);
      for (let i = 1; i <= count; i += 1) await transactions.run((em) => audit.record(em, auditChange({ entityId: i })));
      for (const statement of sql) await dataSource.query(statement);
    } finally {
      await dataSource.destroy();
    }
  }

  it('migrates a new database and reports an empty, intact trail with exit code 0', async () => {
    await expect(verifyAuditCommand([])).resolves.toBe(0);
    expect(stdout.join('')).toBe('{"ok":true,"entries":0}\n');
  });

  it('prints the first broken entry and exits with 1 when the trail was tampered with', async () => {
    await prepare(3, 'DROP TRIGGER audit_entry_no_delete', 'DELETE FROM audit_entry WHERE id = 2');
    await expect(verifyAuditCommand([])).resolves.toBe(1);
    expect(JSON.parse(stdout.join(''))).toEqual({ ok: false, entries: 2, firstBrokenEntry: { id: 3, reason: 'broken link' } });
  });

  it('exits with 2 on unexpected arguments, without touching the database', async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(verifyAuditCommand(['--repair'])).resolves.toBe(2);
    expect(stdout).toEqual([]);
  });
});
