import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    logger.error((error as Error).message);
    process.exit(1);
  }
  const app = await NestFactory.create(AppModule, { bufferLogs: false });
  configureApp(app);
  await app.listen(config.port);
  const where = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL';
  logger.log(`Kazalnik listens on http://localhost:${config.port} (${where}); API docs at /api/docs`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
