/**
 * Rebuilds what an indicator's records looked like at a moment from its audit entries: for each
 * record, the state after its last entry at or before that moment (nothing, if that was a delete).
 * Plain data in, plain data out.
 */
export interface HistoryEvent {
  entryId: number;
  occurredAt: string;
  actor: string;
  role: string;
  action: string;
  entityType: string;
  entityId: string;
  projectId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  reasonCategory: string | null;
  /** Shared by the changes of one batch write (an import, a grid save). */
  batchId?: string | null;
}

export interface StateAsOf {
  asOf: string;
  records: { entityType: string; entityId: string; state: Record<string, unknown> }[];
}

export function stateAsOf(events: readonly HistoryEvent[], asOf: string): StateAsOf {
  return { ...stateOf(events.filter((e) => e.occurredAt <= asOf)), asOf };
}

function stateOf(events: readonly HistoryEvent[]): Omit<StateAsOf, 'asOf'> {
  const latest = new Map<string, HistoryEvent>();
  for (const event of events) {
    const key = `${event.entityType}#${event.entityId}`;
    const known = latest.get(key);
    if (!known || known.entryId < event.entryId) latest.set(key, event);
  }
  const records = [...latest.values()]
    .filter((e) => e.after !== null)
    .sort((a, b) => a.entityType.localeCompare(b.entityType) || Number(a.entityId) - Number(b.entityId))
    .map((e) => ({ entityType: e.entityType, entityId: e.entityId, state: e.after! }));
  return { records };
}

/** Whether an audit entry is about this indicator: the indicator itself or a record that points at it. */
export function concernsIndicator(event: Pick<HistoryEvent, 'entityType' | 'entityId' | 'before' | 'after'>, indicatorId: number): boolean {
  if (event.entityType === 'indicator') return event.entityId === String(indicatorId);
  const ref = (event.after ?? event.before)?.indicatorId;
  return ref === indicatorId;
}

/**
 * The records as a submission was built from them: every entry before the submission's own entry
 * (by id, which orders the trail exactly; the moment is shown as `asOf`).
 */
export function stateBefore(events: readonly HistoryEvent[], entryId: number, at: string): StateAsOf {
  return { ...stateOf(events.filter((e) => e.entryId < entryId)), asOf: at };
}
