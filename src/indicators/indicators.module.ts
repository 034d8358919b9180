import { Module } from '@nestjs/common';
import { LocksModule } from '../locks/locks.module';
import { ProjectsModule } from '../projects/projects.module';
import { AchievedValuesService } from './achieved-values.service';
import { ExplanationsService } from './explanations.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { SummaryController } from './summary/summary.controller';
import { SummaryRowsRepository } from './summary/summary-rows.repository';
import { SummaryService } from './summary/summary.service';
import { TargetsService } from './targets.service';

@Module({
  imports: [ProjectsModule, LocksModule],
  controllers: [SummaryController, IndicatorsController],
  providers: [IndicatorsService, IndicatorsRepository, AchievedValuesService, TargetsService, ExplanationsService, SummaryRowsRepository, SummaryService],
  exports: [IndicatorsService, IndicatorsRepository, AchievedValuesService, SummaryService],
})
export class IndicatorsModule {}
