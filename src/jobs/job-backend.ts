import { DomainError, FieldError } from '../common/errors';
import { render } from '../common/i18n/text';
import { CANCELLED, JobCancelledError, JobRecord, PartFailedError, QueuedJob } from './job.types';
import type { JobRunner } from './job-runner';

/** Attempts per job and the first retry's delay; each later retry waits twice as long. */
export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF_MS = 1000;

/** Where jobs wait and their state is kept: BullMQ over Redis, or the app process's memory. */
export interface JobBackend {
  /** Queues a job; with `parts`, those run first (side by side, each with its own attempts) and the job last. */
  enqueue(job: QueuedJob, parts?: QueuedJob[]): Promise<void>;
  find(id: string): Promise<JobRecord | null>;
  /** Marks the job (and its parts) cancelled: a waiting one never starts, a running one stops at its next progress report. */
  cancel(id: string): Promise<void>;
  /** Starts taking jobs (the in-process backend always does; BullMQ only in a worker). */
  startWorker(runner: JobRunner, concurrency: number): Promise<void>;
  close(): Promise<void>;
}

export const JOB_BACKEND = Symbol('JOB_BACKEND');

/** Which errors are worth another attempt: a refused input or access will be refused again, a cancel is final. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof DomainError) && !(error instanceof JobCancelledError) && !(error instanceof PartFailedError);
}

/** A part's id: the job's, then its number (not an id the API answers for). */
export function partId(jobId: string, index: number): string {
  return `${jobId}.${index}`;
}

/** How long a queue remembers a finished job (and BullMQ a cancel mark): a week. */
export const FINISHED_JOB_KEEP_SECONDS = 7 * 24 * 3600;

/**
 * A job's progress while its parts run: their mean, up to PARTS_SHARE %; the rest is the job's
 * own step once they are done: listing their files (at once), or past ZIP64's limits copying
 * them into a stored ZIP (see JobRunner.assemble).
 */
export const PARTS_SHARE = 90;

export function partsProgress(progress: number[]): number {
  return progress.length ? Math.floor((progress.reduce((a, b) => a + b, 0) / progress.length / 100) * PARTS_SHARE) : 0;
}

/** The failure reason kept with the job: a domain error's text with its field details, else the message. */
export function reasonOf(error: unknown): string {
  if (error instanceof JobCancelledError) return CANCELLED;
  if (error instanceof DomainError) {
    const fields = (error.details.errors as FieldError[] | undefined) ?? [];
    return [render(error.text, 'sl'), ...fields.map((f) => `${f.field}: ${render(f.message, 'sl')}`)].join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
