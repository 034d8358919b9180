import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../access/access-policy';
import type { AuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { NotFoundError, RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { IndicatorsService } from '../indicators/indicators.service';
import { ProjectsService } from '../projects/projects.service';
import { TrailContext, TrailRow, trailRow } from './history-export';
import { concernsIndicator, HistoryEvent, stateAsOf, StateAsOf, stateBefore } from './history-replay';
import { unitWords } from './history-words';
import { momentSpan } from './trail-filter';

export interface IndicatorHistory {
  indicator: { id: number; code: string; name: string; projectId: number };
  events: HistoryEvent[];
  /** The indicator's records as they were at `asOf`, or as a submission was built from. */
  asOf: StateAsOf | null;
}

/** Which entries a whole-trail export holds; every field optional. */
export interface TrailQuery {
  project?: string;
  user?: string;
  from?: string;
  to?: string;
  action?: string;
}

const PAGE = 1000;

/** How a figure came to be: the audit entries of an indicator, a project or the whole trail, oldest first. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly audit: AuditService,
    private readonly indicators: IndicatorsService,
    private readonly indicatorRows: IndicatorsRepository,
    private readonly projects: ProjectsService,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * `asOf`: a day, a minute or an instant (the state at its end); `asSubmitted`: a submission's
   * id, the state its files were built from (every entry before the submission's own).
   */
  async forIndicator(id: number, asOf: string | undefined, actor: Actor, asSubmitted?: number): Promise<IndicatorHistory> {
    const indicator = await this.indicators.getReadable(id, actor);
    const moment = asOf === undefined ? null : momentSpan(asOf, 'asOf').end;
    const entries = await this.audit.entriesForProject(indicator.projectId);
    const events = entries.map(toEvent).filter((e) => concernsIndicator(e, id));
    let state: StateAsOf | null = moment ? stateAsOf(events, moment) : null;
    if (asSubmitted !== undefined) {
      const submitted = entries.find((e) => e.entityType === 'report_submission' && e.entityId === String(asSubmitted) && e.action === 'submit');
      if (!submitted) throw new NotFoundError(t(`Oddaja ${asSubmitted} tega projekta ne obstaja`, `Submission ${asSubmitted} of this project does not exist`));
      state = stateBefore(events, submitted.id, submitted.occurredAt);
    }
    return { indicator: { id, code: indicator.code, name: indicator.name, projectId: indicator.projectId }, events, asOf: state };
  }

  async forProject(code: string, actor: Actor): Promise<{ project: { id: number; code: string }; events: HistoryEvent[]; context: TrailContext }> {
    const project = await this.projects.getByCode(code, actor);
    const entries = await this.audit.entriesForProject(project.id);
    return { project: { id: project.id, code: project.code }, events: entries.map(toEvent), context: await this.context([project.id], actor) };
  }

  /** The words a trail export needs for the indicator's own rows. */
  async contextForIndicator(projectId: number, actor: Actor): Promise<TrailContext> {
    return this.context([projectId], actor);
  }

  private async projectlessFor(actor: Actor, oneProject: boolean): Promise<'all' | 'catalogue' | 'none'> {
    if (oneProject) return 'none';
    if (await this.access.may(actor, 'user.manage')) return 'all';
    return (await this.access.may(actor, 'audit.verify')) ? 'catalogue' : 'none';
  }

  /**
   * The whole trail the actor may read, filtered, as rows produced page by page (keyset), so a
   * trail of any length is exported with flat memory. Entries that belong to no project are
   * included unless a project is asked for: logins and user accounts for those who manage users,
   * the catalogue (funders, calls, organisations) for those who may verify the whole chain.
   */
  async trail(query: TrailQuery, actor: Actor): Promise<{ rows: AsyncGenerator<TrailRow>; baseName: string }> {
    await this.access.require(actor, 'history.read');
    const project = query.project ? await this.projects.getByCode(query.project, actor) : null;
    const readable = project ? [project.id] : await this.access.readableProjectIds(actor);
    const filter = {
      projectIds: readable === 'all' ? null : readable,
      projectless: await this.projectlessFor(actor, project !== null),
      username: query.user || undefined,
      action: query.action || undefined,
      from: query.from ? momentSpan(query.from, 'from').start : undefined,
      to: query.to ? momentSpan(query.to, 'to').end : undefined,
    };
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new RuleViolationError(t('Napačno obdobje', 'Invalid range'), [{ field: 'to', message: t('to ne sme biti pred from', 'to must not be before from') }]);
    }
    const context = await this.context(readable, actor);
    const entries = this.audit.entriesMatching(filter, PAGE);
    async function* rows(): AsyncGenerator<TrailRow> {
      for await (const entry of entries) yield trailRow(toEvent(entry), context);
    }
    const scope = [project?.code, query.user, query.action, query.from, query.to].filter(Boolean).join('-');
    return { rows: rows(), baseName: `revizijska-sled${scope ? `-${scope.replace(/[^A-Za-z0-9-]+/g, '')}` : ''}` };
  }

  /** Project codes and indicators (with their units) of the readable projects, loaded once. */
  private async context(projectIds: number[] | 'all', actor: Actor): Promise<TrailContext> {
    const codes = new Map((await this.projects.list(actor)).map((p) => [p.id, p.code]));
    const indicators = new Map(
      (await this.indicatorRows.findByProjects(projectIds)).map((i) => [
        i.id,
        { code: i.code, name: i.name, unit: i.unit, unitWords: unitWords(i.unit, i.unitLabel) },
      ]),
    );
    return {
      projectCode: (id) => (id === null ? null : (codes.get(id) ?? String(id))),
      indicatorOf: (event) => {
        const id = event.entityType === 'indicator' ? Number(event.entityId) : (event.after ?? event.before)?.indicatorId;
        return typeof id === 'number' ? (indicators.get(id) ?? null) : null;
      },
    };
  }
}

export function toEvent(e: AuditEntry): HistoryEvent {
  return {
    entryId: e.id,
    occurredAt: e.occurredAt,
    actor: e.actorUsername,
    role: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    projectId: e.projectId,
    before: e.before === null ? null : JSON.parse(e.before),
    after: e.after === null ? null : JSON.parse(e.after),
    reason: e.reason,
    reasonCategory: e.reasonCategory,
    batchId: e.batchId ?? null,
  };
}
