import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import { isIsoDate } from '../projects/reporting-years';
import { IndicatorsService } from '../indicators/indicators.service';
import { ProjectsService } from '../projects/projects.service';
import { concernsIndicator, HistoryEvent, stateAsOf, StateAsOf } from './history-replay';

export interface IndicatorHistory {
  indicator: { id: number; code: string; name: string; projectId: number };
  events: HistoryEvent[];
  /** The indicator's records as they were at `asOf`, when asked for. */
  asOf: StateAsOf | null;
}

/** How a figure came to be: the audit entries of an indicator or a project, oldest first. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly audit: AuditService,
    private readonly indicators: IndicatorsService,
    private readonly projects: ProjectsService,
  ) {}

  async forIndicator(id: number, asOf: string | undefined, actor: Actor): Promise<IndicatorHistory> {
    const indicator = await this.indicators.getReadable(id, actor);
    const moment = asOf === undefined ? null : parseInstant(asOf);
    const entries = await this.audit.entriesForProject(indicator.projectId);
    const events = entries.map(toEvent).filter((e) => concernsIndicator(e, id));
    return {
      indicator: { id, code: indicator.code, name: indicator.name, projectId: indicator.projectId },
      events,
      asOf: moment ? stateAsOf(events, moment) : null,
    };
  }

  async forProject(code: string, actor: Actor): Promise<{ project: { id: number; code: string }; events: HistoryEvent[] }> {
    const project = await this.projects.getByCode(code, actor);
    const entries = await this.audit.entriesForProject(project.id);
    return { project: { id: project.id, code: project.code }, events: entries.map(toEvent) };
  }
}

function toEvent(e: AuditEntry): HistoryEvent {
  return {
    entryId: e.id,
    occurredAt: e.occurredAt,
    actor: e.actorUsername,
    role: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before === null ? null : JSON.parse(e.before),
    after: e.after === null ? null : JSON.parse(e.after),
    reason: e.reason,
    reasonCategory: e.reasonCategory,
    batchId: e.batchId ?? null,
  };
}

/** An instant such as 2021-02-15T00:00:00Z (or a date, meaning its start in UTC), as stored. */
function parseInstant(value: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  // Date.parse rolls 2021-02-30 over into March; a day that does not exist is a mistake.
  if (!isIsoDate(value.slice(0, 10)) || Number.isNaN(ms)) {
    throw new RuleViolationError('Invalid asOf', [{ field: 'asOf', message: 'asOf must be an ISO date or instant, e.g. 2021-02-15T00:00:00Z' }]);
  }
  return new Date(ms).toISOString();
}
