import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Actor, CurrentActor } from '../auth/actor';

import { RuleViolationError } from '../common/errors';
import { historyCsv, historyXlsx } from './history-export';
import { HistoryEvent } from './history-replay';
import { HistoryService } from './history.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('history')
@Controller('api')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get('indicators/:id/history')
  @Requires('history.read')
  @ApiQuery({ name: 'asOf', required: false, example: '2021-02-15T00:00:00Z' })
  indicator(@Param('id', IdPipe) id: number, @Query('asOf') asOf: string | undefined, @CurrentActor() actor: Actor) {
    return this.history.forIndicator(id, asOf || undefined, actor);
  }

  @Get('indicators/:id/history/export')
  @Requires('history.read')
  @ApiQuery({ name: 'format', enum: ['xlsx', 'csv'] })
  async exportIndicator(@Param('id', IdPipe) id: number, @Query('format') format: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { indicator, events } = await this.history.forIndicator(id, undefined, actor);
    await send(res, events, format, `revizijska-sled-kazalnik-${indicator.code}`);
  }

  @Get('projects/:code/history/export')
  @Requires('history.read')
  @ApiQuery({ name: 'format', enum: ['xlsx', 'csv'] })
  async exportProject(@Param('code') code: string, @Query('format') format: string, @CurrentActor() actor: Actor, @Res() res: Response) {
    const { project, events } = await this.history.forProject(code, actor);
    await send(res, events, format, `revizijska-sled-${project.code}`);
  }
}

async function send(res: Response, events: HistoryEvent[], format: string, baseName: string): Promise<void> {
  if (format !== 'xlsx' && format !== 'csv') {
    throw new RuleViolationError('Unknown format', [{ field: 'format', message: 'format must be xlsx or csv' }]);
  }
  const body = format === 'csv' ? historyCsv(events) : await historyXlsx(events, baseName);
  res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX);
  res.setHeader('Content-Disposition', `attachment; filename="${baseName}.${format}"`);
  res.send(body);
}
