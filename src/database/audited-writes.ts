import { EntityManager, EntityTarget, IsNull, ObjectLiteral } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { ReasonCategory } from '../audit/audit.types';
import type { Actor } from '../auth/actor';
import { NotFoundError, StaleVersionError } from '../common/errors';

/**
 * Create, update and delete that write their audit entry in the same transaction as the change.
 * Every service that changes a stored figure goes through these, so no change can skip the trail.
 */
export interface AuditContext {
  em: EntityManager;
  audit: AuditService;
  actor: Actor;
  entityType: string;
  projectId?: number | null;
  reason?: string | null;
  reasonCategory?: ReasonCategory | null;
}

export async function auditedCreate<T extends ObjectLiteral & { id: number }>(
  ctx: AuditContext,
  entity: EntityTarget<T>,
  data: Partial<T>,
): Promise<T> {
  const saved = (await ctx.em.save(entity, ctx.em.create(entity, data as T))) as T;
  const after = await ctx.em.findOneByOrFail(entity, { id: saved.id } as never);
  await record(ctx, 'create', saved.id, null, after);
  return after;
}

/**
 * Applies `patch` to the row `id`. With `expectedVersion`, a row changed since that version is not
 * overwritten: the caller gets a StaleVersionError carrying the current row.
 */
export async function auditedUpdate<T extends ObjectLiteral & { id: number; version?: number }>(
  ctx: AuditContext,
  entity: EntityTarget<T>,
  id: number,
  patch: Partial<T>,
  expectedVersion?: number,
  action: 'update' | 'correct' = 'update',
): Promise<{ before: T; after: T }> {
  const before = await findForUpdate(ctx.em, entity, id, ctx.entityType);
  assertVersion(before, expectedVersion, ctx.entityType);
  await ctx.em.save(entity, { ...before, ...patch } as T);
  const after = await ctx.em.findOneByOrFail(entity, { id } as never);
  await record(ctx, action, id, before, after);
  return { before, after };
}

export async function auditedDelete<T extends ObjectLiteral & { id: number; version?: number }>(
  ctx: AuditContext,
  entity: EntityTarget<T>,
  id: number,
  expectedVersion?: number,
): Promise<T> {
  const before = await findForUpdate(ctx.em, entity, id, ctx.entityType);
  assertVersion(before, expectedVersion, ctx.entityType);
  await ctx.em.delete(entity, { id } as never);
  await record(ctx, 'delete', id, before, null);
  return before;
}

/** Updates the one row matching `where`, or creates it with `where` and `fields`: per-year texts. */
export async function auditedUpsert<T extends ObjectLiteral & { id: number }>(
  ctx: AuditContext,
  entity: EntityTarget<T>,
  where: Record<string, unknown>,
  fields: Partial<T>,
  expectedVersion?: number,
): Promise<T> {
  const lookup = Object.fromEntries(Object.entries(where).map(([k, v]) => [k, v === null ? IsNull() : v]));
  const existing = await ctx.em.findOneBy(entity, lookup as never);
  if (existing) return (await auditedUpdate(ctx, entity, existing.id, fields, expectedVersion)).after;
  return auditedCreate(ctx, entity, { ...where, ...fields } as Partial<T>);
}

/**
 * Reads the row that is about to change and, on PostgreSQL, locks it until the transaction ends
 * (SELECT … FOR UPDATE), so that two writers based on the same version cannot both pass the
 * version check. SQLite needs no row lock: its transactions already run one at a time.
 */
async function findForUpdate<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, id: number, label: string): Promise<T> {
  const qb = em.createQueryBuilder(entity, 'row').where('row.id = :id', { id });
  if (em.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
  const row = await qb.getOne();
  if (!row) throw new NotFoundError(`${label.replace(/_/g, ' ')} ${id} does not exist`);
  return row;
}


/**
 * Refuses a change based on a version that is no longer current, naming who made the current one
 * where the row records it, and carrying the current row so the client can show it.
 */
export function assertVersion(row: { id: number; version?: number }, expected: number | undefined, entityType: string): void {
  if (expected === undefined || row.version === expected) return;
  const r = row as { enteredBy?: string; enteredAt?: string; updatedBy?: string; updatedAt?: string };
  const by = r.enteredBy ?? r.updatedBy;
  const at = r.enteredAt ?? r.updatedAt;
  const who = by ? ` by ${by}${at ? ` at ${at}` : ''}` : '';
  throw new StaleVersionError(
    `${entityType.replace(/_/g, ' ')} ${row.id} was changed${who} (now version ${row.version}, your change was based on version ${expected}); reload and apply your change again`,
    { current: row },
  );
}

function record(ctx: AuditContext, action: 'create' | 'update' | 'correct' | 'delete', id: number, before: unknown, after: unknown) {
  return ctx.audit.record(ctx.em, {
    actor: ctx.actor,
    action,
    entityType: ctx.entityType,
    entityId: id,
    projectId: ctx.projectId ?? null,
    before: before ?? undefined,
    after: after ?? undefined,
    reason: ctx.reason ?? null,
    reasonCategory: ctx.reasonCategory ?? null,
  });
}
