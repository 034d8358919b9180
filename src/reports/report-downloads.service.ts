import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { GeneratedFile } from './report-files';
import { ReportRequest, ReportsService } from './reports.service';
import { SubmissionsService } from './submissions.service';

export interface ReportDownload {
  file: GeneratedFile;
  /** `submission`: the stored bytes of a submitted report; `current`: built now from today's figures. */
  source: 'submission' | 'current';
  submissionId: number | null;
}

/**
 * The annual report a user downloads. For a year that was submitted it is the submission, byte for
 * byte (its SHA-256 is the stored one), unless the current figures are asked for or a template or
 * language other than the submitted one; the answer says which it is.
 */
@Injectable()
export class ReportDownloadsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly submissions: SubmissionsService,
  ) {}

  async download(request: ReportRequest & { current?: boolean }, actor: Actor): Promise<ReportDownload> {
    if (!request.current && request.fundingPeriodId === undefined) {
      const submitted = (await this.submissions.list(request.code, actor)).find(
        (s) =>
          s.year === request.year &&
          (request.templateId === undefined || s.templateId === request.templateId) &&
          (request.lang === undefined || s.lang === request.lang) &&
          s.files.some((f) => f.format === request.format),
      );
      if (submitted) {
        return { file: await this.submissions.file(submitted.id, request.format, actor), source: 'submission', submissionId: submitted.id };
      }
    }
    return { file: await this.reports.generate(request, actor), source: 'current', submissionId: null };
  }
}
