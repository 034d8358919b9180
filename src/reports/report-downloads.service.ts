import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Actor } from '../auth/actor';
import { Transactions } from '../database/transactions';
import { periodForYear } from '../indicators/summary/summary-builder';
import { ProjectsRepository } from '../projects/projects.repository';
import { ProjectsService } from '../projects/projects.service';
import { ReportSubmission } from './entities/report-submission.entity';
import { GeneratedFile } from './report-files';
import { ReportRequest, ReportsService } from './reports.service';
import { SubmissionsService, SubmissionView } from './submissions.service';

export interface ReportDownload {
  file: GeneratedFile;
  /** `submission`: the stored bytes of a submitted report; `current`: built now from today's figures. */
  source: 'submission' | 'current';
  submissionId: number | null;
}

/**
 * The annual report a user downloads. For a year that was submitted it is the submission, byte for
 * byte (its SHA-256 is the stored one), unless the current figures are asked for or a template or
 * language other than the submitted one; the answer says which it is. A year split between two
 * contracts has a report per contract: the submission answers only for the contract it covers (the
 * one asked for with `fundingPeriodId`, else the newest covering the year, as the summary chooses).
 */
@Injectable()
export class ReportDownloadsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly submissions: SubmissionsService,
    private readonly projects: ProjectsService,
    private readonly projectRows: ProjectsRepository,
    private readonly transactions: Transactions,
  ) {}

  async download(request: ReportRequest & { current?: boolean }, actor: Actor): Promise<ReportDownload> {
    if (!request.current) {
      const submitted = await this.submissionFor(request, actor);
      if (submitted) {
        return { file: await this.submissions.file(submitted.id, request.format, actor), source: 'submission', submissionId: submitted.id };
      }
    }
    return { file: await this.reports.generate(request, actor), source: 'current', submissionId: null };
  }

  private async submissionFor(request: ReportRequest, actor: Actor): Promise<SubmissionView | undefined> {
    const candidates = (await this.submissions.list(request.code, actor)).filter(
      (s) =>
        s.year === request.year &&
        (request.templateId === undefined || s.templateId === request.templateId) &&
        (request.lang === undefined || s.lang === request.lang) &&
        s.files.some((f) => f.format === request.format),
    );
    if (candidates.length === 0) return undefined;
    // list() has checked read access to the project.
    const project = await this.projects.getByCode(request.code, actor);
    const newest = periodForYear(await this.projectRows.findFundingPeriods([project.id]), request.year)?.id;
    const wanted = request.fundingPeriodId ?? newest;
    const periods = await this.submittedPeriods(candidates.map((s) => s.id));
    return candidates.find((s) => (periods.get(s.id) ?? newest) === wanted);
  }

  /** The contract each submission was built for, as its snapshot records it (null: the default one). */
  private async submittedPeriods(ids: number[]): Promise<Map<number, number | null>> {
    const rows = await this.transactions.manager.find(ReportSubmission, { select: { id: true, snapshot: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, (JSON.parse(r.snapshot) as { fundingPeriodId?: number | null }).fundingPeriodId ?? null]));
  }
}
