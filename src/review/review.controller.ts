import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { Actor, CurrentActor } from '../auth/actor';
import { PartReadyDto, ReportRefDto, ReviewDecisionDto, SubmitCycleDto } from './dto/review.dto';
import { ReviewService } from './review.service';

@ApiTags('reporting cycle')
@Controller('api')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  /** The report's state, partners' readiness, history, checklist and what the actor may do next. */
  @Get('projects/:code/reports/cycle')
  @Requires('project.read')
  view(@Param('code') code: string, @Query() ref: ReportRefDto, @CurrentActor() actor: Actor) {
    return this.review.view(code, ref, actor);
  }

  @Get('projects/:code/reports/checklist')
  @Requires('project.read')
  checklist(@Param('code') code: string, @Query() ref: ReportRefDto, @CurrentActor() actor: Actor) {
    return this.review.checklist(code, ref, actor);
  }

  @Post('projects/:code/reports/cycle/parts')
  @Requires('part.ready')
  @HttpCode(200)
  partReady(@Param('code') code: string, @Body() dto: PartReadyDto, @CurrentActor() actor: Actor) {
    return this.review.partReady(code, dto, actor);
  }

  @Post('projects/:code/reports/cycle/submit')
  @Requires('report.submit')
  @HttpCode(200)
  submit(@Param('code') code: string, @Body() dto: SubmitCycleDto, @CurrentActor() actor: Actor) {
    return this.review.submit(code, dto, actor);
  }

  @Post('projects/:code/reports/cycle/review')
  @Requires('report.review')
  @HttpCode(200)
  decide(@Param('code') code: string, @Body() dto: ReviewDecisionDto, @CurrentActor() actor: Actor) {
    return this.review.decide(code, dto, actor);
  }

  /** The reviewer's queue: reports with the funder or back from it. */
  @Get('reports/review-queue')
  @Requires('submission.read')
  queue(@CurrentActor() actor: Actor) {
    return this.review.queue(actor);
  }
}
