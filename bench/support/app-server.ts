/**
 * The app as the benchmarks run it: `dist/src/main.js` in this process, with every SQL statement
 * the SQLite driver (better-sqlite3) runs counted, so that a benchmark can ask (over IPC) how many
 * queries one request cost. Nothing else of the app is changed.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const BetterSqlite3 = require('better-sqlite3') as { prototype: object };

let queries = 0;
type Statement = Record<string, (...args: unknown[]) => unknown>;
const database = BetterSqlite3.prototype as unknown as { prepare(sql: string): Statement; exec(sql: string): unknown };
const prepare = database.prepare;
// TypeORM keeps prepared statements, so each run of one is counted, not its preparing.
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

process.on('message', (message: { ask?: string }) => {
  if (message?.ask === 'queries') process.send?.({ queries });
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
require(process.argv[2]);
