import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { AppConfig } from '../../config/app-config';
import { numberedPlaceholders } from '../../database/placeholders';
import type { SqlReader } from '../../database/sql-reader';
import { preparedStatements, SqliteConnection } from '../../database/sqlite-statements';
import { makeThresholds } from '../calculation';
import { HeadlinePage, headlinePages, HeadlineQuery } from './headline-pages';
import { SummaryReads } from './summary-reads';

/**
 * The thread that reads and computes the portfolio export's headline pages (see HeadlineReader),
 * on a connection of its own to the app's database: a read-only one on SQLite (WAL lets it read
 * beside the app's writes), a pool of two on PostgreSQL. It runs the summaries' own SQL
 * (SummaryReads) on the driver itself: with Nest and TypeORM loaded, the thread took 57 MB before
 * its first page, against 17 MB without.
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

/** On a request's port, from the app: 'next' (send one more page) or 'stop' (the export has ended). */
export type HeadlineControl = 'next' | 'stop';
/** On a request's port, to the app. */
export type HeadlineAnswer = { page: HeadlinePage } | { done: true } | { error: string };

const data = workerData as HeadlineThreadData;
const thresholds = makeThresholds(data.onTrackMarginPercent, data.deviationThresholdPercent);
const reads = new SummaryReads(data.database.type === 'postgres' ? postgresReader(data.database.url) : sqliteReader(data.database.path));

parentPort!.on('message', (request: HeadlineRequest) => void serve(request));

/** Sends the pages one at a time as the app asks for them, so that the reading waits for the writing. */
async function serve({ query, port }: HeadlineRequest): Promise<void> {
  let credit = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  port.on('message', (message: HeadlineControl) => {
    if (message === 'next') credit += 1;
    else stopped = true;
    wake?.();
  });
  // The app closes its end when the export ends, which may drop a 'stop' still on its way.
  port.on('close', () => {
    stopped = true;
    wake?.();
  });
  const send = (answer: HeadlineAnswer) => port.postMessage(answer);
  try {
    for await (const page of headlinePages(reads, query, thresholds)) {
      while (credit === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (stopped) return;
      credit -= 1;
      send({ page });
    }
    send({ done: true });
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    port.close();
  }
}

/** better-sqlite3, read-only, each statement prepared once (an export runs the same five a page). */
function sqliteReader(path: string): SqlReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as new (file: string, options: object) => SqliteConnection;
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 10_000 });
  const statements = preparedStatements(db, 20);
  return {
    postgres: false,
    rows: async <T>(sql: string, params: readonly unknown[]) => statements.objects(sql).all(params) as T[],
    tuples: async (sql, params) => statements.arrays(sql).all(params) as unknown[][],
  };
}

/** node-postgres, as TypeORM uses it: the same rows (the summaries read text, integers and nulls). */
function postgresReader(url: string): SqlReader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Pool } = require('pg') as typeof import('pg');
  const pool = new Pool({ connectionString: url, max: 2 });
  // A connection lost while idle is replaced by the next query, which reports its own error.
  pool.on('error', () => undefined);
  return {
    postgres: true,
    rows: async <T>(sql: string, params: readonly unknown[]) => (await pool.query(numberedPlaceholders(sql), [...params])).rows as T[],
    tuples: async (sql, params) => (await pool.query({ text: numberedPlaceholders(sql), values: [...params], rowMode: 'array' })).rows as unknown[][],
  };
}
