/**
 * Preloaded (`--require`) into the app as the benchmarks run it, and so into each of its threads
 * (a worker thread inherits the app's `execArgv`): every SQL statement the SQLite driver
 * (better-sqlite3) runs is counted, in whichever thread runs it, so that a benchmark can ask (over
 * IPC) how many queries one request cost. Each thread keeps its own count and says it only when
 * the main thread asks, on a BroadcastChannel, so that counting sends no message while a request
 * runs (one message per query had woken the app's main thread a dozen times a summary). Nothing
 * else of the app is changed.
 */
import { BroadcastChannel, isMainThread, threadId } from 'node:worker_threads';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BetterSqlite3 = require('better-sqlite3') as { prototype: object };

type Message = 'ask' | { thread: number; queries: number };

const channel = new BroadcastChannel('kazalnik-bench-queries');
// The channel must not keep a thread (or the app) alive.
(channel as unknown as { unref(): void }).unref();
let queries = 0;

type Statement = Record<string, (...args: unknown[]) => unknown>;
const database = BetterSqlite3.prototype as unknown as { prepare(sql: string): Statement; exec(sql: string): unknown };
const prepare = database.prepare;
// Prepared statements are kept (TypeORM's, the reading threads'), so each run of one is counted, not its preparing.
database.prepare = function counting(this: unknown, sql: string) {
  const statement = prepare.call(this, sql);
  for (const method of ['all', 'run', 'get', 'iterate']) {
    const original = statement[method];
    statement[method] = (...args: unknown[]) => {
      queries += 1;
      return original.apply(statement, args);
    };
  }
  return statement;
};
const exec = database.exec;
database.exec = function counted(this: unknown, sql: string) {
  queries += 1;
  return exec.call(this, sql);
};

if (isMainThread) {
  // The latest count each thread said; a thread that has stopped keeps its last one.
  const threads = new Map<number, number>();
  channel.onmessage = (event) => {
    const message = (event as { data: Message }).data;
    if (message !== 'ask') threads.set(message.thread, message.queries);
  };
  process.on('message', (message: { ask?: string }) => {
    if (message?.ask !== 'queries') return;
    // The benchmark asks once a request has been answered; the threads answer within the 100 ms.
    channel.postMessage('ask' satisfies Message);
    setTimeout(() => process.send?.({ queries: queries + [...threads.values()].reduce((a, b) => a + b, 0) }), 100);
  });
} else {
  channel.onmessage = (event) => {
    const message = (event as { data: Message }).data;
    if (message === 'ask') channel.postMessage({ thread: threadId, queries } satisfies Message);
  };
}
