import { Database } from 'sqlite3';

/**
 * A synthetic portfolio written straight into the app's SQLite file (the app may be running: WAL):
 * projects with one contract over 2020–2023, `indicators` each (persons and euros summed, a share
 * as its latest state with counts, a running total), a target per year, `valuesPerYear` entries
 * per year. Project codes are `B00000`…, so pages and sorting behave as with real codes.
 */
export interface SeedShape {
  indicators: number;
  years: number[];
  valuesPerYear: number;
}

export const DEFAULT_SHAPE: SeedShape = { indicators: 20, years: [2020, 2021], valuesPerYear: 4 };

function open(file: string): Promise<Database> {
  return new Promise((done, fail) => {
    const db = new Database(file, (error) => (error ? fail(error) : done(db)));
  });
}

function run(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((done, fail) => db.run(sql, params, (error) => (error ? fail(error) : done())));
}

function one<T>(db: Database, sql: string): Promise<T> {
  return new Promise((done, fail) => db.get(sql, (error, row) => (error ? fail(error) : done(row as T))));
}

async function insertMany(db: Database, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const per = Math.floor(30_000 / columns.length);
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await run(db, `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${placeholders}`, chunk.flat());
  }
}

const KINDS = [
  { unit: 'persons', aggregation: 'sum', name: 'Število oseb iz ranljivih ciljnih skupin, vključenih v program' },
  { unit: 'eur', aggregation: 'sum', name: 'Sredstva, porabljena za aktivnosti programa' },
  { unit: 'percent', aggregation: 'latest', name: 'Delež udeležencev, ki so program uspešno zaključili' },
  { unit: 'persons', aggregation: 'cumulative', name: 'Število prostovoljcev, vključenih v izvajanje (skupaj)' },
  { unit: 'persons', aggregation: 'sum', name: 'Število izvedenih delavnic in skupinskih srečanj' },
] as const;

/** Adds projects number `from` to `to` - 1; answers the number of projects then in the file. */
export async function seedProjects(file: string, from: number, to: number, shape: SeedShape = DEFAULT_SHAPE): Promise<number> {
  const db = await open(file);
  try {
    await run(db, 'PRAGMA busy_timeout = 10000');
    await run(db, 'BEGIN IMMEDIATE');
    let org = await one<{ id: number } | undefined>(db, `SELECT id FROM organisation WHERE name = 'Društvo Merilo'`);
    if (!org) {
      await run(db, `INSERT INTO organisation (name, kind) VALUES ('Društvo Merilo', 'ngo')`);
      org = await one<{ id: number }>(db, `SELECT id FROM organisation WHERE name = 'Društvo Merilo'`);
    }
    const max = async (table: string) => (await one<{ m: number | null }>(db, `SELECT MAX(id) AS m FROM ${table}`)).m ?? 0;
    let projectId = await max('project');
    let periodId = await max('funding_period');
    let indicatorId = await max('indicator');
    const projects: unknown[][] = [];
    const periods: unknown[][] = [];
    const indicators: unknown[][] = [];
    const targets: unknown[][] = [];
    const values: unknown[][] = [];
    for (let p = from; p < to; p++) {
      projectId += 1;
      const code = `B${String(p).padStart(5, '0')}`;
      projects.push([projectId, code, `Projekt ${code} – socialna aktivacija in podpora ranljivim skupinam`, org.id, '[]', 'active']);
      periods.push([++periodId, projectId, '2020-01-01', '2023-12-31']);
      for (let k = 0; k < shape.indicators; k++) {
        const kind = KINDS[k % KINDS.length];
        indicatorId += 1;
        indicators.push([indicatorId, projectId, `K${String(k + 1).padStart(2, '0')}`, `${kind.name} (${k + 1})`, k % 3 === 0 ? 'result' : 'output', kind.unit, kind.aggregation, 'at_least', '[]', k, 1]);
        for (const year of shape.years) {
          const planned = kind.unit === 'percent' ? 60 : 40 + ((p * 7 + k * 13) % 120);
          targets.push([indicatorId, year, kind.unit === 'eur' ? `${planned * 100}.50` : String(planned), '2020-01-01', 1]);
          for (let q = 0; q < shape.valuesPerYear; q++) {
            const month = Math.floor((q * 12) / shape.valuesPerYear) + 1;
            const endMonth = Math.floor(((q + 1) * 12) / shape.valuesPerYear);
            const start = `${year}-${String(month).padStart(2, '0')}-01`;
            const end = `${year}-${String(endMonth).padStart(2, '0')}-${endMonth === 2 ? '28' : [4, 6, 9, 11].includes(endMonth) ? '30' : '31'}`;
            const n = 5 + ((p * 31 + k * 17 + q * 5 + year) % 40);
            if (kind.unit === 'percent') {
              const denominator = 20 + (n % 30);
              const numerator = Math.min(denominator, n);
              values.push([indicatorId, year, start, end, ((numerator * 100) / denominator).toFixed(2), String(numerator), String(denominator), 'bench', '2024-01-15T09:00:00.000Z', 1]);
            } else {
              values.push([indicatorId, year, start, end, kind.unit === 'eur' ? `${n * 100}.25` : String(n), null, null, 'bench', '2024-01-15T09:00:00.000Z', 1]);
            }
          }
        }
      }
    }
    await insertMany(db, 'project', ['id', 'code', 'name', 'leadOrganisationId', 'places', 'status'], projects);
    await insertMany(db, 'funding_period', ['id', 'projectId', 'startDate', 'endDate'], periods);
    await insertMany(db, 'indicator', ['id', 'projectId', 'code', 'name', 'kind', 'unit', 'aggregation', 'direction', 'dimensions', 'sortOrder', 'version'], indicators);
    await insertMany(db, 'target', ['indicatorId', 'year', 'value', 'validFrom', 'version'], targets);
    await insertMany(db, 'achieved_value', ['indicatorId', 'year', 'periodStart', 'periodEnd', 'value', 'numerator', 'denominator', 'enteredBy', 'enteredAt', 'version'], values);
    await run(db, 'COMMIT');
    await run(db, 'PRAGMA wal_checkpoint(TRUNCATE)');
    return (await one<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM project')).n;
  } finally {
    await new Promise<void>((done) => db.close(() => done()));
  }
}
