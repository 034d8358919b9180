import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../access/access-policy';
import type { Actor } from '../../auth/actor';
import { DomainError, NotFoundError } from '../../common/errors';
import { t, type Message } from '../../common/i18n/text';
import { ProjectsRepository } from '../../projects/projects.repository';
import { AchievedValuesRepository } from '../achieved-values.repository';
import { yearTarget } from '../calculation/targets';
import { isShareIndicator } from '../entities/indicator.entity';
import { IndicatorsRepository } from '../indicators.repository';
import { readValuesWorkbook, TemplateRow, writeValuesTemplate } from '../workbook/values-workbook';
import { BatchRejectedError, rowError, valueKey } from './batch-errors';
import { RecordValuesHandler } from './record-values.handler';
import { RecordValuesResult, RowError, ValueRowInput } from './record-values.input';

/** Largest workbook accepted: a year of monthly values of a large project is a few hundred kB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** A file that cannot be a values workbook: not an XLSX, macro-enabled, too large, another project's. */
export class UnacceptableFileError extends DomainError {
  constructor(
    readonly status: number,
    message: Message,
  ) {
    super(message, { errors: [{ field: 'file', message }] });
  }
}

/** Where a handler's field shows in the workbook: errors name the column the user sees. */
const COLUMN_OF: Record<string, string> = {
  value: 'Dosežena vrednost',
  numerator: 'Števec',
  denominator: 'Imenovalec',
  periodStart: 'Od',
  periodEnd: 'Do',
  partnerOrganisationId: 'Partner',
  indicatorId: 'Koda',
  comment: 'Komentar',
  version: 'Različica',
  id: 'ID vrednosti',
  dimension: 'Razčlenitev',
  dimensionValue: 'Vrednost razčlenitve',
};

export interface ImportValuesInput {
  projectCode: string;
  file: Buffer;
  fileName?: string;
  dryRun: boolean;
  reason?: string | null;
  partnerExcessReason?: string | null;
}

/**
 * The Excel round trip: the template of a project's year, and its import through the one write
 * path (RecordValuesHandler). A dry run and the commit see the same rows, so the commit applies
 * exactly what the dry run showed, or nothing.
 */
@Injectable()
export class ImportValuesHandler {
  constructor(
    private readonly access: AccessPolicy,
    private readonly projects: ProjectsRepository,
    private readonly indicators: IndicatorsRepository,
    private readonly values: AchievedValuesRepository,
    private readonly record: RecordValuesHandler,
  ) {}

  /** The workbook to fill in for one year, pre-filled with what is stored. */
  async template(projectCode: string, year: number, actor: Actor, created = new Date()): Promise<{ fileName: string; content: Buffer }> {
    const project = await this.project(projectCode);
    await this.access.valueEntryScope(actor, project.id);
    const detail = await this.projects.findDetail(project.id);
    const span = yearSpan(detail.fundingPeriods, year);
    if (!span) {
      throw new UnacceptableFileError(400, t(`leto ${year} ni v obdobju financiranja projekta ${project.code}`, `${year} lies outside every funding period of ${project.code}`));
    }
    const indicators = await this.indicators.findByProject(project.id);
    const [stored, targets] = await Promise.all([
      this.values.findByIndicatorsAndYears(indicators.map((i) => i.id), [year]),
      this.indicators.findTargetsByProjects([project.id]),
    ]);
    const partners = detail.partners.filter((p) => p.role === 'partner');
    const rows: TemplateRow[] = [];
    for (const indicator of indicators) {
      const parts: { partnerId: number | null; partnerName: string; dimension: string | null; dimensionValue: string | null }[] = [
        { partnerId: null, partnerName: 'Skupaj', dimension: null, dimensionValue: null },
        ...partners.map((p) => ({ partnerId: p.organisationId, partnerName: p.organisation?.name ?? '', dimension: null, dimensionValue: null })),
        ...dimensionParts(indicator.dimensions, stored.filter((v) => v.indicatorId === indicator.id)),
      ];
      const entries = targets.filter((x) => x.indicatorId === indicator.id).map((x) => ({ ...x, partnerId: x.partnerOrganisationId }));
      for (const part of parts) {
        const key = valueKey({ indicatorId: indicator.id, partnerOrganisationId: part.partnerId, dimension: part.dimension, dimensionValue: part.dimensionValue });
        const mine = stored.filter((v) => valueKey(v) === key);
        const planned = part.dimension ? null : (yearTarget(entries, year, part.partnerId)?.toString() ?? null);
        const base = { indicatorId: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit, isShare: isShareIndicator(indicator), ...part, planned };
        if (mine.length === 0) rows.push({ ...base, periodStart: span.start, periodEnd: span.end, value: null });
        for (const v of mine) {
          rows.push({ ...base, periodStart: v.periodStart, periodEnd: v.periodEnd, value: { id: v.id, version: v.version, value: v.value, numerator: v.numerator, denominator: v.denominator, comment: v.comment } });
        }
      }
    }
    const content = await writeValuesTemplate({ projectCode: project.code, projectName: project.name, year, rows, created });
    return { fileName: `vrednosti-${project.code}-${year}.xlsx`, content };
  }

