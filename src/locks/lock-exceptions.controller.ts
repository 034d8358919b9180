import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Requires } from '../access/requires.decorator';
import { Actor, CurrentActor } from '../auth/actor';
import { IsId, IsReportingYear } from '../common/dto-decorators';
import { IdPipe } from '../common/id.pipe';
import { LockExceptionsService } from './lock-exceptions.service';

export class OpenLockExceptionDto {
  @IsReportingYear()
  year: number;

  @ApiProperty({ description: 'The one user who may change the year' })
  @Type(() => Number)
  @IsId()
  userId: number;

  @ApiProperty({ example: '2022-02-15T23:59:59Z', description: 'When the exception closes by itself' })
  @IsISO8601({ strict: true })
  until: string;

  @ApiProperty({ example: 'Dopolnitev po pozivu skrbnika pogodbe' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class CloseLockExceptionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

@ApiTags('locks')
@Controller('api/projects/:code/lock-exceptions')
export class LockExceptionsController {
  constructor(private readonly exceptions: LockExceptionsService) {}

  @Get()
  @Requires('project.read')
  list(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.exceptions.list(code, actor);
  }

  @Post()
  @Requires('lock.exception')
  open(@Param('code') code: string, @Body() dto: OpenLockExceptionDto, @CurrentActor() actor: Actor) {
    return this.exceptions.open(code, dto, actor);
  }

  @Post(':id/close')
  @Requires('lock.exception')
  @HttpCode(200)
  close(@Param('code') code: string, @Param('id', IdPipe) id: number, @Body() dto: CloseLockExceptionDto, @CurrentActor() actor: Actor) {
    return this.exceptions.close(code, id, dto.reason ?? null, actor);
  }
}
