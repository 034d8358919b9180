import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Requires } from '../access/requires.decorator';
import { Actor, CurrentActor } from '../auth/actor';
import { attachment } from '../reports/report-files';
import { JobsService } from './jobs.service';

export class SubmitJobDto {
  @IsString()
  @MaxLength(50)
  type: string;

  /** The handler checks its own input (see its `prepare`). */
  @IsObject()
  @Type(() => Object)
  input: Record<string, unknown>;
}

@ApiTags('jobs')
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post()
  @Requires('session.own')
  submit(@Body() dto: SubmitJobDto, @CurrentActor() actor: Actor) {
    return this.jobs.submit(dto.type, dto.input, actor);
  }

  @Get(':id')
  @Requires('session.own')
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.jobs.get(id, actor);
  }

  @Post(':id/cancel')
  @Requires('session.own')
  cancel(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.jobs.cancel(id, actor);
  }

  /** The ZIP, streamed from storage to the socket as the client reads it. */
  @Get(':id/result')
  @Requires('session.own')
  async result(@Param('id') id: string, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const file = await this.jobs.result(id, actor);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.bytes));
    res.setHeader('Content-Disposition', attachment(file.fileName));
    await pipeline(Readable.from(file.body), res);
  }
}
