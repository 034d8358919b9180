import { ReportCycle } from './report-cycle.entity';
import { ReportTransition } from './report-transition.entity';

export { ReportCycle, ReportTransition };

export const REVIEW_ENTITIES = [ReportCycle, ReportTransition];
