import { INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { Transactions } from '../database/transactions';
import { AuditModule } from './audit.module';
import { AuditService } from './audit.service';
import { auditChange } from '../../test/support/factories/audit-change.factory';

describe('GET /api/audit/verify (AuditModule on a SQLite file)', () => {
  let dir: string;
  let app: INestApplication;
  let dataSource: DataSource;

  beforeEach(async () => {
    Logger.overrideLogger(false);
    dir = mkdtempSync(join(tmpdir(), 'kazalnik-audit-http-'));
    const options = dataSourceOptions(loadConfig({ DATABASE_PATH: join(dir, 'test.sqlite') }));
    const moduleRef = await Test.createTestingModule({
      imports: [TypeOrmModule.forRoot({ ...options, migrationsRun: true }), AuditModule],
    }).compile();
    app = await moduleRef.createNestApplication().init();
    dataSource = app.get(DataSource);
    const audit = app.get(AuditService);
    const transactions = new Transactions(dataSource);
    for (const entityId of [1, 2, 3]) await transactions.run((em) => audit.record(em, auditChange({ entityId })));
  });

  afterEach(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 with ok and the number of entries for an intact chain', async () => {
    const response = await request(app.getHttpServer()).get('/api/audit/verify').expect(200);
    expect(response.body).toEqual({ ok: true, entries: 3 });
  });

  it('answers 200 with the first broken entry when a row was changed behind the app', async () => {
    await dataSource.query('DROP TRIGGER audit_entry_no_update');
    await dataSource.query(`UPDATE audit_entry SET "reason" = 'prikrito' WHERE id = 2`);
    const response = await request(app.getHttpServer()).get('/api/audit/verify').expect(200);
    expect(response.body).toEqual({ ok: false, entries: 2, firstBrokenEntry: { id: 2, reason: 'hash mismatch' } });
  });
});
