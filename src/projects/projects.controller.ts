import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../auth/actor';

import { CreateProjectDto, UpdateProjectDto } from './dto/project.dto';
import {
  CreateFundingPeriodDto,
  CreateObjectiveDto,
  CreatePartnerDto,
  CreateResultAreaDto,
  UpdateFundingPeriodDto,
  UpdateObjectiveDto,
  UpdatePartnerDto,
  UpdateResultAreaDto,
} from './dto/project-structure.dto';
import { ProjectStructureService } from './project-structure.service';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('api/projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly structure: ProjectStructureService,
  ) {}

  @Get()
  @Requires('project.read')
  list(@CurrentActor() actor: Actor) {
    return this.projects.list(actor);
  }

  @Get(':code')
  @Requires('project.read')
  detail(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.projects.detail(code, actor);
  }

  @Post()
  @Requires('project.create')
  create(@Body() dto: CreateProjectDto, @CurrentActor() actor: Actor) {
    return this.projects.create(dto, actor);
  }

  @Patch(':code')
  @Requires('project.update')
  update(@Param('code') code: string, @Body() dto: UpdateProjectDto, @CurrentActor() actor: Actor) {
    return this.projects.update(code, dto, actor);
  }

  @Delete(':code')
  @Requires('project.delete')
  @HttpCode(204)
  remove(@Param('code') code: string, @CurrentActor() actor: Actor) {
    return this.projects.remove(code, actor);
  }

  @Post(':code/partners')
  @Requires('project.update')
  addPartner(@Param('code') code: string, @Body() dto: CreatePartnerDto, @CurrentActor() actor: Actor) {
    return this.structure.addPartner(code, dto, actor);
  }

  @Patch(':code/partners/:id')
  @Requires('project.update')
  updatePartner(@Param('code') code: string, @Param('id', IdPipe) id: number, @Body() dto: UpdatePartnerDto, @CurrentActor() actor: Actor) {
    return this.structure.updatePartner(code, id, dto, actor);
  }

  @Post(':code/funding-periods')
  @Requires('project.update')
  addFundingPeriod(@Param('code') code: string, @Body() dto: CreateFundingPeriodDto, @CurrentActor() actor: Actor) {
    return this.structure.addFundingPeriod(code, dto, actor);
  }

  @Patch(':code/funding-periods/:id')
  @Requires('project.update')
  updateFundingPeriod(
    @Param('code') code: string,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateFundingPeriodDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.structure.updateFundingPeriod(code, id, dto, actor);
  }

  @Post(':code/objectives')
  @Requires('project.update')
  addObjective(@Param('code') code: string, @Body() dto: CreateObjectiveDto, @CurrentActor() actor: Actor) {
    return this.structure.addObjective(code, dto, actor);
  }

  @Patch(':code/objectives/:id')
  @Requires('project.update')
  updateObjective(@Param('code') code: string, @Param('id', IdPipe) id: number, @Body() dto: UpdateObjectiveDto, @CurrentActor() actor: Actor) {
    return this.structure.updateObjective(code, id, dto, actor);
  }

  @Post(':code/result-areas')
  @Requires('project.update')
  addResultArea(@Param('code') code: string, @Body() dto: CreateResultAreaDto, @CurrentActor() actor: Actor) {
    return this.structure.addResultArea(code, dto, actor);
  }

  @Patch(':code/result-areas/:id')
  @Requires('project.update')
  updateResultArea(@Param('code') code: string, @Param('id', IdPipe) id: number, @Body() dto: UpdateResultAreaDto, @CurrentActor() actor: Actor) {
    return this.structure.updateResultArea(code, id, dto, actor);
  }

  // One route per kind: a `:kind` parameter would also swallow `/locks/:year` of the locks controller.
  @Delete(':code/partners/:id')
  @Requires('project.update')
  @HttpCode(204)
  removePartner(@Param('code') code: string, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.structure.removeChild(code, 'partners', id, actor);
  }

  @Delete(':code/funding-periods/:id')
  @Requires('project.update')
  @HttpCode(204)
  removeFundingPeriod(@Param('code') code: string, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.structure.removeChild(code, 'funding-periods', id, actor);
  }

  @Delete(':code/objectives/:id')
  @Requires('project.update')
  @HttpCode(204)
  removeObjective(@Param('code') code: string, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.structure.removeChild(code, 'objectives', id, actor);
  }

  @Delete(':code/result-areas/:id')
  @Requires('project.update')
  @HttpCode(204)
  removeResultArea(@Param('code') code: string, @Param('id', IdPipe) id: number, @CurrentActor() actor: Actor) {
    return this.structure.removeChild(code, 'result-areas', id, actor);
  }
}
