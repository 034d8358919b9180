import type { Actor } from '../auth/actor';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'correct',
  'lock',
  'unlock',
  'submit',
  'login',
  'login_failed',
  'logout',
  'role_change',
  'part_ready',
  'return',
  'approve',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const REASON_CATEGORIES = ['data_entry_error', 'late_evidence', 'funder_request', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** One change to record, in the same transaction as the change itself. */
export interface AuditChange {
  actor: Actor;
  action: AuditAction;
  /** Table-like name of what changed: 'achieved_value', 'target', 'indicator', 'project', … */
  entityType: string;
  entityId: string | number;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  reasonCategory?: ReasonCategory | null;
  /** Shared by all changes of one batch write. */
  batchId?: string | null;
}

/**
 * The hashed content of an audit entry: every stored field except `id` and `hash`. `before` and
 * `after` are canonical JSON text (see hash-chain.ts), so the hash covers exactly what is stored.
 */
export interface AuditEntryContent {
  occurredAt: string;
  actorUserId: number | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  projectId: number | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  reasonCategory: string | null;
  prevHash: string | null;
  /** Hashed only when set, so entries written before the field existed still verify. */
  batchId?: string | null;
}

/** A stored audit entry as the chain verifier needs it (the entity, a raw row, a test double). */
export interface AuditEntryLike extends AuditEntryContent {
  id: number;
  hash: string;
}

export type ChainBreakReason = 'hash mismatch' | 'broken link';

/**
 * Outcome of checking the chain. `entries` counts the entries read: all of them when ok, up to and
 * including the first broken one otherwise (verification stops there).
 */
export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBrokenEntry: { id: number; reason: ChainBreakReason } };
