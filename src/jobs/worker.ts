import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { JOB_BACKEND, JobBackend } from './job-backend';
import { JobRunner } from './job-runner';

/**
 * `npm run worker`: takes jobs from the BullMQ queue until stopped (SIGTERM or SIGINT finishes
 * the job in hand first). Start one per core, on as many machines as needed; they share the
 * queue through REDIS_URL and the results through the database.
 */
async function main(): Promise<void> {
  const logger = new Logger('Worker');
  const config = loadConfig();
  if (!config.redisUrl) throw new Error('REDIS_URL is not set: without Redis the app process runs its jobs itself, and no worker is needed');
  const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new Error('WORKER_CONCURRENCY must be a whole number from 1 to 16');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['log', 'error', 'warn'] });
  app.enableShutdownHooks();
  await app.get<JobBackend>(JOB_BACKEND).startWorker(app.get(JobRunner), concurrency);
  logger.log(`Worker ${process.pid} takes jobs (concurrency ${concurrency})`);
}

main().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
