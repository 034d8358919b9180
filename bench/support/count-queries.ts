/**
 * Preloaded (`--require`) into the app as the benchmarks run it, and so into each of its threads
 * (a worker thread inherits the app's `execArgv`): every SQL statement the SQLite driver
 * (better-sqlite3) runs is counted, in whichever thread runs it, so that a benchmark can ask (over
 * IPC) how many queries one request cost. A thread reports its count to the app's main thread on a
 * BroadcastChannel. Nothing else of the app is changed.
 */
import { BroadcastChannel, isMainThread } from 'node:worker_threads';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BetterSqlite3 = require('better-sqlite3') as { prototype: object };

const channel = new BroadcastChannel('kazalnik-bench-queries');
// The channel must not keep a thread (or the app) alive.
(channel as unknown as { unref(): void }).unref();
let queries = 0;
const count = isMainThread ? () => (queries += 1) : () => channel.postMessage(1);

type Statement = Record<string, (...args: unknown[]) => unknown>;
const database = BetterSqlite3.prototype as unknown as { prepare(sql: string): Statement; exec(sql: string): unknown };
const prepare = database.prepare;
// Prepared statements are kept (TypeORM's, the reading threads'), so each run of one is counted, not its preparing.
database.prepare = function counting(this: unknown, sql: string) {
  const statement = prepare.call(this, sql);
  for (const method of ['all', 'run', 'get', 'iterate']) {
    const original = statement[method];
    statement[method] = (...args: unknown[]) => {
      count();
      return original.apply(statement, args);
    };
  }
  return statement;
};
const exec = database.exec;
database.exec = function counted(this: unknown, sql: string) {
  count();
  return exec.call(this, sql);
};

if (isMainThread) {
  channel.onmessage = () => (queries += 1);
  process.on('message', (message: { ask?: string }) => {
    // The benchmark asks once a request has been answered; the threads' counts are on their way.
    if (message?.ask === 'queries') setTimeout(() => process.send?.({ queries }), 100);
  });
}
