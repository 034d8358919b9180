import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { extname, join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { startThread } from '../../common/threads/start-thread';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { makeThresholds, Thresholds } from '../calculation';
import { HeadlinePage, headlinePages, HeadlineQuery } from './headline-pages';
import type { HeadlineAnswer, HeadlineControl, HeadlineRequest, HeadlineThreadData } from './headline-thread';
import { SummaryRowsRepository } from './summary-rows.repository';

/**
 * The portfolio export's headline pages, read and computed in a thread of their own while this
 * one writes the workbook: the reading (SQLite runs in the caller's thread) and the calculation
 * took about two thirds of an export's time, and the writing the rest, one after the other. The
 * thread keeps two pages ahead of the writer and no more, so the writer's back-pressure still
 * reaches the reading, and memory stays a few pages whatever the size of the portfolio.
 *
 * The thread starts with the first export and serves every export after it, each on its own
 * message port. A database in memory (':memory:') cannot be opened twice; its pages are computed
 * here, in this thread, as the thread would.
 */
@Injectable()
export class HeadlineReader implements OnModuleDestroy {
  private readonly logger = new Logger(HeadlineReader.name);
  private readonly thresholds: Thresholds;
  private thread: Worker | null = null;
  private closed = false;
  /** The exports being answered, so that a thread that dies fails them rather than leaving them waiting. */
  private readonly open = new Set<(error: Error) => void>();

  constructor(
    private readonly rows: SummaryRowsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.thresholds = makeThresholds(config.onTrackMarginPercent, config.deviationThresholdPercent);
  }

  async *pages(query: HeadlineQuery): AsyncGenerator<HeadlinePage> {
    const database = this.config.database;
    if (database.type === 'sqlite' && database.path === ':memory:') {
      yield* headlinePages(this.rows, query, this.thresholds);
      return;
    }
    const { port1: port, port2 } = new MessageChannel();
    const answers: HeadlineAnswer[] = [];
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    port.on('message', (answer: HeadlineAnswer) => {
      answers.push(answer);
      wake?.();
    });
    const fail = (error: Error) => {
      failure = error;
      wake?.();
    };
    this.open.add(fail);
    const control = (message: HeadlineControl) => port.postMessage(message);
    try {
      this.ensureThread().postMessage({ query, port: port2 } satisfies HeadlineRequest, [port2]);
      control('next');
      control('next');
      for (;;) {
        while (answers.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        // What the thread sent before it stopped still counts: an export it finished is whole.
        const answer = answers.shift();
        if (!answer) throw failure!;
        if ('error' in answer) {
          this.logger.error(`Reading the portfolio's figures failed: ${answer.stack ?? answer.error}`);
          throw new Error(`Reading the portfolio's figures failed: ${answer.error}`);
        }
        if ('done' in answer) return;
        control('next');
        yield answer.page;
      }
    } finally {
      this.open.delete(fail);
      // Closing the port ends the request in the thread too.
      port.close();
    }
  }

  /** The reading thread's id while one runs (it starts with the first export). */
  get threadId(): number | null {
    return this.thread?.threadId ?? null;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.terminate();
  }

  private ensureThread(): Worker {
    if (this.thread) return this.thread;
    // Nest destroys the modules before it closes the HTTP server: an export that arrives between
    // the two would start a thread that nothing terminates.
    if (this.closed) throw new Error('The app is stopping; the portfolio is not read any more');
    const data: HeadlineThreadData = {
      database: this.config.database,
      onTrackMarginPercent: this.config.onTrackMarginPercent,
      deviationThresholdPercent: this.config.deviationThresholdPercent,
    };
    // A page's rows die young: with V8's default young generation (grown to 32 MB and more while
    // the thread ran at full speed) the thread held about 13 MB more at the export's peak than
    // with 4 MB, for no measurable gain in time (bench, 100,000 rows: 227–233 MB against 241–246).
    const thread = startThread(join(__dirname, `headline-thread${extname(__filename)}`), data, { maxYoungGenerationSizeMb: 4 });
    // The app may stop while the thread idles; it holds nothing that must be closed first.
    thread.unref();
    const gone = (error: Error) => {
      if (this.thread === thread) this.thread = null;
      for (const fail of this.open) fail(error);
    };
    thread.on('error', (error) => {
      this.logger.error(`The portfolio reading thread failed: ${error.message}`);
      gone(error);
    });
    thread.on('exit', (code) => gone(new Error(`The portfolio reading thread stopped (exit code ${code})`)));
    this.thread = thread;
    return thread;
  }
}
