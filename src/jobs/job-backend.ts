import { DomainError, FieldError } from '../common/errors';
import { render } from '../common/i18n/text';
import { CANCELLED, JobCancelledError, JobRecord, QueuedJob } from './job.types';
import type { JobRunner } from './job-runner';

/** Attempts per job and the first retry's delay; each later retry waits twice as long. */
export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF_MS = 1000;

/** Where jobs wait and their state is kept: BullMQ over Redis, or the app process's memory. */
export interface JobBackend {
  enqueue(job: QueuedJob): Promise<void>;
  find(id: string): Promise<JobRecord | null>;
  /** Marks the job cancelled: a waiting job never starts, a running one stops at its next progress report. */
  cancel(id: string): Promise<void>;
  /** Starts taking jobs (the in-process backend always does; BullMQ only in a worker). */
  startWorker(runner: JobRunner, concurrency: number): Promise<void>;
  close(): Promise<void>;
}

export const JOB_BACKEND = Symbol('JOB_BACKEND');

/** Which errors are worth another attempt: a refused input or access will be refused again, a cancel is final. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof DomainError) && !(error instanceof JobCancelledError);
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
