import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { FINISHED_JOB_KEEP_SECONDS, isRetryable, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobBackend, partId, partsProgress, reasonOf } from './job-backend';
import type { AttemptHooks, JobRunner } from './job-runner';
import { CANCELLED, JobRecord, PartResult, QueuedJob } from './job.types';

const FINISHED = ['completed', 'failed', 'cancelled'];

/**
 * Jobs inside the app process, for a single instance without Redis (`npm start` needs nothing
 * else): a queue in memory, one job at a time, the same attempts, backoff and cancel as BullMQ.
 * A split job runs as on BullMQ: its parts first (each with its own attempts), then the job,
 * which assembles their files; a part that fails every attempt fails the job with its reason.
 * Jobs and their state do not survive a restart, and a finished job is forgotten after a week;
 * their files stay in the database until JobsModule sweeps them.
 */
export class InProcessJobBackend implements JobBackend {
  private readonly logger = new Logger(InProcessJobBackend.name);
  private readonly jobs = new Map<string, JobRecord>();
  /** What each finished part left for its job, until the job is done. */
  private readonly partResults = new Map<string, PartResult>();
  private readonly queue: string[] = [];
  private runner: JobRunner | null = null;
  private running = 0;
  private concurrency = 1;
  private closed = false;

  async enqueue(job: QueuedJob, parts: QueuedJob[] = []): Promise<void> {
    this.forgetFinished(Date.now());
    for (const queued of [job, ...parts]) {
      this.jobs.set(queued.id, { ...queued, state: 'waiting', progress: 0, attempts: 0, maxAttempts: JOB_ATTEMPTS, failedReason: null, result: null, finishedAt: null });
    }
    // A split job is queued once its parts are done (see partDone).
    this.queue.push(...(parts.length ? parts.map((part) => part.id) : [job.id]));
    this.pump();
  }

  /**
   * Forgets the jobs finished more than FINISHED_JOB_KEEP_SECONDS before `now` (ms), as BullMQ
   * does, so that an app that runs for months does not keep every job it ever ran. Called at
   * each submission.
   */
  forgetFinished(now: number): void {
    const before = new Date(now - FINISHED_JOB_KEEP_SECONDS * 1000).toISOString();
    for (const [id, job] of this.jobs) {
      if (FINISHED.includes(job.state) && job.finishedAt !== null && job.finishedAt < before) this.jobs.delete(id);
    }
  }

  async find(id: string): Promise<JobRecord | null> {
    const job = this.jobs.get(id);
    if (!job) return null;
    if (job.parts && job.state === 'waiting') {
      // Its parts are running: as far as they are, and active once one has started.
      const parts = this.partsOf(job);
      const started = parts.some((part) => part.state !== 'waiting' || part.attempts > 0);
      return { ...job, state: started ? 'active' : 'waiting', progress: partsProgress(parts.map((part) => (part.state === 'completed' ? 100 : part.progress))) };
    }
    return { ...job };
  }

  async cancel(id: string): Promise<void> {
    const job = this.jobs.get(id);
    if (!job || FINISHED.includes(job.state)) return;
    if (job.parts && job.state === 'waiting') return this.endParts(job, { state: 'cancelled', failedReason: CANCELLED });
    this.cancelOne(job);
  }

  /** Ends a split job before it assembles: its parts not yet done are cancelled, the files of those done removed. */
  private async endParts(job: JobRecord, end: Partial<JobRecord>): Promise<void> {
    for (const part of this.partsOf(job)) this.cancelOne(part);
    const done = this.resultsOf(job);
    this.finish(job, end);
    await this.runner?.discard(done).catch((error: unknown) => this.logger.warn(`Job ${job.id}: parts' files not removed: ${String(error)}`));
  }

  private resultsOf(job: JobRecord): PartResult[] {
    return this.partsOf(job).flatMap((part) => this.partResults.get(part.id) ?? []);
  }

  private cancelOne(job: JobRecord): void {
    if (FINISHED.includes(job.state)) return;
    if (job.state === 'waiting') this.finish(job, { state: 'cancelled', failedReason: CANCELLED });
    else job.failedReason = CANCELLED; // seen by the running attempt at its next progress report
  }

  async startWorker(runner: JobRunner, concurrency: number): Promise<void> {
    this.runner = runner;
    this.concurrency = concurrency;
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private partsOf(job: JobRecord): JobRecord[] {
    return Array.from({ length: job.parts ?? 0 }, (_, i) => this.jobs.get(partId(job.id, i))).filter((part): part is JobRecord => part !== undefined);
  }

  private pump(): void {
    while (!this.closed && this.runner && this.running < this.concurrency && this.queue.length > 0) {
      const job = this.jobs.get(this.queue.shift()!);
      if (!job || job.state !== 'waiting') continue;
      this.running += 1;
      void this.process(job, this.runner).finally(() => {
        this.running -= 1;
        if (job.part) this.partDone(job);
        this.pump();
      });
    }
  }

  /**
   * A part has finished: its job is queued (first) once every part is done; a part that failed or
   * was cancelled ends the job with its reason, and the parts not yet run with it.
   */
  private partDone(part: JobRecord): void {
    const job = this.jobs.get(part.part!.parentId);
    if (!job || job.state !== 'waiting') {
      this.jobs.delete(part.id); // a part still running when its job ended
      return;
    }
    const parts = this.partsOf(job);
    if (part.state === 'completed') {
      if (parts.every((p) => p.state === 'completed')) this.queue.unshift(job.id);
      return;
    }
    void this.endParts(job, part.state === 'cancelled' ? { state: 'cancelled', failedReason: CANCELLED } : { state: 'failed', failedReason: part.failedReason });
  }

  private async process(job: JobRecord, runner: JobRunner): Promise<void> {
    for (;;) {
      job.state = 'active';
      job.attempts += 1;
      const hooks: AttemptHooks = {
        progress: async (percent) => {
          job.progress = percent;
        },
        cancelled: async () => job.failedReason === CANCELLED,
        parts: async () => ({ done: this.resultsOf(job), failure: null }),
      };
      try {
        if (job.part) {
          this.partResults.set(job.id, await runner.runPart(job, hooks));
          this.finish(job, { state: 'completed', progress: 100, failedReason: null });
        } else {
          const result = await runner.run(job, hooks);
          this.finish(job, { state: 'completed', progress: 100, result, failedReason: null });
        }
        return;
      } catch (error) {
        const reason = reasonOf(error);
        if (reason === CANCELLED || job.failedReason === CANCELLED) return this.finish(job, { state: 'cancelled', failedReason: CANCELLED });
        if (!isRetryable(error) || job.attempts >= job.maxAttempts || this.closed) {
          this.logger.warn(`Job ${job.id} (${job.type}) failed after ${job.attempts} attempts: ${reason}`);
          return this.finish(job, { state: 'failed', failedReason: reason });
        }
        job.state = 'waiting';
        job.failedReason = reason;
        await sleep(JOB_BACKOFF_MS * 2 ** (job.attempts - 1));
        if (job.failedReason === CANCELLED) return this.finish(job, { state: 'cancelled' });
      }
    }
  }

  private finish(job: JobRecord, change: Partial<JobRecord>): void {
    Object.assign(job, change, { finishedAt: new Date().toISOString() });
    if (job.parts) {
      // Its parts are no longer asked about once it is done.
      for (const part of this.partsOf(job)) {
        if (FINISHED.includes(part.state)) this.jobs.delete(part.id);
        this.partResults.delete(part.id);
      }
    }
  }
}
