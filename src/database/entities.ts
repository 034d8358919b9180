import { AuditEntry } from '../audit/audit-entry.entity';
import { RevokedToken } from '../auth/entities/revoked-token.entity';
import { JobFileChunk } from '../jobs/job-file-chunk.entity';
import { CALENDAR_ENTITIES } from '../calendar/entities';
import { NOTIFICATION_ENTITIES } from '../notifications/entities';
import { REVIEW_ENTITIES } from '../review/entities';
import { IndicatorComment } from '../comments/entities/indicator-comment.entity';
import { LockException } from '../locks/lock-exception.entity';
import { AchievedValue } from '../indicators/entities/achieved-value.entity';
import { DeviationExplanation } from '../indicators/entities/deviation-explanation.entity';
import { Indicator } from '../indicators/entities/indicator.entity';
import { Target } from '../indicators/entities/target.entity';
import { Funder } from '../funders/funder.entity';
import { PublicCall } from '../funders/public-call.entity';
import { Organisation } from '../organisations/organisation.entity';
import { FundingPeriodFunder } from '../projects/entities/funding-period-funder.entity';
import { FundingPeriod } from '../projects/entities/funding-period.entity';
import { Objective } from '../projects/entities/objective.entity';
import { ProjectPartner } from '../projects/entities/project-partner.entity';
import { Project } from '../projects/entities/project.entity';
import { ResultArea } from '../projects/entities/result-area.entity';
import { YearLock } from '../locks/year-lock.entity';
import { Narrative } from '../reports/entities/narrative.entity';
import { ReportSubmission } from '../reports/entities/report-submission.entity';
import { SubmittedFile } from '../reports/entities/submitted-file.entity';
import { USER_ENTITIES } from '../users/entities';

/** Every entity, listed once, for the app and the TypeORM CLI alike. */
export const ENTITIES = [
  Organisation,
  Funder,
  PublicCall,
  Project,
  ProjectPartner,
  FundingPeriod,
  FundingPeriodFunder,
  Objective,
  ResultArea,
  Indicator,
  Target,
  AchievedValue,
  DeviationExplanation,
  Narrative,
  YearLock,
  AuditEntry,
  ReportSubmission,
  SubmittedFile,
  ...USER_ENTITIES,
  RevokedToken,
  JobFileChunk,
  ...CALENDAR_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...REVIEW_ENTITIES,
  IndicatorComment,
  LockException,
];
