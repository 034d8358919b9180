import { Injectable, Logger } from '@nestjs/common';
import archiver from 'archiver';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { JobFilesRepository } from './job-files.repository';
import { JobRegistry } from './job-registry';
import { JobCancelledError, JobResult, QueuedJob, ZipOutput } from './job.types';

/** What the queue offers the runner while one attempt of a job runs. */
export interface AttemptHooks {
  /** Stores the job's progress (0–100). */
  progress(percent: number): Promise<void>;
  /** True once the job was cancelled. */
  cancelled(): Promise<boolean>;
}

/**
 * Runs one attempt of a job, whichever queue it came from: looks up the handler, gives it a ZIP
 * that streams into the job's stored file, and reports progress (checking for a cancel at each
 * report). A failed attempt leaves nothing behind: the next one starts from an empty file.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly files: JobFilesRepository,
  ) {}

  async run(job: QueuedJob, hooks: AttemptHooks): Promise<JobResult> {
    const handler = this.registry.get(job.type);
    if (await hooks.cancelled()) throw new JobCancelledError();
    await this.files.remove(job.id);
    // PDFs and XLSX are compressed already; a light level keeps the worker's time on the reports.
    const archive = archiver('zip', { zlib: { level: 1 } });
    const store = this.files.writer(job.id);
    const stored = pipeline(archive, store);
    let files = 0;
    let lastPercent = -1;
    const zip: ZipOutput = {
      add: async (name, body) => {
        // One entry at a time: archiver would queue every body given to it; waiting for the entry
        // to be written (and so for storage to take it) keeps memory at one file.
        const written = once(archive, 'entry');
        archive.append(body as Buffer, { name });
        await written;
        files += 1;
      },
    };
    try {
      const { fileName, data } = await handler.run(job.input as never, {
        jobId: job.id,
        actor: job.actor,
        zip,
        progress: async (percent) => {
          if (await hooks.cancelled()) throw new JobCancelledError();
          const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
          if (rounded !== lastPercent) await hooks.progress((lastPercent = rounded));
        },
      });
      await archive.finalize();
      await stored;
      this.logger.log(`Job ${job.id} (${job.type}) done: ${files} files, ${store.bytes()} bytes`);
      return { fileName, contentType: 'application/zip', bytes: store.bytes(), files, ...(data === undefined ? {} : { data }) };
    } catch (error) {
      archive.abort();
      await stored.catch(() => undefined);
      await this.files.remove(job.id).catch(() => undefined);
      throw error;
    }
  }
}
