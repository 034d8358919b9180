import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { AccessPolicy } from '../access/access-policy';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { ProjectsRepository } from '../projects/projects.repository';
import { CalendarRepository } from './calendar.repository';
import { attentionYear, Deadline, deadlinesForProject, deadlineStatus, DeadlineStatus, daysLeft, PeriodForDeadlines } from './deadlines';
import { icsCalendar } from './ics';
import { REPORT_PROGRESS, ReportProgress } from './report-progress';

export interface ProjectDeadline extends Deadline {
  projectId: number;
  projectCode: string;
  projectName: string;
  daysLeft: number;
  status: DeadlineStatus;
  done: boolean;
}

export interface DeadlineOverview {
  today: string;
  /** The year the dashboard opens on: the latest that needs attention. */
  attentionYear: number | null;
  deadlines: ProjectDeadline[];
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Deadlines of the projects an actor may read, with days left and whether the report is in, and
 * each user's secret iCalendar feed of them.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly projects: ProjectsRepository,
    private readonly access: AccessPolicy,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Optional() @Inject(REPORT_PROGRESS) private readonly progress?: ReportProgress,
  ) {}

  async overview(actor: Actor, options: { year?: number; projectCode?: string; today?: string } = {}): Promise<DeadlineOverview> {
    const today = options.today ?? todayIso();
    const deadlines = await this.forProjects(await this.access.readableProjectIds(actor), today);
    const scoped = options.projectCode ? deadlines.filter((d) => d.projectCode === options.projectCode) : deadlines;
    return {
      today,
      attentionYear: attentionYear(scoped, today),
      deadlines: options.year === undefined ? scoped : scoped.filter((d) => d.year === options.year),
    };
  }

  /** Deadlines of the given projects (or all), by due date, with whether each report is in. */
  async forProjects(projectIds: number[] | 'all', today: string): Promise<ProjectDeadline[]> {
    const [projects, periods, rules] = await Promise.all([this.projects.findProjects(projectIds), this.projects.findFundingPeriods(projectIds), this.repository.findRules()]);
    const done = this.progress ? await this.progress.doneReports(projects.map((p) => p.id)) : new Set<string>();
    const out: ProjectDeadline[] = [];
    for (const project of projects) {
      const own: PeriodForDeadlines[] = periods
        .filter((p) => p.projectId === project.id)
        .map((p) => ({ id: p.id, startDate: p.startDate, endDate: p.endDate, funderIds: (p.funders ?? []).map((f) => f.funderId), publicCallId: p.publicCallId }));
      for (const d of deadlinesForProject(own, rules)) {
        const isDone = done.has(reportKey(project.id, d.year)) && d.kind !== 'public_interest_report';
        out.push({ ...d, projectId: project.id, projectCode: project.code, projectName: project.name, daysLeft: daysLeft(d.dueDate, today), status: deadlineStatus(d.dueDate, today, isDone), done: isDone });
      }
    }
    return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.projectCode.localeCompare(b.projectCode));
  }

  async feedStatus(actor: Actor): Promise<{ active: boolean; createdAt: string | null }> {
    const feed = actor.userId === null ? null : await this.repository.findFeedByUser(actor.userId);
    return { active: feed !== null, createdAt: feed?.createdAt ?? null };
  }

  /** A new secret feed URL path for the actor; any earlier one stops working. Shown once. */
  async createFeed(actor: Actor): Promise<{ path: string; createdAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = nowIso();
    await this.transactions.run(async (em) => {
      const feed = await this.repository.replaceFeed(em, actor.userId!, sha256(token), createdAt);
      await this.audit.record(em, { actor, action: 'create', entityType: 'calendar_feed', entityId: feed.id, after: { userId: actor.userId, createdAt } });
    });
    return { path: `/api/calendar/${token}.ics`, createdAt };
  }

  async revokeFeed(actor: Actor): Promise<void> {
    await this.transactions.run(async (em) => {
      const feed = await this.repository.deleteFeed(em, actor.userId!);
      if (feed) await this.audit.record(em, { actor, action: 'delete', entityType: 'calendar_feed', entityId: feed.id, before: { userId: feed.userId, createdAt: feed.createdAt } });
    });
  }

  /** The iCalendar text of a feed token, or null when no feed has it (revoked or never made). */
  async feed(token: string, actorOf: (userId: number) => Promise<Actor | null>, now = new Date()): Promise<string | null> {
    const feed = await this.repository.findFeedByTokenHash(sha256(token));
    const actor = feed ? await actorOf(feed.userId) : null;
    if (!actor) return null;
    const deadlines = await this.forProjects(await this.access.readableProjectIds(actor), todayIso(now));
    const events = deadlines.map((d) => ({
      uid: `${d.projectCode}-${d.fundingPeriodId}-${d.kind}-${d.year}@kazalnik`,
      date: d.dueDate,
      summary: `${d.projectCode}: ${d.title} ${d.year}${d.done ? ' (oddano)' : ''}`,
      description: `${d.projectName}\nPoročevalsko leto ${d.year}`,
      alarmDaysBefore: d.done ? undefined : 7,
    }));
    return icsCalendar('Kazalnik: roki poročil', events, now);
  }
}

export function reportKey(projectId: number, year: number): string {
  return `${projectId}:${year}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
