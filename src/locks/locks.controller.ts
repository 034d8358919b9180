import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { YearPipe } from '../common/year.pipe';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';

import { LockYearDto, UnlockYearDto } from './dto/lock.dto';
import { LocksService } from './locks.service';
import { YearLock } from './year-lock.entity';

@ApiTags('locks')
@Controller('api/projects/:code/locks')
export class LocksController {
  constructor(private readonly locks: LocksService) {}

  @Get()
  @Requires('project.read')
  list(@Param('code') code: string, @CurrentActor() actor: Actor): Promise<YearLock[]> {
    return this.locks.list(code, actor);
  }

  @Post()
  @Requires('year.lock')
  lock(@Param('code') code: string, @Body() dto: LockYearDto, @CurrentActor() actor: Actor): Promise<YearLock> {
    return this.locks.lock(code, dto.year, dto.reason ?? null, actor);
  }

  @Delete(':year')
  @Requires('year.unlock')
  @HttpCode(204)
  unlock(@Param('code') code: string, @Param('year', YearPipe) year: number, @Body() dto: UnlockYearDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.locks.unlock(code, year, dto.reason, actor);
  }
}
