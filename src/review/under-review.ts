import { EntityManager, In } from 'typeorm';
import { ConflictError } from '../common/errors';
import { t } from '../common/i18n/text';
import { ReportCycle } from './entities/report-cycle.entity';

/**
 * Refuses a correction of a year whose report is with the funder (submitted or resubmitted): the
 * reviewer decides on the figures as submitted. Returning the report opens the year again for
 * corrections with a reason; approval keeps it locked. A plain function over the caller's
 * transaction, like `assertYearsUnlocked`, so value writes can ask without a module dependency.
 */
export async function assertNotUnderReview(em: EntityManager, projectId: number, year: number): Promise<void> {
  if (await em.existsBy(ReportCycle, { projectId, year, state: In(['submitted', 'resubmitted']) })) {
    throw new ConflictError(
      t(
        `Poročilo za leto ${year} je v pregledu pri financerju: popravki so mogoči, ko ga skrbnik pogodbe vrne v dopolnitev`,
        `The report for ${year} is under the funder's review: corrections are possible once the reviewer returns it`,
      ),
      { year },
    );
  }
}
