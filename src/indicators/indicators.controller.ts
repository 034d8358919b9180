import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { langFromHeader, renderDeep } from '../common/i18n/text';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';

import { AchievedValuesService } from './achieved-values.service';
import { CreateIndicatorDto, UpdateIndicatorDto } from './dto/indicator.dto';
import { ChangeReasonDto, CreateAchievedValueDto, CreateTargetDto, PutExplanationDto, UpdateAchievedValueDto, UpdateTargetDto } from './dto/values.dto';
import { ExplanationsService } from './explanations.service';
import { IndicatorsService } from './indicators.service';
import { OptionalYearPipe, YearPipe } from '../common/year.pipe';
import { TargetsService } from './targets.service';
import { RecordValuesDto } from './dto/record-values.dto';
import { ProjectsService } from '../projects/projects.service';

@ApiTags('indicators')
@Controller('api')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly values: AchievedValuesService,
    private readonly targets: TargetsService,
    private readonly explanations: ExplanationsService,
    private readonly projects: ProjectsService,
  ) {}

  @Get('projects/:code/indicators')
  @Requires('project.read')
  list(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.indicators.listForProject(code, actor);
  }

  @Post('projects/:code/indicators')
  @Requires('indicator.define')
  create(@Param('code') code: string, @Body() dto: CreateIndicatorDto, @CurrentActor() actor: Actor) {
    return this.indicators.create(code, dto, actor);
  }

  @Get('indicators/:id')
  @Requires('project.read')
  get(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.indicators.getReadable(id, actor);
  }

  @Patch('indicators/:id')
  @Requires('indicator.define')
  update(@Param('id', IdPipe) id: number, @Body() dto: UpdateIndicatorDto, @CurrentActor() actor: Actor) {
    return this.indicators.update(id, dto, actor);
  }

  @Delete('indicators/:id')
  @Requires('indicator.define')
  @HttpCode(204)
  remove(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.indicators.remove(id, actor);
  }

  /** Many values at once (a grid save, an API client's batch), all or nothing; `dryRun` checks only. */
  @Post('projects/:code/values')
  @Requires('value.record')
  @HttpCode(200)
  async recordValues(@Param('code') code: string, @Body() dto: RecordValuesDto, @CurrentActor() actor: Actor, @Headers('accept-language') language?: string) {
    const project = await this.projects.getByCode(code, actor);
    return renderDeep(await this.values.recordBatch({ ...dto, projectId: project.id }, actor), langFromHeader(language));
  }

  @Get('indicators/:id/values')
  @Requires('project.read')
  @ApiQuery({ name: 'year', required: false })
  listValues(@Param('id', IdPipe) id: number, @Query('year', OptionalYearPipe) year: number | undefined, @CurrentActor() actor: Actor) {
    return this.values.list(id, year, actor);
  }

  @Post('indicators/:id/values')
  @Requires('value.record')
  createValue(@Param('id', IdPipe) id: number, @Body() dto: CreateAchievedValueDto, @CurrentActor() actor: Actor) {
    return this.values.create(id, dto, actor);
  }

  @Get('values/:id')
  @Requires('project.read')
  getValue(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.values.get(id, actor);
  }

  @Patch('values/:id')
  @Requires('value.record')
  updateValue(@Param('id', IdPipe) id: number, @Body() dto: UpdateAchievedValueDto, @CurrentActor() actor: Actor) {
    return this.values.update(id, dto, actor);
  }

  @Post('values/:id/corrections')
  @Requires('value.correct')
  correctValue(@Param('id', IdPipe) id: number, @Body() dto: UpdateAchievedValueDto, @CurrentActor() actor: Actor) {
    return this.values.correct(id, dto, actor);
  }

  @Delete('values/:id')
  @Requires('value.record')
  @HttpCode(204)
  removeValue(@Param('id', IdPipe) id: number, @Body() dto: ChangeReasonDto, @CurrentActor() actor: Actor) {
    return this.values.remove(id, dto, actor);
  }

  @Get('indicators/:id/targets')
  @Requires('project.read')
  listTargets(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.targets.list(id, actor);
  }

  @Post('indicators/:id/targets')
  @Requires('target.set')
  createTarget(@Param('id', IdPipe) id: number, @Body() dto: CreateTargetDto, @CurrentActor() actor: Actor) {
    return this.targets.create(id, dto, actor);
  }

  @Patch('targets/:id')
  @Requires('target.set')
  updateTarget(@Param('id', IdPipe) id: number, @Body() dto: UpdateTargetDto, @CurrentActor() actor: Actor) {
    return this.targets.update(id, dto, actor);
  }

  @Delete('targets/:id')
  @Requires('target.set')
  @HttpCode(204)
  removeTarget(@Param('id', IdPipe) id: number, @Body() dto: ChangeReasonDto, @CurrentActor() actor: Actor) {
    return this.targets.remove(id, dto, actor);
  }

  @Get('indicators/:id/explanations')
  @Requires('project.read')
  listExplanations(@Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.explanations.list(id, actor);
  }

  @Put('indicators/:id/explanations/:year')
  @Requires('explanation.write')
  putExplanation(
    @Param('id', IdPipe) id: number,
    @Param('year', YearPipe) year: number,
    @Body() dto: PutExplanationDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.explanations.put(id, year, dto, actor);
  }
}
