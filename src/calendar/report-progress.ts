/**
 * Which reports are in (submitted or approved), so that a deadline shows as done. The reporting
 * cycle provides it; the calendar does not read the cycle's tables itself.
 */
export const REPORT_PROGRESS = Symbol('REPORT_PROGRESS');

export interface ReportProgress {
  /** Keys `${projectId}:${year}` of the reports that are in. */
  doneReports(projectIds: number[]): Promise<Set<string>>;
}
