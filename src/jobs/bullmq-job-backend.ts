import { Logger } from '@nestjs/common';
import { FlowProducer, Job, JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { hostname } from 'node:os';
import { connectRedis } from '../redis/redis.module';
import { FINISHED_JOB_KEEP_SECONDS, isRetryable, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobBackend, partsProgress, reasonOf } from './job-backend';
import type { AttemptHooks, JobRunner } from './job-runner';
import { CANCELLED, JobRecord, JobResult, JobState, PartResult, QueuedJob } from './job.types';

const CANCEL_PREFIX = 'kazalnik:jobs:cancelled:';
/** A split job's parts' progress, one hash per job: field i is part i's percent, `started` once one has begun. */
const PARTS_PREFIX = 'kazalnik:jobs:parts:';

/**
 * Jobs on BullMQ over Redis. App instances only add and read jobs; `npm run worker` processes
 * (on as many machines as needed) take them. A cancel is a mark in Redis that every worker sees:
 * a waiting job is dropped when a worker picks it up, a running one stops at its next progress
 * report. Attempts and exponential backoff are BullMQ's own; errors that would fail again
 * (refused input or access, a cancel) end the job at once (UnrecoverableError).
 *
 * A split job is a BullMQ flow: its parts are children on the same queue, which free workers take
 * side by side, each with its own attempts; the job waits in "waiting-children", holding no
 * worker, and is taken once they are done, to assemble their files. A part that fails every
 * attempt starts it at once (continueParentOnFailure): it drops the parts not yet started and
 * fails with the part's reason.
 */
export class BullmqJobBackend implements JobBackend {
  private readonly logger = new Logger(BullmqJobBackend.name);
  private readonly queue: Queue;
  private readonly flows: FlowProducer;
  private worker: Worker | null = null;
  private readonly connections: Redis[] = [];

  private readonly cancelPrefix: string;
  private readonly partsPrefix: string;

  constructor(
    private readonly url: string,
    private readonly redis: Redis,
    private readonly queueName = 'kazalnik-jobs',
  ) {
    this.queue = new Queue(queueName, { connection: this.connection() });
    this.flows = new FlowProducer({ connection: this.connection() });
    this.cancelPrefix = `${CANCEL_PREFIX}${queueName}:`;
    this.partsPrefix = `${PARTS_PREFIX}${queueName}:`;
  }

  private connection(): Redis {
    const c = connectRedis(this.url, { forQueue: true });
    c.on('error', (error: Error) => this.logger.warn(error.message));
    this.connections.push(c);
    return c;
  }

  private options(job: QueuedJob): JobsOptions {
    return {
      jobId: job.id,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { age: FINISHED_JOB_KEEP_SECONDS },
      removeOnFail: { age: FINISHED_JOB_KEEP_SECONDS },
    };
  }

  async enqueue(job: QueuedJob, parts: QueuedJob[] = []): Promise<void> {
    if (parts.length === 0) {
      await this.queue.add(job.type, job, this.options(job));
      return;
    }
    await this.flows.add({
      name: job.type,
      queueName: this.queueName,
      data: job,
      opts: this.options(job),
      children: parts.map((part) => ({ name: part.type, queueName: this.queueName, data: part, opts: { ...this.options(part), continueParentOnFailure: true } })),
    });
  }

  async find(id: string): Promise<JobRecord | null> {
    let job = await Job.fromId<QueuedJob, JobResult>(this.queue, id);
    if (!job) return null;
    const [state, cancelled] = await Promise.all([job.getState(), this.isCancelled(id)]);
    // The job may have finished between reading it and its state: then it is read again, so that a
    // finished job is never shown without its result (or failure) and attempts.
    if ((state === 'completed' || state === 'failed') && !job.finishedOn) job = (await Job.fromId<QueuedJob, JobResult>(this.queue, id)) ?? job;
    let shown = stateOf(state, job.failedReason, cancelled);
    let progress = typeof job.progress === 'number' ? job.progress : 0;
    if (job.data.parts && state === 'waiting-children') {
      // Its parts are running: as far as they are (one hash the parts write, rather than reading
      // every part's job at each poll), and active once one has started.
      const parts = await this.redis.hgetall(this.partsPrefix + id);
      progress = partsProgress(Array.from({ length: job.data.parts }, (_, i) => Number(parts[i] ?? 0)));
      if (shown === 'waiting' && parts.started) shown = 'active';
    }
    return {
      ...job.data,
      state: shown,
      progress,
      attempts: job.attemptsMade + (state === 'active' ? 1 : 0),
      maxAttempts: job.opts.attempts ?? JOB_ATTEMPTS,
      failedReason: cancelled ? CANCELLED : job.failedReason || null,
      result: state === 'completed' ? (job.returnvalue ?? null) : null,
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    };
  }

  async cancel(id: string): Promise<void> {
    await this.redis.set(this.cancelPrefix + id, '1', 'EX', FINISHED_JOB_KEEP_SECONDS);
  }

  /** Part `index` of job `parentId` is `percent` done (and so has started). */
  private async partProgress(parentId: string, index: number, percent: number): Promise<void> {
    const key = this.partsPrefix + parentId;
    await this.redis.multi().hset(key, String(index), String(percent), 'started', '1').expire(key, FINISHED_JOB_KEEP_SECONDS).exec();
  }

  private async isCancelled(id: string): Promise<boolean> {
    return (await this.redis.exists(this.cancelPrefix + id)) === 1;
  }

  /** A split job's parts: what those done answered, and the first failure (after dropping the parts not started). */
  private async partsOf(job: Job<QueuedJob>): Promise<{ done: PartResult[]; failure: string | null }> {
    const failures = Object.values(await job.getIgnoredChildrenFailures());
    if (failures.length > 0) await job.removeUnprocessedChildren();
    const done = Object.values((await job.getChildrenValues<PartResult>()) ?? {});
    return { done, failure: failures.find((reason) => reason !== CANCELLED) ?? failures[0] ?? null };
  }

  async startWorker(runner: JobRunner, concurrency: number): Promise<void> {
    this.worker = new Worker<QueuedJob, JobResult | PartResult>(
      this.queueName,
      async (job) => {
        const data = job.data;
        const part = data.part;
        const hooks: AttemptHooks = {
          // A part's progress is read from its job's hash only (see `find`): BullMQ's own is not kept for it.
          progress: part ? (percent) => this.partProgress(part.parentId, part.index, percent) : (percent) => job.updateProgress(percent),
          cancelled: () => this.isCancelled(part?.parentId ?? data.id),
          parts: () => this.partsOf(job),
        };
        try {
          if (!part) return await runner.run(data, hooks);
          // Started (and, for a retry, back at the beginning) before the handler reports anything.
          await this.partProgress(part.parentId, part.index, 0);
          const result = await runner.runPart(data, hooks);
          await this.partProgress(part.parentId, part.index, 100);
          return result;
        } catch (error) {
          const reason = reasonOf(error);
          if (!isRetryable(error)) throw new UnrecoverableError(reason);
          throw error instanceof Error ? error : new Error(reason);
        }
      },
      { connection: this.connection(), concurrency, name: `${hostname()}:${process.pid}` },
    );
    this.worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.id} (${job?.name}) attempt ${job?.attemptsMade} failed: ${error.message}`));
    await this.worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.flows.close();
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
