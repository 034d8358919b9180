import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import { buildReportModel } from './model/build-report-model';
import { ReportInput } from './model/report-input.types';
import { renderXlsx } from './render/excel-renderer';
import { warmUpFonts } from './render/pdf-fonts';
import { renderPdf } from './render/pdf-renderer';
import { CONTENT_TYPES, GeneratedFile, ReportFormat, reportFileName, sha256 } from './report-files';
import { ReportInputService } from './report-input.service';
import { ReportTemplate } from './templates/report-template.types';
import { appliesTo, notApplicable, ownTemplate } from './templates/template-scope';
import { listTemplates } from './templates/template-loader';

export interface ReportRequest {
  code: string;
  year: number;
  format: ReportFormat;
  templateId?: string;
  lang?: 'sl' | 'en';
  /** Which contract, when a renewal splits the year between two funding periods. */
  fundingPeriodId?: number;
  /** Report date `YYYY-MM-DD` (signature and document dates); today (UTC) by default. */
  date?: string;
}

export interface PreparedReport {
  input: ReportInput;
  template: ReportTemplate;
  lang: 'sl' | 'en';
}

/** The template whose threshold a report is first summarised with, before its own is known. */
export const DEFAULT_TEMPLATE = 'ess-kazalniki';

/** Midnight UTC of the report date, today's by default. */
export function reportDate(date: string | undefined, today: Date = new Date()): Date {
  return new Date(`${date ?? today.toISOString().slice(0, 10)}T00:00:00.000Z`);
}

/** Annual reports: one model built from the figures, drawn as Excel or PDF. */
@Injectable()
export class ReportsService implements OnModuleInit {
  private readonly logger = new Logger(ReportsService.name);

  /** The templates as read at the start, frozen (a report cannot change them for the next one). */
  private loaded: readonly ReportTemplate[] | null = null;

  constructor(private readonly inputs: ReportInputService) {}

  /**
   * The templates are read once, as the app starts: a broken file stops the start, naming the file
   * and key, instead of failing a coordinator later, and a changed file counts from the next start.
   * Read for every report, they were four YAML parses and a dozen file lookups a report (2 % of a
   * worker's time drawing annual PDFs). The PDF fonts are made ready too, so the first report is
   * as quick as the rest.
   */
  async onModuleInit(): Promise<void> {
    const templates = this.templates();
    this.logger.log(`Report templates: ${templates.map((t) => t.id).join(', ')}`);
    await warmUpFonts();
  }

  templates(): ReportTemplate[] {
    this.loaded ??= listTemplates().map(deepFreeze);
    return [...this.loaded];
  }

  async generate(request: ReportRequest, actor: Actor): Promise<GeneratedFile> {
    return this.render(await this.prepare(request, actor), request.format);
  }

  /**
   * Loads the figures once; several formats can then be drawn from the same report. The report
   * date is a day, so two downloads on the same day (or with the same `date`) are the same bytes.
   */
  async prepare(request: Omit<ReportRequest, 'format'>, actor: Actor): Promise<PreparedReport> {
    const now = reportDate(request.date);
    const build = (threshold: number) =>
      this.inputs.build(request.code, request.year, actor, now, { deviationThresholdPercent: threshold, fundingPeriodId: request.fundingPeriodId });
    const asked = request.templateId === undefined ? null : this.template(request.templateId);
    const threshold = (asked ?? this.template(DEFAULT_TEMPLATE)).deviationThresholdPercent;
    const first = await build(threshold);
    const template = asked ?? ownTemplate(this.templates(), first.project);
    if (!appliesTo(template, first.project)) throw notApplicable(template, first.project, this.templates());
    // The project's own template may ask for another threshold: the figures are then summarised again.
    const input = template.deviationThresholdPercent === threshold ? first : await build(template.deviationThresholdPercent);
    return { input, template, lang: request.lang ?? template.defaultLanguage };
  }

  async render({ input, template, lang }: PreparedReport, format: ReportFormat): Promise<GeneratedFile> {
    const model = buildReportModel(input, template, lang);
    const body = format === 'xlsx' ? await renderXlsx(model) : await renderPdf(model);
    return { fileName: reportFileName(input.project.code, input.year, lang, format), contentType: CONTENT_TYPES[format], body, sha256: sha256(body) };
  }

  template(id: string): ReportTemplate {
    const templates = this.templates();
    const found = templates.find((t) => t.id === id);
    if (!found) {
      throw new RuleViolationError('Unknown template', [{ field: 'template', message: `template must be one of: ${templates.map((t) => t.id).join(', ')}` }]);
    }
    return found;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
