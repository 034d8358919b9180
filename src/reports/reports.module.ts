import { Module, OnModuleInit } from '@nestjs/common';
import { ProjectDependents } from '../projects/project-dependents';
import { IndicatorsModule } from '../indicators/indicators.module';
import { LocksModule } from '../locks/locks.module';
import { ProjectsModule } from '../projects/projects.module';
import { AnnualReportsJob } from './annual-reports.job';
import { PortfolioExportJob } from './portfolio-export.job';
import { NarrativesService } from './narratives.service';
import { PortfolioExportService } from './portfolio-export.service';
import { ReportInputService } from './report-input.service';
import { ReportsController } from './reports.controller';
import { ReportDownloadsService } from './report-downloads.service';
import { ReportsService } from './reports.service';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [ProjectsModule, IndicatorsModule, LocksModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportDownloadsService, ReportInputService, NarrativesService, SubmissionsService, PortfolioExportService, AnnualReportsJob, PortfolioExportJob],
  exports: [ReportsService, SubmissionsService],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly dependents: ProjectDependents,
    private readonly narratives: NarrativesService,
  ) {}

  /** A deleted project's narratives go with it, each with its audit entry. */
  onModuleInit(): void {
    this.dependents.register({ removeAll: (em, projectId, actor) => this.narratives.removeAllOf(em, projectId, actor) });
  }
}
