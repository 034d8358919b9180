import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import { BullmqJobBackend } from './bullmq-job-backend';
import { InProcessJobBackend } from './in-process-job-backend';
import { JOB_BACKEND, JobBackend } from './job-backend';
import { JobFilesRepository } from './job-files.repository';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/**
 * Batch jobs. Global so that every feature can register its handlers with JobRegistry. With
 * REDIS_URL the jobs go to BullMQ and only worker processes (`npm run worker`) run them; without,
 * the app process runs them itself, one at a time.
 */
@Global()
@Module({
  controllers: [JobsController],
  providers: [
    JobRegistry,
    JobRunner,
    JobFilesRepository,
    JobsService,
    {
      provide: JOB_BACKEND,
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis | null): JobBackend =>
        config.redisUrl && redis ? new BullmqJobBackend(config.redisUrl, redis, config.jobQueue) : new InProcessJobBackend(),
    },
  ],
  exports: [JobRegistry, JobsService, JobRunner, JobFilesRepository, JOB_BACKEND],
})
export class JobsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsModule.name);
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @Inject(JOB_BACKEND) private readonly backend: JobBackend,
    private readonly runner: JobRunner,
    private readonly files: JobFilesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.backend instanceof InProcessJobBackend) await this.backend.startWorker(this.runner, 1);
    // Every process sweeps (at start, then hourly): the same DELETE, whoever runs it first.
    void this.sweepFiles();
    this.sweeper = setInterval(() => void this.sweepFiles(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /**
   * Removes the files of jobs stored more than JOB_FILES_KEEP_DAYS ago: the queue forgets a
   * finished job after a week (FINISHED_JOB_KEEP_SECONDS; without Redis also at the app's
   * restart), and its files can no longer be downloaded; before, every report a job drew stayed
   * in the database for good.
   */
  async sweepFiles(now = Date.now()): Promise<number> {
    try {
      const removed = await this.files.removeStoredBefore(new Date(now - JOB_FILES_KEEP_DAYS * 24 * 3600 * 1000).toISOString());
      if (removed > 0) this.logger.log(`Removed ${removed} stored pieces of jobs' files older than ${JOB_FILES_KEEP_DAYS} days`);
      return removed;
    } catch (error) {
      this.logger.warn(`Jobs' old files not removed: ${(error as Error).message}`);
      return 0;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.backend.close();
  }
}

/** Jobs' files are kept this long after they were stored: a week longer than the queue keeps the job. */
export const JOB_FILES_KEEP_DAYS = 14;
const SWEEP_INTERVAL_MS = 3600 * 1000;
