import { Module } from '@nestjs/common';
import { YearLocksRepository } from './year-locks.repository';

/**
 * The year_lock repository on its own, with no imports: the projects feature asks it whether a
 * change of a funding period reaches locked years, and LocksModule itself depends on projects.
 */
@Module({
  providers: [YearLocksRepository],
  exports: [YearLocksRepository],
})
export class YearLocksModule {}
