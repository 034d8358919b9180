import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { AppConfig } from '../../config/app-config';
import { postgresReader, sqliteReader } from '../../database/driver-readers';
import { makeThresholds } from '../calculation';
import { HeadlinePage, headlinePages, HeadlineQuery } from './headline-pages';
import { projectsJson, summariseProjects } from './project-summaries';
import type { ProjectRow } from './summary-reads';
import { SummaryReads } from './summary-reads';
import { warmUp } from './warm-up';

/**
 * A thread that reads and computes the portfolio's figures (see ReadingThreads), on a connection
 * of its own to the app's database: a read-only one on SQLite (WAL lets it read beside the app's
 * writes), a pool of two on PostgreSQL. It runs the summaries' own SQL (SummaryReads) on the
 * driver itself (driver-readers.ts): with Nest and TypeORM loaded, the thread took 57 MB before
 * its first page, against 17 MB without.
 *
 * It answers two kinds of request, each on the port that comes with it: the export's headline
 * pages, one at a time as the app asks for them, and the summaries of a run of projects, as the
 * bytes of their JSON.
 */
export interface ReadingThreadData {
  database: AppConfig['database'];
  onTrackMarginPercent: string;
  deviationThresholdPercent: string;
}

/** The summaries of these projects (a run of the portfolio in code order), read by their ids. */
export interface SummariesPart {
  projects: ProjectRow[];
  year: number;
  asOf: string;
  organisationNames: Map<number, string>;
}

/** What the app asks, answered on the port that comes with it. */
export type ReadingRequest = { headlines: HeadlineQuery; port: MessagePort } | { summaries: SummariesPart; port: MessagePort };

/** On a headline request's port, from the app: send one more page. The app ends a request by closing its port. */
export type HeadlineControl = 'next';
/** On a request's port, to the app. */
export type ReadingAnswer = { page: HeadlinePage } | { done: true } | { json: Uint8Array } | { error: string; stack?: string };

/** Rounds of the made-up portfolio (12 projects, 84 indicators) a thread summarises as it starts: about 0.3 s of its CPU. */
const WARM_UP_ROUNDS = 50;

const data = workerData as ReadingThreadData;
const thresholds = makeThresholds(data.onTrackMarginPercent, data.deviationThresholdPercent);
const reads = new SummaryReads(data.database.type === 'postgres' ? postgresReader(data.database.url, 2) : sqliteReader(data.database.path));

// The app sends plain data and a port, which are always read; were one not, it is logged here.
parentPort!.on('messageerror', (error) => console.error(`A portfolio reading request could not be read: ${error.message}`));
parentPort!.on('message', (request: ReadingRequest) => void ('headlines' in request ? serveHeadlines(request.headlines, request.port) : serveSummaries(request.summaries, request.port)));

// Requests are served between the warm-up's rounds (see warm-up.ts); a warm-up that failed only
// leaves the thread as cold as it started.
void warmUp(thresholds, WARM_UP_ROUNDS).catch((error: unknown) => console.error(`The portfolio reading thread's warm-up failed: ${String(error)}`));

const failure = (error: unknown): ReadingAnswer => ({
  error: error instanceof Error ? error.message : String(error),
  stack: error instanceof Error ? error.stack : undefined,
});

/**
 * The JSON of the projects' summaries, handed over to the app (not copied). The six reads are not
 * one snapshot: each is a statement of its own on this connection, as every read of the app's
 * other processes (workers, a second instance) always was; a value written between two of them
 * may be counted by one and not yet by the next. The two halves are disjoint projects.
 */
async function serveSummaries(part: SummariesPart, port: MessagePort): Promise<void> {
  try {
    const ids = part.projects.map((p) => p.id);
    const json = projectsJson(await summariseProjects(reads, part.projects, ids, { year: part.year, asOf: part.asOf, thresholds }, part.organisationNames));
    port.postMessage({ json } satisfies ReadingAnswer, [json.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage(failure(error));
  } finally {
    port.close();
  }
}

/** Sends the pages one at a time as the app asks for them, so that the reading waits for the writing. */
async function serveHeadlines(query: HeadlineQuery, port: MessagePort): Promise<void> {
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
  const send = (answer: ReadingAnswer) => port.postMessage(answer);
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
    send(failure(error));
  } finally {
    await pages.return(undefined);
    port.close();
  }
}
