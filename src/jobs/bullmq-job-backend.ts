import { Logger } from '@nestjs/common';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { connectRedis } from '../redis/redis.module';
import { isRetryable, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobBackend, reasonOf } from './job-backend';
import type { JobRunner } from './job-runner';
import { CANCELLED, JobRecord, JobResult, JobState, QueuedJob } from './job.types';

const CANCEL_PREFIX = 'kazalnik:jobs:cancelled:';
/** How long the queue remembers a finished job (and a cancel mark): a week. */
const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * Jobs on BullMQ over Redis. App instances only add and read jobs; `npm run worker` processes
 * (on as many machines as needed) take them. A cancel is a mark in Redis that every worker sees:
 * a waiting job is dropped when a worker picks it up, a running one stops at its next progress
 * report. Attempts and exponential backoff are BullMQ's own; errors that would fail again
 * (refused input or access, a cancel) end the job at once (UnrecoverableError).
 */
export class BullmqJobBackend implements JobBackend {
  private readonly logger = new Logger(BullmqJobBackend.name);
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private readonly connections: Redis[] = [];

  private readonly cancelPrefix: string;

  constructor(
    private readonly url: string,
    private readonly redis: Redis,
    private readonly queueName = 'kazalnik-jobs',
  ) {
    this.queue = new Queue(queueName, { connection: this.connection() });
    this.cancelPrefix = `${CANCEL_PREFIX}${queueName}:`;
  }

  private connection(): Redis {
    const c = connectRedis(this.url, { forQueue: true });
    c.on('error', (error: Error) => this.logger.warn(error.message));
    this.connections.push(c);
    return c;
  }

  async enqueue(job: QueuedJob): Promise<void> {
    await this.queue.add(job.type, job, {
      jobId: job.id,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { age: KEEP_SECONDS },
      removeOnFail: { age: KEEP_SECONDS },
    });
  }

  async find(id: string): Promise<JobRecord | null> {
    const job = await Job.fromId<QueuedJob, JobResult>(this.queue, id);
    if (!job) return null;
    const [state, cancelled] = await Promise.all([job.getState(), this.isCancelled(id)]);
    return {
      ...job.data,
      state: stateOf(state, job.failedReason, cancelled),
      progress: typeof job.progress === 'number' ? job.progress : 0,
      attempts: job.attemptsMade + (state === 'active' ? 1 : 0),
      maxAttempts: job.opts.attempts ?? JOB_ATTEMPTS,
      failedReason: cancelled ? CANCELLED : job.failedReason || null,
      result: state === 'completed' ? (job.returnvalue ?? null) : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }

  async cancel(id: string): Promise<void> {
    await this.redis.set(this.cancelPrefix + id, '1', 'EX', KEEP_SECONDS);
  }

  private async isCancelled(id: string): Promise<boolean> {
    return (await this.redis.exists(this.cancelPrefix + id)) === 1;
  }

  async startWorker(runner: JobRunner, concurrency: number): Promise<void> {
    this.worker = new Worker<QueuedJob, JobResult>(
      this.queueName,
      async (job) => {
        try {
          return await runner.run(job.data, {
            progress: (percent) => job.updateProgress(percent),
            cancelled: () => this.isCancelled(job.data.id),
          });
        } catch (error) {
          const reason = reasonOf(error);
          if (!isRetryable(error)) throw new UnrecoverableError(reason);
          throw error instanceof Error ? error : new Error(reason);
        }
      },
      { connection: this.connection(), concurrency },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.id} (${job?.name}) attempt ${job?.attemptsMade} failed: ${error.message}`));
    await this.worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}

function stateOf(state: string, failedReason: string | undefined, cancelled: boolean): JobState {
  if (state === 'completed') return 'completed';
  if (cancelled || failedReason === CANCELLED) return state === 'active' ? 'active' : 'cancelled';
  if (state === 'failed') return 'failed';
  if (state === 'active') return 'active';
  // waiting, delayed (a retry's backoff), prioritized, waiting-children
  return 'waiting';
}
