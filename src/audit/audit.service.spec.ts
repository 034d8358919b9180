import { Logger } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditService } from './audit.service';
import { entryHash } from './hash-chain';
import { auditChange, TEST_ACTOR } from '../../test/support/factories/audit-change.factory';
import { dropAppendOnlyTriggers, openTestDatabase, param, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';

const FIXED_NOW = '2025-01-15T09:30:00.000Z';

beforeAll(() => Logger.overrideLogger(false));

for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`AuditService on a real database [${label}]`, () => {
    let db: TestDatabase;
    let audit: AuditService;
    let transactions: Transactions;

    beforeEach(async () => {
      db = await openTestDatabase(kind);
      audit = new AuditService(new AuditEntryRepository(db.dataSource), () => FIXED_NOW);
      transactions = new Transactions(db.dataSource);
    });

    afterEach(() => db.drop());

    const recordMany = async (count: number) => {
      const entries: AuditEntry[] = [];
      for (let i = 1; i <= count; i += 1) {
        entries.push(await transactions.run((em) => audit.record(em, auditChange({ entityId: i, after: { value: String(100 + i) } }))));
      }
      return entries;
    };

    it('creates audit_entry exactly as the entity describes it (no pending schema change)', async () => {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query).filter((sql) => sql.includes('audit_entry'))).toEqual([]);
    });

    it('stores the change with canonical before/after and chains each entry to the previous one', async () => {
      const [first, second] = await recordMany(2);
      const stored = await db.dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } });
      expect(stored).toEqual([first, second]);
      expect(stored[0]).toMatchObject({
        occurredAt: FIXED_NOW,
        actorUserId: TEST_ACTOR.userId,
        actorUsername: 'mojca.koordinatorka',
        actorRole: 'coordinator',
        action: 'correct',
        entityType: 'achieved_value',
        entityId: '1',
        projectId: 3,
        before: '{"comment":"Udeleženci delavnic","value":"120"}',
        after: '{"value":"101"}',
        reason: 'Naknadno prejete liste prisotnosti',
        reasonCategory: 'late_evidence',
        prevHash: null,
      });
      expect(stored[0].hash).toBe(entryHash(stored[0]));
      expect(stored[1].prevHash).toBe(stored[0].hash);
    });

    it('stores no before for a creation and no after for a deletion', async () => {
      const created = await transactions.run((em) => audit.record(em, auditChange({ action: 'create', before: undefined, reason: undefined, reasonCategory: undefined })));
      const deleted = await transactions.run((em) => audit.record(em, auditChange({ action: 'delete', after: null })));
      expect([created.before, created.reason, created.reasonCategory, deleted.after]).toEqual([null, null, null, null]);
      await expect(audit.verify()).resolves.toEqual({ ok: true, entries: 2 });
    });

    it('refuses to record outside a transaction', async () => {
      await expect(audit.record(db.dataSource.manager, auditChange())).rejects.toThrow('must be called with the EntityManager of an open transaction');
    });

    it.each([
      ['a lone surrogate in the reason', { reason: 'popravek \ud800' }, 'reason'],
      ['a lone surrogate in the actor’s username', { actor: { ...TEST_ACTOR, username: '\udc00x' } }, 'actorUsername'],
      ['a NUL in the entity id', { entityId: 'a\u0000b' }, 'entityId'],
    ])('refuses, as a programming error, %s, and writes nothing', async (_label, overrides, field) => {
      await expect(transactions.run((em) => audit.record(em, auditChange(overrides)))).rejects.toThrow(`Audit entry field ${field}`);
      await expect(audit.verify()).resolves.toEqual({ ok: true, entries: 0 });
    });

    it('records and verifies awkward but well-formed text (emoji, combining marks, RTL marks, č/ć/đ)', async () => {
      await transactions.run((em) => audit.record(em, auditChange({ reason: 'Čćđ 👩‍👩‍👧 e\u0301 \u200fשלום\u200e', after: { note: '🇸🇮' } })));
      await expect(audit.verify()).resolves.toEqual({ ok: true, entries: 1 });
    });

    it('writes nothing when the caller’s transaction rolls back', async () => {
      await recordMany(1);
      const failing = transactions.run(async (em) => {
        await audit.record(em, auditChange({ entityId: 'rolled-back' }));
        throw new Error('the change itself failed');
      });
      await expect(failing).rejects.toThrow('the change itself failed');
      await expect(audit.entriesFor('achieved_value', 'rolled-back')).resolves.toEqual([]);
      await expect(audit.verify()).resolves.toEqual({ ok: true, entries: 1 });
    });

    it('refuses an UPDATE of audit_entry in the database', async () => {
      const [entry] = await recordMany(1);
      await expect(db.dataSource.query(`UPDATE audit_entry SET "after" = '{}' WHERE id = ${param(db, 1)}`, [entry.id])).rejects.toThrow(
        'audit_entry is append-only',
      );
    });

    it('refuses a DELETE from audit_entry in the database', async () => {
      const [entry] = await recordMany(1);
      await expect(db.dataSource.query(`DELETE FROM audit_entry WHERE id = ${param(db, 1)}`, [entry.id])).rejects.toThrow(
        'audit_entry is append-only',
      );
      await expect(audit.verify()).resolves.toEqual({ ok: true, entries: 1 });
    });

    if (kind === 'postgres') {
      it('refuses a TRUNCATE of audit_entry in the database', async () => {
        await recordMany(1);
        await expect(db.dataSource.query('TRUNCATE audit_entry')).rejects.toThrow('audit_entry is append-only');
      });
    }

    it('refuses, through the unique prevHash, a second entry chained to the same previous entry', async () => {
      const [first] = await recordMany(2);
      const fork = { ...first, id: undefined, entityId: 'fork', prevHash: first.hash, hash: 'f'.repeat(64) };
      await expect(db.dataSource.getRepository(AuditEntry).insert(fork)).rejects.toThrow(/unique|UNIQUE/);
    });

    it('reports the entry whose after was changed behind the application’s back', async () => {
      const entries = await recordMany(4);
      await dropAppendOnlyTriggers(db);
      await db.dataSource.query(`UPDATE audit_entry SET "after" = ${param(db, 1)} WHERE id = ${param(db, 2)}`, ['{"value":"999"}', entries[2].id]);
      await expect(audit.verify(2)).resolves.toEqual({
        ok: false,
        entries: 3,
        firstBrokenEntry: { id: entries[2].id, reason: 'hash mismatch' },
      });
    });

    it('reports a deleted entry as a broken link at the next one', async () => {
      const entries = await recordMany(3);
      await dropAppendOnlyTriggers(db);
      await db.dataSource.query(`DELETE FROM audit_entry WHERE id = ${param(db, 1)}`, [entries[1].id]);
      await expect(audit.verify()).resolves.toMatchObject({ ok: false, firstBrokenEntry: { id: entries[2].id, reason: 'broken link' } });
    });

    it('keeps one unbroken chain when 20 transactions record at the same time', async () => {
      const entries = await Promise.all(
        Array.from({ length: 20 }, (_, i) => transactions.run((em) => audit.record(em, auditChange({ entityId: `concurrent-${i}` })))),
      );
      expect(new Set(entries.map((e) => e.prevHash)).size).toBe(20);
      await expect(audit.verify(7)).resolves.toEqual({ ok: true, entries: 20 });
    });

    it('lists the history of one record and of one project, oldest first', async () => {
      const a = await transactions.run((em) => audit.record(em, auditChange({ entityType: 'target', entityId: 5, projectId: 1 })));
      await transactions.run((em) => audit.record(em, auditChange({ entityType: 'target', entityId: 6, projectId: 2 })));
      const c = await transactions.run((em) => audit.record(em, auditChange({ entityType: 'target', entityId: 5, projectId: 1 })));
      await expect(audit.entriesFor('target', 5)).resolves.toEqual([a, c]);
      await expect(audit.entriesForProject(1)).resolves.toEqual([a, c]);
    });
  });
}
