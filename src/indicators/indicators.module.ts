import { Module } from '@nestjs/common';
import { LocksModule } from '../locks/locks.module';
import { ProjectsModule } from '../projects/projects.module';
import { AchievedValuesRepository } from './achieved-values.repository';
import { AchievedValuesService } from './achieved-values.service';
import { DeleteValueHandler } from './use-cases/delete-value.handler';
import { ImportValuesHandler } from './use-cases/import-values.handler';
import { RecordValuesHandler } from './use-cases/record-values.handler';
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
  providers: [
    IndicatorsService,
    IndicatorsRepository,
    AchievedValuesRepository,
    AchievedValuesService,
    RecordValuesHandler,
    DeleteValueHandler,
    ImportValuesHandler,
    TargetsService,
    ExplanationsService,
    SummaryRowsRepository,
    SummaryService,
  ],
  exports: [IndicatorsService, IndicatorsRepository, AchievedValuesRepository, AchievedValuesService, RecordValuesHandler, ImportValuesHandler, SummaryService],
})
export class IndicatorsModule {}
