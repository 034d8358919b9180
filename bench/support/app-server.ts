/**
 * The app as the benchmarks run it: `dist/src/main.js` in this process, with every SQL statement
 * the sqlite3 driver runs counted, so that a benchmark can ask (over IPC) how many queries one
 * request cost. Nothing else of the app is changed.
 */
import { Database } from 'sqlite3';

let queries = 0;
const proto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const method of ['all', 'run', 'get', 'each', 'exec', 'prepare']) {
  const original = proto[method];
  proto[method] = function counted(this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
}

process.on('message', (message: { ask?: string }) => {
  if (message?.ask === 'queries') process.send?.({ queries });
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
require(process.argv[2]);
