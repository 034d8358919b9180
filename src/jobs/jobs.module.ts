import { Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
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
  constructor(
    @Inject(JOB_BACKEND) private readonly backend: JobBackend,
    private readonly runner: JobRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.backend instanceof InProcessJobBackend) await this.backend.startWorker(this.runner, 1);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
