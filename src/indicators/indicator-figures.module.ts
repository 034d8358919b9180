import { Module } from '@nestjs/common';
import { AchievedValuesRepository } from './achieved-values.repository';

/**
 * The achieved-value repository on its own, with no imports: the projects feature asks it whether
 * a funding period may shrink past entered figures, and IndicatorsModule depends on projects.
 */
@Module({
  providers: [AchievedValuesRepository],
  exports: [AchievedValuesRepository],
})
export class IndicatorFiguresModule {}
