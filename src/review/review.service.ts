import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import { Permission } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/actor';
import { ConflictError, RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LocksService } from '../locks/locks.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { Project } from '../projects/entities/project.entity';
import { ProjectsRepository } from '../projects/projects.repository';
import { ProjectsService } from '../projects/projects.service';
import { reportingYearOf } from '../projects/reporting-years';
import { ReportsService } from '../reports/reports.service';
import { SubmissionsService, SubmissionView } from '../reports/submissions.service';
import { UserAssignmentsRepository } from '../users/user-assignments.repository';
import { Checklist, checklist } from './checklist';
import { PartReadyDto, ReportRefDto, ReviewDecisionDto, SubmitCycleDto } from './dto/review.dto';
import { ReportCycle } from './entities/report-cycle.entity';
import { ReportTransition } from './entities/report-transition.entity';
import { nextState, possibleActions, ReportAction, ReportState, TransitionRefused } from './report-states';
import { ReviewRepository } from './review.repository';

/** Which permission each action needs, in the one access policy's table. */
const ACTION_PERMISSION: Record<ReportAction, Permission> = {
  part_ready: 'part.ready',
  submit: 'report.submit',
  return: 'report.review',
  approve: 'report.review',
};

export interface PartnerReadiness {
  organisationId: number;
  name: string;
  ready: boolean;
  readyBy: string | null;
  readyAt: string | null;
}

export interface CycleView {
  projectCode: string;
  year: number;
  fundingPeriodId: number;
  state: ReportState;
  /** `mayMark`: this actor may mark the part ready now. */
  partners: (PartnerReadiness & { mayMark: boolean })[];
  allPartsReady: boolean;
  /** The steps so far, oldest first, each with who, when and why. */
  history: Pick<ReportTransition, 'action' | 'fromState' | 'toState' | 'actor' | 'at' | 'comment' | 'organisationId' | 'submissionId'>[];
  latestSubmissionId: number | null;
  /** What this actor may do next (the policy's answer for this project). */
  actions: ReportAction[];
  checklist: Checklist;
}

export interface QueueItem {
  projectCode: string;
  projectName: string;
  year: number;
  fundingPeriodId: number;
  state: ReportState;
  updatedAt: string;
}

