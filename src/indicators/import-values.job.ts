import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessPolicy } from '../access/access-policy';
import type { Actor } from '../auth/actor';
import { DomainError, NotFoundError, RuleViolationError } from '../common/errors';
import { renderDeep, t } from '../common/i18n/text';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobFilesRepository } from '../jobs/job-files.repository';
import { JobRegistry } from '../jobs/job-registry';
import type { JobContext, JobHandler, JobView } from '../jobs/job.types';
import { JobsService } from '../jobs/jobs.service';
import { ProjectsRepository } from '../projects/projects.repository';
import { publicResult } from './use-cases/batch-errors';
import { ImportValuesHandler } from './use-cases/import-values.handler';

/** A workbook import as a job: what is queued (the file waits in the job file store). */
export interface ImportValuesJobInput {
  projectCode: string;
  uploadId: string;
  fileName: string;
  dryRun: boolean;
  reason: string | null;
  partnerExcessReason: string | null;
  lang: 'sl' | 'en';
}

/** What the import answered, as the HTTP route would have: its status and body. */
export interface ImportOutcome {
  status: number;
  body: unknown;
}

export const IMPORT_VALUES_JOB = 'values-import';

/**
 * Workbooks larger than IMPORT_QUEUE_BYTES are imported as a job (the route answers 202 with it):
 * the same ImportValuesHandler runs in a worker as the uploader, and the job's result carries what
 * the route would have answered — the counts and rows, or the refusal with every row's error by
 * row and column — as `result.data`, and in the ZIP as `uvoz-<project>.json`.
 */
@Injectable()
export class ImportValuesJob implements JobHandler<ImportValuesJobInput>, OnModuleInit {
  readonly type = IMPORT_VALUES_JOB;

  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobsService,
    private readonly files: JobFilesRepository,
    private readonly importer: ImportValuesHandler,
    private readonly projects: ProjectsRepository,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** Whether a file this large goes to the queue instead of being imported in the request. */
  queues(bytes: number): boolean {
    return bytes > this.config.importQueueBytes;
  }

  /** Stores the upload and submits the job; the caller answers 202 with it. */
  async submit(input: Omit<ImportValuesJobInput, 'uploadId'> & { file: Buffer }, actor: Actor): Promise<JobView> {
    const { file, ...rest } = input;
    await this.checkAccess(rest.projectCode, actor);
    const uploadId = `upload-${randomUUID()}`;
    const writer = this.files.writer(uploadId);
    await new Promise<void>((resolve, reject) => writer.end(file, (error?: Error | null) => (error ? reject(error) : resolve())));
    return this.jobs.submit(this.type, { ...rest, uploadId }, actor);
  }

  async prepare(raw: unknown, actor: Actor): Promise<ImportValuesJobInput> {
    const input = (raw ?? {}) as Partial<ImportValuesJobInput>;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    if (typeof input.projectCode !== 'string' || typeof input.uploadId !== 'string' || !/^upload-[0-9a-f-]{36}$/.test(input.uploadId) || typeof input.dryRun !== 'boolean') {
      throw new RuleViolationError(t('Neveljavno opravilo', 'Invalid job input'), [
        { field: 'input', message: t('uvoz vrednosti se odda z naložitvijo datoteke (POST /api/projects/{koda}/values/import)', 'a values import is submitted by uploading the file (POST /api/projects/{code}/values/import)') },
      ]);
    }
    await this.checkAccess(input.projectCode, actor);
    return {
      projectCode: input.projectCode,
      uploadId: input.uploadId,
      fileName: text(input.fileName) ?? 'vrednosti.xlsx',
      dryRun: input.dryRun,
      reason: text(input.reason),
      partnerExcessReason: text(input.partnerExcessReason),
      lang: input.lang === 'en' ? 'en' : 'sl',
    };
  }

  async run(input: ImportValuesJobInput, context: JobContext): Promise<{ fileName: string; data: ImportOutcome }> {
    await context.progress(0);
    const chunks: Buffer[] = [];
    for await (const chunk of this.files.read(input.uploadId)) chunks.push(chunk);
    await context.progress(10);
    const outcome = await this.outcome(input, Buffer.concat(chunks), context.actor);
    await this.files.remove(input.uploadId);
    await context.zip.add(`uvoz-${input.projectCode}.json`, Buffer.from(JSON.stringify(outcome, null, 2)));
    await context.progress(100);
    return { fileName: `uvoz-${input.projectCode}.zip`, data: outcome };
  }

  /** The import's answer; a refusal of the file or of its rows is an answer too, not a failed job. */
  private async outcome(input: ImportValuesJobInput, file: Buffer, actor: Actor): Promise<ImportOutcome> {
    try {
      const result = await this.importer.execute(
        { projectCode: input.projectCode, file, fileName: input.fileName, dryRun: input.dryRun, reason: input.reason, partnerExcessReason: input.partnerExcessReason },
        actor,
      );
      return { status: 200, body: renderDeep(publicResult(result), input.lang) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { status: error.status, body: renderDeep({ statusCode: error.status, error: error.name, message: error.text, ...error.details }, input.lang) };
    }
  }

  private async checkAccess(code: string, actor: Actor): Promise<void> {
    const project = await this.projects.findByCode(code);
    if (!project) throw new NotFoundError(t('Projekt ne obstaja', 'Project not found'));
    await this.access.valueEntryScope(actor, project.id);
  }
}
