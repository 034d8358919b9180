import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, CurrentActor } from '../auth/actor';

import { YearPipe } from '../common/year.pipe';
import { PutNarrativeDto } from './dto/narrative.dto';
import { PortfolioQueryDto, ReportQueryDto } from './dto/report.dto';
import { NarrativesService } from './narratives.service';
import { PortfolioExportService } from './portfolio-export.service';
import { attachment, CONTENT_TYPES, GeneratedFile, ReportFormat } from './report-files';
import { ReportDownloadsService } from './report-downloads.service';
import { ReportsService } from './reports.service';
import { SubmissionsService } from './submissions.service';

@ApiTags('reports')
@Controller('api')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly submissions: SubmissionsService,
    private readonly narratives: NarrativesService,
    private readonly portfolio: PortfolioExportService,
    private readonly downloads: ReportDownloadsService,
  ) {}

  @Get('reports/templates')
  @Requires('report.generate')
  templates() {
    return this.reports.templates().map((t) => ({ id: t.id, title: t.title, defaultLanguage: t.defaultLanguage, appliesTo: t.appliesTo }));
  }

  @Get('projects/:code/reports/annual')
  @Requires('report.generate')
  async annual(@Param('code') code: string, @Query() q: ReportQueryDto, @CurrentActor() actor: Actor, @Res() res: Response) {
    const download = await this.downloads.download(
      { code, year: q.year, format: q.format, templateId: q.template, lang: q.lang, fundingPeriodId: q.fundingPeriodId, date: q.date, current: q.current === 'true' },
      actor,
    );
    // Which it is: the stored submission (its SHA-256 is the submitted one) or built from today's figures.
    res.setHeader('X-Report-Source', download.source);
    if (download.submissionId !== null) res.setHeader('X-Report-Submission', String(download.submissionId));
    send(res, download.file);
  }

  @Get('projects/:code/narratives')
  @Requires('project.read')
  listNarratives(@Param('code') code: string, @Query('year', YearPipe) year: number, @CurrentActor() actor: Actor) {
    return this.narratives.list(code, year, actor);
  }

  @Put('projects/:code/narratives/:year')
  @Requires('narrative.write')
  putNarrative(@Param('code') code: string, @Param('year', YearPipe) year: number, @Body() dto: PutNarrativeDto, @CurrentActor() actor: Actor) {
    return this.narratives.put(code, year, dto, actor);
  }

  @Get('projects/:code/reports/submissions')
  @Requires('submission.read')
  listSubmissions(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.submissions.list(code, actor);
  }

  @Get('reports/submissions/:id/files/:format')
  @Requires('submission.read')
  async submittedFile(@Param('id', IdPipe) id: number, @Param('format') format: ReportFormat, @CurrentActor() actor: Actor, @Res() res: Response) {
    send(res, await this.submissions.file(id, format, actor));
  }

  @Get('reports/submissions/:id/diff')
  @Requires('submission.read')
  diff(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.submissions.diff(id, actor);
  }

  @Get('reports/portfolio')
  @Requires('portfolio.read')
  async portfolioExport(@Query() q: PortfolioQueryDto, @CurrentActor() actor: Actor, @Res() res: Response) {
    const to = q.toYear ?? q.year;
    this.portfolio.assertSpan(q.year, to);
    res.setHeader('Content-Type', CONTENT_TYPES.xlsx);
    res.setHeader('Content-Disposition', attachment(`kazalniki-${q.year}${to !== q.year ? `-${to}` : ''}.xlsx`));
    await this.portfolio.write(q.year, to, q.lang ?? 'sl', actor, res);
  }
}

function send(res: Response, file: GeneratedFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', attachment(file.fileName));
  res.setHeader('X-Content-SHA256', file.sha256);
  res.send(file.body);
}
