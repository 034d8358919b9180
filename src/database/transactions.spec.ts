import { Transactions } from './transactions';
import { openTestDatabase, TestDatabase, testDatabaseKinds } from '../../test/support/test-databases';

/**
 * Units of work on a real database: all or nothing each, also when SQLite commits several of them
 * together (group commit), and none answered before its commit.
 */
for (const { kind, run, label } of testDatabaseKinds()) {
  (run ? describe : describe.skip)(`Transactions [${label}]`, () => {
    let db: TestDatabase;
    let transactions: Transactions;

    beforeEach(async () => {
      db = await openTestDatabase(kind);
      transactions = new Transactions(db.dataSource);
      await db.dataSource.query('CREATE TABLE tx_probe (name varchar(50) PRIMARY KEY)');
      await db.dataSource.query('CREATE TABLE tx_child (parent varchar(50) REFERENCES tx_probe (name) DEFERRABLE INITIALLY DEFERRED)');
    });
    afterEach(() => db.drop());

    const names = async () =>
      ((await db.dataSource.query('SELECT name FROM tx_probe ORDER BY name')) as { name: string }[]).map((r) => r.name);
    const insert = `INSERT INTO tx_probe (name) VALUES (${kind === 'postgres' ? '$1' : '?'})`;

    it('keeps the units that succeed and drops every write of the one that fails, however many run at once', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          transactions.run(async (em) => {
            await em.query(insert, [`org ${String(i).padStart(2, '0')}`]);
            await em.query(insert, [`half ${i}`]);
            if (i === 5) throw new Error('unit 5 refuses');
            await em.query(`DELETE FROM tx_probe WHERE name = ${kind === 'postgres' ? '$1' : '?'}`, [`half ${i}`]);
            return i;
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
      expect((results[5] as PromiseRejectedResult).reason).toEqual(new Error('unit 5 refuses'));
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
      expect(await names()).toEqual(['org 00', 'org 01', 'org 02', 'org 03', 'org 04', 'org 06', 'org 07', 'org 08', 'org 09', 'org 10', 'org 11']);
    });

    it('answers a unit only after its writes are committed, and a unit queued behind a failing one still runs', async () => {
      const first = transactions.run(async (em) => {
        await em.query(insert, ['a']);
        throw new Error('a fails');
      });
      const second = transactions.run(async (em) => {
        await em.query(insert, ['b']);
        return 'b';
      });
      await expect(first).rejects.toThrow('a fails');
      await expect(second).resolves.toBe('b');
      expect(await names()).toEqual(['b']);
    });

    it('fails every unit of a group whose commit fails, and stores none of them', async () => {
      // A deferred foreign key is checked at COMMIT: the commit holding both units fails. (On
      // PostgreSQL each unit has its own transaction: only the second fails.)
      const units = [
        transactions.run((em) => em.query(insert, ['x']).then(() => 'x')),
        transactions.run((em) =>
          em.query(`INSERT INTO tx_child (parent) VALUES ('nobody')`).then(() => 'dangling'),
        ),
      ];
      const results = await Promise.allSettled(units);
      expect(results.map((r) => r.status)).toEqual(kind === 'sqlite' ? ['rejected', 'rejected'] : ['fulfilled', 'rejected']);
      expect(await names()).toEqual(kind === 'sqlite' ? [] : ['x']);
    });
  });
}
