import { Injectable } from '@nestjs/common';
import { Actor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import type { IndicatorHeadlineRow } from '../indicators/summary/summary-builder';
import { SummaryService } from '../indicators/summary/summary.service';
import { UNIT_LABELS } from './model/labels';
import { PortfolioRow, writePortfolioXlsx } from './render/portfolio-export';

/** Every readable project's indicators for a year or a span of years, streamed as one workbook. */
@Injectable()
export class PortfolioExportService {
  constructor(private readonly summaries: SummaryService) {}

  /** Checked before anything is streamed, so that a mistake is answered as JSON, not as a file. */
  assertSpan(from: number, to: number): void {
    if (to < from || to - from > 20) {
      throw new RuleViolationError('Invalid span of years', [{ field: 'toYear', message: 'toYear must be from year to year + 20' }]);
    }
  }

  async write(from: number, to: number, lang: 'sl' | 'en', actor: Actor, out: NodeJS.WritableStream): Promise<{ rows: number }> {
    this.assertSpan(from, to);
    return writePortfolioXlsx(this.rows(from, to, lang, actor), out, { lang });
  }

  /**
   * Rows as the headline figures come, a page of projects at a time: a page is computed, written
   * and let go before the next is read, and the writer's back-pressure pauses the reading. Rows go
   * by project (code order), then year, then indicator: a page of projects is read once for all
   * the years (see `headlinePages`), and each project's years stand together.
   */
  private async *rows(from: number, to: number, lang: 'sl' | 'en', actor: Actor): AsyncGenerator<PortfolioRow> {
    for await (const page of this.summaries.portfolioHeadlinePages(from, actor, { toYear: to })) {
      for (const p of page) for (const i of p.indicators) yield toRow(p.project, p.year, i, lang);
    }
  }
}

function toRow(project: { code: string; name: string }, year: number, h: IndicatorHeadlineRow, lang: 'sl' | 'en'): PortfolioRow {
  const i = h.indicator;
  return {
    projectCode: project.code,
    projectName: project.name,
    year,
    indicatorCode: i.code,
    indicatorName: lang === 'en' && i.nameEn ? i.nameEn : i.name,
    kind: i.kind,
    unit: i.unitLabel ?? UNIT_LABELS[i.unit][lang],
    planned: h.planned,
    achieved: h.achieved,
    achievementPercent: h.achievementPercent,
    status: h.status,
  };
}
