import type { Actor } from '../auth/actor';
import type { ZipEntryFile } from './job-zip';

/**
 * Batch work as jobs: a type names a handler in the registry, the input is plain JSON, and the job
 * runs as the actor who submitted it. The same API runs on BullMQ over Redis (REDIS_URL; any
 * number of `npm run worker` processes share the queue) or inside the app process without it.
 */
export type JobState = 'waiting' | 'active' | 'completed' | 'failed' | 'cancelled';

/** The file a job produced: a ZIP, kept in the database so that any instance can hand it out. */
export interface JobResult {
  fileName: string;
  contentType: string;
  bytes: number;
  /** Entries in the ZIP. */
  files: number;
  /** What the handler answered besides its files (an import's counts and row errors), as JSON. */
  data?: unknown;
  /**
   * 'parts': the job's stored file lists its parts' files (JSON, ZipEntryFile[]), and its ZIP is
   * written from them as it is downloaded, `bytes` long; otherwise the stored file is the ZIP.
   * Not shown by the API.
   */
  zip?: 'parts';
}

/** What is queued: everything a worker on another machine needs to run the job. */
export interface QueuedJob {
  id: string;
  type: string;
  input: unknown;
  actor: Actor;
  createdAt: string;
  /** A job split into parts (see JobHandler.split): how many; the job itself then only assembles their files. */
  parts?: number;
  /** A part of a split job: which one, of which job. Parts are not shown by the API. */
  part?: { parentId: string; index: number };
}

/** What a part of a split job leaves for the job to assemble: its files, stored one by one, in order. */
export interface PartResult {
  index: number;
  fileName: string;
  entries: ZipEntryFile[];
}

export interface JobRecord extends QueuedJob {
  state: JobState;
  /** 0 to 100. */
  progress: number;
  /** Attempts made so far; a failed attempt is retried with a growing delay until the last one. */
  attempts: number;
  maxAttempts: number;
  failedReason: string | null;
  result: JobResult | null;
  finishedAt: string | null;
}

/** A job as the API answers it. */
export type JobView = Omit<JobRecord, 'input' | 'actor' | 'parts' | 'part'> & { submittedBy: string };

export interface JobContext {
  jobId: string;
  actor: Actor;
  /**
   * Reports how far the job is (0–100). Throws JobCancelledError once the job was cancelled, so
   * a handler that reports progress between its steps stops at a step soon after the cancel
   * (reports are passed on and checked at most five times a second; see progressReporter).
   */
  progress(percent: number): Promise<void>;
  /** The job's result: a ZIP the handler adds files to, streamed to storage as it grows. */
  zip: ZipOutput;
}

export interface ZipOutput {
  /** Adds one file; resolves once the archive has taken it, so a fast producer waits for storage. */
  add(name: string, body: Buffer | NodeJS.ReadableStream): Promise<void>;
}

/**
 * One kind of job. `prepare` runs at submission, in the request: it checks the input and the
 * actor's access and answers with the input to queue (or throws a DomainError, answered as 4xx).
 * `run` does the work in a worker, as the same actor, and names the ZIP.
 */
export interface JobHandler<I = unknown> {
  readonly type: string;
  prepare(input: unknown, actor: Actor): Promise<I>;
  run(input: I, context: JobContext): Promise<{ fileName: string; data?: unknown }>;
  /**
   * A job that workers can share: the inputs of its parts (each a job's input of this type, e.g.
   * a few projects), asked at submission. With two or more, each part runs `run` as a job of its
   * own, on whichever worker is free, and the job, once every part is done, is a ZIP of all their
   * files in the parts' order, named as the parts name it.
   */
  split?(input: I, actor: Actor): Promise<I[]>;
}

export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A part of a split job failed every attempt: the job fails with the part's reason, without retrying. */
export class PartFailedError extends Error {}

/** The failure reason of a job cancelled by its submitter or an admin. */
export const CANCELLED = 'cancelled';
