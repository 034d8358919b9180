import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { ConflictError, NotFoundError } from '../common/errors';
import { t } from '../common/i18n/text';
import { JOB_BACKEND, JobBackend, partId } from './job-backend';
import { JobFilesRepository } from './job-files.repository';
import { ZipEntryFile, zipOfFiles } from './job-zip';
import { JobRegistry } from './job-registry';
import { JobRecord, JobView, QueuedJob } from './job.types';

const JOB_NOT_FOUND = t('Opravilo ne obstaja', 'Job not found');

/**
 * The one job API: the HTTP controller, the CLI and (later) the Excel import all call it.
 * A job runs as the actor who submitted it; only that actor or an admin sees it, downloads its
 * file or cancels it. Anyone else is answered as if the job did not exist.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(JOB_BACKEND) private readonly backend: JobBackend,
    private readonly files: JobFilesRepository,
  ) {}

  /**
   * Checks the input and the actor's access now (a mistake is answered at once), then queues the
   * job, split into parts that workers share when its handler splits it.
   */
  async submit(type: string, input: unknown, actor: Actor): Promise<JobView> {
    const handler = this.registry.get(type);
    const prepared = await handler.prepare(input, actor);
    const job: QueuedJob = { id: randomUUID(), type, input: prepared, actor: { userId: actor.userId, username: actor.username, role: actor.role }, createdAt: new Date().toISOString() };
    const inputs = (await handler.split?.(prepared, actor)) ?? [];
    if (inputs.length < 2) {
      await this.backend.enqueue(job);
    } else {
      const parts = inputs.map((partInput, index) => ({ ...job, id: partId(job.id, index), input: partInput, part: { parentId: job.id, index } }));
      await this.backend.enqueue({ ...job, parts: parts.length }, parts);
    }
    return this.get(job.id, actor);
  }

  async get(id: string, actor: Actor): Promise<JobView> {
    return view(await this.visible(id, actor));
  }

  async cancel(id: string, actor: Actor): Promise<JobView> {
    await this.visible(id, actor);
    await this.backend.cancel(id);
    return this.get(id, actor);
  }

  /**
   * The finished job's ZIP, streamed from storage, or for a split job written from its parts'
   * files as it is read (see JobRunner.assemble); 409 while it is not done.
   */
  async result(id: string, actor: Actor): Promise<{ fileName: string; contentType: string; bytes: number; body: AsyncIterable<Buffer> }> {
    const job = await this.visible(id, actor);
    if (job.state !== 'completed' || !job.result) {
      throw new ConflictError(t(`Opravilo še ni končano (${job.state})`, `The job is not done (${job.state})`), { state: job.state });
    }
    const { zip, fileName, contentType, bytes } = job.result;
    if (zip !== 'parts') return { fileName, contentType, bytes, body: this.files.read(id) };
    const entries = JSON.parse((await this.files.readAll(id)).toString('utf8')) as ZipEntryFile[];
    // Dated when the job ended, not when it is downloaded: every download is the same bytes.
    const ended = new Date(job.finishedAt ?? job.createdAt);
    return { fileName, contentType, bytes, body: zipOfFiles(entries, (file) => this.files.readAll(file), ended) };
  }

  private async visible(id: string, actor: Actor): Promise<JobRecord> {
    const job = /^[0-9a-f-]{36}$/.test(id) ? await this.backend.find(id) : null;
    const own = job && (actor.role === 'admin' || (job.actor.userId === actor.userId && job.actor.username === actor.username));
    if (!job || !own) throw new NotFoundError(JOB_NOT_FOUND);
    return job;
  }
}

function view(job: JobRecord): JobView {
  const { input: _input, actor, parts: _parts, part: _part, result, ...rest } = job;
  if (!result) return { ...rest, result, submittedBy: actor.username };
  const { zip: _zip, ...shown } = result;
  return { ...rest, result: shown, submittedBy: actor.username };
}
