import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Requires } from '../../access/requires.decorator';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../auth/actor';

import { OptionalIdPipe } from '../../common/id.pipe';
import { YearPipe } from '../../common/year.pipe';
import { SummaryService } from './summary.service';

/** Registered before IndicatorsController so that `indicators/summary` is not read as an id. */
@ApiTags('indicators')
@Controller('api')
export class SummaryController {
  constructor(private readonly summaries: SummaryService) {}

  @Get('projects/:code/indicators/summary')
  @Requires('project.read')
  @ApiQuery({ name: 'year', example: 2020 })
  @ApiQuery({ name: 'asOf', required: false, description: 'Evaluation date (YYYY-MM-DD); today by default' })
  @ApiQuery({ name: 'fundingPeriodId', required: false, description: 'The contract, when a renewal splits the year; the newest by default' })
  project(
    @Param('code') code: string,
    @Query('year', YearPipe) year: number,
    @Query('asOf') asOf: string | undefined,
    @Query('fundingPeriodId', OptionalIdPipe) fundingPeriodId: number | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.summaries.forProject(code, year, asOf, actor, { fundingPeriodId });
  }

  @Get('indicators/summary')
  @Requires('project.read')
  @ApiQuery({ name: 'year', example: 2020 })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOkResponse({ description: 'SummaryService.forPortfolio as JSON: { year, asOf, projects }' })
  async portfolio(@Query('year', YearPipe) year: number, @Query('asOf') asOf: string | undefined, @CurrentActor() actor: Actor, @Res() res: Response) {
    // The reading threads write the JSON (see ReadingThreads), sent with the headers res.json gives it.
    const parts = await this.summaries.portfolioJson(year, asOf, actor);
    res.set('Content-Type', 'application/json; charset=utf-8');
    res.set('Content-Length', String(parts.reduce((sum, part) => sum + part.byteLength, 0)));
    for (const part of parts) res.write(part);
    res.end();
  }
}
