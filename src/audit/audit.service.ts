import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { nowIso } from '../database/columns';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository, TrailFilter } from './audit-entry.repository';
import { AUDIT_ACTIONS, AuditChange, AuditEntryContent, REASON_CATEGORIES, VerifyResult } from './audit.types';
import { canonicalJson, entryHash, verifyChain } from './hash-chain';
import { textProblem } from '../common/text/well-formed';

/** Optional provider of the current instant (ISO string); tests bind a fixed clock to it. */
export const AUDIT_CLOCK = Symbol('AUDIT_CLOCK');

/**
 * Key of the PostgreSQL advisory lock that serialises appends to the chain. A fixed number
 * ("kazaud" in ASCII) that no other part of the product uses.
 */
export const AUDIT_CHAIN_LOCK_KEY = 0x6b617a617564;

export const VERIFY_PAGE_SIZE = 1000;

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly entries: AuditEntryRepository,
    @Optional() @Inject(AUDIT_CLOCK) private readonly clock: () => string = nowIso,
  ) {}

  /**
   * Appends one entry to the chain, inside the caller's transaction (`em` is its manager), so the
   * change and its entry commit or roll back together.
   *
   * Two writers must never chain to the same previous entry. On PostgreSQL the transaction first
   * takes a transaction-scoped advisory lock: a second writer waits there until the first commits
   * or rolls back, and under READ COMMITTED its next statement (reading the last hash) then sees the
   * first writer's entry. On SQLite nothing more is needed: `Transactions` queues the transactions
   * of this process on its single connection, and SQLite allows one writer per database file; a
   * writer in another process whose read of the last hash went stale gets SQLITE_BUSY instead of a
   * fork. In both cases the unique index on prevHash is the backstop that refuses a fork.
   */
  async record(em: EntityManager, change: AuditChange): Promise<AuditEntry> {
    const [entry] = await this.recordMany(em, [change]);
    return entry;
  }

  /**
   * Appends several entries in order, in the caller's transaction: one chain lock, one read of
   * the last hash and multi-row inserts, however many changes a batch holds.
   */
  async recordMany(em: EntityManager, changes: readonly AuditChange[]): Promise<AuditEntry[]> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must be called with the EntityManager of an open transaction');
    }
    if (changes.length === 0) return [];
    changes.forEach(assertKnown);
    if (em.connection.driver.options.type === 'postgres') {
      await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    }
    let prevHash = await this.entries.lastHash(em);
    const occurredAt = this.clock();
    const rows = changes.map((change) => {
      const content = contentFor(change, occurredAt, prevHash);
      assertStorableText(content);
      const entry = { ...content, batchId: content.batchId ?? null, hash: entryHash(content) };
      prevHash = entry.hash;
      return entry;
    });
    return this.entries.insertMany(em, rows);
  }

  /** Checks the whole chain, reading it in keyset pages so memory stays flat. */
  async verify(pageSize = VERIFY_PAGE_SIZE): Promise<VerifyResult> {
    const result = await verifyChain(this.entries.inIdOrder(pageSize));
    if (result.ok) this.logger.log(`Audit chain verified: ${result.entries} entries`);
    else this.logger.error(`Audit chain broken at entry ${result.firstBrokenEntry.id}: ${result.firstBrokenEntry.reason}`);
    return result;
  }

  /** History of one record, oldest first. */
  entriesFor(entityType: string, entityId: string | number): Promise<AuditEntry[]> {
    return this.entries.findByEntity(entityType, String(entityId));
  }

  /** Entries matching a trail export's filter, oldest first, read in keyset pages. */
  entriesMatching(filter: TrailFilter, pageSize: number): AsyncGenerator<AuditEntry> {
    return this.entries.matching(filter, pageSize);
  }

  /** Everything recorded for one project, oldest first. */
  entriesForProject(projectId: number): Promise<AuditEntry[]> {
    return this.entries.findByProject(projectId);
  }
}

function contentFor(change: AuditChange, occurredAt: string, prevHash: string | null): AuditEntryContent {
  return {
    occurredAt,
    actorUserId: change.actor.userId,
    actorUsername: change.actor.username,
    actorRole: change.actor.role,
    action: change.action,
    entityType: change.entityType,
    entityId: String(change.entityId),
    projectId: change.projectId ?? null,
    before: serialiseState(change.before),
    after: serialiseState(change.after),
    reason: change.reason ?? null,
    reasonCategory: change.reasonCategory ?? null,
    prevHash,
    ...(change.batchId ? { batchId: change.batchId } : {}),
  };
}

/** `undefined` and `null` both mean "no state" (nothing before a creation, nothing after a deletion). */
function serialiseState(state: unknown): string | null {
  return state === undefined || state === null ? null : canonicalJson(state);
}

/**
 * The hash must cover exactly the text the database stores and returns. A lone surrogate would be
 * stored as U+FFFD (and a NUL refused by PostgreSQL), so the entry would never verify again: the
 * text boundary (common/text) refuses such input with 400, and reaching here with it is a bug.
 */
function assertStorableText(content: AuditEntryContent): void {
  for (const [field, value] of Object.entries(content)) {
    const problem = typeof value === 'string' ? textProblem(value) : null;
    if (problem) throw new Error(`Audit entry field ${field} holds a ${problem}; text must pass the text boundary (common/text) before it is audited`);
  }
}

/** Callers are code, not users: an unknown action or category is a programming error. */
function assertKnown(change: AuditChange): void {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(change.action)) {
    throw new Error(`Unknown audit action '${change.action}'`);
  }
  if (change.reasonCategory != null && !(REASON_CATEGORIES as readonly string[]).includes(change.reasonCategory)) {
    throw new Error(`Unknown audit reason category '${change.reasonCategory}'`);
  }
  if (!change.entityType) throw new Error('An audit entry needs an entityType');
}
