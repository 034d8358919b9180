import { BadRequestException, Injectable, OnModuleInit } from '@nestjs/common';
import { AccessPolicy } from '../access/access-policy';
import type { Actor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import { t } from '../common/i18n/text';
import { splitEvenly } from '../common/split-evenly';
import { periodForYear } from '../indicators/summary/summary-builder';
import { JobRegistry } from '../jobs/job-registry';
import type { JobContext, JobHandler } from '../jobs/job.types';
import { ProjectsRepository } from '../projects/projects.repository';
import { ProjectsService } from '../projects/projects.service';
import { isIsoDate } from '../projects/reporting-years';
import type { ReportFormat } from './report-files';
import { ReportsService } from './reports.service';

/** All annual reports of a year: of a funder, of a public call, or of every readable project. */
export interface AnnualReportsInput {
  year: number;
  funderId?: number;
  publicCallId?: number;
  /** Empty: each project's own template (its funder's form). */
  templates: string[];
  formats: ReportFormat[];
  /** Report date `YYYY-MM-DD`; today by default. */
  date?: string;
  /** Empty: each template's own language. */
  langs: ('sl' | 'en')[];
  /** A part's projects (see `split`); never taken from the submitted input. */
  projects?: string[];
}

/** Parts a job is split into at most: enough for a few workers to stay busy to the end, few enough to cost little each. */
const MAX_PARTS = 32;

export const ANNUAL_REPORTS_JOB = 'annual-reports';

/**
 * The job behind "Izvozi vse" and `report --all`: every project (readable by the actor, whose
 * contract covers the year, of the funder or call when one is named) × template × format ×
 * language, drawn one at a time into the job's ZIP. Each report is generated as the actor, with
 * the same access checks as one report over HTTP. The projects are split into parts that
 * workers draw side by side.
 */
@Injectable()
export class AnnualReportsJob implements JobHandler<AnnualReportsInput>, OnModuleInit {
  readonly type = ANNUAL_REPORTS_JOB;

  constructor(
    private readonly registry: JobRegistry,
    private readonly reports: ReportsService,
    private readonly projects: ProjectsService,
    private readonly projectsRepository: ProjectsRepository,
    private readonly access: AccessPolicy,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async prepare(raw: unknown, actor: Actor): Promise<AnnualReportsInput> {
    await this.access.require(actor, 'report.generate');
    const input = (raw ?? {}) as Record<string, unknown>;
    const errors: { field: string; message: ReturnType<typeof t> }[] = [];
    const year = Number(input.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) errors.push({ field: 'input.year', message: t('leto mora biti letnica, npr. 2020', 'year must be a year, e.g. 2020') });
    const optionalId = (name: 'funderId' | 'publicCallId') => {
      if (input[name] === undefined || input[name] === null) return undefined;
      const id = Number(input[name]);
      if (!Number.isInteger(id) || id < 1) errors.push({ field: `input.${name}`, message: t(`${name} mora biti številka`, `${name} must be an id`) });
      return id;
    };
    const list = <T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] => {
      const value = input[name] ?? fallback;
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => !allowed.includes(v as T))) {
        errors.push({ field: `input.${name}`, message: t(`${name}: seznam vrednosti ${allowed.join(', ')}`, `${name} must be a list of ${allowed.join(', ')}`) });
        return fallback;
      }
      return [...new Set(value as T[])];
    };
    const templateIds = this.reports.templates().map((tpl) => tpl.id);
    const prepared: AnnualReportsInput = {
      year,
      funderId: optionalId('funderId'),
      publicCallId: optionalId('publicCallId'),
      templates: input.templates === undefined || (Array.isArray(input.templates) && input.templates.length === 0) ? [] : list('templates', templateIds, []),
      formats: list<ReportFormat>('formats', ['pdf', 'xlsx'], ['pdf']),
      langs: input.langs === undefined ? [] : list<'sl' | 'en'>('langs', ['sl', 'en'], []),
      date: input.date === undefined ? undefined : String(input.date),
    };
    if (prepared.date !== undefined && !isIsoDate(prepared.date)) {
      errors.push({ field: 'input.date', message: t('datum mora biti oblike LLLL-MM-DD', 'date must be a calendar date YYYY-MM-DD') });
    }
    if (errors.length) throw new RuleViolationError(t('Neveljavno opravilo', 'Invalid job input'), errors);
    return prepared;
  }

  /**
   * The projects in up to MAX_PARTS runs of consecutive codes, as even as whole projects allow, so
   * that every worker has a part to take until nearly the end; each part draws all its projects'
   * variants and formats, as the whole job would.
   */
  async split(input: AnnualReportsInput, actor: Actor): Promise<AnnualReportsInput[]> {
    return splitEvenly(await this.projectCodes(input, actor), MAX_PARTS).map((projects) => ({ ...input, projects }));
  }

  async run(input: AnnualReportsInput, context: JobContext): Promise<{ fileName: string }> {
    const codes = input.projects ?? (await this.projectCodes(input, context.actor));
    const langs: ('sl' | 'en' | undefined)[] = input.langs.length ? input.langs : [undefined];
    const templates: (string | undefined)[] = input.templates.length ? input.templates : [undefined];
    const variants = templates.flatMap((templateId) => langs.map((lang) => ({ templateId, lang })));
    const total = codes.length * variants.length * input.formats.length;
    let done = 0;
    await context.progress(0);
    for (const code of codes) {
      for (const { templateId, lang } of variants) {
        // The figures are loaded once per project and template, then drawn in every format.
        const prepared = await this.reports
          .prepare({ code, year: input.year, templateId, lang, date: input.date }, context.actor)
          .catch((error: unknown) => {
            // A template named for all projects is not every funder's form: those are left out.
            if (error instanceof BadRequestException) return null;
            throw error;
          });
        if (!prepared) {
          done += input.formats.length;
          await context.progress((done / total) * 100);
          continue;
        }
        for (const format of input.formats) {
          const file = await this.reports.render(prepared, format);
          await context.zip.add(input.templates.length > 1 ? `${templateId}/${file.fileName}` : file.fileName, file.body);
          done += 1;
          await context.progress((done / total) * 100);
        }
      }
    }
    const scope = input.publicCallId ? `razpis-${input.publicCallId}-` : input.funderId ? `financer-${input.funderId}-` : '';
    return { fileName: `porocila-${scope}${input.year}.zip` };
  }

  /** Codes of the readable projects whose contract covers the year, of the funder or call if named. */
  private async projectCodes(input: AnnualReportsInput, actor: Actor): Promise<string[]> {
    const projects = await this.projects.list(actor);
    const periods = await this.projectsRepository.findFundingPeriods(projects.map((p) => p.id));
    return projects
      .filter((p) => {
        const period = periodForYear(periods.filter((f) => f.projectId === p.id), input.year);
        if (!period) return false;
        if (input.publicCallId !== undefined && period.publicCallId !== input.publicCallId) return false;
        if (input.funderId !== undefined && !(period.funders ?? []).some((f) => f.funderId === input.funderId)) return false;
        return true;
      })
      .map((p) => p.code)
      .sort();
  }
}