  /** Checks the workbook and records its rows (or, in a dry run, says what it would do). */
  async execute(input: ImportValuesInput, actor: Actor): Promise<RecordValuesResult> {
    const project = await this.project(input.projectCode);
    // Which rows the actor may change is the record handler's check, row by row.
    await this.access.valueEntryScope(actor, project.id);
    assertAcceptable(input);
    let book;
    try {
      book = await readValuesWorkbook(input.file);
    } catch {
      throw new UnacceptableFileError(415, t('datoteka ni veljaven delovni zvezek XLSX', 'the file is not a valid XLSX workbook'));
    }
    if (book.projectCode === null || book.year === null) {
      throw new UnacceptableFileError(400, t('datoteka ni predloga Kazalnika (prenesite jo na strani projekta)', 'the file is not a Kazalnik template (download one from the project page)'));
    }
    if (book.projectCode !== project.code) {
      throw new UnacceptableFileError(400, t(`datoteka je predloga projekta ${book.projectCode}, ne ${project.code}`, `the file is the template of project ${book.projectCode}, not ${project.code}`));
    }
    const errors: RowError[] = book.problems.map((p) => rowError(p.row, p.field, t(p.sl, p.en)));
    const byCode = new Map((await this.indicators.findByProject(project.id)).map((i) => [i.code, i.id]));
    const rows: ValueRowInput[] = [];
    for (const r of book.rows) {
      const indicatorId = r.indicatorId ?? byCode.get(r.code);
      if (indicatorId === undefined) {
        errors.push(rowError(r.row, 'Koda', t(`kazalnik ${r.code || '(prazno)'} v projektu ${project.code} ne obstaja`, `indicator ${r.code || '(empty)'} does not exist in ${project.code}`)));
        continue;
      }
      if (r.periodStart === null || r.periodEnd === null) continue;
      if (Number(r.periodStart.slice(0, 4)) !== book.year) {
        errors.push(rowError(r.row, 'Od', t(`obdobje ${r.periodStart} ni v letu predloge (${book.year})`, `the period ${r.periodStart} is not in the template's year (${book.year})`)));
        continue;
      }
      rows.push({
        row: r.row,
        ...(r.id ? { id: r.id, version: r.version ?? undefined } : {}),
        indicatorId,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        partnerOrganisationId: r.partnerId,
        dimension: r.dimension,
        dimensionValue: r.dimensionValue,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        comment: r.comment,
      });
    }
    if (rows.length === 0 && errors.length === 0) {
      return { batchId: null, dryRun: input.dryRun, applied: false, counts: { create: 0, update: 0, unchanged: 0 }, rows: [], errors: [] };
    }
    const record = { projectId: project.id, rows, dryRun: input.dryRun || errors.length > 0, reason: input.reason, partnerExcessReason: input.partnerExcessReason };
    let result: RecordValuesResult;
    try {
      result = rows.length ? await this.record.execute(record, actor) : { batchId: null, dryRun: true, applied: false, counts: { create: 0, update: 0, unchanged: 0 }, rows: [], errors: [] };
    } catch (error) {
      if (error instanceof BatchRejectedError) throw new BatchRejectedError(error.errors.map(toColumn));
      throw error;
    }
    const all = [...errors, ...result.errors.map(toColumn)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (!input.dryRun && all.length > 0) throw new BatchRejectedError(all, result.rows);
    return { ...result, dryRun: input.dryRun, errors: all };
  }

  private async project(code: string) {
    const project = await this.projects.findByCode(code);
    if (!project) throw new NotFoundError(t('Projekt ne obstaja', 'Project not found'));
    return project;
  }
}

function toColumn(e: RowError): RowError {
  return { ...e, field: COLUMN_OF[e.field] ?? e.field };
}

function assertAcceptable(input: ImportValuesInput): void {
  if (input.file.length > MAX_IMPORT_BYTES) {
    throw new UnacceptableFileError(413, t(`datoteka je večja od ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`));
  }
  if (input.file.subarray(0, 4).toString('binary') !== 'PK\x03\x04') {
    throw new UnacceptableFileError(415, t('datoteka ni delovni zvezek XLSX', 'the file is not an XLSX workbook'));
  }
  // A macro-enabled workbook (.xlsm) carries its code as xl/vbaProject.bin; zip entry names are plain text.
  if (/\.xlsm$/i.test(input.fileName ?? '') || input.file.includes('xl/vbaProject.bin')) {
    throw new UnacceptableFileError(415, t('delovni zvezki z makri (.xlsm) niso sprejeti; shranite ga kot .xlsx', 'macro-enabled workbooks (.xlsm) are not accepted; save it as .xlsx'));
  }
}

function yearSpan(periods: { startDate: string; endDate: string }[], year: number): { start: string; end: string } | null {
  const inYear = periods.filter((p) => p.startDate <= `${year}-12-31` && p.endDate >= `${year}-01-01`);
  if (inYear.length === 0) return null;
  const start = inYear.map((p) => (p.startDate > `${year}-01-01` ? p.startDate : `${year}-01-01`)).sort()[0];
  const end = inYear.map((p) => (p.endDate < `${year}-12-31` ? p.endDate : `${year}-12-31`)).sort().reverse()[0];
  return { start, end };
}

/** The parts an indicator is broken down by: women and men for gender, and whatever is stored. */
function dimensionParts(dimensions: string[], stored: { dimension: string | null; dimensionValue: string | null }[]) {
  const parts = new Map<string, { dimension: string; dimensionValue: string }>();
  if (dimensions.includes('gender')) for (const v of ['ženske', 'moški']) parts.set(`gender|${v}`, { dimension: 'gender', dimensionValue: v });
  for (const s of stored) if (s.dimension && s.dimensionValue) parts.set(`${s.dimension}|${s.dimensionValue}`, { dimension: s.dimension, dimensionValue: s.dimensionValue });
  return [...parts.values()].map((p) => ({ partnerId: null, partnerName: `Skupaj – ${p.dimensionValue}`, ...p }));
}
