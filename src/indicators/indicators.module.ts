import { Module, OnModuleInit } from '@nestjs/common';
import { t } from '../common/i18n/text';
import { ProjectDependents } from '../projects/project-dependents';
import { LocksModule } from '../locks/locks.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProjectsModule } from '../projects/projects.module';
import { AchievedValuesService } from './achieved-values.service';
import { DeleteValueHandler } from './use-cases/delete-value.handler';
import { ImportValuesHandler } from './use-cases/import-values.handler';
import { ImportValuesJob } from './import-values.job';
import { RecordValuesHandler } from './use-cases/record-values.handler';
import { ExplanationsService } from './explanations.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorFiguresModule } from './indicator-figures.module';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { SummaryController } from './summary/summary.controller';
import { SummaryRowsRepository } from './summary/summary-rows.repository';
import { SummaryService } from './summary/summary.service';
import { ReadingThreads } from './summary/reading-threads';
import { TargetsService } from './targets.service';

@Module({
  imports: [ProjectsModule, LocksModule, OrganisationsModule, IndicatorFiguresModule],
  controllers: [SummaryController, IndicatorsController],
  providers: [
    IndicatorsService,
    IndicatorsRepository,
    AchievedValuesService,
    RecordValuesHandler,
    DeleteValueHandler,
    ImportValuesHandler,
    ImportValuesJob,
    TargetsService,
    ExplanationsService,
    SummaryRowsRepository,
    SummaryService,
    ReadingThreads,
  ],
  exports: [IndicatorsService, IndicatorsRepository, IndicatorFiguresModule, AchievedValuesService, RecordValuesHandler, ImportValuesHandler, SummaryService],
})
export class IndicatorsModule implements OnModuleInit {
  constructor(
    private readonly dependents: ProjectDependents,
    private readonly indicators: IndicatorsRepository,
  ) {}

  /** A project with indicators keeps them: their figures must not cascade away. */
  onModuleInit(): void {
    this.dependents.register({
      blocking: async (em, projectId) => {
        const n = await this.indicators.countByProject(projectId, em);
        return n ? t(`${n} kazalnik(ov)`, `${n} indicator(s)`) : null;
      },
    });
  }
}
