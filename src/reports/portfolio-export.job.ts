import { Injectable, OnModuleInit } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { AccessPolicy } from '../access/access-policy';
import type { Actor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { JobRegistry } from '../jobs/job-registry';
import type { JobContext, JobHandler } from '../jobs/job.types';
import { PortfolioExportService } from './portfolio-export.service';

export interface PortfolioExportInput {
  year: number;
  toYear: number;
  lang: 'sl' | 'en';
}

/** A large portfolio export as a job: the same streamed workbook as over HTTP, written into the job's ZIP. */
@Injectable()
export class PortfolioExportJob implements JobHandler<PortfolioExportInput>, OnModuleInit {
  readonly type = 'portfolio-export';

  constructor(
    private readonly registry: JobRegistry,
    private readonly portfolio: PortfolioExportService,
    private readonly access: AccessPolicy,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async prepare(raw: unknown, actor: Actor): Promise<PortfolioExportInput> {
    await this.access.require(actor, 'portfolio.read');
    const input = (raw ?? {}) as Record<string, unknown>;
    const year = Number(input.year);
    const toYear = input.toYear === undefined ? year : Number(input.toYear);
    const lang = input.lang ?? 'sl';
    if (!Number.isInteger(year) || !Number.isInteger(toYear) || (lang !== 'sl' && lang !== 'en')) {
      throw new RuleViolationError(t('Neveljavno opravilo', 'Invalid job input'), [
        { field: 'input', message: t('potrebni so year, neobvezno toYear in lang (sl ali en)', 'year is required; toYear and lang (sl or en) are optional') },
      ]);
    }
    this.portfolio.assertSpan(year, toYear);
    return { year, toYear, lang };
  }

  async run(input: PortfolioExportInput, context: JobContext): Promise<{ fileName: string }> {
    const span = input.toYear !== input.year ? `${input.year}-${input.toYear}` : String(input.year);
    const sheet = new PassThrough();
    await context.progress(0);
    const added = context.zip.add(`kazalniki-${span}.xlsx`, sheet);
    await this.portfolio.write(input.year, input.toYear, input.lang, context.actor, sheet);
    await added;
    await context.progress(100);
    return { fileName: `kazalniki-${span}.zip` };
  }
}
