import { Injectable } from '@nestjs/common';
import { Writable } from 'node:stream';
import { DataSource, In, LessThan } from 'typeorm';
import { nowIso } from '../database/columns';
import { JobFileChunk } from './job-file-chunk.entity';

/** Raw bytes per stored piece (1 MiB; about 1.4 MB as base64). */
const CHUNK_BYTES = 1024 * 1024;
/** Pieces inserted per statement by `storeAll` (at most about 16 × 1.4 MB of text). */
const STORE_ROWS = 16;
/** Pieces read per query while a file is downloaded. */
const READ_PAGE = 4;

/** Every query on job_file_chunk: a job's result file, written and read as a stream of pieces. */
@Injectable()
export class JobFilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Removes what an earlier, failed attempt of the job left. */
  async remove(jobId: string): Promise<void> {
    await this.dataSource.getRepository(JobFileChunk).delete({ jobId });
  }

  /**
   * Stores several small files with as few statements as their size allows (a statement is a
   * commit, and SQLite syncs each): a part of a split job stores its files at once.
   */
  async storeAll(files: { id: string; body: Buffer }[]): Promise<void> {
    const storedAt = nowIso();
    const rows = files.flatMap(({ id, body }) =>
      Array.from({ length: Math.max(1, Math.ceil(body.length / CHUNK_BYTES)) }, (_, seq) => ({ jobId: id, seq, data: body.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES).toString('base64'), storedAt })),
    );
    for (let i = 0; i < rows.length; i += STORE_ROWS) await this.dataSource.getRepository(JobFileChunk).insert(rows.slice(i, i + STORE_ROWS));
  }

  /**
   * Removes every piece stored before `instant` (ISO), of whichever jobs: answers how many. By the
   * index on storedAt, so that the pieces kept are not read.
   */
  async removeStoredBefore(instant: string): Promise<number> {
    return (await this.dataSource.getRepository(JobFileChunk).delete({ storedAt: LessThan(instant) })).affected ?? 0;
  }

  /** Removes several files (a split job's parts' files, once copied into its ZIP or given up). */
  async removeAll(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) await this.dataSource.getRepository(JobFileChunk).delete({ jobId: In(ids.slice(i, i + 500)) });
  }

  /**
   * A writable that stores what it is given in pieces of CHUNK_BYTES; each piece is inserted
   * before the next is accepted, so a fast producer waits for the database (back-pressure).
   */
  writer(jobId: string): Writable & { bytes(): number } {
    const repo = this.dataSource.getRepository(JobFileChunk);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    let total = 0;
    const flush = async (all: boolean) => {
      while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
        const joined = Buffer.concat(pending);
        const piece = joined.subarray(0, CHUNK_BYTES);
        const rest = joined.subarray(piece.length);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
        await repo.insert({ jobId, seq: seq++, data: piece.toString('base64'), storedAt: nowIso() });
      }
    };
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        total += chunk.length;
        flush(false).then(() => callback(), callback);
      },
      final(callback) {
        flush(true).then(() => callback(), callback);
      },
    });
    return Object.assign(stream, { bytes: () => total });
  }

  /** A file whole (one report, or a split job's list of its parts' files). */
  async readAll(jobId: string): Promise<Buffer> {
    const pieces: Buffer[] = [];
    for await (const piece of this.read(jobId)) pieces.push(piece);
    return Buffer.concat(pieces);
  }

  /** The file's bytes in order, a few pieces per query (keyset on seq), as the reader asks for them. */
  async *read(jobId: string): AsyncGenerator<Buffer> {
    let next = 0;
    for (;;) {
      const postgres = this.dataSource.options.type === 'postgres';
      const rows: { seq: number; data: string }[] = await this.dataSource.query(
        `SELECT seq, data FROM job_file_chunk WHERE "jobId" = ${postgres ? '$1' : '?'} AND seq >= ${postgres ? '$2' : '?'} ORDER BY seq LIMIT ${READ_PAGE}`,
        [jobId, next],
      );
      for (const row of rows) yield Buffer.from(row.data, 'base64');
      if (rows.length < READ_PAGE) return;
      next = Number(rows[rows.length - 1].seq) + 1;
    }
  }
}
