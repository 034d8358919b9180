import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRetryable, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobBackend, reasonOf } from './job-backend';
import type { JobRunner } from './job-runner';
import { CANCELLED, JobRecord, QueuedJob } from './job.types';

/**
 * Jobs inside the app process, for a single instance without Redis (`npm start` needs nothing
 * else): a queue in memory, one job at a time, the same attempts, backoff and cancel as BullMQ.
 * Jobs and their state do not survive a restart; their files do (they are in the database).
 */
export class InProcessJobBackend implements JobBackend {
  private readonly logger = new Logger(InProcessJobBackend.name);
  private readonly jobs = new Map<string, JobRecord>();
  private readonly queue: string[] = [];
  private runner: JobRunner | null = null;
  private running = 0;
  private concurrency = 1;
  private closed = false;

  async enqueue(job: QueuedJob): Promise<void> {
    this.jobs.set(job.id, { ...job, state: 'waiting', progress: 0, attempts: 0, maxAttempts: JOB_ATTEMPTS, failedReason: null, result: null, finishedAt: null });
    this.queue.push(job.id);
    this.pump();
  }

  async find(id: string): Promise<JobRecord | null> {
    const job = this.jobs.get(id);
    return job ? { ...job } : null;
  }

  async cancel(id: string): Promise<void> {
    const job = this.jobs.get(id);
    if (!job || job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') return;
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

  private pump(): void {
    while (!this.closed && this.runner && this.running < this.concurrency && this.queue.length > 0) {
      const job = this.jobs.get(this.queue.shift()!);
      if (!job || job.state !== 'waiting') continue;
      this.running += 1;
      void this.process(job, this.runner).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async process(job: JobRecord, runner: JobRunner): Promise<void> {
    for (;;) {
      job.state = 'active';
      job.attempts += 1;
      try {
        const result = await runner.run(job, {
          progress: async (percent) => {
            job.progress = percent;
          },
          cancelled: async () => job.failedReason === CANCELLED,
        });
        this.finish(job, { state: 'completed', progress: 100, result, failedReason: null });
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
  }
}
