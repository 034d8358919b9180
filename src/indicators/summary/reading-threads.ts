import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { extname, join } from 'node:path';
import { MessageChannel, MessagePort, Worker } from 'node:worker_threads';
import { startThread } from '../../common/threads/start-thread';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { makeThresholds, Thresholds } from '../calculation';
import { HeadlinePage, headlinePages, HeadlineQuery } from './headline-pages';
import { projectsJson, summariseProjects } from './project-summaries';
import type { HeadlineControl, ReadingAnswer, ReadingRequest, ReadingThreadData, SummariesPart } from './reading-thread';
import { SummaryRowsRepository } from './summary-rows.repository';

/**
 * The portfolio's figures, read and computed in threads of their own (reading-thread.ts), so that
 * the app's thread answers other requests meanwhile and two cores share a large portfolio:
 *
 * - the export's headline pages, while this thread writes the workbook: the reading (SQLite runs
 *   in the caller's thread) and the calculation took about two thirds of an export's time, and the
 *   writing the rest, one after the other. The thread keeps two pages ahead of the writer and no
 *   more, so the writer's back-pressure still reaches the reading, and memory stays a few pages
 *   whatever the size of the portfolio;
 * - the portfolio summary, as JSON: each of two threads summarises half of the projects and writes
 *   its half's JSON, which this thread sends between the answer's head and tail. Computed here, a
 *   summary of 1,000 projects took 0.94 s, 0.16 s of it collecting garbage, while every other
 *   request waited (bench: 2.33–2.88× the hand-written GROUP BY; in two threads 1.69–2.03×).
 *   Every portfolio is split, whatever its size, so that a summary costs the same number of
 *   queries at 10 projects as at 1,000: at 10 projects two threads were as quick as one, and
 *   quicker than this thread (19 ms against 27 ms, bench, median of 15).
 *
 * The threads start with the first request and serve every one after it, each request on its own
 * message port. The first thread serves both kinds: a summary's half and an export's pages share
 * it, each waiting while the other computes (a half of 1,000 projects is about 0.3 s). The halves
 * are read by the ids of their projects, so a portfolio of more than about 65,000 projects would
 * pass the engines' limit of parameters per statement (SQLite 32,766 a half, PostgreSQL 65,535).
 * A thread that stops fails the requests it was serving, and the next request starts a new one.
 * A database in memory (':memory:') cannot be opened twice; its figures are computed
 * here, in this thread, by the same functions.
 */
