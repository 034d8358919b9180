import { ProgrammeModel1763790000000 } from './1763790000000-programme-model';
import { AuditTrail1763790100000 } from './1763790100000-audit-trail';
import { Users1763790200000 } from './1763790200000-users';
import { ReportSubmissions1763790300000 } from './1763790300000-report-submissions';
import { TargetFundingPeriod1763790400000 } from './1763790400000-target-funding-period';
import { TokenRevocation1763800000000 } from './1763800000000-token-revocation';
import { WriteBatches1763810000000 } from './1763810000000-write-batches';
import { ReportFields1763820000000 } from './1763820000000-report-fields';
import { SummaryIndexes1763830000000 } from './1763830000000-summary-indexes';
import { JobFiles1763830100000 } from './1763830100000-job-files';
import { ReportingCalendar1763840000000 } from './1763840000000-reporting-calendar';
import { Notifications1763840100000 } from './1763840100000-notifications';
import { ReportCycle1763840200000 } from './1763840200000-report-cycle';
import { JobFileAge1763850000000 } from './1763850000000-job-file-age';

/**
 * Migrations in order. Listed explicitly (not globbed) so that the compiled app, the TypeORM CLI
 * and the TypeScript test runner all load exactly the same set.
 */
export const MIGRATIONS = [
  ProgrammeModel1763790000000,
  AuditTrail1763790100000,
  Users1763790200000,
  ReportSubmissions1763790300000,
  TargetFundingPeriod1763790400000,
  TokenRevocation1763800000000,
  WriteBatches1763810000000,
  ReportFields1763820000000,
  SummaryIndexes1763830000000,
  JobFiles1763830100000,
  ReportingCalendar1763840000000,
  Notifications1763840100000,
  ReportCycle1763840200000,
  JobFileAge1763850000000,
];
