import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { badRequest } from '../common/validation';
import { ImportValuesHandler, MAX_IMPORT_BYTES } from './use-cases/import-values.handler';
import { ImportValuesJob } from './import-values.job';
import { publicResult } from './use-cases/batch-errors';
import { langFromHeader, renderDeep, t } from '../common/i18n/text';
import { Requires } from '../access/requires.decorator';
import { IdPipe } from '../common/id.pipe';
import { ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
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
    private readonly importer: ImportValuesHandler,
    private readonly importJob: ImportValuesJob,
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
    return renderDeep(publicResult(await this.values.recordBatch({ ...dto, projectId: project.id }, actor)), langFromHeader(language));
  }

  /** The workbook to fill in for one year: one row per indicator × partner × dimension part, pre-filled. */
  @Get('projects/:code/values/template')
  @Requires('value.record')
  @ApiQuery({ name: 'year', required: true })
  async valuesTemplate(@Param('code') code: string, @Query('year', YearPipe) year: number, @CurrentActor() actor: Actor, @Res() res: Response) {
    const file = await this.importer.template(code, year, actor);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.content);
  }

  /**
   * A filled-in workbook (multipart field `file`): `dryRun=true` shows what would change, `false`
   * applies exactly that, or nothing. A file over IMPORT_QUEUE_BYTES is imported as a job: 202 with
   * the job, whose `result.data` is this route's answer (status and body).
   */
  @Post('projects/:code/values/import')
  @Requires('value.record')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'dryRun', required: false, description: 'true (default): check only; false: apply' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } }))
  async importValues(
    @Param('code') code: string,
    @Query('dryRun') dryRun: string | undefined,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Body() body: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
    @Headers('accept-language') language?: string,
  ) {
    if (!file) throw badRequest([{ field: 'file', message: t('priložite datoteko XLSX (polje file)', 'attach an XLSX file (field file)') }]);
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
      throw badRequest([{ field: 'dryRun', message: t('dryRun je true ali false', 'dryRun must be true or false') }]);
    }
    const text = (name: string) => (typeof body?.[name] === 'string' && (body[name] as string).trim() ? (body[name] as string) : null);
    if (this.importJob.queues(file.buffer.length)) {
      const lang = langFromHeader(language);
      const job = await this.importJob.submit(
        { projectCode: code, file: file.buffer, fileName: file.originalname, dryRun: dryRun !== 'false', reason: text('reason'), partnerExcessReason: text('partnerExcessReason'), lang },
        actor,
      );
      res.status(202);
      return job;
    }
    const result = await this.importer.execute(
      { projectCode: code, file: file.buffer, fileName: file.originalname, dryRun: dryRun !== 'false', reason: text('reason'), partnerExcessReason: text('partnerExcessReason') },
      actor,
    );
    return renderDeep(publicResult(result), langFromHeader(language));
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
