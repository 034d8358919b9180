import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { AppConfig } from '../../config/app-config';
import { postgresReader, sqliteReader } from '../../database/driver-readers';
import { makeThresholds } from '../calculation';
import { HeadlinePage, headlinePages, HeadlineQuery } from './headline-pages';
import { SummaryReads } from './summary-reads';

/**
 * The thread that reads and computes the portfolio export's headline pages (see HeadlineReader),
 * on a connection of its own to the app's database: a read-only one on SQLite (WAL lets it read
 * beside the app's writes), a pool of two on PostgreSQL. It runs the summaries' own SQL
 * (SummaryReads) on the driver itself (driver-readers.ts): with Nest and TypeORM loaded, the
 * thread took 57 MB before its first page, against 17 MB without.
 */
export interface HeadlineThreadData {
  database: AppConfig['database'];
  onTrackMarginPercent: string;
  deviationThresholdPercent: string;
}

/** What the app asks: one export's pages, answered on the port that comes with it. */
export interface HeadlineRequest {
  query: HeadlineQuery;
  port: MessagePort;
}

/** On a request's port, from the app: send one more page. The app ends a request by closing its port. */
export type HeadlineControl = 'next';
/** On a request's port, to the app. */
export type HeadlineAnswer = { page: HeadlinePage } | { done: true } | { error: string; stack?: string };

const data = workerData as HeadlineThreadData;
const thresholds = makeThresholds(data.onTrackMarginPercent, data.deviationThresholdPercent);
const reads = new SummaryReads(data.database.type === 'postgres' ? postgresReader(data.database.url, 2) : sqliteReader(data.database.path));

parentPort!.on('message', (request: HeadlineRequest) => void serve(request));

/** Sends the pages one at a time as the app asks for them, so that the reading waits for the writing. */
async function serve({ query, port }: HeadlineRequest): Promise<void> {
  let credit = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  port.on('message', (message: HeadlineControl) => {
    if (message === 'next') credit += 1;
    wake?.();
  });
  // The export has ended (done, failed, or its reader stopped early).
  port.on('close', () => {
    stopped = true;
    wake?.();
  });
  const send = (answer: HeadlineAnswer) => port.postMessage(answer);
  const pages = headlinePages(reads, query, thresholds);
  try {
    for (;;) {
      // A page is read only once the app has asked for it: at most two ahead of the writer.
      while (credit === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (stopped) return;
      const next = await pages.next();
      if (next.done) break;
      credit -= 1;
      send({ page: next.value });
    }
    send({ done: true });
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  } finally {
    await pages.return(undefined);
    port.close();
  }
}
