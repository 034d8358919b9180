// SCRATCH (to be deleted): createTestApp with AuthModule wired, until the lead wires app.module.ts.
import { INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AuthModule } from '../../src/auth/auth.module';
import { ProjectAccessService } from '../../src/auth/project-access.service';
import { applySecurity } from '../../src/auth/security';
import { Transactions } from '../../src/database/transactions';
import { seedDemoUsers } from '../../src/users/demo-users';
import { UsersModule } from '../../src/users/users.module';

export async function createTestApp(options: { env?: Record<string, string> } = {}) {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'kazalnik-scratch-'));
  Object.assign(process.env, { NODE_ENV: 'test', DEMO_DATA: 'true', TOKEN_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_PATH: join(dir, 't.sqlite'), ...options.env });
  delete process.env.DATABASE_URL;
  const imports = Reflect.getMetadata('imports', AppModule) ?? [];
  const controllers = Reflect.getMetadata('controllers', AppModule) ?? [];
  const providers = (Reflect.getMetadata('providers', AppModule) ?? []).filter((p: unknown) => p !== ProjectAccessService);
  @Module({ imports: [...imports, AuthModule, UsersModule], controllers, providers })
  class ScratchModule {}
  try {
    const moduleRef = await Test.createTestingModule({ imports: [ScratchModule] }).compile();
    const app: INestApplication = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    applySecurity(app);
    configureApp(app);
    await app.init();
    await app.get(Transactions).run((em) => seedDemoUsers(em));
    return { app, database: dir, close: async () => { await app.close(); rmSync(dir, { recursive: true, force: true }); } };
  } finally {
    process.env = saved;
  }
}
