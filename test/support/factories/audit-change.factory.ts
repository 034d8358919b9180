import type { Actor } from '../../../src/auth/actor';
import type { AuditChange, AuditEntryContent, AuditEntryLike } from '../../../src/audit/audit.types';
import { entryHash } from '../../../src/audit/hash-chain';

export const TEST_ACTOR: Actor = { userId: 7, username: 'mojca.koordinatorka', role: 'coordinator' };

/** A correction of an achieved value, with overridable defaults. */
export function auditChange(overrides: Partial<AuditChange> = {}): AuditChange {
  return {
    actor: TEST_ACTOR,
    action: 'correct',
    entityType: 'achieved_value',
    entityId: 42,
    projectId: 3,
    before: { value: '120', comment: 'Udeleženci delavnic' },
    after: { value: '125', comment: 'Udeleženci delavnic (popravek)' },
    reason: 'Naknadno prejete liste prisotnosti',
    reasonCategory: 'late_evidence',
    ...overrides,
  };
}

/** Content of one stored entry, with overridable defaults (prevHash is set by `chainOf`). */
export function entryContent(overrides: Partial<AuditEntryContent> = {}): AuditEntryContent {
  return {
    occurredAt: '2025-01-15T09:30:00.000Z',
    actorUserId: 7,
    actorUsername: 'mojca.koordinatorka',
    actorRole: 'coordinator',
    action: 'correct',
    entityType: 'achieved_value',
    entityId: '42',
    projectId: 3,
    before: '{"value":"120"}',
    after: '{"value":"125"}',
    reason: 'Naknadno prejete liste prisotnosti',
    reasonCategory: 'late_evidence',
    prevHash: null,
    ...overrides,
  };
}

/** A correctly chained list of `count` entries with ids 1..count, each with different content. */
export function chainOf(count: number): AuditEntryLike[] {
  const entries: AuditEntryLike[] = [];
  for (let i = 1; i <= count; i += 1) {
    const content = entryContent({ entityId: String(i), after: `{"value":"${100 + i}"}`, prevHash: entries.at(-1)?.hash ?? null });
    entries.push({ ...content, id: i, hash: entryHash(content) });
  }
  return entries;
}
