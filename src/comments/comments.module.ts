import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { CommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

/** Comments on indicators' years. */
@Module({
  imports: [IndicatorsModule],
  controllers: [CommentsController],
  providers: [CommentsRepository, CommentsService],
})
export class CommentsModule {}
