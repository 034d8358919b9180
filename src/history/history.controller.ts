import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Requires } from '../access/requires.decorator';
import { Actor, CurrentActor } from '../auth/actor';
import { RuleViolationError } from '../common/errors';
import { IdPipe } from '../common/id.pipe';
import { attachment, CONTENT_TYPES } from '../reports/report-files';
import { TrailQueryDto } from './dto/trail-query.dto';
import { fromArray, TrailContext, TrailRow, trailRow, writeTrailCsv, writeTrailXlsx } from './history-export';
import { HistoryEvent } from './history-replay';
import { HistoryService } from './history.service';

@ApiTags('history')
@Controller('api')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('indicators/:id/history')
  @Requires('history.read')
  @ApiQuery({ name: 'asOf', required: false, example: '2021-02-15T10:30', description: 'A day, minute or instant (UTC): the state at its end' })
  @ApiQuery({ name: 'asSubmitted', required: false, example: 1, description: 'A submission id: the state its files were built from' })
  indicator(
    @Param('id', IdPipe) id: number,
    @Query('asOf') asOf: string | undefined,
    @Query('asSubmitted') asSubmitted: string | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.history.forIndicator(id, asOf || undefined, actor, asSubmitted ? submissionId(asSubmitted) : undefined);
  }

  @Get('indicators/:id/history/export')
  @Requires('history.read')
  @ApiQuery({ name: 'format', enum: ['xlsx', 'csv'] })
  async exportIndicator(@Param('id', IdPipe) id: number, @Query('format') format: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    checkFormat(format);
    const { indicator, events } = await this.history.forIndicator(id, undefined, actor);
    const context = await this.history.contextForIndicator(indicator.projectId, actor);
    await send(res, rowsOf(events, context), format, `revizijska-sled-kazalnik-${indicator.code}`);
  }

  @Get('projects/:code/history/export')
  @Requires('history.read')
  @ApiQuery({ name: 'format', enum: ['xlsx', 'csv'] })
  async exportProject(@Param('code') code: string, @Query('format') format: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    checkFormat(format);
    const { project, events, context } = await this.history.forProject(code, actor);
    await send(res, rowsOf(events, context), format, `revizijska-sled-${project.code}`);
  }

  /** The whole trail the actor may read, filtered by project, user, action and time; streamed. */
  @Get('history/export')
  @Requires('history.read')
  async exportTrail(@Query() query: TrailQueryDto, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { rows, baseName } = await this.history.trail(query, actor);
    await send(res, rows, query.format, baseName);
  }
}

function submissionId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) {
    throw new RuleViolationError('Invalid asSubmitted', [{ field: 'asSubmitted', message: 'asSubmitted must be a submission id' }]);
  }
  return id;
}

function checkFormat(format: string): asserts format is 'csv' | 'xlsx' {
  if (format !== 'xlsx' && format !== 'csv') {
    throw new RuleViolationError('Unknown format', [{ field: 'format', message: 'format must be xlsx or csv' }]);
  }
}

function rowsOf(events: HistoryEvent[], context: TrailContext): AsyncGenerator<TrailRow> {
  return fromArray(events.map((e) => trailRow(e, context)));
}

async function send(res: Response, rows: AsyncIterable<TrailRow>, format: 'csv' | 'xlsx', baseName: string): Promise<void> {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', attachment(`${baseName}.${format}`));
  if (format === 'csv') await writeTrailCsv(rows, res);
  else await writeTrailXlsx(rows, res, baseName);
}
