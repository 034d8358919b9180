import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { canonicalJson } from '../audit/hash-chain';
import { Actor } from '../auth/actor';
import { ConflictError, ForbiddenError, NotFoundError, asNotFound } from '../common/errors';
import { nowIso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { SummaryService } from '../indicators/summary/summary.service';
import { IndicatorSummary } from '../indicators/indicator-summary.types';
import { LocksService } from '../locks/locks.service';
import { ProjectsService } from '../projects/projects.service';
import { ReportSubmission } from './entities/report-submission.entity';
import { SubmittedFile } from './entities/submitted-file.entity';
import { CONTENT_TYPES, GeneratedFile, REPORT_FORMATS, ReportFormat } from './report-files';
import { ReportsService } from './reports.service';
import { diffSnapshots, SnapshotChange } from './snapshot-diff';

export interface SubmissionView {
  id: number;
  projectCode: string;
  year: number;
  templateId: string;
  lang: string;
  submittedBy: string;
  submittedAt: string;
  files: { format: string; fileName: string; sha256: string; sizeBytes: number }[];
}

/**
 * Submitting an annual report: both files are generated from one snapshot of the figures, stored
 * byte for byte with their SHA-256, and the year is locked, all in one transaction.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly summaries: SummaryService,
    private readonly projects: ProjectsService,
    private readonly locks: LocksService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /**
   * `options.resubmission`: the reporting cycle resubmits a returned report, whose year stays
   * locked since the first submission. `options.inTransaction` runs in the same transaction after
   * the files are stored (the cycle records its transition there).
   */
  async submit(
    code: string,
    request: { year: number; template?: string; lang?: 'sl' | 'en'; fundingPeriodId?: number },
    actor: Actor,
    options: { resubmission?: boolean; inTransaction?: (em: EntityManager, submissionId: number) => Promise<void> } = {},
  ): Promise<SubmissionView> {
    const { year } = request;
    const project = await this.projects.getWritable(code, actor, 'report.submit');
    if (!options.resubmission && (await this.locks.isLocked(project.id, year))) {
      throw new ConflictError(`The reporting year ${year} of ${code} is locked: it was submitted already or closed; correct figures first, then download the stored report`);
    }
    const report = await this.reports.prepare({ code, year, templateId: request.template, lang: request.lang, fundingPeriodId: request.fundingPeriodId }, actor);
    const generated = [await this.reports.render(report, 'xlsx'), await this.reports.render(report, 'pdf')];
    const id = await this.transactions.run(async (em) => {
      // Checked again inside the transaction: a second submission, or a lock, may have landed
      // while the files were being drawn.
      if (!options.resubmission && (await this.locks.isLocked(project.id, year, em))) {
        throw new ConflictError(`The reporting year ${year} of ${code} was locked while the report was being prepared; it was not submitted again`);
      }
      const submission = await em.save(ReportSubmission, em.create(ReportSubmission, {
        projectId: project.id,
        year,
        templateId: report.template.id,
        lang: report.lang,
        submittedBy: actor.username,
        submittedAt: nowIso(),
        snapshot: canonicalJson({ fundingPeriodId: request.fundingPeriodId ?? null, indicators: report.input.indicators }),
      }));
      const files = [];
      for (const [i, format] of (['xlsx', 'pdf'] as const).entries()) {
        const file = generated[i];
        const row = await em.save(SubmittedFile, em.create(SubmittedFile, {
          submissionId: submission.id,
          format,
          fileName: file.fileName,
          sha256: file.sha256,
          sizeBytes: file.body.length,
          contentBase64: file.body.toString('base64'),
        }));
        files.push({ format, fileName: row.fileName, sha256: row.sha256, sizeBytes: row.sizeBytes });
      }
      await this.audit.record(em, {
        actor,
        action: 'submit',
        entityType: 'report_submission',
        entityId: submission.id,
        projectId: project.id,
        after: { year, templateId: submission.templateId, lang: submission.lang, files },
      });
      await options.inTransaction?.(em, submission.id);
      await this.locks.lockInTransaction(em, project.id, year, `Letno poročilo ${year} oddano (oddaja ${submission.id})`, actor);
      return submission.id;
    });
    return this.view(id);
  }

  async list(code: string, actor: Actor): Promise<SubmissionView[]> {
    const project = await this.projects.getByCode(code, actor);
    const rows = await this.transactions.manager.find(ReportSubmission, {
      where: { projectId: project.id },
      relations: { project: true, files: true },
      order: { id: 'DESC' },
    });
    return rows.map(toView);
  }

  /** The exact bytes that were submitted. */
  async file(id: number, format: ReportFormat, actor: Actor): Promise<GeneratedFile> {
    await this.findReadable(id, actor);
    if (!REPORT_FORMATS.includes(format)) throw new NotFoundError(`No ${format} file in submission ${id}`);
    const file = await this.transactions.manager
      .createQueryBuilder(SubmittedFile, 'f')
      .addSelect('f.contentBase64')
      .where('f.submissionId = :id AND f.format = :format', { id, format })
      .getOne();
    if (!file) throw new NotFoundError(`No ${format} file in submission ${id}`);
    return { fileName: file.fileName, contentType: CONTENT_TYPES[format], body: Buffer.from(file.contentBase64, 'base64'), sha256: file.sha256 };
  }

  /** What changed in the figures since the report was submitted (for corrections). */
  async diff(id: number, actor: Actor): Promise<{ submission: SubmissionView; changes: SnapshotChange[] }> {
    const submission = await this.findReadable(id, actor);
    const full = await this.transactions.manager.findOneByOrFail(ReportSubmission, { id });
    const snapshot = JSON.parse(full.snapshot) as { fundingPeriodId: number | null; indicators: IndicatorSummary[] };
    const current = await this.summaries.forProject(submission.projectCode, submission.year, undefined, actor, { fundingPeriodId: snapshot.fundingPeriodId ?? undefined });
    return { submission, changes: diffSnapshots(snapshot.indicators, current.indicators) };
  }

  private async findReadable(id: number, actor: Actor): Promise<SubmissionView> {
    const submission = await this.view(id);
    await asNotFound(this.projects.getByCode(submission.projectCode, actor), `Report submission ${id} does not exist`);
    return submission;
  }

  private async view(id: number): Promise<SubmissionView> {
    const row = await this.transactions.manager.findOne(ReportSubmission, { where: { id }, relations: { project: true, files: true } });
    if (!row) throw new NotFoundError(`Report submission ${id} does not exist`);
    return toView(row);
  }
}

function toView(row: ReportSubmission): SubmissionView {
  return {
    id: row.id,
    projectCode: row.project!.code,
    year: row.year,
    templateId: row.templateId,
    lang: row.lang,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt,
    files: (row.files ?? []).sort((a, b) => a.id - b.id).map((f) => ({ format: f.format, fileName: f.fileName, sha256: f.sha256, sizeBytes: f.sizeBytes })),
  };
}
