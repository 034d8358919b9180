import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { instantColumn } from '../database/columns';
import type { AuditEntryLike } from './audit.types';

/**
 * One entry of the append-only, hash-chained audit trail (see hash-chain.ts for the scheme and
 * the 1763790100000-audit-trail migration for the triggers that refuse UPDATE and DELETE).
 *
 * `projectId` has no foreign key on purpose: entries outlive the project, indicator or user
 * they describe, and a cascade or a RESTRICT would either delete evidence or block deletes.
 * `prevHash` is unique as well as `hash`: two entries chained to the same predecessor (a fork)
 * are refused by the database even if the application's locking were bypassed.
 */
@Entity('audit_entry')
@Index('ix_audit_entry_entity', ['entityType', 'entityId'])
@Index('ix_audit_entry_project', ['projectId'])
@Unique('uq_audit_entry_hash', ['hash'])
@Unique('uq_audit_entry_prev_hash', ['prevHash'])
export class AuditEntry implements AuditEntryLike {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(instantColumn())
  occurredAt: string;

  @Column({ type: 'integer', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'varchar', length: 100 })
  actorUsername: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Column({ type: 'varchar', length: 100 })
  entityId: string;

  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  /** Canonical JSON of the state before the change; null for a creation. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  /** Canonical JSON of the state after the change; null for a deletion. */
  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  reasonCategory: string | null;

  /** Hash of the previous entry; null only for the first entry of the trail. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  prevHash: string | null;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** Shared by the entries of one batch write (an import, a grid save); null for single changes. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  batchId: string | null;
}
