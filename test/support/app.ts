import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';

export interface TestApp {
  app: INestApplication;
  /** Where the database lives: a SQLite file path or a PostgreSQL URL. */
  database: string;
  close(): Promise<void>;
}

/**
 * Boots the real application against a real, fresh database: a temporary SQLite file by default,
 * or a new PostgreSQL database on the server named by TEST_DATABASE_URL (the CI's second run).
 * Demo data is loaded unless the caller sets DEMO_DATA=false.
 */
export async function createTestApp(options: { env?: Record<string, string> } = {}): Promise<TestApp> {
  const saved = { ...process.env };
  const db = await createDatabase();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DEMO_DATA: 'true',
    TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...db.env,
    ...options.env,
  });
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    configureApp(app);
    await app.init();
    return {
      app,
      database: db.location,
      close: async () => {
        await app.close();
        await db.drop();
      },
    };
  } finally {
    process.env = saved;
  }
}

interface TestDatabase {
  env: Record<string, string>;
  location: string;
  drop(): Promise<void>;
}

async function createDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'kazalnik-test-'));
    const path = join(dir, 'test.sqlite');
    return { env: { DATABASE_PATH: path, DATABASE_URL: '' }, location: path, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kazalnik_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    location: url.toString(),
    drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
