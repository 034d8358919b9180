import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ProjectsModule } from '../projects/projects.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

@Module({
  imports: [IndicatorsModule, ProjectsModule],
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {}
