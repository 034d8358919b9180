import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PARTS_SHARE } from './job-backend';
import { JobFilesRepository } from './job-files.repository';
import { JobRegistry } from './job-registry';
import { storedZipBytes, zipWriter } from './job-zip';
import { CANCELLED, JobCancelledError, JobContext, JobResult, PartFailedError, PartResult, QueuedJob, ZipOutput } from './job.types';

/**
 * Reports of a job's progress closer together than this are let pass (neither stored nor checked
 * for a cancel): a report is a round trip or two to the queue (on Redis 0.5–2.5 ms each in a
 * worker drawing reports, which was a tenth of a report's time when every report was sent), and
 * a progress bar or a cancel gains nothing from more.
 */
const REPORT_INTERVAL_MS = 200;

/** A part keeps its files until this much is waiting, then stores them in one go. */
const PART_BATCH_BYTES = 4 * 1024 * 1024;

/** What the queue offers the runner while one attempt of a job runs. */
export interface AttemptHooks {
  /** Stores the job's progress (0–100). */
  progress(percent: number): Promise<void>;
  /** True once the job (or, for a part, the job it is part of) was cancelled. */
  cancelled(): Promise<boolean>;
  /**
   * A split job's parts: what those done left, and the reason of one that failed every attempt
   * (then the parts not yet started are dropped), or null once all are done.
   */
  parts?(): Promise<{ done: PartResult[]; failure: string | null }>;
}

/**
 * Runs one attempt of a job, whichever queue it came from: looks up the handler, gives it a ZIP
 * that streams into the job's stored file, and reports progress (checking for a cancel at each
 * report). A failed attempt leaves nothing behind: the next one starts from an empty file.
 * A split job's parts store each file by itself instead, and the job then lists them, in the
 * parts' order, for its ZIP to be written from at download (see `assemble`).
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
    return job.parts ? this.assemble(job, hooks) : this.zipped(job, hooks, (context) => handler.run(job.input as never, context));
  }

  /**
   * One part of a split job: the handler's `run` on the part's input, its files stored a few MB
   * at a time (a commit for several reports rather than one each, and SQLite syncs every commit),
   * each under the part's id and this attempt's, so no attempt meets what another stored.
   */
  async runPart(job: QueuedJob, hooks: AttemptHooks): Promise<PartResult> {
    const handler = this.registry.get(job.type);
    if (await hooks.cancelled()) throw new JobCancelledError();
    const attempt = randomBytes(4).toString('hex');
    const entries: PartResult['entries'] = [];
    let pending: { id: string; body: Buffer }[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const batch = pending;
      pending = [];
      pendingBytes = 0;
      await this.files.storeAll(batch);
    };
    const zip: ZipOutput = {
      add: async (name, body) => {
        const bytes = Buffer.isBuffer(body) ? body : Buffer.concat(await Readable.from(body).toArray());
        const id = `${job.id}/${attempt}/${entries.length}`;
        entries.push({ name, file: id, bytes: bytes.length });
        pending.push({ id, body: bytes });
        pendingBytes += bytes.length;
        if (pendingBytes >= PART_BATCH_BYTES) await flush();
      },
    };
    try {
      const { fileName } = await handler.run(job.input as never, { jobId: job.id, actor: job.actor, zip, progress: progressReporter(hooks) });
      await flush();
      this.logger.log(`Part ${job.id} (${job.type}) done: ${entries.length} files`);
      return { index: job.part?.index ?? 0, fileName, entries };
    } catch (error) {
      await this.discard([{ index: 0, fileName: '', entries }]).catch(() => undefined);
      throw error;
    }
  }

  /** Removes the files of parts whose job will not assemble them (it failed or was cancelled). */
  async discard(parts: PartResult[]): Promise<void> {
    await this.files.removeAll(parts.flatMap((part) => part.entries.map((entry) => entry.file)));
  }

  /**
   * A split job, once its parts are done: the list of their files, in the parts' order, stored as
   * the job's file. Its ZIP is written from them as it is downloaded (JobsService.result), so the
   * job ends with its last part, rather than after copying every report into a second file one
   * worker writes alone, and the reports are stored once. Past what a ZIP without ZIP64 holds
   * (65,535 files, 4 GiB), the parts' files are copied into a stored ZIP instead, and removed.
   */
  private async assemble(job: QueuedJob, hooks: AttemptHooks): Promise<JobResult> {
    if (!hooks.parts) throw new Error(`Job ${job.id} is split, but its queue keeps no parts`);
    const { done, failure } = await hooks.parts();
    if (failure !== null || (await hooks.cancelled())) {
      await this.discard(done);
      throw failure === null || failure === CANCELLED ? new JobCancelledError() : new PartFailedError(failure);
    }
    const parts = done.sort((a, b) => a.index - b.index);
    if (parts.length !== job.parts) throw new Error(`Job ${job.id}: ${parts.length} of ${job.parts} parts are done`);
    const entries = parts.flatMap((part) => part.entries);
    const bytes = storedZipBytes(entries);
    if (bytes !== null) {
      await this.files.remove(job.id);
      await this.files.storeAll([{ id: job.id, body: Buffer.from(JSON.stringify(entries)) }]);
      await hooks.progress(100);
      this.logger.log(`Job ${job.id} (${job.type}) done: ${entries.length} files, a ZIP of ${bytes} bytes when downloaded`);
      return { fileName: parts[0].fileName, contentType: 'application/zip', bytes, files: entries.length, zip: 'parts' };
    }
    const result = await this.zipped(job, hooks, async ({ zip, progress }) => {
      let added = 0;
      for (const entry of entries) {
        await zip.add(entry.name, Readable.from(this.files.read(entry.file)));
        added += 1;
        await progress(PARTS_SHARE + (added / entries.length) * (100 - PARTS_SHARE));
      }
      return { fileName: parts[0].fileName };
    });
    await this.discard(parts);
    return result;
  }

  /** The job's ZIP, streamed into its stored file while `fill` adds to it. */
  private async zipped(job: QueuedJob, hooks: AttemptHooks, fill: (context: JobContext) => Promise<{ fileName: string; data?: unknown }>): Promise<JobResult> {
    if (await hooks.cancelled()) throw new JobCancelledError();
    await this.files.remove(job.id);
    const writer = zipWriter();
    const archive = writer.archive;
    const store = this.files.writer(job.id);
    const stored = pipeline(archive, store);
    let files = 0;
    const zip: ZipOutput = {
      add: async (name, body) => {
        await writer.add(name, body);
        files += 1;
      },
    };
    try {
      const { fileName, data } = await fill({ jobId: job.id, actor: job.actor, zip, progress: progressReporter(hooks) });
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

/**
 * Progress as a handler reports it: whole percent, stored when it changes, a cancel looked for at
 * each report, but for reports within REPORT_INTERVAL_MS of the last one, which are let pass
 * (the first and the last, 100 %, always count). `now` is the clock in ms.
 */
export function progressReporter(hooks: Pick<AttemptHooks, 'progress' | 'cancelled'>, now: () => number = () => performance.now()): JobContext['progress'] {
  let lastPercent = -1;
  let lastReport = -Infinity;
  return async (percent) => {
    const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
    const at = now();
    if (rounded !== 100 && at - lastReport < REPORT_INTERVAL_MS) return;
    lastReport = at;
    if (await hooks.cancelled()) throw new JobCancelledError();
    if (rounded !== lastPercent) await hooks.progress((lastPercent = rounded));
  };
}