@Injectable()
export class ReadingThreads implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadingThreads.name);
  private readonly thresholds: Thresholds;
  private readonly threads: (Running | null)[] = [null, null];
  private closed = false;

  constructor(
    private readonly rows: SummaryRowsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.thresholds = makeThresholds(config.onTrackMarginPercent, config.deviationThresholdPercent);
  }

  private get inMemory(): boolean {
    const database = this.config.database;
    return database.type === 'sqlite' && database.path === ':memory:';
  }

  /** The export's headline pages, from the first thread. */
  async *pages(query: HeadlineQuery): AsyncGenerator<HeadlinePage> {
    if (this.inMemory) {
      yield* headlinePages(this.rows, query, this.thresholds);
      return;
    }
    const answers = this.ask(0, { headlines: query });
    const control = (message: HeadlineControl) => answers.port.postMessage(message);
    try {
      control('next');
      control('next');
      for (;;) {
        const answer = await answers.next();
        if ('done' in answer) return;
        if (!('page' in answer)) throw new Error('The reading thread answered a headline request with something else');
        control('next');
        yield answer.page;
      }
    } finally {
      // Closing the port ends the request in the thread too.
      answers.close();
    }
  }

  /**
   * The JSON of the projects' summaries (see `projectsJson`), in their order, as pieces to join:
   * two halves from two threads (one piece for one project, none for none), each half read by
   * its projects' ids.
   */
  async summariesJson(part: SummariesPart): Promise<Uint8Array[]> {
    // In this one thread halves would gain nothing and cost their queries twice.
    if (this.inMemory) return [await this.summariesHere(part)];
    const middle = Math.ceil(part.projects.length / 2);
    const halves = [part.projects.slice(0, middle), part.projects.slice(middle)].filter((projects) => projects.length > 0);
    return Promise.all(halves.map((projects, n) => this.summariesOn(n, { ...part, projects })));
  }

  /** The ids of the threads that run (they start with the first request). */
  get threadIds(): number[] {
    return this.threads.flatMap((t) => (t ? [t.worker.threadId] : []));
  }

  /**
   * The threads stop once the HTTP server has closed (Nest closes it after destroying the modules
   * and before this hook), so that the summaries and exports in flight are answered first.
   */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const running = this.threads.splice(0, this.threads.length, null, null);
    await Promise.all(running.map((t) => t?.worker.terminate()));
  }

  /** The summaries computed in this thread, as a reading thread computes them (`serveSummaries`). */
  private async summariesHere(part: SummariesPart): Promise<Uint8Array> {
    return projectsJson(await summariseProjects(this.rows, part.projects, part.projects.map((p) => p.id), { year: part.year, asOf: part.asOf, thresholds: this.thresholds }, part.organisationNames));
  }

  private async summariesOn(n: number, part: SummariesPart): Promise<Uint8Array> {
    const answers = this.ask(n, { summaries: part });
    try {
      const answer = await answers.next();
      if (!('json' in answer)) throw new Error('The reading thread answered a summary request with something else');
      return answer.json;
    } finally {
      answers.close();
    }
  }

  /**
   * Sends a request to thread `n` on a port of its own, and reads the answers as they come: an
   * error answer is thrown (and logged with the thread's stack), and so is the thread's end.
   * What the thread sent before it stopped still counts: an export it finished is whole.
   */
  private ask(n: number, request: { headlines: HeadlineQuery } | { summaries: SummariesPart }): Answers {
    const thread = this.thread(n);
    const { port1: port, port2 } = new MessageChannel();
    const answers: ReadingAnswer[] = [];
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    port.on('message', (answer: ReadingAnswer) => {
      answers.push(answer);
      wake?.();
    });
    const fail = (error: Error) => {
      failure = error;
      wake?.();
    };
    // The thread closes the port after its last answer, which arrives first; a port closed with
    // nothing more to read fails the request rather than leaving it waiting.
    port.on('close', () => fail(new Error('The portfolio reading thread ended the request without an answer')));
    thread.open.add(fail);
    const close = () => {
      thread.open.delete(fail);
      port.close();
    };
    try {
      thread.worker.postMessage({ ...request, port: port2 } as ReadingRequest, [port2]);
    } catch (error) {
      close();
      throw error;
    }
    return {
      port,
      next: async () => {
        while (answers.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const answer = answers.shift();
        if (!answer) throw failure!;
        if ('error' in answer) {
          this.logger.error(`Reading the portfolio's figures failed: ${answer.stack ?? answer.error}`);
          throw new Error(`Reading the portfolio's figures failed: ${answer.error}`);
        }
        return answer;
      },
      close,
    };
  }

  private thread(n: number): Running {
    const running = this.threads[n];
    if (running) return running;
    // A request still running when the threads have been stopped would start one that nothing terminates.
    if (this.closed) throw new Error('The app is stopping; the portfolio is not read any more');
    const data: ReadingThreadData = {
      database: this.config.database,
      onTrackMarginPercent: this.config.onTrackMarginPercent,
      deviationThresholdPercent: this.config.deviationThresholdPercent,
    };
    // A young generation of 16 MB. A summary keeps everything it computes until it writes its
    // JSON, so with 4 MB the thread ran a scavenge every 3 ms, each copying what was still alive,
    // and 1,000 projects took 645 ms against 498 ms with 16 MB (and 515 ms with 32 MB). An
    // export's page dies young whatever the size, and holds a few MB more at its peak with 16.
    const worker = startThread(join(__dirname, `reading-thread${extname(__filename)}`), data, { maxYoungGenerationSizeMb: 16 });
    // The app may stop while a thread idles; it holds nothing that must be closed first.
    worker.unref();
    const thread: Running = { worker, open: new Set() };
    const gone = (error: Error) => {
      if (this.threads[n] === thread) this.threads[n] = null;
      for (const fail of thread.open) fail(error);
    };
    worker.on('error', (error) => {
      this.logger.error(`A portfolio reading thread failed: ${error.message}`);
      gone(error);
    });
    worker.on('exit', (code) => gone(new Error(`A portfolio reading thread stopped (exit code ${code})`)));
    this.threads[n] = thread;
    return thread;
  }
}

interface Running {
  worker: Worker;
  /** The requests being answered, so that a thread that stops fails them rather than leaving them waiting. */
  open: Set<(error: Error) => void>;
}

interface Answers {
  port: MessagePort;
  next(): Promise<Exclude<ReadingAnswer, { error: string }>>;
  close(): void;
}