/**
 * The reporting cycle of annual reports: partners' parts, submission with its checklist, the
 * funder's review (return or approve). Each step is one transaction with its transition row and
 * its audit entry; who may take it is the access policy's answer.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly repository: ReviewRepository,
    private readonly access: AccessPolicy,
    private readonly projects: ProjectsService,
    private readonly projectsRepository: ProjectsRepository,
    private readonly reports: ReportsService,
    private readonly submissions: SubmissionsService,
    private readonly locks: LocksService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly assignments: UserAssignmentsRepository,
  ) {}

  async view(code: string, ref: ReportRefDto, actor: Actor): Promise<CycleView> {
    const project = await this.projects.getByCode(code, actor);
    const periodId = await this.periodFor(project, ref);
    const cycle = await this.repository.find(project.id, periodId, ref.year);
    const history = cycle ? await this.repository.transitions(cycle.id) : [];
    const state = cycle?.state ?? 'draft';
    const canMark = possibleActions(state).includes('part_ready');
    const partners = await Promise.all(
      (await this.partners(project.id, history)).map(async (p) => ({
        ...p,
        mayMark: canMark && !p.ready && (await this.access.may(actor, 'part.ready', { projectId: project.id, organisationId: p.organisationId })),
      })),
    );
    const permissions = new Set(await this.access.permissionsFor(actor, project.id));
    return {
      projectCode: project.code,
      year: ref.year,
      fundingPeriodId: periodId,
      state,
      partners,
      allPartsReady: partners.every((p) => p.ready),
      history: history.map(({ action, fromState, toState, actor: who, at, comment, organisationId, submissionId }) => ({ action, fromState, toState, actor: who, at, comment, organisationId, submissionId })),
      latestSubmissionId: [...history].reverse().find((h) => h.submissionId !== null)?.submissionId ?? null,
      actions: possibleActions(state).filter((a) => permissions.has(ACTION_PERMISSION[a])),
      checklist: await this.checklist(code, { year: ref.year, fundingPeriodId: periodId }, actor),
    };
  }

  /** The checklist before submitting, over exactly the figures the report would print. */
  async checklist(code: string, ref: ReportRefDto & { template?: string }, actor: Actor): Promise<Checklist> {
    const { input } = await this.reports.prepare({ code, year: ref.year, templateId: ref.template, fundingPeriodId: ref.fundingPeriodId }, actor);
    return checklist(input.indicators, input.resultAreas, new Set(input.narratives.map((n) => n.resultAreaId)));
  }

  /** A partner's coordinator says its part of the year is in. */
  async partReady(code: string, dto: PartReadyDto, actor: Actor): Promise<CycleView> {
    const project = await this.projects.getByCode(code, actor);
    await this.access.require(actor, 'part.ready', { projectId: project.id, organisationId: dto.organisationId });
    const periodId = await this.periodFor(project, dto);
    const partnerIds = (await this.partners(project.id, [])).map((p) => p.organisationId);
    if (!partnerIds.includes(dto.organisationId)) {
      throw new RuleViolationError(t('Organizacija ni partner projekta', 'The organisation is not a partner of the project'), [
        { field: 'organisationId', message: t(`organizacija ${dto.organisationId} ni partner projekta ${code}`, `organisation ${dto.organisationId} is not a partner of ${code}`) },
      ]);
    }
    await this.transactions.run(async (em) => {
      const now = nowIso();
      const cycle = await this.repository.findOrCreateForUpdate(em, project.id, periodId, dto.year, now);
      const ready = new Set((await this.repository.transitions(cycle.id, em)).filter((h) => h.action === 'part_ready').map((h) => h.organisationId));
      if (ready.has(dto.organisationId)) return;
      ready.add(dto.organisationId);
      const to = this.next(cycle.state, 'part_ready', partnerIds.every((id) => ready.has(id)));
      await this.step(em, cycle, project, 'part_ready', to, actor, now, dto.comment ?? null, { organisationId: dto.organisationId });
    });
    return this.view(code, { year: dto.year, fundingPeriodId: periodId }, actor);
  }

  /**
   * Submits (or resubmits) the report: refused while an explanation of deviations is missing
   * (naming the indicators) and, without an override reason, while a partner's part is not ready.
   * The files, the lock of the year and the transition are one transaction.
   */
  async submit(code: string, dto: SubmitCycleDto, actor: Actor): Promise<CycleView & { submission: SubmissionView }> {
    const project = await this.projects.getWritable(code, actor, 'report.submit');
    const periodId = await this.periodFor(project, dto);
    const current = await this.repository.find(project.id, periodId, dto.year);
    this.next(current?.state ?? 'draft', 'submit');
    const list = await this.checklist(code, { year: dto.year, fundingPeriodId: periodId, template: dto.template }, actor);
    const missing = list.items.filter((i) => i.blocking);
    if (missing.length > 0) {
      const codes = missing.map((i) => i.indicatorCode).join(', ');
      throw new RuleViolationError(
        t(`Poročila ni mogoče oddati: manjka obrazložitev odstopanj pri kazalnikih ${codes}`, `The report cannot be submitted: the explanation of deviations is missing for ${codes}`),
        missing.map((i) => ({ field: 'explanation', message: i.message })),
      );
    }
    const partners = await this.partners(project.id, current ? await this.repository.transitions(current.id) : []);
    const notReady = partners.filter((p) => !p.ready);
    if (notReady.length > 0 && !dto.overrideReason) {
      const names = notReady.map((p) => p.name).join(', ');
      throw new ConflictError(
        t(`Deli partnerjev niso pripravljeni (${names}); počakajte nanje ali navedite razlog za oddajo brez njih`, `Partners' parts are not ready (${names}); wait for them or give a reason to submit without them`),
        { notReady: notReady.map((p) => p.organisationId) },
      );
    }
    const comment = [dto.comment, notReady.length > 0 ? `Oddano brez delov partnerjev (${notReady.map((p) => p.name).join(', ')}): ${dto.overrideReason}` : null].filter(Boolean).join('\n') || null;
    const submission = await this.submissions.submit(
      code,
      { year: dto.year, template: dto.template, lang: dto.lang, fundingPeriodId: periodId },
      actor,
      {
        resubmission: current?.state === 'returned',
        inTransaction: async (em, submissionId) => {
          const now = nowIso();
          const cycle = await this.repository.findOrCreateForUpdate(em, project.id, periodId, dto.year, now);
          await this.step(em, cycle, project, 'submit', this.next(cycle.state, 'submit'), actor, now, comment, { submissionId });
        },
      },
    );
    return { ...(await this.view(code, { year: dto.year, fundingPeriodId: periodId }, actor)), submission };
  }

  /** The funder's reviewer returns the report with reasons, or approves it (which locks the year). */
  async decide(code: string, dto: ReviewDecisionDto, actor: Actor): Promise<CycleView> {
    const project = await this.projects.getByCode(code, actor);
    await this.access.require(actor, 'report.review', { projectId: project.id });
    const comment = dto.comment?.trim() || null;
    if (dto.action === 'return' && !comment) {
      throw new RuleViolationError(t('Vrnitev v dopolnitev potrebuje razloge', 'Returning a report needs the reasons'), [
        { field: 'comment', message: t('navedite, kaj je treba dopolniti', 'say what must be completed') },
      ]);
    }
    const periodId = await this.periodFor(project, dto);
    await this.transactions.run(async (em) => {
      const now = nowIso();
      const cycle = await this.repository.findOrCreateForUpdate(em, project.id, periodId, dto.year, now);
      const transition = await this.step(em, cycle, project, dto.action, this.next(cycle.state, dto.action), actor, now, comment, {});
      if (dto.action === 'approve') await this.locks.lockInTransaction(em, project.id, dto.year, `Letno poročilo ${dto.year} odobril ${actor.username}`, actor);
      await this.notifyLead(em, project, dto.year, dto.action, comment, `report:${cycle.id}:${transition.id}`);
    });
    await this.notifications.deliver();
    return this.view(code, { year: dto.year, fundingPeriodId: periodId }, actor);
  }

  /** Reports that are with the funder or back from it, for the reviewer's queue. */
  async queue(actor: Actor): Promise<QueueItem[]> {
    const cycles = await this.repository.inStates(await this.access.readableProjectIds(actor), ['submitted', 'resubmitted', 'returned', 'approved']);
    return cycles.map((c) => ({ projectCode: c.project!.code, projectName: c.project!.name, year: c.year, fundingPeriodId: c.fundingPeriodId, state: c.state, updatedAt: c.updatedAt }));
  }

  private async step(
    em: EntityManager,
    cycle: ReportCycle,
    project: Project,
    action: ReportAction,
    to: ReportState,
    actor: Actor,
    now: string,
    comment: string | null,
    extra: { organisationId?: number; submissionId?: number },
  ): Promise<ReportTransition> {
    const transition = await this.repository.insertTransition(em, {
      reportCycleId: cycle.id,
      action,
      fromState: cycle.state,
      toState: to,
      actor: actor.username,
      at: now,
      comment,
      organisationId: extra.organisationId ?? null,
      submissionId: extra.submissionId ?? null,
    });
    await this.repository.saveState(em, cycle, to, now);
    await this.audit.record(em, {
      actor,
      action,
      entityType: 'report_cycle',
      entityId: cycle.id,
      projectId: project.id,
      before: { state: cycle.state },
      after: { year: cycle.year, fundingPeriodId: cycle.fundingPeriodId, state: to, ...extra },
      reason: comment,
    });
    return transition;
  }

  private next(state: ReportState, action: ReportAction, allPartsReady = false): ReportState {
    try {
      return nextState(state, action, allPartsReady);
    } catch (error) {
      if (!(error instanceof TransitionRefused)) throw error;
      throw new ConflictError(t(`Poročilo v stanju »${STATE_SL[state]}« tega ne dopušča (${action})`, `A report in state ${state} does not allow ${action}`), { state });
    }
  }

  private async notifyLead(em: EntityManager, project: Project, year: number, action: 'return' | 'approve', comment: string | null, eventKey: string): Promise<void> {
    const userIds = await this.assignments.userIdsResponsibleFor(project.id);
    const subject =
      action === 'return' ? `Poročilo ${project.code} za leto ${year} je vrnjeno v dopolnitev` : `Poročilo ${project.code} za leto ${year} je odobreno`;
    const body = [`Pozdravljeni,`, ``, `${subject}.`, comment ? `\nRazlogi skrbnika pogodbe:\n${comment}` : '', ``, `Kazalnik`].join('\n');
    await this.notifications.record(
      em,
      userIds.map((userId) => ({ eventKey, userId, kind: action === 'return' ? 'report_returned' : 'report_approved', projectId: project.id, subject, body })),
    );
  }

  /** The contract a year is reported under: the one asked for, else the newest covering the year. */
  private async periodFor(project: Project, ref: ReportRefDto): Promise<number> {
    const periods = (await this.projectsRepository.findFundingPeriods([project.id])).filter((p) => reportingYearOf(p.startDate, p.endDate, ref.year));
    const chosen = ref.fundingPeriodId !== undefined ? periods.find((p) => p.id === ref.fundingPeriodId) : periods[periods.length - 1];
    if (!chosen) {
      throw new RuleViolationError(t('Leto ni v obdobju financiranja', 'The year is outside the funding periods'), [
        { field: ref.fundingPeriodId !== undefined ? 'fundingPeriodId' : 'year', message: t(`noben ugovor projekta ${project.code} ne zajema leta ${ref.year}`, `no contract of ${project.code} covers ${ref.year}`) },
      ]);
    }
    return chosen.id;
  }

  private async partners(projectId: number, history: ReportTransition[]): Promise<PartnerReadiness[]> {
    const detail = await this.projectsRepository.findDetail(projectId);
    const ready = new Map(history.filter((h) => h.action === 'part_ready').map((h) => [h.organisationId, h]));
    return detail.partners
      .filter((p) => p.role === 'partner')
      .map((p) => {
        const mark = ready.get(p.organisationId);
        return { organisationId: p.organisationId, name: p.organisation?.name ?? '', ready: Boolean(mark), readyBy: mark?.actor ?? null, readyAt: mark?.at ?? null };
      });
  }
}

export const STATE_SL: Record<ReportState, string> = {
  draft: 'osnutek',
  parts_ready: 'deli partnerjev pripravljeni',
  submitted: 'oddano',
  returned: 'vrnjeno v dopolnitev',
  resubmitted: 'ponovno oddano',
  approved: 'odobreno',
};
